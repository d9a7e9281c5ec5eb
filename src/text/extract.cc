#include "text/extract.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdlib>
#include <optional>
#include <string>

#include "text/chinese_number.h"
#include "text/text_scan.h"

namespace tianping::text {
namespace {

std::string SectionAt(const ParsedJudgment& j, size_t pos) {
  for (size_t k = kSectionCount; k-- > 0;) {
    const Span& sp = j.sections[k];
    if (!sp.empty() && pos >= sp.begin && pos < sp.end) return SectionName(static_cast<SectionKind>(k));
  }
  return "";
}

bool IsAmountCp(char32_t c) {
  return IsNumeralCp(c) || c == '.' || c == ',' || c == 0xFF0E || c == 0xFF0C;
}

// Start of the clause containing pos (after ， 。 ； \n), at least `floor`.
size_t ClauseStart(std::string_view s, size_t pos, size_t floor) {
  size_t i = pos;
  while (i > floor) {
    size_t p = PrevCp(s, i), n;
    char32_t c = CpAt(s, p, &n);
    if (c == U'，' || c == U'。' || c == U'；' || c == '\n' || c == U'：') break;
    i = p;
  }
  return i;
}

struct Keyword {
  std::string_view word;
  std::string_view context;
};
constexpr Keyword kAmountContexts[] = {
    {"受理费", "受理费"}, {"诉讼费", "受理费"}, {"保全费", "保全费"}, {"本金", "本金"}, {"利息", "利息"},
    {"违约金", "违约金"}, {"罚金", "罚金"},     {"共计", "合计"},     {"合计", "合计"}, {"总计", "合计"},
    {"借款", "借款"},     {"借给", "借款"},     {"出借", "借款"},     {"借到", "借款"}, {"赔偿", "赔偿"},
    {"货款", "货款"},     {"工资", "工资"},     {"价款", "价款"},     {"租金", "租金"}, {"执行标的", "执行标的"},
    {"执行到位", "执行到位"}, {"罚款", "罚款"}, {"合同款", "合同款"}, {"价值", "价值"},
};

}  // namespace

std::vector<AmountMention> ExtractAmounts(std::string_view s, const ParsedJudgment& j) {
  std::vector<AmountMention> out;
  size_t prev_end = 0;
  for (std::string_view unit : {std::string_view("元"), std::string_view("圆")}) {
    for (size_t p = s.find(unit); p != std::string_view::npos; p = s.find(unit, p + unit.size())) {
      size_t b = p;
      size_t count = 0;
      while (b > 0 && count < 40) {
        size_t q = PrevCp(s, b), n;
        if (!IsAmountCp(CpAt(s, q, &n))) break;
        b = q;
        ++count;
      }
      // Leading separators are not part of the number.
      while (b < p && (s[b] == ',' || s[b] == '.' || StartsWithAt(s, b, "，") || StartsWithAt(s, b, "．")))
        b += s[b] == ',' || s[b] == '.' ? 1 : 3;
      if (b == p) continue;
      if (b >= 9 && s.substr(b - 9, 9) == "人民币") b -= 9;
      // The walk may have taken a clause's leading numeral word (一、二 … as item numbers are followed by 、
      // so they stop the walk); try successively later starts until one parses up to this 元.
      for (size_t start = b; start < p;) {
        size_t used = 0;
        auto fen = ParseAmountAt(s.substr(start), &used);
        if (fen && start + used > p) {
          AmountMention m;
          m.fen = *fen;
          m.span = {start, start + used};
          m.text = std::string(s.substr(start, used));
          m.section = SectionAt(j, start);
          size_t window = std::max(ClauseStart(s, start, 0), std::min(prev_end, start));
          std::string_view before = s.substr(window, start - window);
          size_t best = std::string_view::npos;
          for (const Keyword& k : kAmountContexts) {
            size_t at = before.rfind(k.word);
            if (at != std::string_view::npos && (best == std::string_view::npos || at > best)) {
              best = at;
              m.context = std::string(k.context);
            }
          }
          prev_end = m.span.end;
          out.push_back(std::move(m));
          break;
        }
        size_t n;
        CpAt(s, start, &n);
        start += n;
      }
    }
  }
  std::sort(out.begin(), out.end(), [](const AmountMention& a, const AmountMention& b) { return a.span.begin < b.span.begin; });
  return out;
}

std::vector<DateMention> ExtractDates(std::string_view s, const ParsedJudgment& j) {
  std::vector<DateMention> out;
  constexpr std::string_view kYear = "年";
  for (size_t p = s.find(kYear); p != std::string_view::npos; p = s.find(kYear, p + kYear.size())) {
    size_t b = p, count = 0;
    while (b > 0 && count < 4) {
      size_t q = PrevCp(s, b), n;
      if (!IsNumeralCp(CpAt(s, q, &n))) break;
      b = q;
      ++count;
    }
    if (count != 4) continue;
    size_t used = 0;
    auto d = ParseDateAt(s.substr(b), &used);
    if (!d) continue;
    DateMention m;
    m.date = *d;
    m.span = {b, b + used};
    m.section = SectionAt(j, b);
    std::string_view after = s.substr(b + used, std::min<size_t>(30, s.size() - b - used));
    size_t cs = ClauseStart(s, b, 0);
    std::string_view before = s.substr(cs, b - cs);
    auto has = [&](std::string_view text, std::string_view w) { return text.find(w) != std::string_view::npos; };
    if (!j.date_span.empty() && j.date_span.begin == b) m.role = "判决";
    else if (has(after.substr(0, std::min<size_t>(after.size(), 12)), "出生")) m.role = "出生";
    else if (has(after, "立案")) m.role = "立案";
    else if (has(after, "受理")) m.role = "受理";
    else if (has(after, "作出")) m.role = "原审裁判";
    else if (has(after, "撤诉") || has(after, "撤回")) m.role = "撤诉";
    else if (has(after, "提起公诉") || has(after, "起诉") || has(after, "诉至") || has(after, "提起行政诉讼")) m.role = "起诉";
    else if (has(after, "开庭")) m.role = "开庭";
    else if (has(after, "拘留") || has(after, "逮捕") || has(after, "取保候审") || has(after, "监视居住")) m.role = "强制措施";
    else if (has(after, "签订") || has(before, "签订")) m.role = "签订";
    else if (has(after, "还款") || has(after, "到期") || has(before, "还款") || has(before, "归还")) m.role = "还款";
    else if (has(after, "借") || has(before, "借") || has(after, "出借")) m.role = "借款日";
    out.push_back(std::move(m));
  }
  return out;
}

namespace {

// Percent value at i: 24% / 24％ / 百分之二十四 / 百分之十五点四 / 2分 (returns 2 with *fen_unit = true) /
// 万分之五 (0.05) / 千分之一 (0.1). Advances *i.
std::optional<double> ReadPercent(std::string_view s, size_t* i, bool* fen_unit) {
  size_t k = *i;
  for (std::string_view w : {"为", "按", "：", ":", "是", "约定", "标准", " "})
    if (StartsWithAt(s, k, w)) k += w.size();
  struct Frac { std::string_view word; double scale; };
  for (Frac f : {Frac{"百分之", 1.0}, Frac{"千分之", 0.1}, Frac{"万分之", 0.01}}) {
    if (!StartsWithAt(s, k, f.word)) continue;
    k += f.word.size();
    size_t b = k;
    while (k < s.size()) {
      size_t n;
      if (!IsNumeralCp(CpAt(s, k, &n))) break;
      k += n;
    }
    auto whole = ParseChineseInteger(s.substr(b, k - b));
    if (!whole) return std::nullopt;
    double v = static_cast<double>(*whole);
    if (StartsWithAt(s, k, "点")) {
      k += 3;
      double scale = 0.1;
      while (k < s.size()) {
        size_t n;
        char32_t c = CpAt(s, k, &n);
        auto d = ParseChineseInteger(s.substr(k, n));
        if (!d || *d > 9 || !IsNumeralCp(c)) break;
        v += *d * scale;
        scale /= 10;
        k += n;
      }
    }
    *i = k;
    return v * f.scale;
  }
  size_t b = k;
  bool dot = false;
  while (k < s.size() && (std::isdigit(static_cast<unsigned char>(s[k])) || (s[k] == '.' && !dot))) {
    dot = dot || s[k] == '.';
    ++k;
  }
  if (k == b) return std::nullopt;
  double v = std::strtod(std::string(s.substr(b, k - b)).c_str(), nullptr);
  if (StartsWithAt(s, k, "‰")) { *i = k + std::string_view("‰").size(); return v / 10; }  // 月利率20‰ = 2%
  if (StartsWithAt(s, k, "%")) { *i = k + 1; return v; }
  if (StartsWithAt(s, k, "％")) { *i = k + 3; return v; }
  if (StartsWithAt(s, k, "分")) { *fen_unit = true; *i = k + 3; return v; }
  if (StartsWithAt(s, k, "厘")) { *fen_unit = true; *i = k + 3; return v / 10; }
  return std::nullopt;
}

}  // namespace

std::vector<RateMention> ExtractRates(std::string_view s) {
  std::vector<RateMention> out;
  struct Key { std::string_view word; std::string_view kind; double per_year; };
  constexpr Key kKeys[] = {{"年利率", "年利率", 1}, {"年息", "年利率", 1}, {"年化利率", "年利率", 1},
                           {"月利率", "月利率", 12}, {"月息", "月利率", 12}, {"月利息", "月利率", 12},
                           {"日利率", "日利率", 365}, {"日息", "日利率", 365}};
  for (const Key& key : kKeys) {
    for (size_t p = s.find(key.word); p != std::string_view::npos; p = s.find(key.word, p + 1)) {
      if (key.word == "年息" && StartsWithAt(s, p, "年息") && p >= 3 && StartsWithAt(s, p - 3, "周")) continue;
      if (std::any_of(out.begin(), out.end(), [&](const RateMention& r) { return p >= r.span.begin && p < r.span.end; }))
        continue;
      size_t i = p + key.word.size();
      bool fen_unit = false;
      auto v = ReadPercent(s, &i, &fen_unit);
      if (!v) continue;
      RateMention r;
      r.kind = std::string(key.kind);
      // 月息2分 = 2% a month; 年息1分 = 10% a year.
      r.value = fen_unit && key.per_year == 1 ? *v * 10 : *v;
      r.annual_percent = r.value * key.per_year;
      r.span = {p, i};
      r.text = std::string(s.substr(p, i - p));
      out.push_back(std::move(r));
    }
  }
  for (std::string_view w : {"LPR", "贷款市场报价利率"}) {
    for (size_t p = s.find(w); p != std::string_view::npos; p = s.find(w, p + w.size())) {
      std::string_view after = s.substr(p + w.size(), std::min<size_t>(60, s.size() - p - w.size()));
      size_t times = after.find("倍");
      if (times == std::string_view::npos) continue;
      size_t e = times, b = times;
      while (b > 0) {
        size_t q = PrevCp(after, b), n;
        char32_t c = CpAt(after, q, &n);
        if (!IsNumeralCp(c) && c != '.') break;
        b = q;
      }
      if (b == e) continue;
      std::string num(after.substr(b, e - b));
      double v = num.find('.') != std::string::npos ? std::strtod(num.c_str(), nullptr)
                                                     : static_cast<double>(ParseChineseInteger(num).value_or(0));
      if (v <= 0) continue;
      RateMention r;
      r.kind = "LPR倍数";
      r.value = v;
      r.span = {p, p + w.size() + e + 3};
      r.text = std::string(s.substr(r.span.begin, r.span.end - r.span.begin));
      out.push_back(std::move(r));
    }
  }
  std::sort(out.begin(), out.end(), [](const RateMention& a, const RateMention& b) { return a.span.begin < b.span.begin; });
  return out;
}

std::vector<std::string> ExtractDeliveryMethods(std::string_view s) {
  struct Key { std::string_view word; std::string_view method; };
  constexpr Key kKeys[] = {{"现金", "现金"}, {"银行转账", "转账"}, {"转账", "转账"}, {"汇款", "转账"},
                           {"微信", "微信"}, {"支付宝", "支付宝"}};
  std::vector<std::pair<size_t, std::string>> found;
  for (const Key& k : kKeys) {
    size_t p = s.find(k.word);
    // 支付宝转账 / 微信转账 are not bank transfers.
    while (k.word == "转账" && p != std::string_view::npos && p >= 6 &&
           (s.substr(p - 6, 6) == "微信" || (p >= 9 && s.substr(p - 9, 9) == "支付宝")))
      p = s.find(k.word, p + k.word.size());
    if (p == std::string_view::npos) continue;
    auto it = std::find_if(found.begin(), found.end(), [&](const auto& f) { return f.second == k.method; });
    if (it == found.end()) found.push_back({p, std::string(k.method)});
    else it->first = std::min(it->first, p);
  }
  std::sort(found.begin(), found.end());
  std::vector<std::string> out;
  for (auto& f : found) out.push_back(std::move(f.second));
  return out;
}

}  // namespace tianping::text
