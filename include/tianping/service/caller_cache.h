// A short-lived cache of authenticated callers by credential (session token or API key), so the hot path
// of every request is one hash look-up under a shared lock instead of SQLite queries and a secret hash
// under SecurityService's one mutex. Keys are BLAKE2b digests of the credential (no secret is kept).
// Entries live `ttl_ms` and only while the store's version (PrincipalStore::DataVersion, the principals
// version of security.db, which moves with every change of users, roles or keys by any process:
// `tianping user role`, `user key --revoke`, …; not with audit appends) is the one they were cached under;
// changes made through the service clear the cache at once.
// Thread-safety: all methods may be called concurrently.
#pragma once

#include <cstdint>
#include <optional>
#include <shared_mutex>
#include <string>
#include <unordered_map>

#include "tianping/service/principal.h"

namespace tianping::service {

class CallerCache {
 public:
  explicit CallerCache(int64_t ttl_ms = 2000, size_t max_entries = 100000) : ttl_ms_(ttl_ms), max_entries_(max_entries) {}
  // A hit only when cached under `version` and not expired.
  std::optional<Caller> Get(const std::string& credential, int64_t version) const;
  void Put(const std::string& credential, const Caller& caller, int64_t version);
  void Clear();

 private:
  struct Entry {
    Caller caller;
    int64_t expires_ms;
    int64_t version;
  };
  int64_t ttl_ms_;
  size_t max_entries_;
  mutable std::shared_mutex mu_;
  std::unordered_map<std::string, Entry> map_;
};

}  // namespace tianping::service
