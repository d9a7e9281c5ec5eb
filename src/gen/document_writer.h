// Renders a full judgment document (法〔2016〕221号 structure) for a generated case, optionally with planted
// errors and document-vs-record mismatches whose exact locations are reported back.
// Error kinds, mismatch fields and lender features: docs/generator.md, section "Document errors".
// Thread-safety: RenderDocument is reentrant; the Rng is the caller's.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "tianping/common/rng.h"
#include "tianping/gen/truth.h"
#include "tianping/model/case.h"
#include "tianping/model/reference.h"

namespace tianping::gen {

struct DocumentPlan {
  std::vector<std::string> error_kinds;     // errors to plant (may be empty); see DocumentErrorKinds()
  std::vector<std::string> mismatch_fields; // fields to contradict (may be empty); see MismatchFields()
  // Wording features of professional-lender (职业放贷人) suits, any of:
  //   uniform_iou       the IOU is quoted in one fixed template (格式化借条), identical across cases
  //   cash_delivery     the loan is said to be delivered in cash (现金交付), no transfer record
  //   interest_deducted interest was deducted from the principal in advance (预先扣除利息)
  //   plaintiff_absent  only the plaintiff's agent attends (原告本人未到庭)
  //   defendant_absent  the defendant does not appear; judgment by default (缺席判决)
  // Features apply to civil first-instance documents; the loan ones to 民间借贷 only.
  std::vector<std::string> lender_features;
};

struct RenderedDocument {
  Document doc;
  std::vector<PlantedDocError> errors;      // with doc_id/case_id filled; spans index doc.text
  std::vector<PlantedMismatch> mismatches;
};

// Every error kind RenderDocument can plant, and every field it can contradict.
const std::vector<std::string>& DocumentErrorKinds();
const std::vector<std::string>& MismatchFields();
// Chinese label of an error kind (错别字, 自称“我院” …); empty for an unknown kind.
std::string_view DocumentErrorLabel(std::string_view kind);
// Lender feature names accepted in DocumentPlan::lender_features.
const std::vector<std::string>& LenderFeatures();

// REQUIRES: c is closed with a closure method that yields a document (判决, 调解, 裁定 …).
// `origin` is the first-instance case for appeals and retrials (quoted in the history), else nullptr.
// A requested error or mismatch that the document has no place for (e.g. costs_omitted in a criminal
// judgment, repealed_law before 2021) is skipped: only what is listed in the result was planted.
// Errors and mismatches draw from a separate stream seeded by one draw of `rng`, so the same seed gives
// the same wording with and without them (mismatches change only the contradicted values, except
// closure_method, which changes the kind of document).
RenderedDocument RenderDocument(const Case& c, const Case* origin, const ReferenceData& ref, Rng& rng,
                                const DocumentPlan& plan);

}  // namespace tianping::gen
