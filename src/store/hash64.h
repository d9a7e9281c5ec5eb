// A 64-bit hash for index keys and case fingerprints. Persisted (index sections, fingerprint column):
// changing it changes the on-disk format — see docs/store-format.md "Hashes". Do not alter.
// Thread-safety: pure functions and a value-type streaming hasher.
#pragma once

#include <cstdint>
#include <string_view>

namespace tianping::store {

uint64_t Hash64(std::string_view s, uint64_t seed = 0);

// Streaming hash over a sequence of typed fields; each field is length-prefixed so ("ab","c") and
// ("a","bc") differ.
class Hasher {
 public:
  void Add(std::string_view s) { state_ = Hash64(s, state_ ^ (s.size() * 0x9E3779B97F4A7C15ULL)); }
  void Add(int64_t v);
  uint64_t value() const { return state_; }

 private:
  uint64_t state_ = 0x243F6A8885A308D3ULL;
};

}  // namespace tianping::store
