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
  EXPECT_FALSE(cache.Get("s:token", 1).has_value());
  cache.Put("s:token", Named("analyst"), 1);
  cache.Put("k:tpk_x", Named("key:x"), 1);
  ASSERT_TRUE(cache.Get("s:token", 1).has_value());
  EXPECT_EQ(cache.Get("s:token", 1)->principal.name, "analyst");
  EXPECT_EQ(cache.Get("k:tpk_x", 1)->principal.name, "key:x");
  EXPECT_FALSE(cache.Get("s:other", 1).has_value());
  cache.Clear();
  EXPECT_FALSE(cache.Get("s:token", 1).has_value());
}

TEST(CallerCacheTest, AnotherStoreVersionIsAMiss) {
  CallerCache cache;
  cache.Put("s:token", Named("analyst"), 7);
  EXPECT_TRUE(cache.Get("s:token", 7).has_value());
  EXPECT_FALSE(cache.Get("s:token", 8).has_value());  // security.db changed elsewhere
}

TEST(CallerCacheTest, ExpiredEntriesAreMisses) {
  CallerCache expired(/*ttl_ms=*/-1);
  expired.Put("s:token", Named("analyst"), 1);
  EXPECT_FALSE(expired.Get("s:token", 1).has_value());
}

TEST(CallerCacheTest, FullCacheStartsOver) {
  CallerCache cache(/*ttl_ms=*/60000, /*max_entries=*/2);
  cache.Put("a", Named("a"), 1);
  cache.Put("b", Named("b"), 1);
  cache.Put("c", Named("c"), 1);
  EXPECT_FALSE(cache.Get("a", 1).has_value());
  EXPECT_TRUE(cache.Get("c", 1).has_value());
}

}  // namespace
}  // namespace tianping::service
