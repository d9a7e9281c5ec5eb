// PrincipalStore (主体库): users, roles and API keys in <data_dir>/security.db (SQLite).
// Passwords are stored only as libsodium argon2id strings (crypto_pwhash_str); API keys are shown once
// at creation ("tpk_<key_id>_<secret>") and stored only as BLAKE2b-256 of the secret. Tables and
// formats: docs/security.md ("security.db"). Thread-safety: one store per thread; several processes
// may share the file (SQLite locking).
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "tianping/common/status.h"
#include "tianping/security/principal.h"

namespace tianping::security {

class Db;
class Stmt;

// argon2id cost: kInteractive (libsodium OPSLIMIT/MEMLIMIT_INTERACTIVE, 64 MiB) for real users,
// kMinimum only for tests.
enum class KdfCost { kInteractive, kMinimum };

struct NewUser {
  std::string name;
  Role role = Role::kPublic;
  CourtScope scope;
  std::optional<Grade> clearance;  // default: the role's default clearance
  std::string judge_id;
  std::string password;            // at least 8 bytes
};

// Limits of one API key, enforced by the HTTP service: a token bucket (rate_per_sec tokens/s, burst
// capacity) and a daily quota. Persisted per key in security.db (table key_limits).
struct KeyLimits {
  double rate_per_sec = 50;
  double burst = 100;
  int64_t daily_quota = 100000;  // requests per UTC day; 0 = unlimited
};

struct ApiKeyInfo {
  std::string key_id;
  std::string user;
  std::string created_at;
  bool revoked = false;
  KeyLimits limits;
};

class PrincipalStore {
 public:
  // Opens or creates <data_dir>/security.db (creating data_dir) and its tables.
  static Result<std::unique_ptr<PrincipalStore>> Open(const std::string& data_dir,
                                                     KdfCost cost = KdfCost::kInteractive);
  ~PrincipalStore();

  // AlreadyExists for a taken name; InvalidArgument for a clearance above the role's maximum, a short
  // password or a bad name.
  Status AddUser(const NewUser& user);
  // Changes role, and optionally clearance and scope; the clearance is re-checked against the role.
  Status SetRole(const std::string& name, Role role, std::optional<Grade> clearance,
                 std::optional<CourtScope> scope);
  Result<Principal> Get(const std::string& name) const;
  std::vector<Principal> List() const;
  int64_t UserCount() const;
  // PermissionDenied("invalid user name or password") for an unknown user and a wrong password alike.
  Result<Principal> Authenticate(const std::string& name, const std::string& password) const;
  // The stored argon2id string of a user (for tests and `user list --show-hashes`); NotFound.
  Result<std::string> PasswordHash(const std::string& name) const;

  // Creates a key for `user` with `limits`; returns the full key, which is never stored.
  // InvalidArgument for limits that are negative or a burst below 1.
  Result<std::string> CreateKey(const std::string& user, const KeyLimits& limits = {});
  // One key's record with its limits; NotFound.
  Result<ApiKeyInfo> Key(const std::string& key_id) const;
  // The key's user as a principal named "key:<key_id>"; PermissionDenied("invalid API key") for an
  // unknown, malformed, revoked or wrong key.
  Result<Principal> AuthenticateKey(const std::string& key) const;
  Status RevokeKey(const std::string& key_id);
  std::vector<ApiKeyInfo> Keys() const;
  // The stored hash of a key id (for tests: it must not contain the secret).
  Result<std::string> KeyHash(const std::string& key_id) const;

  static std::string DbPath(const std::string& data_dir);
  // The principals' version (table principals_version, bumped by triggers on roles, users, api_keys and
  // key_limits): changes whenever any connection or process changes them, and not on audit appends. One
  // indexed read in WAL (no disk sync). Used to drop cached principals when users or keys may have changed
  // elsewhere. -1 on error.
  int64_t DataVersion() const;

 private:
  PrincipalStore(std::unique_ptr<Db> db, KdfCost cost);
  std::unique_ptr<Db> db_;
  KdfCost cost_;
  mutable std::unique_ptr<Stmt> version_;  // DataVersion's statement, prepared once (asked per request)
};

}  // namespace tianping::security
