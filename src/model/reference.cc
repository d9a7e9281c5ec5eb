// ReferenceData queries. Loading: reference_load.cc; division table and name resolution:
// reference_divisions.cc.
#include "tianping/model/reference.h"

namespace tianping {

const char* CourtLevelName(CourtLevel level) {
  switch (level) {
    case CourtLevel::kSupreme: return "最高法院";
    case CourtLevel::kHigh: return "高级法院";
    case CourtLevel::kIntermediate: return "中级法院";
    case CourtLevel::kBasic: return "基层法院";
  }
  return "";
}

bool ParseCourtLevel(std::string_view text, CourtLevel* level) {
  static constexpr std::pair<std::string_view, CourtLevel> kNames[] = {
      {"最高", CourtLevel::kSupreme}, {"高级", CourtLevel::kHigh},
      {"中级", CourtLevel::kIntermediate}, {"基层", CourtLevel::kBasic},
      {"最高法院", CourtLevel::kSupreme}, {"高级法院", CourtLevel::kHigh},
      {"中级法院", CourtLevel::kIntermediate}, {"基层法院", CourtLevel::kBasic}};
  for (const auto& [name, value] : kNames) {
    if (name == text) {
      *level = value;
      return true;
    }
  }
  return false;
}

const Province* ReferenceData::FindProvince(std::string_view abbr) const {
  for (const auto& p : provinces_) {
    if (p.abbr == abbr) return &p;
  }
  return nullptr;
}

const Court* ReferenceData::FindCourt(std::string_view code) const {
  auto it = court_index_.find(std::string(code));
  return it == court_index_.end() ? nullptr : &courts_[it->second];
}

std::string ReferenceData::FullCourtName(const Court& court) const {
  if (court.kind != "普通" || court.level == CourtLevel::kSupreme || court.level == CourtLevel::kHigh) {
    return court.name;
  }
  const Province* p = FindProvince(court.province);
  if (p == nullptr || court.name.rfind(p->name, 0) == 0) return court.name;
  return p->name + court.name;
}

const Cause* ReferenceData::FindCause(std::string_view code) const {
  auto it = cause_index_.find(std::string(code));
  return it == cause_index_.end() ? nullptr : &causes_[it->second];
}

const Cause* ReferenceData::FindCauseByName(std::string_view name) const {
  auto it = cause_name_index_.find(std::string(name));
  return it == cause_name_index_.end() ? nullptr : &causes_[it->second];
}

std::vector<std::string> ReferenceData::CausePath(const Cause& cause) const {
  std::vector<std::string> path;
  const Cause* c = &cause;
  while (c != nullptr && path.size() < 8) {
    path.insert(path.begin(), c->name);
    c = c->parent_code.empty() ? nullptr : FindCause(c->parent_code);
  }
  return path;
}

std::vector<const Court*> ReferenceData::Children(std::string_view court_code) const {
  std::vector<const Court*> out;
  for (const auto& c : courts_) {
    if (c.parent_code == court_code && !c.parent_code.empty()) out.push_back(&c);
  }
  return out;
}

std::vector<const Court*> ReferenceData::CourtsOf(std::string_view province, CourtLevel level) const {
  std::vector<const Court*> out;
  for (const auto& c : courts_) {
    if (c.province == province && c.level == level) out.push_back(&c);
  }
  return out;
}

const TimeLimit* ReferenceData::FindTimeLimit(std::string_view procedure, std::string_view category) const {
  const TimeLimit* any = nullptr;
  for (const auto& l : time_limits_) {
    if (l.procedure != procedure) continue;
    if (l.category == category) return &l;
    if (l.category == "*") any = &l;
  }
  return any;
}

int ReferenceData::StatutoryLimitDays(std::string_view procedure, std::string_view category) const {
  const TimeLimit* l = FindTimeLimit(procedure, category);
  if (l == nullptr) return 0;
  return l->months * 30 + l->days;
}

}  // namespace tianping
