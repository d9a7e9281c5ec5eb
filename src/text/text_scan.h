// Small UTF-8 scanning helpers shared by the judgment parser, citation and amount extractors.
// All positions are byte offsets into the caller's text; nothing here allocates except where noted.
// Thread-safety: pure functions.
#pragma once

#include <cstddef>
#include <string_view>

#include "text/utf8_decode.h"

namespace tianping::text {

// Code point at byte i (kInvalidCodePoint for a bad byte); *len = its byte length. REQUIRES i < s.size().
inline char32_t CpAt(std::string_view s, size_t i, size_t* len) { return DecodeUtf8At(s, i, len); }

// Byte offset of the code point that ends at `i` (the start of the previous character); 0 when i == 0.
inline size_t PrevCp(std::string_view s, size_t i) {
  if (i == 0) return 0;
  size_t j = i - 1;
  while (j > 0 && (static_cast<unsigned char>(s[j]) & 0xC0) == 0x80 && i - j < 4) --j;
  return j;
}

inline bool IsHan(char32_t c) { return (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0x3400 && c <= 0x4DBF) || c == 0x3007; }
inline bool IsAsciiDigit(char32_t c) { return c >= '0' && c <= '9'; }
inline bool IsFullDigit(char32_t c) { return c >= 0xFF10 && c <= 0xFF19; }
inline bool IsSpaceCp(char32_t c) {
  return c == ' ' || c == '\t' || c == '\r' || c == 0x3000 || c == 0xA0 || c == 0xFEFF || c == 0x200B;
}
// Sentence or clause ends used to bound names and clauses.
inline bool IsClauseEnd(char32_t c) {
  return c == 0xFF0C /*，*/ || c == 0x3002 /*。*/ || c == 0xFF1B /*；*/ || c == ',' || c == ';' || c == '\n' ||
         c == 0xFF1A /*：*/ || c == ':' || c == 0x3001 /*、*/;
}

inline bool StartsWithAt(std::string_view s, size_t i, std::string_view p) {
  return i <= s.size() && s.size() - i >= p.size() && s.compare(i, p.size(), p) == 0;
}

// Skips ASCII/ideographic spaces and BOM/zero-width characters from i; returns the new offset.
inline size_t SkipSpaces(std::string_view s, size_t i) {
  while (i < s.size()) {
    size_t n;
    if (!IsSpaceCp(CpAt(s, i, &n))) break;
    i += n;
  }
  return i;
}

}  // namespace tianping::text
