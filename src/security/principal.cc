#include "tianping/security/principal.h"

namespace tianping::security {

const std::vector<RoleSpec>& AllRoles() {
  //                 role                      name                  label         default            max               anon   share  own    exec   reads  cell
  static const std::vector<RoleSpec> kRoles = {
      {Role::kSpcAnalyst, "spc_analyst", "最高法分析员", Grade::kImportant, Grade::kCore, false, false, false, false, true, 0},
      {Role::kHighCourtAnalyst, "high_court_analyst", "高院分析员", Grade::kGeneral3, Grade::kImportant, false, false, false, false, true, 0},
      {Role::kJudge, "judge", "法官", Grade::kGeneral3, Grade::kGeneral4, false, false, true, false, true, 0},
      {Role::kExecutionJudge, "execution_judge", "执行法官", Grade::kGeneral3, Grade::kGeneral4, false, false, true, true, true, 0},
      {Role::kResearcher, "researcher", "研究人员", Grade::kGeneral2, Grade::kGeneral2, true, false, false, false, true, 10},
      {Role::kPublic, "public", "社会公众", Grade::kGeneral1, Grade::kGeneral1, true, true, false, false, true, 10},
      {Role::kAdmin, "admin", "系统管理员", Grade::kGeneral1, Grade::kGeneral1, true, true, false, false, false, 10},
  };
  return kRoles;
}

const RoleSpec& SpecOf(Role role) {
  for (const auto& r : AllRoles()) if (r.role == role) return r;
  return AllRoles().back();
}

std::optional<Role> ParseRole(std::string_view name) {
  for (const auto& r : AllRoles()) if (name == r.name || name == r.label) return r.role;
  return std::nullopt;
}

std::string CourtScope::ToString() const {
  switch (kind) {
    case Kind::kNation: return "nation";
    case Kind::kProvince: return "province:" + code;
    case Kind::kCourt: return "court:" + code;
  }
  return "?";
}

Result<CourtScope> CourtScope::Parse(std::string_view text) {
  CourtScope s;
  if (text == "nation" || text == "全国") { s.kind = Kind::kNation; return s; }
  auto colon = text.find(':');
  if (colon == std::string_view::npos || colon + 1 == text.size()) {
    return Status::InvalidArgument("scope '" + std::string(text) + "': expected nation, province:粤 or court:京0105");
  }
  std::string_view kind = text.substr(0, colon);
  s.code = std::string(text.substr(colon + 1));
  if (kind == "province") s.kind = Kind::kProvince;
  else if (kind == "court") s.kind = Kind::kCourt;
  else return Status::InvalidArgument("scope '" + std::string(text) + "': unknown kind '" + std::string(kind) + "'");
  return s;
}

}  // namespace tianping::security
