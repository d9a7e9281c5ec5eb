// Per-API-key token bucket and daily quota. Over the limit → the dispatcher answers 429 with
// Retry-After (seconds, rounded up). Thread-safety: all methods are safe concurrently (one mutex; the
// critical section is a few arithmetic operations).
#pragma once

#include <cstdint>
#include <mutex>
#include <string>
#include <unordered_map>

#include "tianping/service/principal.h"

namespace tianping::service {

class RateLimiter {
 public:
  struct Decision {
    bool allowed = true;
    int retry_after_seconds = 0;
    std::string reason;  // "rate" | "quota"
  };
  // now_seconds: a monotonic clock for the bucket; day: the UTC day number for the quota.
  Decision Acquire(int64_t key_id, const KeyLimits& limits, double now_seconds, int64_t day,
                   double seconds_to_midnight);
  // Acquire with the real clocks.
  Decision Acquire(int64_t key_id, const KeyLimits& limits);

  struct Usage {
    int64_t today = 0;
    double tokens = 0;
  };
  Usage UsageOf(int64_t key_id) const;

 private:
  struct Bucket {
    double tokens = -1;  // < 0: not yet initialised (starts full)
    double last = 0;
    int64_t day = -1;
    int64_t used_today = 0;
  };
  mutable std::mutex mu_;
  std::unordered_map<int64_t, Bucket> buckets_;
};

}  // namespace tianping::service
