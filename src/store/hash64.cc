#include "store/hash64.h"

#include <cstring>

namespace tianping::store {
namespace {

constexpr uint64_t kMul1 = 0x9E3779B97F4A7C15ULL;
constexpr uint64_t kMul2 = 0xC2B2AE3D27D4EB4FULL;

inline uint64_t Rotl(uint64_t x, int r) { return (x << r) | (x >> (64 - r)); }
inline uint64_t Mix(uint64_t x) {  // SplitMix64 finaliser
  x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9ULL;
  x = (x ^ (x >> 27)) * 0x94D049BB133111EBULL;
  return x ^ (x >> 31);
}

}  // namespace

// Words are read little-endian; the store only runs on little-endian hosts (see docs/store-format.md).
uint64_t Hash64(std::string_view s, uint64_t seed) {
  const char* p = s.data();
  size_t n = s.size();
  uint64_t h = seed ^ (n * kMul2);
  while (n >= 8) {
    uint64_t w;
    std::memcpy(&w, p, 8);
    h = Rotl(h ^ (w * kMul1), 31) * kMul2;
    p += 8;
    n -= 8;
  }
  uint64_t tail = 0;
  std::memcpy(&tail, p, n);
  h = Rotl(h ^ ((tail + n) * kMul1), 29) * kMul2;
  return Mix(h);
}

void Hasher::Add(int64_t v) {
  state_ = Mix(state_ ^ (static_cast<uint64_t>(v) * kMul1 + 0x51ED27ULL));
}

}  // namespace tianping::store
