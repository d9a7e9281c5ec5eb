#include "tianping/service/endpoint_stats.h"

#include <cmath>

namespace tianping::service {

EndpointStats::EndpointStats(size_t endpoints) {
  for (size_t i = 0; i < endpoints; ++i) slots_.push_back(std::make_unique<Slot>());
}

// Bucket i covers [Upper(i-1), Upper(i)): 1 µs · 1.12^i, so 160 buckets reach ~70 s.
uint64_t EndpointStats::UpperMicros(size_t bucket) {
  return static_cast<uint64_t>(std::ceil(std::pow(1.12, static_cast<double>(bucket + 1))));
}

size_t EndpointStats::BucketOf(uint64_t micros) {
  if (micros == 0) return 0;
  size_t b = static_cast<size_t>(std::log(static_cast<double>(micros)) / std::log(1.12));
  while (b > 0 && micros < UpperMicros(b - 1)) --b;
  while (b < kBuckets - 1 && micros >= UpperMicros(b)) ++b;
  return b < kBuckets ? b : kBuckets - 1;
}

void EndpointStats::Record(size_t endpoint, int http_status, uint64_t micros) {
  if (endpoint >= slots_.size()) return;
  Slot& s = *slots_[endpoint];
  s.calls.fetch_add(1, std::memory_order_relaxed);
  if (http_status == 429) s.rate_limited.fetch_add(1, std::memory_order_relaxed);
  if (http_status >= 500) s.server_errors.fetch_add(1, std::memory_order_relaxed);
  else if (http_status >= 400) s.client_errors.fetch_add(1, std::memory_order_relaxed);
  s.total_micros.fetch_add(micros, std::memory_order_relaxed);
  uint64_t prev = s.max_micros.load(std::memory_order_relaxed);
  while (micros > prev && !s.max_micros.compare_exchange_weak(prev, micros, std::memory_order_relaxed)) {
  }
  s.buckets[BucketOf(micros)].fetch_add(1, std::memory_order_relaxed);
}

EndpointStats::Row EndpointStats::Snapshot(size_t endpoint) const {
  Row r;
  if (endpoint >= slots_.size()) return r;
  const Slot& s = *slots_[endpoint];
  r.calls = s.calls.load();
  r.client_errors = s.client_errors.load();
  r.server_errors = s.server_errors.load();
  r.rate_limited = s.rate_limited.load();
  r.max_ms = s.max_micros.load() / 1000.0;
  uint64_t counted = 0;
  std::array<uint64_t, kBuckets> b{};
  for (size_t i = 0; i < kBuckets; ++i) counted += b[i] = s.buckets[i].load();
  if (counted == 0) return r;
  r.mean_ms = static_cast<double>(s.total_micros.load()) / 1000.0 / static_cast<double>(r.calls ? r.calls : 1);
  auto quantile = [&](double q) {
    uint64_t rank = static_cast<uint64_t>(std::ceil(q * static_cast<double>(counted)));
    uint64_t seen = 0;
    for (size_t i = 0; i < kBuckets; ++i) {
      seen += b[i];
      if (seen >= rank) return std::min(static_cast<double>(UpperMicros(i)) / 1000.0, r.max_ms);
    }
    return r.max_ms;
  };
  r.p50_ms = quantile(0.50);
  r.p99_ms = quantile(0.99);
  return r;
}

}  // namespace tianping::service
