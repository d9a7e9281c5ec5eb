// Deterministic random numbers for the generator: the same seed gives the same stream on every
// platform and standard library (no std:: distributions, whose output is implementation-defined).
// Thread-safety: none; give each thread or work unit its own Rng (see Rng::Derive).
#pragma once

#include <cmath>
#include <cstdint>
#include <span>

namespace tianping {

// SplitMix64 step: also used to derive independent seeds from (seed, stream id).
inline uint64_t SplitMix64(uint64_t x) {
  x += 0x9E3779B97F4A7C15ULL;
  x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9ULL;
  x = (x ^ (x >> 27)) * 0x94D049BB133111EBULL;
  return x ^ (x >> 31);
}

// xoshiro256** by Blackman and Vigna (public-domain algorithm).
class Rng {
 public:
  explicit Rng(uint64_t seed) {
    uint64_t x = seed;
    for (auto& s : s_) { x = SplitMix64(x); s = x; }
  }
  // An independent stream for work unit `stream` under `seed`.
  static Rng Derive(uint64_t seed, uint64_t stream) { return Rng(SplitMix64(seed ^ SplitMix64(stream + 1))); }

  uint64_t Next() {
    const uint64_t result = Rotl(s_[1] * 5, 7) * 9;
    const uint64_t t = s_[1] << 17;
    s_[2] ^= s_[0]; s_[3] ^= s_[1]; s_[1] ^= s_[2]; s_[0] ^= s_[3];
    s_[2] ^= t; s_[3] = Rotl(s_[3], 45);
    return result;
  }
  // Uniform in [0, 1).
  double Uniform() { return static_cast<double>(Next() >> 11) * 0x1.0p-53; }
  // Uniform integer in [lo, hi] inclusive. REQUIRES: lo <= hi.
  int64_t Range(int64_t lo, int64_t hi) {
    uint64_t span = static_cast<uint64_t>(hi - lo) + 1;
    return lo + static_cast<int64_t>(span == 0 ? Next() : Next() % span);
  }
  bool Chance(double p) { return Uniform() < p; }
  // Standard normal by Box–Muller (one value per call; deterministic).
  double Normal(double mean = 0, double sd = 1) {
    double u1 = Uniform(), u2 = Uniform();
    if (u1 < 1e-300) u1 = 1e-300;
    return mean + sd * std::sqrt(-2.0 * std::log(u1)) * std::cos(6.283185307179586 * u2);
  }
  double LogNormal(double mu, double sigma) { return std::exp(Normal(mu, sigma)); }
  // Index drawn with probability proportional to weights. REQUIRES: some weight > 0.
  size_t Weighted(std::span<const double> weights) {
    double total = 0;
    for (double w : weights) total += w;
    double r = Uniform() * total;
    for (size_t i = 0; i < weights.size(); ++i) {
      if (r < weights[i]) return i;
      r -= weights[i];
    }
    return weights.size() - 1;
  }
  template <typename T>
  const T& Pick(std::span<const T> items) { return items[Range(0, static_cast<int64_t>(items.size()) - 1)]; }

 private:
  static uint64_t Rotl(uint64_t x, int k) { return (x << k) | (x >> (64 - k)); }
  uint64_t s_[4];
};

}  // namespace tianping
