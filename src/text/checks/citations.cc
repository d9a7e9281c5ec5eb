// Citations (docs/doc-check.md "Citations"): laws repealed by the 民法典 on 2021-01-01 cited in a later
// document, and the 民事诉讼法 late-performance article (加倍支付迟延履行期间的债务利息) of a revision
// not in force on the 落款 date.
#include <string>
#include <string_view>

#include "text/checks/checks.h"

namespace tianping::text::checks {
namespace {

constexpr std::string_view kRepealed[] = {"合同法", "民法通则", "婚姻法", "担保法", "物权法",
                                          "继承法", "收养法", "侵权责任法", "民法总则"};

// Late-performance article in force on `d`: §264 (2023 revision, from 2024-01-01), §260 (2021 revision,
// from 2022-01-01), §253 (2012 and 2017 texts), §229 (2007 text).
int LateArticle(Date d) {
  if (d >= Date::FromYmd(2024, 1, 1)) return 264;
  if (d >= Date::FromYmd(2022, 1, 1)) return 260;
  if (d >= Date::FromYmd(2013, 1, 1)) return 253;
  return 229;
}

std::string ChineseArticle(int n) {
  static constexpr std::string_view kD[] = {"零", "一", "二", "三", "四", "五", "六", "七", "八", "九"};
  std::string s = "第";
  s += kD[n / 100];
  s += "百";
  int t = n / 10 % 10, u = n % 10;
  if (t == 0 && u != 0) { s += "零"; s += kD[u]; }
  else if (t != 0) { s += kD[t]; s += "十"; if (u) s += kD[u]; }
  return s + "条";
}

}  // namespace

void CheckCitations(const CheckContext& c, Findings* f) {
  std::string_view t = c.text;
  if (!c.date) return;
  const Date d = *c.date;
  // Transitional cases legitimately apply the old law to facts before 2021 (民法典时间效力规定).
  bool transitional = t.find("时间效力") != std::string_view::npos || t.find("民法典施行前") != std::string_view::npos ||
                      t.find("民法典实施前") != std::string_view::npos;
  if (d >= Date::FromYmd(2021, 1, 1) && !transitional) {
    for (std::string_view law : kRepealed) {
      for (std::string_view prefix : {"《中华人民共和国", "《"}) {
        std::string name = std::string(prefix) + std::string(law) + "》";
        for (size_t p = t.find(name); p != std::string_view::npos; p = t.find(name, p + name.size())) {
          size_t e = p + name.size();
          if (t.compare(e, 3, "第") == 0) {
            size_t k = t.find("条", e);
            if (k != std::string_view::npos && k - e < 40) e = k + 3;
          }
          f->Add("repealed_law", p, e,
                 "引用已废止的法律：《" + std::string(law) + "》已于2021年1月1日废止，文书落款日期为" + d.ToString(),
                 "改为引用《中华人民共和国民法典》的相应条文");
        }
      }
    }
  }
  // 民事诉讼法 late-performance article.
  for (const Citation& ci : c.j->citations) {
    if (ci.law != "中华人民共和国民事诉讼法" || ci.span.empty()) continue;
    std::string_view after = t.substr(ci.span.end, 60);
    if (after.find("迟延履行") == std::string_view::npos) continue;
    int want = LateArticle(d);
    if (ci.article == want) continue;
    size_t s = t.find("第", ci.span.begin);
    size_t e = s == std::string_view::npos ? s : t.find("条", s);
    if (s == std::string_view::npos || e == std::string_view::npos || e >= ci.span.end + 3) { s = ci.span.begin; e = ci.span.end; }
    else e += 3;
    f->Add("civil_procedure_article_outdated", s, e,
           "民事诉讼法条文序号过时：迟延履行利息条款在" + d.ToString() + "施行的文本中为第" + std::to_string(want) +
               "条，文书引用第" + std::to_string(ci.article) + "条",
           "改为" + ChineseArticle(want));
  }
}

}  // namespace tianping::text::checks
