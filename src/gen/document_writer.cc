#include "gen/document_writer.h"

#include "gen/doc_draft.h"
#include "gen/doc_render.h"
#include "gen/error_planter.h"
#include "gen/mismatch_planter.h"

namespace tianping::gen {
namespace {

bool Contains(std::string_view s, std::string_view part) { return s.find(part) != std::string_view::npos; }

bool IsAppeal(const Case& c) { return c.procedure == "二审" || Contains(c.type_code, "终"); }

// Chooses the renderer from category, procedure and closure method.
void Dispatch(RenderContext& ctx) {
  const Case& c = ctx.c;
  std::string_view method = c.closure_method;
  bool withdrawn = Contains(method, "撤诉") || Contains(method, "撤回");
  if (c.category == "执行") return RenderExecution(ctx);
  if (IsAppeal(c)) return RenderAppeal(ctx);
  if (withdrawn) return RenderCivilWithdrawal(ctx);
  if (c.category == "刑事") return RenderCriminalFirstInstance(ctx);
  if (c.category == "行政") return RenderAdministrative(ctx);
  if (Contains(method, "调解")) return RenderCivilMediation(ctx);
  RenderCivilFirstInstance(ctx);
}

std::string KindFromTitle(const std::string& text) {
  size_t a = text.find('\n');
  if (a == std::string::npos) return "";
  size_t b = text.find('\n', a + 1);
  return text.substr(a + 1, b == std::string::npos ? std::string::npos : b - a - 1);
}

}  // namespace

const std::vector<std::string>& DocumentErrorKinds() {
  static const std::vector<std::string> kKinds = [] {
    std::vector<std::string> v;
    for (const ErrorKindInfo& k : ErrorKindTable()) v.emplace_back(k.id);
    return v;
  }();
  return kKinds;
}

std::string_view DocumentErrorLabel(std::string_view kind) {
  for (const ErrorKindInfo& k : ErrorKindTable())
    if (k.id == kind) return k.label;
  return {};
}

const std::vector<std::string>& MismatchFields() {
  static const std::vector<std::string> kFields = {"case_number", "court_name",   "party_name",
                                                   "filed_date",  "closed_date",  "closure_method",
                                                   "claim_amount", "awarded_amount", "judge_name"};
  return kFields;
}

const std::vector<std::string>& LenderFeatures() {
  static const std::vector<std::string> kFeatures = {"uniform_iou", "cash_delivery", "interest_deducted",
                                                     "plaintiff_absent", "defendant_absent"};
  return kFeatures;
}

RenderedDocument RenderDocument(const Case& c, const Case* origin, const ReferenceData& ref, Rng& rng,
                                const DocumentPlan& plan) {
  // One draw seeds everything the plan does, so the wording stream is the same with or without it.
  Rng plant_rng(rng.Next());
  RenderedDocument out;
  Case shown_copy;
  const Case* shown = &c;
  if (!plan.mismatch_fields.empty()) {
    shown_copy = c;
    ApplyMismatches(c, plan.mismatch_fields, ref, plant_rng, &shown_copy, &out.mismatches);
    shown = &shown_copy;
  }
  Draft draft;
  draft.text.reserve(4096);
  draft.anchors.reserve(64);
  draft.shown = shown;
  RenderContext ctx(*shown, origin, ref, rng, plan, draft);
  Dispatch(ctx);

  out.doc.doc_id = c.document_id.empty() ? c.case_id + "-doc" : c.document_id;
  out.doc.case_id = c.case_id;
  if (plan.error_kinds.empty()) {
    out.doc.text = std::move(draft.text);
  } else {
    PlantErrors(draft, plan.error_kinds, plant_rng, &out.doc.text, &out.errors);
  }
  out.doc.kind = KindFromTitle(out.doc.text);
  out.doc.title = shown->court_name + out.doc.kind;
  for (PlantedDocError& e : out.errors) { e.doc_id = out.doc.doc_id; e.case_id = c.case_id; }
  for (PlantedMismatch& m : out.mismatches) { m.doc_id = out.doc.doc_id; m.case_id = c.case_id; }
  return out;
}

}  // namespace tianping::gen
