// Generated-looking cases and principals shared by the security tests (not part of the library).
#pragma once

#include <string>
#include <vector>

#include "tianping/model/case.h"
#include "tianping/model/reference.h"
#include "tianping/security/access_guard.h"
#include "tianping/security/principal.h"

namespace tianping::security::testing {

// C1 civil loan at 京0105 (judge J1); C2 divorce at 粤0106; C3 criminal with a minor at 沪0115;
// C4 sealed criminal case at 川0104; C5 execution at 京0105; C6 civil at 京0102 (not under 京03).
std::vector<Case> SampleCases();

struct NamedPrincipal {
  std::string key;
  Principal p;
};
// spc, spc_core, high_jing, high_yue, judge_j1, judge_other (京03), exec (京0105), researcher, public, admin.
std::vector<NamedPrincipal> SamplePrincipals();
const Principal& PrincipalOf(const std::string& key);
const Case& CaseOf(const std::string& id);
// The reference data of data/ref and an AccessGuard over it with the default catalog, built once.
const ReferenceData& TestRef();
const AccessGuard& TestGuard();

}  // namespace tianping::security::testing
