// Per-endpoint statistics for the admin view: calls, client/server errors, rate-limited calls and a
// latency histogram (log buckets, ±6 %) giving p50/p99. Thread-safety: Record() is lock-free and may be
// called concurrently with Snapshot().
#pragma once

#include <array>
#include <atomic>
#include <cstdint>
#include <memory>
#include <vector>

namespace tianping::service {

class EndpointStats {
 public:
  explicit EndpointStats(size_t endpoints);

  void Record(size_t endpoint, int http_status, uint64_t micros);

  struct Row {
    uint64_t calls = 0, client_errors = 0, server_errors = 0, rate_limited = 0;
    double p50_ms = 0, p99_ms = 0, max_ms = 0, mean_ms = 0;
  };
  Row Snapshot(size_t endpoint) const;

  // Bucket boundaries, exposed for the unit test: bucket i holds latencies < UpperMicros(i).
  static constexpr size_t kBuckets = 160;
  static uint64_t UpperMicros(size_t bucket);
  static size_t BucketOf(uint64_t micros);

 private:
  struct Slot {
    std::atomic<uint64_t> calls{0}, client_errors{0}, server_errors{0}, rate_limited{0}, total_micros{0},
        max_micros{0};
    std::array<std::atomic<uint64_t>, kBuckets> buckets{};
  };
  std::vector<std::unique_ptr<Slot>> slots_;
};

}  // namespace tianping::service
