// Private to the cleaning code (include/tianping/store/clean.h): the rule indexes, the single-row rules and
// the text normalisation shared by the report and the safe fixes, so both always agree.
// Thread-safety: pure functions.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "tianping/model/case.h"
#include "tianping/model/reference.h"

namespace tianping::store {

// Indexes into CleanRules(); the order is the report order.
enum CleanRuleIndex {
  kDuplicateCaseNumber,
  kOrphanDerivedFrom,
  kOrphanDocument,
  kDerivedBeforeParent,
  kClosedWithoutMethod,
  kMethodWithoutClosed,
  kCourtCodeMismatch,
  kYearMismatch,
  kTypeInconsistent,
  kOverduePending,
  kPartyIdentityConflict,
  kIdNumberDisagrees,
  kCourtNameMismatch,
  kCaseNumberFormat,
  kNameFormat,
  kCleanRuleCount
};

struct RowFinding {
  CleanRuleIndex rule;
  std::string detail;
};

// Rules that need only the case itself (everything except duplicates, orphans, parent dates, overdue and
// identity conflicts across cases). `ref` may be null: the court-name rule is skipped then.
void CheckCaseRow(const Case& c, const ReferenceData* ref, std::vector<RowFinding>* out);

// Names: leading/trailing whitespace (ASCII and U+3000) removed, whitespace between two non-ASCII
// characters removed (张 三 → 张三), other runs collapsed to one ASCII space, full-width digits and
// letters (U+FF10–FF19, U+FF21–FF3A, U+FF41–FF5A) made ASCII.
std::string NormalizeName(std::string_view s);

// The normalised 案号 when `number` parses and differs from it, else "".
std::string NormalizedCaseNumberIfDifferent(std::string_view number);

// The reference court name when `c.court_name` is neither it nor the formal name with the province; "" when
// the name is fine or the court is unknown.
std::string ExpectedCourtName(const Case& c, const ReferenceData& ref);

}  // namespace tianping::store
