// What every security-aware command needs: the principal store and audit log of --data DIR, the
// principal named by --as, and the administrator check. The CLI trusts the operating-system account
// that can open DIR/security.db (created 0600); --as names the principal the command acts for.
#pragma once

#include <memory>
#include <string>

#include "tianping/common/status.h"
#include "tianping/security/audit_log.h"
#include "tianping/security/principal_store.h"

namespace tianping::cli {

struct SecurityContext {
  std::unique_ptr<security::PrincipalStore> store;
  std::unique_ptr<security::AuditLog> audit;
  std::string data_dir;

  static Result<SecurityContext> Open(const std::string& data_dir);
  // The principal acting: NotFound("user X not found") for an unknown name.
  Result<security::Principal> As(const std::string& user) const;
  // Administrative commands: once any admin exists, `as_user` must be one (PermissionDenied
  // otherwise, and the refusal is audited). Before that (bootstrap) anyone may act, recorded as
  // "local:<$USER>". Returns the actor name for the audit log.
  Result<std::string> RequireAdmin(const std::string& as_user, const std::string& what);
  // The same with an API key instead (--key): the key's user must be an admin; the actor is
  // "key:<key_id>". `key` empty → RequireAdmin(as_user, what); both given → InvalidArgument.
  Result<std::string> RequireAdmin(const std::string& as_user, const std::string& key, const std::string& what);
  // The reader of a data command (case, party, diff, redact): --as USER or --key KEY (default
  // $TP_API_KEY), not both. Without either: while security.db holds no users at all, the local
  // operator (who can read the data files anyway) reads as the bootstrap principal
  // "local:<$USER>" (spc_analyst, nation, 核心), audited under that name; once any user exists
  // InvalidArgument "--as USER or --key KEY is required" (audited as denied). An invalid key is
  // audited as denied by "key:?". `what` names the command in the audit record.
  Result<security::Principal> Reader(const std::string& as_user, std::string key, const std::string& what);
};

}  // namespace tianping::cli
