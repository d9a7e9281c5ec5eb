// Row validation for ingest: which rows go to quarantine and why. Checks (docs/store-format.md
// "Quarantine"): required fields, the 案号 grammar and its agreement with court_code and type_code,
// possible and ordered dates, known courts, ID-number and credit-code check characters.
// Thread-safety: pure functions over immutable reference data.
#pragma once

#include <optional>
#include <string>

#include "tianping/model/case.h"
#include "tianping/model/reference.h"

namespace tianping::store {

struct ValidationIssue {
  std::string field;   // parties[1].id_number
  std::string reason;  // Chinese or English text for the quarantine file
};

// Checks `c`; on success sets *partition to its province partition (province abbreviation, 最高法 for
// the SPC). With ref == nullptr the court is checked by shape only.
std::optional<ValidationIssue> ValidateCase(const Case& c, const ReferenceData* ref, std::string* partition);
std::optional<ValidationIssue> ValidateDocument(const Document& d);

}  // namespace tianping::store
