// Amounts (docs/doc-check.md "Amounts"): upper-case words vs figures (人民币捌万伍仟元整（85000元）, and
// 85000元（大写：捌万伍仟元）), and stated totals (…本金80000元、利息5000元，合计85000元).
#include <algorithm>
#include <utility>
#include <vector>
#include <string>
#include <string_view>

#include "text/checks/checks.h"
#include "text/chinese_number.h"
#include "tianping/common/money.h"

namespace tianping::text::checks {
namespace {

constexpr std::string_view kCapital[] = {"零", "壹", "贰", "叁", "肆", "伍", "陆", "柒", "捌", "玖",
                                         "拾", "佰", "仟", "万", "亿", "元", "圆", "角", "分", "整"};

// Code points of kCapital, compared as integers (this runs on every character of the text).
constexpr char32_t kCapitalCp[] = {U'零', U'壹', U'贰', U'叁', U'肆', U'伍', U'陆', U'柒', U'捌', U'玖',
                                   U'拾', U'佰', U'仟', U'万', U'亿', U'元', U'圆', U'角', U'分', U'整'};

size_t CapitalCharAt(std::string_view t, size_t p) {
  if (p + 3 > t.size()) return 0;
  unsigned char b0 = static_cast<unsigned char>(t[p]);
  if ((b0 & 0xF0) != 0xE0) return 0;
  char32_t cp = (char32_t(b0 & 0x0F) << 12) | (char32_t(static_cast<unsigned char>(t[p + 1]) & 0x3F) << 6) |
                (static_cast<unsigned char>(t[p + 2]) & 0x3F);
  for (char32_t c : kCapitalCp)
    if (c == cp) return 3;
  return 0;
}

bool HasCapitalDigit(std::string_view words) {
  for (int i = 1; i <= 9; ++i)
    if (words.find(kCapital[i]) != std::string_view::npos) return true;
  return false;
}

// Plain figures "85000" / "1150.5" (commas accepted) ending before 元 at `p`: value in fen.
std::optional<Fen> FiguresAt(std::string_view t, size_t p, size_t* len) {
  size_t consumed = 0;
  size_t e = p;
  while (e < t.size() && (IsAsciiDigit(t[e]) || t[e] == '.' || t[e] == ',')) ++e;
  if (e == p || t.compare(e, 3, "元") != 0) return std::nullopt;
  auto v = ParseAmountAt(t.substr(p, e - p + 3), &consumed);
  if (!v) return std::nullopt;
  *len = e - p;
  return v;
}

void WordsVsFigures(const CheckContext& c, Findings* f) {
  std::string_view t = c.text;
  for (size_t p = c.body_start; p < t.size();) {
    size_t n = CapitalCharAt(t, p);
    if (n == 0) { p += CharLen(t, p); continue; }
    size_t s = p;
    while (p < t.size() && (n = CapitalCharAt(t, p)) > 0) p += n;
    std::string_view words = t.substr(s, p - s);
    if (!HasCapitalDigit(words) || words.find("元") == std::string_view::npos) continue;
    size_t wlen = 0;
    auto wv = ParseAmountAt(words, &wlen);
    if (!wv || wlen != words.size()) continue;
    // 人民币<words>（<figures>元）
    std::optional<Fen> fig;
    size_t q = p, flen = 0;
    if (t.compare(q, 3, "（") == 0) q += 3;
    else if (t.compare(q, 1, "(") == 0) q += 1;
    else q = std::string_view::npos;
    if (q != std::string_view::npos) fig = FiguresAt(t, q, &flen);
    // <figures>元（大写：<words>）
    if (!fig) {
      size_t b = s;
      for (std::string_view pre : {"大写：", "大写:", "大写", "（", "("})
        if (b >= pre.size() && t.compare(b - pre.size(), pre.size(), pre) == 0) b -= pre.size();
      if (b >= 3 && t.compare(b - 3, 3, "元") == 0) {
        size_t e = b - 3, fb = e;
        while (fb > 0 && (IsAsciiDigit(t[fb - 1]) || t[fb - 1] == '.' || t[fb - 1] == ',')) --fb;
        if (fb < e) fig = FiguresAt(t, fb, &flen);
      }
    }
    if (!fig || *fig == *wv) continue;
    f->Add("amount_words_mismatch", s, p,
           "金额大小写不一致：大写“" + std::string(words) + "”为" + FormatYuan(*wv) + "元，小写为" + FormatYuan(*fig) + "元",
           "核对金额，使大写与小写一致（小写" + FormatYuan(*fig) + "元）");
  }
}

void Totals(const CheckContext& c, Findings* f) {
  std::string_view t = c.text;
  for (std::string_view key : {"合计", "共计", "总计"}) {
    for (size_t p = t.find(key, c.body_start); p != std::string_view::npos; p = t.find(key, p + key.size())) {
      size_t q = p + key.size();
      if (t.compare(q, 9, "人民币") == 0) q += 9;
      size_t tlen = 0;
      auto total = FiguresAt(t, q, &tlen);
      if (!total) continue;
      // Items: figure amounts earlier in the same sentence.
      size_t s = 0;
      for (std::string_view stop : {"。", "；", "\n", "："}) {
        size_t x = t.rfind(stop, p);
        if (x != std::string_view::npos) s = std::max(s, x + stop.size());
      }
      // Items: the run of figure amounts right before the total, each separated from the next by a short
      // label (、利息 / 及逾期付款损失) with no other number in between.
      std::vector<std::pair<size_t, size_t>> amounts;  // [start, end of 元)
      std::vector<Fen> values;
      for (size_t r = s; r < p; ++r) {
        if (!IsAsciiDigit(t[r]) || (r > s && (IsAsciiDigit(t[r - 1]) || t[r - 1] == '.' || t[r - 1] == ','))) continue;
        size_t len = 0;
        auto v = FiguresAt(t, r, &len);
        if (!v) { while (r + 1 < p && IsAsciiDigit(t[r + 1])) ++r; continue; }
        amounts.push_back({r, r + len + 3});
        values.push_back(*v);
        r += len;
      }
      Fen sum = 0;
      int items = 0;
      bool bad = false;
      size_t next = p;  // start of the text after the item being considered
      for (size_t k = amounts.size(); k-- > 0;) {
        size_t gap_bytes = next - amounts[k].second;
        std::string_view gap = t.substr(amounts[k].second, gap_bytes);
        if (gap_bytes > (items == 0 ? 12u : 36u) || gap.find_first_of("0123456789") != std::string_view::npos) break;
        std::string_view prev = CharBefore(t, amounts[k].first);
        if (prev == "每" || prev == "月" || prev == "日") bad = true;  // rates, not items
        sum += values[k];
        ++items;
        next = amounts[k].first;
        // The label before the item belongs to it: skip back over it for the next gap.
        size_t lb = next;
        for (int c2 = 0; c2 < 12 && lb > s; ++c2) {
          std::string_view ch = CharBefore(t, lb);
          if (ch == "、" || ch == "，" || ch == "及" || ch == "和" || ch == "与" || IsAsciiDigit(ch[0])) break;
          lb -= ch.size();
        }
        next = lb;
      }
      // A longer enumeration whose items are not adjacent: the last amounts of the clause add up.
      bool suffix_matches = false;
      Fen suffix = 0;
      for (size_t k = values.size(); k-- > 0 && !suffix_matches;) suffix_matches = (suffix += values[k]) == *total;
      if (bad || items < 2 || sum == *total || suffix_matches) continue;
      // Only money claims itemised as principal, interest, penalties and fees.
      std::string_view clause = t.substr(s, p - s);
      bool itemised = false;
      for (std::string_view label : {"本金", "利息", "违约金", "罚息", "滞纳金", "款", "损失", "租金", "工资", "补偿金", "赔偿金", "费"})
        itemised = itemised || clause.find(label) != std::string_view::npos;
      if (!itemised || c.kind.starts_with("刑事")) continue;
      f->Add("interest_arithmetic", q, q + tlen,
             "本息（各项金额）合计计算错误：所列各项之和为" + FormatYuan(sum) + "元，文书写作" + FormatYuan(*total) + "元",
             "改为" + FormatYuan(sum) + "元");
    }
  }
}

}  // namespace

void CheckAmounts(const CheckContext& c, Findings* f) {
  WordsVsFigures(c, f);
  Totals(c, f);
}

}  // namespace tianping::text::checks
