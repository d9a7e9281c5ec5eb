#include "tianping/service/endpoint_stats.h"

#include <gtest/gtest.h>

namespace tianping::service {
namespace {

TEST(EndpointStats, BucketsAreContiguousAndOrdered) {
  for (uint64_t us : {1ull, 2ull, 7ull, 100ull, 999ull, 1000ull, 12345ull, 5000000ull}) {
    size_t b = EndpointStats::BucketOf(us);
    EXPECT_LT(us, EndpointStats::UpperMicros(b)) << us;
    if (b > 0) EXPECT_GE(us, EndpointStats::UpperMicros(b - 1)) << us;
  }
}

TEST(EndpointStats, PercentilesWithinBucketPrecision) {
  EndpointStats s(2);
  // 98 fast calls of 1 ms, two slow ones of 50 ms: p50 ≈ 1 ms, p99 ≈ 50 ms.
  for (int i = 0; i < 98; ++i) s.Record(1, 200, 1000);
  s.Record(1, 500, 50000);
  s.Record(1, 404, 50000);
  auto r = s.Snapshot(1);
  EXPECT_EQ(r.calls, 100u);
  EXPECT_EQ(r.server_errors, 1u);
  EXPECT_EQ(r.client_errors, 1u);
  EXPECT_NEAR(r.p50_ms, 1.0, 0.13);
  EXPECT_NEAR(r.p99_ms, 50.0, 50.0 * 0.13);
  EXPECT_DOUBLE_EQ(r.max_ms, 50.0);
  EXPECT_EQ(s.Snapshot(0).calls, 0u);
}

}  // namespace
}  // namespace tianping::service
