// The authentication seam the dispatcher uses: sessions and API keys resolve to a Caller whose
// security::Principal comes from the security module's principal store (security.db). The real
// implementation is SecurityService (security_service.h); tests may substitute a fake.
// Thread-safety: implementations must allow every method to be called concurrently.
#pragma once

#include <string>

#include "tianping/common/status.h"
#include "tianping/service/principal.h"

namespace tianping::service {

class Authenticator {
 public:
  virtual ~Authenticator() = default;
  // Verifies a user's password and opens a session; `remote` is recorded in the audit log.
  // Errors: PermissionDenied (unknown user or wrong password, the same message).
  virtual Result<std::string> Login(const std::string& user, const std::string& password,
                                    const std::string& remote) = 0;
  virtual void Logout(const std::string& session_token) = 0;
  // The session's user as it is now in security.db (role changes apply at once).
  // Errors: PermissionDenied (unknown or expired session, or the user was removed).
  virtual Result<Caller> FromSession(const std::string& session_token) = 0;
  // Errors: PermissionDenied (unknown, malformed or revoked key).
  virtual Result<Caller> FromApiKey(const std::string& key) = 0;
};

}  // namespace tianping::service
