// A parsed judgment document (裁判文书): title, parties, sections with byte spans, citations, panel, date.
// Structure follows 民事裁判文书制作规范 (法〔2016〕221号, domain.md §7); the parser works on markers
// (本院认为, 判决如下 …) and accepts documents with or without line breaks, missing sections, 〔〕 brackets,
// anonymised names and criminal/appeal forms. Fields and heuristics: docs/judgment-parser.md.
// Thread-safety: ParseJudgment is reentrant; results are plain values.
#pragma once

#include <array>
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "tianping/common/date.h"
#include "tianping/model/case.h"

namespace tianping::text {

struct Span {                     // byte offsets into the parsed text, [begin, end)
  size_t begin = 0;
  size_t end = 0;
  bool empty() const { return end <= begin; }
};

enum class SectionKind {          // order of appearance in a complete document
  kTitle = 0,     // court, document kind, 案号
  kParties,       // 当事人及代理人 (首部)
  kHistory,       // 案件由来和审理经过
  kClaims,        // 诉称 / 上诉请求 / 公诉机关指控
  kDefence,       // 辩称 / 辩护意见
  kFacts,         // 经审理查明 / 原判认定
  kReasoning,     // 本院认为
  kBasis,         // 依照《…》…之规定
  kOperative,     // 判决如下：… (裁判主文)
  kCosts,         // 案件受理费…
  kAppealNotice,  // 如不服本判决… / 本判决为终审判决
  kSignature,     // 审判长 … 书记员
};
inline constexpr size_t kSectionCount = 12;
const char* SectionName(SectionKind kind);  // "title", "parties", … (JSON keys)

struct JudgmentAgent {            // 诉讼代理人 / 辩护人 / 法定代理人
  std::string role;               // 委托诉讼代理人 辩护人 法定代理人 …
  std::string name;
  std::string kind;               // 律师 | 法律援助律师 | 基层法律服务工作者 | "" (unknown)
  std::string law_firm;           // …律师事务所 / …法律服务所
  std::string license_number;     // 执业证号
};

struct JudgmentParty {
  std::string role;               // 原告 被告 上诉人 被告人 公诉机关 …
  std::string original_role;      // （原审被告人）; empty when absent
  std::string name;
  std::string kind;               // 自然人 | 法人 | 机关
  std::string gender;             // 男 | 女 | ""
  std::optional<Date> birth_date;
  std::string ethnicity;          // 汉族 …
  std::string legal_representative;  // 法定代表人 / 负责人
  std::vector<JudgmentAgent> agents;
  bool from_narrative = false;    // found in the history text, not in a party block
  Span span;
};

struct Citation {                 // 《中华人民共和国民法典》第六百七十五条第一款第（二）项
  std::string law;                // full name (short names resolved: 刑法 → 中华人民共和国刑法)
  std::string written_name;       // as written at this place (full or short)
  int article = 0;                // 条
  int article_suffix = 0;         // 之一 → 1
  int paragraph = 0;              // 款, 0 when absent
  int item = 0;                   // 项, 0 when absent
  Span span;
};

struct PanelMember {
  std::string role;               // 审判长 审判员 人民陪审员 代理审判员 …
  std::string name;
};

struct ParsedJudgment {
  std::string court;              // 广东省惠州市中级人民法院
  std::string kind;               // 刑事判决书 民事调解书 …
  std::string case_number;        // 案号 as written
  std::string case_number_normalized;  // ParseCaseNumber form; empty when it did not parse
  std::vector<std::string> other_case_numbers;  // 案号 quoted in the head/history (first-instance etc.)
  std::string first_instance_case_number;       // the first quoted one whose type is a first instance
  std::vector<JudgmentParty> parties;
  std::array<Span, kSectionCount> sections{};
  std::vector<Citation> citations;
  std::vector<std::string> operative_items;     // 裁判主文 items (一、… split), as written
  std::optional<Fen> costs;       // 案件受理费 amount
  std::vector<PanelMember> panel;
  std::optional<Date> date;       // 落款 date
  std::string clerk;              // 书记员
  Span court_span, kind_span, case_number_span, date_span;

  const Span& section(SectionKind k) const { return sections[static_cast<size_t>(k)]; }
  Span& section(SectionKind k) { return sections[static_cast<size_t>(k)]; }
};

// Parses one document. Never fails: fields that cannot be found stay empty. `text` must outlive nothing
// (the result owns its strings); spans index into `text`.
ParsedJudgment ParseJudgment(std::string_view text);

// Machine form: one JSON object (no newline). With `text`, section texts are included besides spans.
void AppendJudgmentJson(const ParsedJudgment& j, std::string_view text, std::string* out);

}  // namespace tianping::text
