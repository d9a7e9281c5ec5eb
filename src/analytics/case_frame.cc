// CaseFrameBuilder: Case structs → columns. Derived columns are defined in docs/indicators.md §Data.
#include "tianping/analytics/case_frame.h"

#include <algorithm>

#include "tianping/model/case_type_table.h"

namespace tianping::analytics {

uint32_t Dictionary::Code(std::string_view value) {
  auto it = index_.find(value);
  if (it != index_.end()) return it->second;
  uint32_t code = static_cast<uint32_t>(values_.size());
  values_.emplace_back(value);
  index_.emplace(values_.back(), code);
  return code;
}

bool Dictionary::Find(std::string_view value, uint32_t* code) const {
  auto it = index_.find(value);
  if (it == index_.end()) return false;
  *code = it->second;
  return true;
}

CaseFrameBuilder::CaseFrameBuilder(const ReferenceData& ref) : ref_(ref) {
  f_.judge_names.emplace_back();
  f_.cause_path.push_back({0, 0, 0, 0});
  f_.cause_high_risk.push_back(0);
  f_.court_names.emplace_back();
  f_.court_name_code.push_back(0);
  f_.court_level.push_back(0);
  f_.court_province.push_back(0);
  f_.court_region.push_back(0);
}

uint32_t CaseFrameBuilder::CourtCode(const std::string& code) {
  size_t before = f_.courts.size();
  uint32_t c = f_.courts.Code(code);
  if (f_.courts.size() == before) return c;
  const Court* court = ref_.FindCourt(code);
  std::string name = court ? court->name : code;
  std::string level = court ? CourtLevelName(court->level) : "未知";
  std::string province = "未知";
  std::string region = name;
  if (court) {
    const Province* p = ref_.FindProvince(court->province);
    if (p) province = p->name;
    if (court->level == CourtLevel::kBasic && !court->parent_code.empty()) {
      const Court* up = ref_.FindCourt(court->parent_code);
      region = up ? up->name : court->parent_code;
    }
  }
  f_.court_names.push_back(name);
  f_.court_name_code.push_back(f_.court_name_dict.Code(name));
  f_.court_level.push_back(f_.levels.Code(level));
  f_.court_province.push_back(f_.provinces.Code(province));
  f_.court_region.push_back(f_.regions.Code(region));
  return c;
}

uint32_t CaseFrameBuilder::CauseCode(const Case& c) {
  // Keyed by the cause code; a record without one is keyed by its cause name (or the leaf of its path).
  std::string key = !c.cause_code.empty() ? c.cause_code : !c.cause_name.empty() ? c.cause_name
                    : c.cause_path.empty() ? std::string() : c.cause_path.back();
  if (key.empty()) return 0;
  size_t before = f_.causes.size();
  uint32_t code = f_.causes.Code(key);
  if (f_.causes.size() == before) return code;
  std::array<uint32_t, 4> path{0, 0, 0, 0};
  std::vector<std::string> names = c.cause_path;
  const Cause* cause = ref_.FindCause(c.cause_code);
  if (names.empty() && cause) names = ref_.CausePath(*cause);
  if (names.empty() && !c.cause_name.empty()) names.push_back(c.cause_name);
  for (size_t i = 0; i < names.size() && i < 4; ++i) path[i] = f_.cause_levels.Code(names[i]);
  // A path shorter than 4 repeats its leaf so that "cause at level 4" of a level-2 cause is the cause.
  for (size_t i = std::max<size_t>(names.size(), 1); i < 4; ++i) path[i] = path[i - 1];
  f_.cause_path.push_back(path);
  f_.cause_high_risk.push_back(cause && cause->high_risk ? 1 : 0);
  return code;
}

void CaseFrameBuilder::Add(const Case& c) {
  uint32_t row = f_.rows++;
  f_.case_ids.push_back(c.case_id);
  f_.court.push_back(CourtCode(c.court_code));
  f_.category.push_back(f_.categories.Code(c.category));
  f_.type_code.push_back(f_.type_codes.Code(c.type_code));
  const CaseType* t = CaseTypeTable::Default().Find(c.type_code);
  f_.stage.push_back(f_.stages.Code(t ? t->stage : ""));
  f_.procedure.push_back(f_.procedures.Code(c.procedure));
  f_.closure.push_back(f_.closures.Code(c.closed_date ? c.closure_method : ""));
  f_.cause.push_back(CauseCode(c));
  f_.relation.push_back(f_.relations.Code(c.derived_from ? c.derived_from->relation : ""));
  size_t nj = f_.judges.size();
  uint32_t j = f_.judges.Code(c.judge_id.empty() ? c.judge_name : c.judge_id);
  if (f_.judges.size() != nj) f_.judge_names.push_back(c.judge_name);
  f_.judge.push_back(j);
  f_.received.push_back(c.received_date ? c.received_date->days() : kNoDate);
  f_.filed.push_back(c.filed_date.days());
  f_.closed.push_back(c.closed_date ? c.closed_date->days() : kNoDate);
  f_.max_date = std::max({f_.max_date, c.filed_date.days(), f_.closed.back()});
  f_.limit_days.push_back(c.statutory_limit_days);
  f_.extension_days.push_back(c.extension_days);
  f_.excluded_days.push_back(c.excluded_days);
  f_.claim_amount.push_back(c.claim_amount);
  f_.awarded_amount.push_back(c.awarded_amount);
  f_.applied_amount.push_back(c.execution ? c.execution->applied_amount : 0);
  f_.recovered_amount.push_back(c.execution ? c.execution->recovered_amount : 0);
  parent_ids_.push_back(c.derived_from ? c.derived_from->case_id : std::string());
  if (c.has_payment_content) has_payment_.push_back(row);
  if (c.execution && c.execution->voluntary) voluntary_.push_back(row);
  if (c.correction_requested) correction_.push_back(row);
  if (c.is_sealed) sealed_.push_back(row);
  bool org = false, minor = false, lawyer = false;
  for (const Party& p : c.parties) {
    org |= p.kind == "法人" || p.kind == "非法人组织";
    minor |= p.is_minor;
    for (const Agent& a : p.agents) lawyer |= a.kind == "律师" || a.kind == "法律援助律师";
  }
  if (org) org_.push_back(row);
  if (minor) minor_.push_back(row);
  if (lawyer) lawyer_.push_back(row);
}

CaseFrame CaseFrameBuilder::Finish() {
  CaseFrame& f = f_;
  const uint32_t n = f.rows;
  std::unordered_map<std::string_view, int32_t> by_id;
  by_id.reserve(n);
  for (uint32_t i = 0; i < n; ++i) by_id.emplace(f.case_ids[i], static_cast<int32_t>(i));
  f.parent.assign(n, -1);
  for (uint32_t i = 0; i < n; ++i) {
    if (parent_ids_[i].empty()) continue;
    auto it = by_id.find(parent_ids_[i]);
    if (it != by_id.end() && it->second != static_cast<int32_t>(i)) f.parent[i] = it->second;
  }
  parent_ids_.clear();
  // Root: follow parents to the original (a row without a parent). The chain is bounded by n to stay
  // safe on cyclic links; a row on a cycle gets no root.
  uint32_t first_instance = 0;
  bool has_first = f.stages.Find("一审", &first_instance);
  f.root.assign(n, -1);
  f.root_filed.assign(n, kNoDate);
  for (uint32_t i = 0; i < n; ++i) {
    int32_t r = static_cast<int32_t>(i);
    uint32_t steps = 0;
    while (f.parent[r] >= 0 && steps++ <= n) r = f.parent[r];
    if (steps > n) continue;
    if (!has_first || f.stage[r] != first_instance) continue;  // 案 = an original first-instance case
    f.root[i] = r;
  }
  for (uint32_t i = 0; i < n; ++i)
    if (f.root[i] >= 0) f.root_filed[i] = f.filed[f.root[i]];
  // Child flags.
  std::vector<uint32_t> appealed, petitioned, executed;
  for (uint32_t i = 0; i < n; ++i) {
    int32_t p = f.parent[i];
    if (p < 0) continue;
    const std::string& rel = f.relations.Value(f.relation[i]);
    if (rel == "上诉") appealed.push_back(static_cast<uint32_t>(p));
    else if (rel == "再审审查" || rel == "再审") petitioned.push_back(static_cast<uint32_t>(p));
    else if (rel == "执行") executed.push_back(static_cast<uint32_t>(p));
  }
  auto to_bitmap = [](std::vector<uint32_t>& v) {
    std::sort(v.begin(), v.end());
    v.erase(std::unique(v.begin(), v.end()), v.end());
    Bitmap b = Bitmap::FromSorted(v);
    b.Optimize();
    return b;
  };
  f.appealed = to_bitmap(appealed);
  f.petitioned = to_bitmap(petitioned);
  f.executed = to_bitmap(executed);
  f.has_payment = to_bitmap(has_payment_);
  f.voluntary = to_bitmap(voluntary_);
  f.correction = to_bitmap(correction_);
  f.sealed = to_bitmap(sealed_);
  f.org_party = to_bitmap(org_);
  f.minor_party = to_bitmap(minor_);
  f.lawyer_party = to_bitmap(lawyer_);
  // Effective date (生效日期, working definition in docs/indicators.md): a first-instance judgment,
  // mediation or dismissal not appealed takes effect on its closing date; an appeal or retrial closed by
  // 维持 / 改判 / 调解 takes effect on its closing date; a withdrawn appeal (撤诉) makes the
  // first-instance decision effective on the appeal's closing date.
  f.effective.assign(n, kNoDate);
  auto is = [&](const Dictionary& d, uint32_t code, std::initializer_list<const char*> names) {
    const std::string& v = d.Value(code);
    for (const char* s : names)
      if (v == s) return true;
    return false;
  };
  for (uint32_t i = 0; i < n; ++i) {
    if (f.closed[i] == kNoDate) continue;
    const std::string& st = f.stages.Value(f.stage[i]);
    if (st == "一审") {
      if (is(f.closures, f.closure[i], {"判决", "调解", "驳回起诉"}) && !f.appealed.Contains(i))
        f.effective[i] = f.closed[i];
    } else if (st == "二审" || st == "再审") {
      if (is(f.closures, f.closure[i], {"维持", "改判", "调解"})) f.effective[i] = f.closed[i];
      int32_t p = f.parent[i];
      if (st == "二审" && f.closures.Value(f.closure[i]) == "撤诉" && p >= 0 && f.closed[p] != kNoDate &&
          is(f.closures, f.closure[p], {"判决", "调解", "驳回起诉"}))
        f.effective[p] = f.closed[i];
    }
  }
  return std::move(f_);
}

}  // namespace tianping::analytics
