// Renders a full judgment document (法〔2016〕221号 structure) for a generated case, optionally with planted
// errors and document-vs-record mismatches whose exact locations are reported back.
// Thread-safety: RenderDocument is reentrant; the Rng is the caller's.
#pragma once

#include <string>
#include <vector>

#include "tianping/common/rng.h"
#include "tianping/gen/truth.h"
#include "tianping/model/case.h"
#include "tianping/model/reference.h"

namespace tianping::gen {

struct DocumentPlan {
  std::vector<std::string> error_kinds;     // errors to plant (may be empty)
  std::vector<std::string> mismatch_fields; // fields to contradict (may be empty)
};

struct RenderedDocument {
  Document doc;
  std::vector<PlantedDocError> errors;      // with doc_id/case_id filled
  std::vector<PlantedMismatch> mismatches;
};

// Every error kind RenderDocument can plant, and every field it can contradict.
const std::vector<std::string>& DocumentErrorKinds();
const std::vector<std::string>& MismatchFields();

// REQUIRES: c is closed with a closure method that yields a document (判决, 调解, 裁定 …).
// `origin` is the first-instance case for appeals and retrials (quoted in the history), else nullptr.
RenderedDocument RenderDocument(const Case& c, const Case* origin, const ReferenceData& ref, Rng& rng,
                                const DocumentPlan& plan);

}  // namespace tianping::gen
