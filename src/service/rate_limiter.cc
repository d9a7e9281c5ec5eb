#include "tianping/service/rate_limiter.h"

#include <chrono>
#include <cmath>

namespace tianping::service {

RateLimiter::Decision RateLimiter::Acquire(int64_t key_id, const KeyLimits& limits, double now, int64_t day,
                                           double seconds_to_midnight) {
  std::lock_guard<std::mutex> lock(mu_);
  Bucket& b = buckets_[key_id];
  if (b.tokens < 0) {
    b.tokens = limits.burst;
    b.last = now;
  }
  if (b.day != day) {
    b.day = day;
    b.used_today = 0;
  }
  Decision d;
  if (limits.daily_quota > 0 && b.used_today >= limits.daily_quota) {
    d.allowed = false;
    d.reason = "quota";
    d.retry_after_seconds = static_cast<int>(std::ceil(seconds_to_midnight));
    return d;
  }
  b.tokens = std::min(limits.burst, b.tokens + (now - b.last) * limits.rate_per_sec);
  b.last = now;
  if (b.tokens < 1.0) {
    d.allowed = false;
    d.reason = "rate";
    d.retry_after_seconds =
        std::max(1, static_cast<int>(std::ceil((1.0 - b.tokens) / std::max(limits.rate_per_sec, 1e-9))));
    return d;
  }
  b.tokens -= 1.0;
  ++b.used_today;
  return d;
}

RateLimiter::Decision RateLimiter::Acquire(int64_t key_id, const KeyLimits& limits) {
  using namespace std::chrono;
  double now = duration<double>(steady_clock::now().time_since_epoch()).count();
  int64_t unix_s = duration_cast<seconds>(system_clock::now().time_since_epoch()).count();
  return Acquire(key_id, limits, now, unix_s / 86400, 86400.0 - static_cast<double>(unix_s % 86400));
}

RateLimiter::Usage RateLimiter::UsageOf(int64_t key_id) const {
  std::lock_guard<std::mutex> lock(mu_);
  auto it = buckets_.find(key_id);
  if (it == buckets_.end()) return {};
  return {it->second.used_today, it->second.tokens};
}

}  // namespace tianping::service
