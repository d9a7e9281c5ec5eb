// CRC32C (Castagnoli) checksums for store blocks and files. Uses the SSE4.2 instruction when the CPU has
// it, else a table. Persisted values: see docs/store-format.md (stored unmasked, little-endian).
// Thread-safety: pure functions.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>

namespace tianping::store {

// Extends `crc` (0 for a fresh checksum) over data[0, n).
uint32_t Crc32cExtend(uint32_t crc, const void* data, size_t n);
inline uint32_t Crc32c(const void* data, size_t n) { return Crc32cExtend(0, data, n); }
inline uint32_t Crc32c(std::string_view s) { return Crc32cExtend(0, s.data(), s.size()); }

}  // namespace tianping::store
