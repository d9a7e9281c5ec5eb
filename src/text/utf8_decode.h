// A small UTF-8 decoder for the segmenter's hot path.
// Invalid input never fails: each byte that does not start a well-formed sequence (overlong forms,
// surrogates, > U+10FFFF, truncated sequences, stray continuation bytes) decodes as kInvalidCodePoint
// with length 1, so every byte of the input belongs to exactly one decoded unit.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

namespace tianping::text {

inline constexpr char32_t kInvalidCodePoint = 0xFFFFFFFF;

// Decodes the code point starting at s[i]; stores its byte length in *len (>= 1).
// REQUIRES: i < s.size().
inline char32_t DecodeUtf8At(std::string_view s, size_t i, size_t* len) {
  const auto* p = reinterpret_cast<const unsigned char*>(s.data()) + i;
  size_t left = s.size() - i;
  unsigned char c = p[0];
  *len = 1;
  if (c < 0x80) return c;
  auto cont = [&](size_t k) { return k < left && (p[k] & 0xC0) == 0x80; };
  if (c >= 0xC2 && c <= 0xDF) {
    if (!cont(1)) return kInvalidCodePoint;
    *len = 2;
    return (char32_t(c & 0x1F) << 6) | (p[1] & 0x3F);
  }
  if (c >= 0xE0 && c <= 0xEF) {
    if (!cont(1) || !cont(2)) return kInvalidCodePoint;
    char32_t cp = (char32_t(c & 0x0F) << 12) | (char32_t(p[1] & 0x3F) << 6) | (p[2] & 0x3F);
    if (cp < 0x800 || (cp >= 0xD800 && cp <= 0xDFFF)) return kInvalidCodePoint;
    *len = 3;
    return cp;
  }
  if (c >= 0xF0 && c <= 0xF4) {
    if (!cont(1) || !cont(2) || !cont(3)) return kInvalidCodePoint;
    char32_t cp = (char32_t(c & 0x07) << 18) | (char32_t(p[1] & 0x3F) << 12) |
                  (char32_t(p[2] & 0x3F) << 6) | (p[3] & 0x3F);
    if (cp < 0x10000 || cp > 0x10FFFF) return kInvalidCodePoint;
    *len = 4;
    return cp;
  }
  return kInvalidCodePoint;
}

// Decodes all of `s`: cps[k] is the k-th unit and offsets[k] its byte offset; offsets gets a final
// entry s.size(). Both vectors are cleared first.
inline void DecodeUtf8(std::string_view s, std::vector<char32_t>* cps, std::vector<size_t>* offsets) {
  cps->clear();
  offsets->clear();
  size_t i = 0;
  while (i < s.size()) {
    size_t len;
    cps->push_back(DecodeUtf8At(s, i, &len));
    offsets->push_back(i);
    i += len;
  }
  offsets->push_back(s.size());
}

}  // namespace tianping::text
