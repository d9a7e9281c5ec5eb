// A rendered document before errors are planted: the clean text plus the spans ("anchors") where the
// error planter may edit, and the alternative texts it needs. Private to src/gen.
// Thread-safety: plain values.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "gen/legal_citations.h"
#include "tianping/common/date.h"
#include "tianping/model/case.h"

namespace tianping::gen {

enum class Anchor : uint8_t {
  kTitleCaseNumber,     // 案号 in the title
  kFiledDate,           // Arabic 立案 date in the 首部 (2023年3月1日)
  kPartyAddress,        // a party's address (aux = party index)
  kPartyId,             // masked 公民身份号码 (aux = party index)
  kNameMention,         // a party name after the 首部 (aux = party index)
  kRoleMention,         // a role word just before a name after the 首部 (aux = party index)
  kDefenseParagraph,    // the 辩称 line, with its '\n'
  kReasoningParagraph,  // the 本院认为 line, with its '\n'
  kCostSentence,        // 案件受理费…负担。
  kAmountWords,         // upper-case amount (壹万贰仟元整)
  kSumTotal,            // figures of a stated total (本金+利息 = 合计)
  kSubstantiveCitation, // 《中华人民共和国民法典》第…条、第…条
  kLateArticle,         // 第二百六十四条 in the late-performance notice
  kSignaturePanel,      // the judge lines of the signature, with their '\n'
  kSignatureYear,       // 二〇二三 in the signature date
  kBody,                // everything after the 首部 (start of facts .. before signature)
};

struct AnchorSpan {
  Anchor anchor;
  int aux = -1;
  size_t start = 0, end = 0;
};

struct Draft {
  std::string text;
  std::vector<AnchorSpan> anchors;
  // Alternatives the planter substitutes.
  std::string wrong_panel;                 // signature judge lines for the other kind of panel
  LawCitation repealed;                    // the pre-民法典 citation of the same cause (count 0: none)
  int outdated_late_article = 0;           // 民事诉讼法 article number of an older revision
  Date judgment_date;                      // as written in the signature
  Fen sum_total = 0;                       // value written at kSumTotal
  std::vector<std::string> full_ids;       // per party: unmasked ID number ("" when none)
  const Case* shown = nullptr;             // the case as the document presents it
  Date detained;                           // criminal: first day in custody
  bool in_custody = false;                 // criminal: detained rather than on bail

  void Mark(Anchor a, int aux, size_t start) { anchors.push_back({a, aux, start, text.size()}); }
  void Append(std::string_view s) { text.append(s); }
};

}  // namespace tianping::gen
