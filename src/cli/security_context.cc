#include "security_context.h"

#include <sys/stat.h>

#include <cstdlib>

namespace tianping::cli {

namespace {

std::string LocalActor() {
  const char* os_user = std::getenv("USER");
  return std::string("local:") + (os_user ? os_user : "?");
}

}  // namespace

Result<SecurityContext> SecurityContext::Open(const std::string& data_dir) {
  SecurityContext ctx;
  ctx.data_dir = data_dir;
  auto store = security::PrincipalStore::Open(data_dir);
  if (!store.ok()) return store.status();
  ctx.store = std::move(store).value();
  ::chmod(security::PrincipalStore::DbPath(data_dir).c_str(), 0600);
  auto audit = security::AuditLog::Open(data_dir);
  if (!audit.ok()) return audit.status();
  ctx.audit = std::move(audit).value();
  return ctx;
}

Result<security::Principal> SecurityContext::As(const std::string& user) const {
  if (user.empty()) return Status::InvalidArgument("--as USER is required");
  return store->Get(user);
}

Result<std::string> SecurityContext::RequireAdmin(const std::string& as_user, const std::string& what) {
  bool any_admin = false;
  for (const auto& p : store->List()) any_admin |= p.role == security::Role::kAdmin;
  if (!any_admin && as_user.empty()) return LocalActor();
  auto p = As(as_user);
  if (p.ok() && p->role == security::Role::kAdmin) return p->name;
  std::string actor = as_user.empty() ? "local:anonymous" : as_user;
  (void)audit->Append(actor, "denied", what, 0, "administrative action refused");
  return Status::PermissionDenied(what + ": requires --as an admin user");
}

Result<std::string> SecurityContext::RequireAdmin(const std::string& as_user, const std::string& key,
                                                  const std::string& what) {
  if (key.empty()) return RequireAdmin(as_user, what);
  if (!as_user.empty()) return Status::InvalidArgument("give only one of --as USER and --key KEY");
  auto p = store->AuthenticateKey(key);
  if (p.ok() && p->role == security::Role::kAdmin) return p->name;
  (void)audit->Append(p.ok() ? p->name : "key:?", "denied", what, 0,
                      p.ok() ? "administrative action refused" : "invalid API key");
  return Status::PermissionDenied(what + ": requires --as an admin user");
}

Result<security::Principal> SecurityContext::Reader(const std::string& as_user, std::string key,
                                                    const std::string& what) {
  if (key.empty() && as_user.empty()) {
    if (const char* k = std::getenv("TP_API_KEY")) key = k;
  }
  if (!key.empty() && !as_user.empty()) return Status::InvalidArgument("give only one of --as USER and --key KEY");
  if (key.empty() && as_user.empty()) {
    if (store->List().empty()) {
      security::Principal local;
      local.name = LocalActor();
      local.role = security::Role::kSpcAnalyst;
      local.scope.kind = security::CourtScope::Kind::kNation;
      local.clearance = security::Grade::kCore;
      return local;
    }
    (void)audit->Append(LocalActor(), "denied", what, 0, "no --as or --key while users exist");
    return Status::InvalidArgument("--as USER or --key KEY is required (security.db has users)");
  }
  if (!as_user.empty()) return As(as_user);
  auto p = store->AuthenticateKey(key);
  if (!p.ok()) (void)audit->Append("key:?", "denied", what, 0, "invalid API key");
  return p;
}

}  // namespace tianping::cli
