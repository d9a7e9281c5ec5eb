// Principals (主体): who reads — a user or API key with a role, a court scope and a clearance grade.
// Roles, scopes and what each may see: docs/security.md. Thread-safety: plain values.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "tianping/common/status.h"
#include "tianping/security/grade.h"

namespace tianping::security {

// Persisted by name in security.db (users.role): do not rename.
enum class Role {
  kSpcAnalyst,        // spc_analyst: 最高法 analyst, nation
  kHighCourtAnalyst,  // high_court_analyst: 高院 analyst, one province
  kJudge,             // judge: own cases in full, others per clearance
  kExecutionJudge,    // execution_judge: as judge, plus 一般-4 on execution cases in scope
  kResearcher,        // researcher: anonymised views only, small cells suppressed
  kPublic,            // public: shareable fields only, anonymised, small cells suppressed
  kAdmin,             // admin: manages principals and reads the audit log; sees no case data
};

struct RoleSpec {
  Role role;
  const char* name;            // spc_analyst ...
  const char* label;           // 最高法分析员 ...
  Grade default_clearance;
  Grade max_clearance;         // a user of this role can never be given more
  bool anonymised_only;        // names always 张某, never-published fields always removed
  bool shareable_only;         // only fields of sharing class 可共享
  bool own_cases_full;         // a judge sees the cases assigned to them (judge_id) in full
  bool execution_full;         // clearance raised to 一般-4 on 执行 cases in scope
  bool reads_cases;            // false for admin
  int min_cell;                // aggregates below this are suppressed (0 = never)
};

const std::vector<RoleSpec>& AllRoles();
const RoleSpec& SpecOf(Role role);
std::optional<Role> ParseRole(std::string_view name);

// A court scope: the nation, one province (by abbreviation, 粤), or one court and every court under
// it in the hierarchy (京01 = 北京一中院 and its basic courts). Text form: "nation", "province:粤",
// "court:京0105" (persisted in security.db).
struct CourtScope {
  enum class Kind { kNation, kProvince, kCourt };
  Kind kind = Kind::kCourt;
  std::string code;  // province abbreviation or 法院代字; empty for the nation
  std::string ToString() const;
  static Result<CourtScope> Parse(std::string_view text);
};

struct Principal {
  std::string name;            // user name, or "key:<id>" for an API key
  Role role = Role::kPublic;
  CourtScope scope;
  Grade clearance = Grade::kGeneral1;
  std::string judge_id;        // for judges: matches Case::judge_id of their own cases
};

}  // namespace tianping::security
