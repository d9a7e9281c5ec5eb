// The authentication seam: principals, sessions and API keys behind one interface, so the security
// module (`sec` branch: catalog, users and keys with scopes, audit) can replace the bootstrap
// implementation without touching the dispatcher or any handler (docs/api.md "Authentication").
// Thread-safety: implementations must allow every method to be called concurrently.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "tianping/common/status.h"
#include "tianping/service/principal.h"

namespace tianping::service {

struct ApiKeyInfo {
  int64_t id = 0;
  std::string name;
  std::string owner;
  std::string prefix;   // first 8 characters of the key, for display
  KeyLimits limits;
  Principal principal;
};

class Authenticator {
 public:
  virtual ~Authenticator() = default;
  // Verifies a user's password and opens a session. Errors: PermissionDenied (wrong user or password).
  virtual Result<std::string> Login(const std::string& user, const std::string& password) = 0;
  virtual void Logout(const std::string& session_token) = 0;
  // Errors: PermissionDenied (unknown or expired session).
  virtual Result<Principal> FromSession(const std::string& session_token) = 0;
  // Errors: PermissionDenied (unknown or revoked key).
  virtual Result<ApiKeyInfo> FromApiKey(const std::string& key) = 0;
  // Issues a key; the plain key is returned once (only its hash is stored).
  virtual Result<std::string> CreateApiKey(const std::string& name, const std::string& owner, Role role,
                                           const KeyLimits& limits) = 0;
  virtual Result<std::vector<ApiKeyInfo>> ListApiKeys() = 0;
};

// Bootstrap implementation until the security module lands: users and API keys in SQLite at
// <data_dir>/service.db (passwords: libsodium argon2id crypto_pwhash_str; keys: BLAKE2b hash), sessions in
// memory (12 h). On first start it creates the demo administrator "admin" with a generated password,
// stores only its hash, and writes the plain password to <data_dir>/admin-initial-password (mode 0600)
// for `make run` to print.
struct LocalAuthOptions {
  std::string data_dir;
  bool fast_hash = false;  // tests: argon2id with the minimum cost
};
Result<std::unique_ptr<Authenticator>> OpenLocalAuthenticator(const LocalAuthOptions& options,
                                                              std::string* generated_password);

}  // namespace tianping::service
