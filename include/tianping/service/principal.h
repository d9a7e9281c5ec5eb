// Who is calling: the security module's principal (role, court scope, clearance — docs/security.md),
// wrapped with how it authenticated. Every handler receives the security::Principal; the grade of the
// data an endpoint returns is a security::Grade (一般-1 … 核心). Thread-safety: plain values.
#pragma once

#include <cstdint>
#include <string>

#include "tianping/security/grade.h"
#include "tianping/security/principal.h"
#include "tianping/security/principal_store.h"

namespace tianping::service {

using security::Grade;
using security::KeyLimits;

enum class Access { kPublic, kUser, kAdmin };  // no login / any principal / role admin only
const char* AccessName(Access access);         // "public" "user" "admin"

// The authenticated caller: a user (session) or an API key acting as its user.
struct Caller {
  security::Principal principal;  // name: the user, or "key:<key_id>" for an API key
  std::string key_id;             // non-empty when authenticated by an API key
  KeyLimits limits;               // the key's limits (API keys only)
  bool authenticated = false;
  // The rate limiter's slot for the key (its 12 hex digits as a number); 0 for sessions.
  int64_t LimiterId() const;
};

// The clearance that applies to endpoint gates: min(clearance, the role's maximum).
Grade EffectiveClearance(const security::Principal& p);

}  // namespace tianping::service
