// Facts extracted from a judgment's text: amounts with their context, dates with roles, interest rates,
// the loan delivery method, the outcome per claim and the closure. Heuristics: docs/judgment-parser.md.
// Thread-safety: ExtractFacts is reentrant; results are plain values.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "tianping/common/date.h"
#include "tianping/model/case.h"
#include "tianping/text/judgment.h"

namespace tianping::text {

struct AmountMention {
  Fen fen = 0;
  std::string text;               // as written: 人民币贰拾壹万壹仟元整, 1.5万元
  std::string context;            // 本金 利息 违约金 受理费 罚金 合计 借款 赔偿 货款 … or ""
  std::string section;            // SectionName of the section it lies in, or ""
  Span span;
};

struct DateMention {
  Date date;
  std::string role;               // 借款日 立案 受理 起诉 撤诉 开庭 原审裁判 出生 签订 还款 强制措施 判决 or ""
  std::string section;
  Span span;
};

struct RateMention {
  std::string kind;               // 年利率 月利率 日利率 LPR倍数
  double value = 0;               // percent per period (年利率24% → 24), or the multiple of LPR (四倍 → 4)
  double annual_percent = 0;      // annualised percent (月 ×12, 日 ×365); 0 for LPR multiples
  std::string text;
  Span span;
};

struct ClaimOutcome {
  std::string claim;              // the claim item as written
  std::optional<Fen> claimed;     // its amount, when it has one
  std::optional<Fen> awarded;     // the matching operative amount
  std::string outcome;            // 支持 部分支持 驳回 未决 (no ruling found on it)
};

struct ExtractedFacts {
  std::vector<AmountMention> amounts;
  std::vector<DateMention> dates;
  std::vector<RateMention> rates;
  std::vector<std::string> delivery_methods;   // 现金 转账 微信 支付宝, in order of first mention
  std::vector<ClaimOutcome> claims;
  std::optional<Fen> claim_total;              // 诉讼请求 total (共计 …, else the sum of claimed amounts)
  std::optional<Fen> awarded_total;            // sum of payments ordered in the operative part
  std::string closure;                         // 判决 调解 撤诉 维持 改判 发回重审 驳回起诉 执行完毕 … or ""
  std::optional<Date> filed_date;              // the date with role 立案
};

ExtractedFacts ExtractFacts(std::string_view text, const ParsedJudgment& j);
void AppendExtractionJson(const ExtractedFacts& f, std::string* out);

}  // namespace tianping::text
