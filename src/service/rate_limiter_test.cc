#include "tianping/service/rate_limiter.h"

#include <gtest/gtest.h>

namespace tianping::service {
namespace {

TEST(RateLimiter, TokenBucketRefillsAtTheRate) {
  RateLimiter l;
  KeyLimits k{2.0, 3.0, 0};  // 2 per second, burst 3, no quota
  for (int i = 0; i < 3; ++i) EXPECT_TRUE(l.Acquire(1, k, 100.0, 1, 1000).allowed);
  auto d = l.Acquire(1, k, 100.0, 1, 1000);
  EXPECT_FALSE(d.allowed);
  EXPECT_EQ(d.reason, "rate");
  EXPECT_EQ(d.retry_after_seconds, 1);  // 1 token missing at 2/s → 0.5 s, rounded up
  EXPECT_TRUE(l.Acquire(1, k, 100.5, 1, 1000).allowed);   // 0.5 s later one token is back
  EXPECT_FALSE(l.Acquire(1, k, 100.5, 1, 1000).allowed);
  EXPECT_TRUE(l.Acquire(2, k, 100.5, 1, 1000).allowed);   // other keys have their own bucket
}

TEST(RateLimiter, SlowRateGivesLongerRetryAfter) {
  RateLimiter l;
  KeyLimits k{0.1, 1.0, 0};  // one request per 10 s
  EXPECT_TRUE(l.Acquire(7, k, 0.0, 1, 1000).allowed);
  auto d = l.Acquire(7, k, 1.0, 1, 1000);
  EXPECT_FALSE(d.allowed);
  EXPECT_EQ(d.retry_after_seconds, 9);
}

TEST(RateLimiter, DailyQuotaResetsOnTheNextDay) {
  RateLimiter l;
  KeyLimits k{1000.0, 1000.0, 2};
  EXPECT_TRUE(l.Acquire(1, k, 0, 10, 3600).allowed);
  EXPECT_TRUE(l.Acquire(1, k, 0, 10, 3600).allowed);
  auto d = l.Acquire(1, k, 0, 10, 3600);
  EXPECT_FALSE(d.allowed);
  EXPECT_EQ(d.reason, "quota");
  EXPECT_EQ(d.retry_after_seconds, 3600);
  EXPECT_EQ(l.UsageOf(1).today, 2);
  EXPECT_TRUE(l.Acquire(1, k, 1, 11, 86400).allowed);
}

}  // namespace
}  // namespace tianping::service
