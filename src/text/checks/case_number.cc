// 案号 (docs/doc-check.md "Case numbers"): brackets other than full-width （） in the title 案号, a 案号
// that does not parse (include/tianping/model/case_number.h), and a 收案年度 that differs from the year
// of the filing date stated in the head (or lies after the 落款 year).
#include <string>
#include <string_view>

#include "text/checks/checks.h"
#include "tianping/model/case_number.h"

namespace tianping::text::checks {

void CheckCaseNumber(const CheckContext& c, Findings* f) {
  std::string_view t = c.text;
  const Span& span = c.j->case_number_span;
  if (span.empty()) return;
  std::string_view num = t.substr(span.begin, span.end - span.begin);
  // The parser may start the span at the year: include a bracket just before it.
  size_t b = span.begin;
  for (std::string_view br : {"（", "(", "〔", "[", "【"})
    if (b >= br.size() && t.compare(b - br.size(), br.size(), br) == 0 && num.substr(0, br.size()) != br) {
      b -= br.size();
      break;
    }
  num = t.substr(b, span.end - b);
  bool bracket_found = false;
  for (std::string_view bad : {"(", ")", "〔", "〕", "[", "]", "【", "】"}) {
    for (size_t p = num.find(bad); p != std::string_view::npos; p = num.find(bad, p + bad.size())) {
      bracket_found = true;
      std::string_view good = (bad == "(" || bad == "〔" || bad == "[" || bad == "【") ? "（" : "）";
      f->Add("case_number_malformed", b + p, b + p + bad.size(),
             "案号格式错误：“" + std::string(num) + "”中的“" + std::string(bad) + "”不规范，收案年度应以全角圆括号（）括注",
             "改为“" + std::string(good) + "”");
    }
  }
  auto parsed = ParseCaseNumber(num);
  if (!parsed.ok()) {
    if (!bracket_found)
      f->Add("case_number_malformed", b, span.end, "案号格式错误：" + parsed.status().message(),
             "按“（收案年度）法院代字类型代字案件编号号”书写");
    return;
  }
  // Year digits.
  size_t y = num.find_first_of("0123456789");
  if (y == std::string_view::npos || y + 4 > num.size()) return;
  int year = parsed->year;
  size_t s = 0, e = 0;
  auto filed = FilingDate(c, &s, &e);
  int want = 0;
  if (filed && (!c.date || *filed <= *c.date)) want = filed->year();
  else if (c.date && year > c.date->year()) want = c.date->year();
  if (want == 0 || want == year) return;
  f->Add("case_number_wrong_year", b + y, b + y + 4,
         "案号年度错误：收案年度为" + std::to_string(year) + "，但" + (filed ? "立案日期为" + filed->ToString() : "裁判日期更早"),
         "改为" + std::to_string(want));
}

}  // namespace tianping::text::checks
