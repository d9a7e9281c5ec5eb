// Dates (docs/doc-check.md "Dates"): the filing (立案/受理/提起公诉) and hearing (开庭) dates of the head
// must not fall after the 落款 date; zeros in Chinese-numeral dates are 〇 (U+3007), not ○ (U+25CB).
#include <string>
#include <string_view>

#include "text/checks/checks.h"

namespace tianping::text::checks {
namespace {

bool IsNumeralChar(std::string_view ch) {
  static constexpr std::string_view kChars[] = {"〇", "○", "零", "一", "二", "三", "四", "五", "六", "七", "八", "九", "十"};
  for (std::string_view c : kChars)
    if (ch == c) return true;
  return false;
}

}  // namespace

void CheckDates(const CheckContext& c, Findings* f) {
  std::string_view t = c.text;
  if (c.date) {
    size_t s = 0, e = 0;
    if (auto filed = FilingDate(c, &s, &e); filed && *filed > *c.date) {
      f->Add("date_order", s, e,
             "日期先后矛盾：立案（受理）日期" + filed->ToString() + "晚于裁判日期" + c.date->ToString(),
             "核对立案日期，应早于裁判日期");
    }
    // 开庭 dates in the head.
    size_t limit = c.j->section(SectionKind::kReasoning).empty() ? t.size() : c.j->section(SectionKind::kReasoning).begin;
    for (size_t p = t.find("开庭", c.body_start); p != std::string_view::npos && p < limit; p = t.find("开庭", p + 6)) {
      size_t from = p >= 60 ? p - 60 : 0;
      for (size_t q = t.find("年", from); q != std::string_view::npos && q < p; q = t.find("年", q + 3)) {
        size_t b = q;
        while (b > from && IsAsciiDigit(t[b - 1]) && q - b < 4) --b;
        if (q - b != 4) continue;
        size_t len = 0;
        auto d = DateAt(t, b, &len);
        if (!d || b + len > p || *d <= *c.date) continue;
        if (b == s) continue;  // already reported as the filing date
        f->Add("date_order", b, b + len,
               "日期先后矛盾：开庭日期" + d->ToString() + "晚于裁判日期" + c.date->ToString(), "核对开庭日期");
      }
    }
  }
  // ○ among Chinese numerals: report the whole numeral run (the year 二○二三).
  constexpr std::string_view kRing = "○";
  for (size_t p = t.find(kRing); p != std::string_view::npos;) {
    size_t s = p, e = p + kRing.size();
    while (s > 0 && IsNumeralChar(CharBefore(t, s))) s -= CharBefore(t, s).size();
    while (e < t.size() && IsNumeralChar(CharAfter(t, e))) e += CharAfter(t, e).size();
    if (e - s > kRing.size()) {
      std::string fixed(t.substr(s, e - s));
      for (size_t k = fixed.find(kRing); k != std::string::npos; k = fixed.find(kRing, k))
        fixed.replace(k, kRing.size(), "〇");
      f->Add("mixed_zero", s, e, "日期中的零应统一写作“〇”，“" + std::string(t.substr(s, e - s)) + "”使用了“○”",
             "改为“" + fixed + "”");
    }
    p = t.find(kRing, e);
  }
}

}  // namespace tianping::text::checks
