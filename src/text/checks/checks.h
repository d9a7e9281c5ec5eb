// Internal interface of the document checks (one file per rule family, docs/doc-check.md).
// Every check reads a CheckContext and appends findings; none keeps state between documents.
// Thread-safety: checks are pure functions of the context.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "tianping/common/date.h"
#include "tianping/text/doc_check.h"
#include "tianping/text/judgment.h"
#include "tianping/text/segmenter.h"

namespace tianping::text::checks {

// One row of data/check/confusions.tsv: a wrong form, its correction and the conditions of the rule.
struct Confusion {
  std::string wrong;
  std::string correct;
  std::string kind;           // wrong_character | missing_character | extra_character | homophone
  std::string not_before;     // characters that must not precede `wrong` (any of them), UTF-8
  std::string not_after;      // characters that must not follow it
  std::string only_after;     // when set, the next character must be one of these ("#" = any digit)
};

// Place names (市/区/县 …) → province names they belong to, built from the court table.
struct PlaceIndex {
  std::vector<std::string> provinces;                                    // full names, 北京市 …
  std::unordered_map<std::string, std::vector<std::string>> place_provinces;  // 朝阳区 → {北京市, 吉林省}
  size_t max_place_bytes = 0;
};

struct CheckContext {
  std::string_view text;
  const ParsedJudgment* j = nullptr;
  const DocCheckOptions* options = nullptr;
  const std::vector<Confusion>* confusions = nullptr;
  // Index of `confusions` by the first character of the wrong form (one pass over the text).
  const std::unordered_map<std::string_view, std::vector<size_t>>* confusion_index = nullptr;
  const std::vector<std::string>* phrases = nullptr;  // fixed phrases for doubled-character checks
  const PlaceIndex* places = nullptr;
  // Look-alike / homophone characters in names (data/check/name_confusions.tsv), both directions.
  const std::vector<std::pair<std::string, std::string>>* name_swaps = nullptr;
  const Segmenter* segmenter = nullptr;  // DocCheckOptions::segmenter, may be null
  std::optional<Date> date;       // 落款 date
  std::string kind;               // 民事判决书 …
  std::string stage;              // 民初 民终 刑初 执 … from the 案号, "" when unknown
  size_t body_start = 0;          // after the title block
  std::string procedure_hint;     // DocHints::procedure, "" when unknown
};

class Findings {
 public:
  explicit Findings(std::vector<DocFinding>* out) : out_(out) {}
  void Add(std::string_view kind, size_t start, size_t end, std::string message, std::string suggestion) {
    out_->push_back({std::string(kind), start, end, 0, 0, std::move(message), std::move(suggestion)});
  }

 private:
  std::vector<DocFinding>* out_;
};

void CheckPartyConsistency(const CheckContext& c, Findings* f);  // party_name_inconsistent, party_role_inconsistent
void CheckTypos(const CheckContext& c, Findings* f);             // wrong/missing/extra character, homophone
void CheckPunctuation(const CheckContext& c, Findings* f);
void CheckSections(const CheckContext& c, Findings* f);          // missing_section
void CheckCosts(const CheckContext& c, Findings* f);             // costs_omitted
void CheckSelfReference(const CheckContext& c, Findings* f);     // wo_yuan
void CheckAmounts(const CheckContext& c, Findings* f);           // amount_words_mismatch, interest_arithmetic
void CheckDates(const CheckContext& c, Findings* f);             // date_order, mixed_zero
void CheckAddresses(const CheckContext& c, Findings* f);         // address_province_mismatch
void CheckCitations(const CheckContext& c, Findings* f);         // repealed_law, civil_procedure_article_outdated
void CheckPanel(const CheckContext& c, Findings* f);             // panel_procedure_mismatch
void CheckCaseNumber(const CheckContext& c, Findings* f);        // case_number_malformed, case_number_wrong_year
void CheckPrivacy(const CheckContext& c, Findings* f);           // pii_unmasked

// Shared scanning helpers (check_util.cc).
// Dates written 2023年3月1日 (ASCII digits) or 二〇二三年三月一日 starting at `pos`; sets *len in bytes.
std::optional<Date> DateAt(std::string_view text, size_t pos, size_t* len);
// The filing date (立案 / 受理 / 提起公诉 / 起诉) stated in the head, with its byte span.
std::optional<Date> FilingDate(const CheckContext& c, size_t* start, size_t* end);
// Start of the line containing `pos`, and the end of that line (before '\n').
size_t LineStart(std::string_view text, size_t pos);
size_t LineEnd(std::string_view text, size_t pos);
// Byte length of the UTF-8 character at `pos` (1 for invalid bytes).
size_t CharLen(std::string_view text, size_t pos);
// Characters before/after `pos` as a string_view of one code point ("" at the ends).
std::string_view CharBefore(std::string_view text, size_t pos);
std::string_view CharAfter(std::string_view text, size_t pos);
bool IsAsciiDigit(char ch);

}  // namespace tianping::text::checks
