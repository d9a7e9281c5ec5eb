// Administrative store commands (ingest, snapshots, rollback, verify, clean --fix): the actor is the admin
// named by --as or --key — or, while security.db holds no admin, the local operator ("local:<$USER>",
// the bootstrap of docs/security.md) — and each action is appended to the audit log after it succeeds.
// A refusal is audited as "denied" (SecurityContext::RequireAdmin). Thread-safety: one per command.
#pragma once

#include <string>

#include "guarded_reader.h"
#include "security_context.h"

namespace tianping::cli {

class AdminAction {
 public:
  // PermissionDenied when an admin exists and --as/--key names none.
  static Result<AdminAction> Begin(const std::string& data_dir, const ReaderOptions& who, const std::string& what);
  const std::string& actor() const { return actor_; }
  // Appends the record of the action (rows 0: administrative actions return no personal rows).
  Status Record(const std::string& action, const std::string& object, const std::string& detail);

 private:
  SecurityContext ctx_;
  std::string actor_;
};

}  // namespace tianping::cli
