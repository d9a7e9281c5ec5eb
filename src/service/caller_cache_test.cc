#include "tianping/service/caller_cache.h"

#include <gtest/gtest.h>

namespace tianping::service {
namespace {

Caller Named(const std::string& name) {
  Caller c;
  c.principal.name = name;
  c.authenticated = true;
  return c;
}

TEST(CallerCacheTest, RemembersByCredentialUntilCleared) {
  CallerCache cache;
  EXPECT_FALSE(cache.Get("s:token").has_value());
  cache.Put("s:token", Named("analyst"));
  cache.Put("k:tpk_x", Named("key:x"));
  ASSERT_TRUE(cache.Get("s:token").has_value());
  EXPECT_EQ(cache.Get("s:token")->principal.name, "analyst");
  EXPECT_EQ(cache.Get("k:tpk_x")->principal.name, "key:x");
  EXPECT_FALSE(cache.Get("s:other").has_value());
  cache.Clear();
  EXPECT_FALSE(cache.Get("s:token").has_value());
}

TEST(CallerCacheTest, ExpiredEntriesAreMisses) {
  CallerCache expired(/*ttl_ms=*/-1);
  expired.Put("s:token", Named("analyst"));
  EXPECT_FALSE(expired.Get("s:token").has_value());
}

TEST(CallerCacheTest, FullCacheStartsOver) {
  CallerCache cache(/*ttl_ms=*/60000, /*max_entries=*/2);
  cache.Put("a", Named("a"));
  cache.Put("b", Named("b"));
  cache.Put("c", Named("c"));
  EXPECT_FALSE(cache.Get("a").has_value());
  EXPECT_TRUE(cache.Get("c").has_value());
}

}  // namespace
}  // namespace tianping::service
