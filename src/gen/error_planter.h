// Plants document errors (domain.md §7) into a rendered draft and reports their exact spans in the
// final text. Edits are chosen on the clean text, never overlap, and are applied in one pass, so each
// reported [start, end) is exact: text.substr(start, end - start) == wrong. Private to src/gen.
// Thread-safety: pure function of its arguments; the Rng is the caller's.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "gen/doc_draft.h"
#include "tianping/common/rng.h"
#include "tianping/gen/truth.h"
#include "tianping/model/document_error_kinds.h"

namespace tianping::gen {

using ErrorKindInfo = DocumentErrorKind;
// Every kind, in a fixed order (docs/generator.md lists the same).
const std::vector<ErrorKindInfo>& ErrorKindTable();

// Plants `kinds` into `draft` (duplicates plant two errors of the kind where possible). Kinds with
// no site in this document are skipped, or with `replace_unplantable` replaced by another kind that
// has one. Writes the final text and appends the planted errors (doc_id/case_id left empty).
void PlantErrors(const Draft& draft, const std::vector<std::string>& kinds, bool replace_unplantable, Rng& rng,
                 std::string* final_text, std::vector<PlantedDocError>* errors);

}  // namespace tianping::gen
