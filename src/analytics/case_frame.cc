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
  f_.parties.entity_names.emplace_back();  // entity code 0 = no identity
}

std::string PartyEntityKey(std::string_view kind, std::string_view name, std::string_view id_number,
                           std::string_view credit_code) {
  if (!credit_code.empty()) return "C" + std::string(credit_code);
  if (!id_number.empty()) return "I" + std::string(id_number);
  if (name.empty()) return std::string();
  std::string key = "N";
  key += kind;
  key += '\x1f';
  key += name;
  return key;
}

uint32_t CaseFrameBuilder::CourtCode(std::string_view code_view) {
  size_t before = f_.courts.size();
  uint32_t c = f_.courts.Code(code_view);
  if (f_.courts.size() == before) return c;
  std::string code(code_view);
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

uint32_t CaseFrameBuilder::CauseCode(std::string_view cause_code, std::string_view cause_name,
                                     const std::vector<std::string>& cause_path) {
  // Keyed by the cause code; a record without one is keyed by its cause name (or the leaf of its path).
  std::string_view key = !cause_code.empty() ? cause_code : !cause_name.empty() ? cause_name
                         : cause_path.empty() ? std::string_view() : std::string_view(cause_path.back());
  if (key.empty()) return 0;
  size_t before = f_.causes.size();
  uint32_t code = f_.causes.Code(key);
  if (f_.causes.size() == before) return code;
  std::array<uint32_t, 4> path{0, 0, 0, 0};
  std::vector<std::string> names = cause_path;
  const Cause* cause = ref_.FindCause(std::string(cause_code));
  if (names.empty() && cause) names = ref_.CausePath(*cause);
  if (names.empty() && !cause_name.empty()) names.emplace_back(cause_name);
  for (size_t i = 0; i < names.size() && i < 4; ++i) path[i] = f_.cause_levels.Code(names[i]);
  // A path shorter than 4 repeats its leaf so that "cause at level 4" of a level-2 cause is the cause.
  for (size_t i = std::max<size_t>(names.size(), 1); i < 4; ++i) path[i] = path[i - 1];
  f_.cause_path.push_back(path);
  f_.cause_high_risk.push_back(cause && cause->high_risk ? 1 : 0);
  return code;
}

uint32_t CaseFrameBuilder::JudgeCode(std::string_view id, std::string_view name) {
  size_t nj = f_.judges.size();
  uint32_t j = f_.judges.Code(id.empty() ? name : id);
  if (f_.judges.size() != nj) f_.judge_names.emplace_back(name);
  return j;
}

uint32_t CaseFrameBuilder::StageCode(std::string_view type_code) {
  const CaseType* t = CaseTypeTable::Default().Find(std::string(type_code));
  return f_.stages.Code(t ? t->stage : "");
}

void CaseFrameBuilder::Add(const Case& c) {
  uint32_t row = f_.rows++;
  f_.case_ids.push_back(c.case_id);
  f_.court.push_back(CourtCode(c.court_code));
  f_.category.push_back(f_.categories.Code(c.category));
  f_.type_code.push_back(f_.type_codes.Code(c.type_code));
  f_.stage.push_back(StageCode(c.type_code));
  f_.procedure.push_back(f_.procedures.Code(c.procedure));
  f_.closure.push_back(f_.closures.Code(c.closed_date ? c.closure_method : ""));
  f_.cause.push_back(CauseCode(c.cause_code, c.cause_name, c.cause_path));
  f_.relation.push_back(f_.relations.Code(c.derived_from ? c.derived_from->relation : ""));
  f_.judge.push_back(JudgeCode(c.judge_id, c.judge_name));
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
  PartyTable& pt = f_.parties;
  for (const Party& p : c.parties) {
    bool has_lawyer = false;
    for (const Agent& a : p.agents) has_lawyer |= a.kind == "律师" || a.kind == "法律援助律师";
    org |= p.kind == "法人" || p.kind == "非法人组织";
    minor |= p.is_minor;
    lawyer |= has_lawyer;
    uint32_t occ = pt.rows++;
    pt.case_row.push_back(row);
    pt.role.push_back(pt.roles.Code(p.role));
    pt.kind.push_back(pt.kinds.Code(p.kind));
    size_t ne = pt.entities.size();
    pt.entity.push_back(pt.entities.Code(PartyEntityKey(p.kind, p.name, p.id_number, p.credit_code)));
    if (pt.entities.size() != ne) pt.entity_names.push_back(p.name);
    if (p.is_minor) party_minor_.push_back(occ);
    if (has_lawyer) party_lawyer_.push_back(occ);
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
  auto to_bitmap = [](std::vector<uint32_t>& v) {
    std::sort(v.begin(), v.end());
    v.erase(std::unique(v.begin(), v.end()), v.end());
    Bitmap b = Bitmap::FromSorted(v);
    b.Optimize();
    return b;
  };
  f.has_payment = to_bitmap(has_payment_);
  f.voluntary = to_bitmap(voluntary_);
  f.correction = to_bitmap(correction_);
  f.sealed = to_bitmap(sealed_);
  f.org_party = to_bitmap(org_);
  f.minor_party = to_bitmap(minor_);
  f.lawyer_party = to_bitmap(lawyer_);
  f.parties.minor = to_bitmap(party_minor_);
  f.parties.lawyer = to_bitmap(party_lawyer_);
  FinishDerivedColumns(&f);
  return std::move(f_);
}

void FinishDerivedColumns(CaseFrame* fp) {
  CaseFrame& f = *fp;
  const uint32_t n = f.rows;
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
  // Child flags. Dictionary values are decided once per code, not per row.
  auto table = [](const Dictionary& d, std::initializer_list<const char*> names, uint8_t mark) {
    std::vector<uint8_t> t(d.size(), 0);
    for (const char* s : names) {
      uint32_t c = 0;
      if (d.Find(s, &c)) t[c] = mark;
    }
    return t;
  };
  std::vector<uint8_t> rel_kind = table(f.relations, {"上诉"}, 1);
  for (const char* s : {"再审审查", "再审"}) { uint32_t c = 0; if (f.relations.Find(s, &c)) rel_kind[c] = 2; }
  { uint32_t c = 0; if (f.relations.Find("执行", &c)) rel_kind[c] = 3; }
  std::vector<uint32_t> appealed, petitioned, executed;
  for (uint32_t i = 0; i < n; ++i) {
    int32_t p = f.parent[i];
    if (p < 0) continue;
    switch (rel_kind[f.relation[i]]) {
      case 1: appealed.push_back(static_cast<uint32_t>(p)); break;
      case 2: petitioned.push_back(static_cast<uint32_t>(p)); break;
      case 3: executed.push_back(static_cast<uint32_t>(p)); break;
      default: break;
    }
  }
  auto to_bitmap = [](std::vector<uint32_t>& v) {
    std::sort(v.begin(), v.end());
    v.erase(std::unique(v.begin(), v.end()), v.end());
    Bitmap b = Bitmap::FromSorted(v);
    b.Optimize();
    return b;
  };
  std::vector<uint8_t> is_appealed(n, 0);
  for (uint32_t p : appealed) is_appealed[p] = 1;
  f.appealed = to_bitmap(appealed);
  f.petitioned = to_bitmap(petitioned);
  f.executed = to_bitmap(executed);
  // Effective date (生效日期, working definition in docs/indicators.md): a first-instance judgment,
  // mediation or dismissal not appealed takes effect on its closing date; an appeal or retrial closed by
  // 维持 / 改判 / 调解 takes effect on its closing date; a withdrawn appeal (撤诉) makes the
  // first-instance decision effective on the appeal's closing date.
  f.effective.assign(n, kNoDate);
  std::vector<uint8_t> stage_kind = table(f.stages, {"一审"}, 1);  // 1 一审, 2 二审, 3 再审
  { uint32_t c = 0; if (f.stages.Find("二审", &c)) stage_kind[c] = 2; if (f.stages.Find("再审", &c)) stage_kind[c] = 3; }
  const std::vector<uint8_t> first_effect = table(f.closures, {"判决", "调解", "驳回起诉"}, 1);
  const std::vector<uint8_t> appeal_effect = table(f.closures, {"维持", "改判", "调解"}, 1);
  const std::vector<uint8_t> withdrawn = table(f.closures, {"撤诉"}, 1);
  for (uint32_t i = 0; i < n; ++i) {
    if (f.closed[i] == kNoDate) continue;
    const uint8_t st = stage_kind[f.stage[i]];
    const uint32_t cl = f.closure[i];
    if (st == 1) {
      if (first_effect[cl] && !is_appealed[i]) f.effective[i] = f.closed[i];
    } else if (st == 2 || st == 3) {
      if (appeal_effect[cl]) f.effective[i] = f.closed[i];
      int32_t p = f.parent[i];
      if (st == 2 && withdrawn[cl] && p >= 0 && f.closed[p] != kNoDate && first_effect[f.closure[p]])
        f.effective[p] = f.closed[i];
    }
  }
}

}  // namespace tianping::analytics
