// Cross-check (文书与案件信息比对): facts read from a judgment document against the structured case record.
// Compared fields: case_number court_name party_name filed_date closed_date closure_method claim_amount
// awarded_amount judge_name (the same names as PlantedMismatch::field in truth.json). docs/judgment-parser.md.
// Thread-safety: CrossCheck is reentrant.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "tianping/model/case.h"
#include "tianping/text/extract.h"
#include "tianping/text/judgment.h"

namespace tianping::text {

struct Mismatch {
  std::string case_id;
  std::string doc_id;
  std::string field;
  std::string structured;         // the value in the case record
  std::string document;           // the value read from the document
};

// Every disagreement between `c` and the parsed document. A field is compared only when both sides
// have a value (an absent section is not a mismatch).
std::vector<Mismatch> CrossCheck(const Case& c, const Document& d, const ParsedJudgment& j, const ExtractedFacts& f);

}  // namespace tianping::text
