// JSONL form of the unified case model (cases.jsonl, documents.jsonl). Field names are the snake_case
// names of the structs in case.h; schema and conventions: docs/schema.md ("JSONL form").
//   - dates are "YYYY-MM-DD"; an absent optional date is omitted (null is accepted when reading);
//   - money (Fen) is written in yuan as a JSON number with at most two decimals;
//   - empty strings, empty arrays, false flags and zero counters are omitted when writing and default
//     when reading; case_id, case_number, court_code, type_code, category, filed_date and parties are
//     always written.
// Unknown keys are ignored when reading (forward compatibility). Thread-safety: all functions are
// reentrant.
#pragma once

#include <string>
#include <string_view>

#include "tianping/common/status.h"
#include "tianping/model/case.h"

namespace tianping {

// Appends one case as a single-line JSON object (no trailing newline).
void AppendCaseJson(const Case& c, std::string* out);
// Parses one JSON line. Errors name the field: "field parties[1].birth_date: expected YYYY-MM-DD".
Result<Case> ParseCaseJson(std::string_view line);
// Same, into `*c`, which is reset first and keeps its string buffers (a thread that parses many lines
// reuses one Case and allocates little). On error *c holds a partly parsed case.
Status ParseCaseJson(std::string_view line, Case* c);

void AppendDocumentJson(const Document& d, std::string* out);
Result<Document> ParseDocumentJson(std::string_view line);

// Yuan (JSON number) ↔ fen. Rounds to the nearest fen.
Fen YuanToFen(double yuan);

}  // namespace tianping
