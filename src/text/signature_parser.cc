// Signature (落款): panel titles with names, the date in Chinese numerals, 书记员 — on separate lines or run
// together ("审判长张三审判员李四二〇一八年三月五日书记员王五").
#include <algorithm>

#include "text/chinese_number.h"
#include "text/judgment_parts.h"
#include "text/text_scan.h"

namespace tianping::text {
namespace {

constexpr std::string_view kTitles[] = {"代理审判员", "助理审判员", "人民陪审员", "代理书记员", "审判长", "审判员",
                                        "陪审员", "书记员", "法官助理"};

// The title starting at i, also when spaced out (审　判　长, 书 记 员); *end gets the offset after it.
std::string_view TitleAt(std::string_view s, size_t i, size_t* end = nullptr) {
  for (std::string_view t : kTitles) {
    size_t k = i;
    bool ok = true;
    for (size_t c = 0; c < t.size() && ok; c += 3) {  // every title character is three bytes in UTF-8
      if (c > 0) k = SkipSpaces(s, k);
      ok = StartsWithAt(s, k, t.substr(c, 3));
      k += 3;
    }
    if (ok) {
      if (end) *end = k;
      return t;
    }
  }
  return {};
}

bool IsNameCp(char32_t c) {
  return (IsHan(c) && c != U'〇') || IsAsciiDigit(c) || c == 'x' || c == 'X' || c == U'×' || c == U'＊' || c == '*' ||
         c == U'·' || c == U'•';
}

// Name after a title at i: spaces (also between characters, 张　三) are dropped; stops at a line break,
// another title, a date, 本件与原本核对无异, or after 12 characters.
std::string ReadSignatureName(std::string_view s, size_t* i) {
  std::string name;
  size_t k = *i, count = 0;
  for (std::string_view colon : {"：", ":"}) if (StartsWithAt(s, k, colon)) k += colon.size();
  while (k < s.size() && count < 12) {
    size_t n;
    char32_t c = CpAt(s, k, &n);
    if (IsSpaceCp(c)) { k += n; continue; }
    if (c == '\n' || !IsNameCp(c) || !TitleAt(s, k).empty() || ParseDateAt(s.substr(k)) ||
        StartsWithAt(s, k, "本件与原本") || StartsWithAt(s, k, "附")) break;
    name.append(s.substr(k, n));
    k += n;
    ++count;
  }
  *i = k;
  return name;
}

}  // namespace

void ParseSignature(std::string_view s, ParsedJudgment* j) {
  Span sig = j->section(SectionKind::kSignature);
  if (!sig.empty()) {
    size_t i = sig.begin;
    while (i < sig.end) {
      size_t k = i;
      std::string_view title = TitleAt(s, i, &k);
      if (!title.empty()) {
        std::string name = ReadSignatureName(s, &k);
        if (!name.empty()) {
          if (title == "书记员" || title == "代理书记员") { if (j->clerk.empty()) j->clerk = name; }
          else if (title != "法官助理") j->panel.push_back({std::string(title), name});
        }
        i = std::max(k, i + 3);
        continue;
      }
      size_t n;
      char32_t c = CpAt(s, i, &n);
      if (!j->date && IsNumeralCp(c)) {
        size_t used = 0;
        if (auto d = ParseDateAt(s.substr(i, sig.end - i), &used)) {
          j->date = d;
          j->date_span = {i, i + used};
          i += used;
          continue;
        }
      }
      i += n;
    }
  }
  if (j->date || j->section(SectionKind::kOperative).empty()) return;
  // No signature date: the last date written with a Chinese zero (二〇一八年…) after the operative part.
  size_t from = j->section(SectionKind::kOperative).begin;
  for (std::string_view zero : {"〇", "○", "零", "Ｏ"}) {
    for (size_t p = s.find(zero, from); p != std::string_view::npos; p = s.find(zero, p + zero.size())) {
      size_t b = p >= 3 ? PrevCp(s, p) : p;
      size_t used = 0;
      auto d = ParseDateAt(s.substr(b), &used);
      if (!d) continue;
      if (!j->date_span.empty() && b < j->date_span.begin) continue;
      j->date = d;
      j->date_span = {b, b + used};
    }
  }
}

}  // namespace tianping::text
