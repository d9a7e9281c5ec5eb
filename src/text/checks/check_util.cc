#include <algorithm>
#include <string_view>

#include "text/checks/checks.h"
#include "text/chinese_number.h"

namespace tianping::text::checks {

bool IsAsciiDigit(char ch) { return ch >= '0' && ch <= '9'; }

size_t CharLen(std::string_view text, size_t pos) {
  unsigned char c = static_cast<unsigned char>(text[pos]);
  size_t n = c < 0x80 ? 1 : (c >> 5) == 0x6 ? 2 : (c >> 4) == 0xE ? 3 : (c >> 3) == 0x1E ? 4 : 1;
  return pos + n <= text.size() ? n : 1;
}

std::string_view CharBefore(std::string_view text, size_t pos) {
  if (pos == 0) return {};
  size_t b = pos - 1;
  while (b > 0 && (static_cast<unsigned char>(text[b]) & 0xC0) == 0x80) --b;
  return text.substr(b, pos - b);
}

std::string_view CharAfter(std::string_view text, size_t pos) {
  if (pos >= text.size()) return {};
  return text.substr(pos, CharLen(text, pos));
}

size_t LineStart(std::string_view text, size_t pos) {
  size_t p = text.rfind('\n', pos == 0 ? 0 : pos - 1);
  if (pos == 0 || p == std::string_view::npos) return 0;
  return p + 1;
}

size_t LineEnd(std::string_view text, size_t pos) {
  size_t p = text.find('\n', pos);
  return p == std::string_view::npos ? text.size() : p;
}

std::optional<Date> DateAt(std::string_view text, size_t pos, size_t* len) {
  size_t consumed = 0;
  auto d = ParseDateAt(text.substr(pos), &consumed);
  if (d) *len = consumed;
  return d;
}

std::optional<Date> FilingDate(const CheckContext& c, size_t* start, size_t* end) {
  // The first Arabic date in the body followed (within the clause) by a filing verb.
  static constexpr std::string_view kVerbs[] = {"立案", "受理", "提起公诉", "提起诉讼", "起诉", "申请执行",
                                                "提出执行申请", "申请再审", "提出异议"};
  std::string_view t = c.text;
  size_t limit = t.size();
  if (!c.j->section(SectionKind::kReasoning).empty()) limit = c.j->section(SectionKind::kReasoning).begin;
  for (size_t p = t.find("年", c.body_start); p != std::string_view::npos && p < limit; p = t.find("年", p + 3)) {
    size_t b = p;
    while (b > 0 && IsAsciiDigit(t[b - 1]) && p - b < 4) --b;
    if (p - b != 4) continue;
    size_t len = 0;
    auto d = DateAt(t, b, &len);
    if (!d) continue;
    std::string_view after = t.substr(b + len, 30);
    size_t stop = after.find_first_of("\n");
    size_t stop2 = after.find("。");
    size_t stop3 = after.find("，");
    stop = std::min({stop, stop2, stop3});
    after = after.substr(0, stop == std::string_view::npos ? after.size() : stop);
    // "原审法院于…立案" and "一审法院" dates belong to the first instance.
    std::string_view before = t.substr(b >= 24 ? b - 24 : 0, b >= 24 ? 24 : b);
    if (before.find("一审") != std::string_view::npos || before.find("原审") != std::string_view::npos) continue;
    // The court's own filing: 本院于…立案 / 向本院提起公诉.
    std::string_view near = t.substr(b >= 12 ? b - 12 : 0, b >= 12 ? 12 : b);
    if (near.find("本院") == std::string_view::npos && after.find("本院") == std::string_view::npos) continue;
    for (std::string_view v : kVerbs) {
      if (after.find(v) != std::string_view::npos) {
        *start = b;
        *end = b + len;
        return d;
      }
    }
  }
  return std::nullopt;
}

}  // namespace tianping::text::checks
