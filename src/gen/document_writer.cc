#include "gen/document_writer.h"

#include "gen/doc_draft.h"
#include "gen/doc_render.h"
#include "gen/error_planter.h"
#include "gen/mismatch_planter.h"

namespace tianping::gen {
namespace {

bool Contains(std::string_view s, std::string_view part) { return s.find(part) != std::string_view::npos; }

bool IsAppeal(const Case& c) { return c.procedure == "二审" || Contains(c.type_code, "终"); }
bool IsRetrialReview(const Case& c) { return c.procedure == "再审审查" || Contains(c.type_code, "申"); }
bool IsRetrial(const Case& c) { return c.procedure == "再审" || Contains(c.type_code, "再"); }
bool IsExecutionObjection(std::string_view type_code, std::string_view method) {
  return Contains(type_code, "执异") || Contains(method, "异议");
}

// Chooses the renderer from category, stage and closure method.
void Dispatch(RenderContext& ctx) {
  const Case& c = ctx.c;
  std::string_view method = c.closure_method;
  bool withdrawn = Contains(method, "撤诉") || Contains(method, "撤回");
  if (c.category == "执行") {
    if (IsExecutionObjection(c.type_code, method)) return RenderRuling(ctx);
    return RenderExecution(ctx);
  }
  if (IsRetrialReview(c)) return RenderRuling(ctx);
  if (IsAppeal(c) || IsRetrial(c)) {
    if (withdrawn) return RenderRuling(ctx);
    if (Contains(method, "调解") && c.category == "民事") return RenderCivilMediation(ctx);
    if (c.category == "刑事") return RenderCriminalAppeal(ctx);
    return RenderAppeal(ctx);
  }
  if (withdrawn || Contains(method, "驳回起诉") || Contains(method, "移送") || Contains(method, "终止")) {
    return RenderRuling(ctx);
  }
  if (c.category == "刑事") return RenderCriminalFirstInstance(ctx);
  if (c.category == "行政") return RenderAdministrative(ctx);
  if (Contains(method, "调解")) return RenderCivilMediation(ctx);
  RenderCivilFirstInstance(ctx);
}

// As published: "张伟与刘强民间借贷纠纷一审民事判决书", "赵军危险驾驶罪一审刑事判决书".
std::string DocumentTitle(const Case& c, const std::string& kind) {
  std::string title;
  std::vector<const Party*> sides[2];
  for (const Party& p : c.parties) {
    std::string_view r = p.role;
    if (r == "公诉机关" || r == "原公诉机关" || r == "案外人") continue;
    bool passive = r.starts_with("被");
    sides[passive ? 1 : 0].push_back(&p);
  }
  auto names = [](const std::vector<const Party*>& v) {
    std::string s;
    for (size_t i = 0; i < v.size() && i < 3; ++i) { if (i) s += "、"; s += v[i]->name; }
    if (v.size() > 3) s += "等";
    return s;
  };
  if (c.category == "刑事") {
    title = names(sides[1].empty() ? sides[0] : sides[1]);
  } else {
    title = names(sides[0]);
    if (!sides[1].empty()) { if (!title.empty()) title += "与"; title += names(sides[1]); }
  }
  title += c.cause_name;
  if (IsAppeal(c)) title += "二审";
  else if (IsRetrialReview(c)) title += "再审审查与审判监督";
  else if (IsRetrial(c)) title += "再审";
  else if (c.category != "执行") title += "一审";
  title += kind;
  return title;
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
  RenderContext ctx(*shown, origin, ref, rng, plan, draft);
  Dispatch(ctx);

  out.doc.doc_id = c.document_id.empty() ? c.case_id + "-doc" : c.document_id;
  out.doc.case_id = c.case_id;
  if (plan.error_kinds.empty()) {
    out.doc.text = std::move(draft.text);
  } else {
    PlantErrors(draft, plan.error_kinds, plan.replace_unplantable, plant_rng, &out.doc.text, &out.errors);
  }
  out.doc.kind = draft.kind;
  out.doc.title = DocumentTitle(*shown, out.doc.kind);
  for (PlantedDocError& e : out.errors) { e.doc_id = out.doc.doc_id; e.case_id = c.case_id; }
  for (PlantedMismatch& m : out.mismatches) { m.doc_id = out.doc.doc_id; m.case_id = c.case_id; }
  return out;
}

}  // namespace tianping::gen
