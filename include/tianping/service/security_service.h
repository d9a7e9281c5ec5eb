// SecurityService: the HTTP service's side of the security module (docs/security.md, docs/api.md
// "Authentication"). Users, roles and API keys (with their rate limits and quotas) live in
// <data_dir>/security.db — the same PrincipalStore the CLI's `tianping user` manages, so a user added
// on the command line can log in over HTTP without a restart. Sessions live in memory (12 h). Logins,
// key and user administration are appended to the same hash-chained AuditLog as the CLI's, and
// handlers append their read records through Audit().
// Thread-safety: every method may be called concurrently (one mutex around the SQLite handles).
#pragma once

#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "tianping/security/audit_log.h"
#include "tianping/security/audit_writer.h"
#include "tianping/security/principal_store.h"
#include "tianping/service/authenticator.h"
#include "tianping/service/caller_cache.h"

namespace tianping::service {

struct SecurityOptions {
  std::string data_dir;
  bool fast_hash = false;  // tests only: argon2id with the minimum cost
};

// A demo login created on the first start.
struct DemoLogin {
  std::string user, role, password, file;
};

class SecurityService : public Authenticator {
 public:
  static Result<std::unique_ptr<SecurityService>> Open(const SecurityOptions& options);
  ~SecurityService() override;

  // While security.db holds no users at all: creates the demo logins 管理员 `admin` (role admin) and
  // 分析员 `analyst` (spc_analyst, nation) with generated passwords (only argon2id hashes are stored),
  // writes each plain password to <data_dir>/<user>-initial-password (mode 0600) and audits user.add
  // as local:<$USER>. Returns the logins created (empty when users already existed).
  Result<std::vector<DemoLogin>> EnsureDemoUsers();

  Result<std::string> Login(const std::string& user, const std::string& password, const std::string& remote) override;
  void Logout(const std::string& token) override;
  Result<Caller> FromSession(const std::string& token) override;
  Result<Caller> FromApiKey(const std::string& key) override;

  // Administration, each audited under `actor` (key.create, key.revoke, user.add, user.role).
  Result<std::string> CreateApiKey(const std::string& user, const KeyLimits& limits, const std::string& actor);
  Status RevokeApiKey(const std::string& key_id, const std::string& actor);
  std::vector<security::ApiKeyInfo> ListApiKeys();
  Status AddUser(const security::NewUser& user, const std::string& actor);
  Status SetRole(const std::string& name, security::Role role, std::optional<security::Grade> clearance,
                 std::optional<security::CourtScope> scope, const std::string& actor);
  std::vector<security::Principal> ListUsers();

  // The audit log. A failed Audit() must stop the request (no record, no data). Audit() goes through the
  // group-commit writer (security::AuditWriter): it blocks until the record is durably committed, in one
  // transaction with the records of the requests that arrived meanwhile; it does not take mu_.
  Status Audit(const std::string& actor, const std::string& action, const std::string& object, int64_t rows,
               const std::string& detail);
  // Non-blocking: queues the records (one group, consecutive in the chain) and calls `done` from the writer
  // thread once they are durable or failed (the dispatcher's AuditSubmitter; docs/api.md "Audited responses").
  void AuditAsync(std::vector<security::AuditEntry> entries, std::function<void(Status)> done);
  security::AuditWriterStats AuditWriterStats() const { return audit_writer_->stats(); }
  Result<std::vector<security::AuditRecord>> QueryAudit(const security::AuditFilter& filter);
  Result<security::VerifyReport> VerifyAudit();

  const std::string& data_dir() const { return data_dir_; }

 private:
  SecurityService() = default;
  struct Session {
    std::string user;
    int64_t expires;
  };
  int64_t StoreVersion();  // PrincipalStore::DataVersion under mu_
  Result<Caller> FromSessionUncached(const std::string& token);
  Result<Caller> FromApiKeyUncached(const std::string& key);
  std::string data_dir_;
  std::mutex mu_;  // guards store_, audit_ and sessions_
  std::unique_ptr<security::PrincipalStore> store_;
  std::unique_ptr<security::AuditLog> audit_;           // administrative records, under mu_
  std::unique_ptr<security::AuditWriter> audit_writer_;  // audited reads (Audit()); thread-safe itself
  std::unordered_map<std::string, Session> sessions_;
  CallerCache callers_;  // authenticated sessions and keys: 2 s, while security.db is unchanged elsewhere
};

}  // namespace tianping::service
