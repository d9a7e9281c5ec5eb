// Bootstrap Authenticator: SQLite users/api_keys tables + in-memory sessions (see authenticator.h).
// Persisted in <data_dir>/service.db:
//   users(name TEXT PRIMARY KEY, pwhash TEXT, role TEXT)            -- pwhash: crypto_pwhash_str (argon2id)
//   api_keys(id INTEGER PRIMARY KEY, name, owner, role, prefix, key_hash TEXT UNIQUE,
//            rate_per_sec REAL, burst REAL, daily_quota INTEGER, revoked INTEGER)  -- key_hash: BLAKE2b-256 hex
#include <sodium.h>
#include <sqlite3.h>
#include <sys/stat.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <mutex>
#include <unordered_map>

#include "tianping/service/authenticator.h"

namespace tianping::service {
namespace {

std::string RandomToken(size_t bytes) {
  std::string raw(bytes, '\0');
  randombytes_buf(raw.data(), raw.size());
  std::string hex(bytes * 2 + 1, '\0');
  sodium_bin2hex(hex.data(), hex.size(), reinterpret_cast<const unsigned char*>(raw.data()), raw.size());
  hex.pop_back();
  return hex;
}

// A password people can type: 16 characters without look-alikes.
std::string RandomPassword() {
  static const char kAlphabet[] = "abcdefghjkmnpqrstuvwxyzABCDEFGHJKMNPQRSTUVWXYZ23456789";
  std::string p;
  for (int i = 0; i < 16; ++i) p.push_back(kAlphabet[randombytes_uniform(sizeof kAlphabet - 1)]);
  return p;
}

std::string KeyHash(const std::string& key) {
  unsigned char h[32];
  crypto_generichash(h, sizeof h, reinterpret_cast<const unsigned char*>(key.data()), key.size(), nullptr, 0);
  char hex[65];
  sodium_bin2hex(hex, sizeof hex, h, sizeof h);
  return hex;
}

Role ParseRole(const std::string& s) { return s == "admin" ? Role::kAdmin : Role::kViewer; }
const char* RoleName(Role r) { return r == Role::kAdmin ? "admin" : "viewer"; }

Principal MakePrincipal(const std::string& name, Role role, int64_t key_id) {
  Principal p;
  p.name = name;
  p.role = role;
  p.clearance = role == Role::kAdmin ? DataGrade::kSensitive : DataGrade::kInternal;
  p.api_key_id = key_id;
  p.authenticated = true;
  return p;
}

class LocalAuthenticator : public Authenticator {
 public:
  ~LocalAuthenticator() override {
    if (db_) sqlite3_close(db_);
  }

  Status Open(const LocalAuthOptions& o, std::string* generated) {
    fast_ = o.fast_hash;
    std::error_code ec;
    std::filesystem::create_directories(o.data_dir, ec);
    std::string path = o.data_dir + "/service.db";
    if (sqlite3_open(path.c_str(), &db_) != SQLITE_OK) return Status::IoError(path + ": cannot open SQLite database");
    TP_RETURN_IF_ERROR(Exec(
        "PRAGMA journal_mode=WAL;"
        "CREATE TABLE IF NOT EXISTS users(name TEXT PRIMARY KEY, pwhash TEXT NOT NULL, role TEXT NOT NULL);"
        "CREATE TABLE IF NOT EXISTS api_keys(id INTEGER PRIMARY KEY, name TEXT, owner TEXT, role TEXT,"
        " prefix TEXT, key_hash TEXT UNIQUE, rate_per_sec REAL, burst REAL, daily_quota INTEGER,"
        " revoked INTEGER DEFAULT 0);"));
    sqlite3_stmt* st = nullptr;
    sqlite3_prepare_v2(db_, "SELECT count(*) FROM users WHERE role='admin'", -1, &st, nullptr);
    bool has_admin = sqlite3_step(st) == SQLITE_ROW && sqlite3_column_int(st, 0) > 0;
    sqlite3_finalize(st);
    if (has_admin) return Status::Ok();
    std::string password = RandomPassword();
    auto hash = Hash(password);
    if (!hash.ok()) return hash.status();
    sqlite3_prepare_v2(db_, "INSERT INTO users(name, pwhash, role) VALUES('admin', ?, 'admin')", -1, &st, nullptr);
    sqlite3_bind_text(st, 1, hash->c_str(), -1, SQLITE_TRANSIENT);
    int rc = sqlite3_step(st);
    sqlite3_finalize(st);
    if (rc != SQLITE_DONE) return Status::IoError(path + ": cannot create the administrator");
    std::string pw_path = o.data_dir + "/admin-initial-password";
    {
      std::ofstream out(pw_path, std::ios::trunc);
      out << password << "\n";
      if (!out) return Status::IoError(pw_path + ": cannot write");
    }
    ::chmod(pw_path.c_str(), 0600);
    if (generated) *generated = password;
    return Status::Ok();
  }

  Result<std::string> Login(const std::string& user, const std::string& password) override {
    std::string hash, role;
    {
      std::lock_guard<std::mutex> lock(db_mu_);
      sqlite3_stmt* st = nullptr;
      sqlite3_prepare_v2(db_, "SELECT pwhash, role FROM users WHERE name=?", -1, &st, nullptr);
      sqlite3_bind_text(st, 1, user.c_str(), -1, SQLITE_TRANSIENT);
      if (sqlite3_step(st) == SQLITE_ROW) {
        hash = reinterpret_cast<const char*>(sqlite3_column_text(st, 0));
        role = reinterpret_cast<const char*>(sqlite3_column_text(st, 1));
      }
      sqlite3_finalize(st);
    }
    if (hash.empty() || crypto_pwhash_str_verify(hash.c_str(), password.c_str(), password.size()) != 0) {
      return Status::PermissionDenied("用户名或密码错误 / wrong user name or password");
    }
    std::string token = RandomToken(32);
    std::lock_guard<std::mutex> lock(session_mu_);
    sessions_[token] = {MakePrincipal(user, ParseRole(role), 0), Now() + kSessionSeconds};
    return token;
  }

  void Logout(const std::string& token) override {
    std::lock_guard<std::mutex> lock(session_mu_);
    sessions_.erase(token);
  }

  Result<Principal> FromSession(const std::string& token) override {
    std::lock_guard<std::mutex> lock(session_mu_);
    auto it = sessions_.find(token);
    if (it == sessions_.end() || it->second.expires < Now()) {
      if (it != sessions_.end()) sessions_.erase(it);
      return Status::PermissionDenied("会话无效或已过期 / unknown or expired session");
    }
    return it->second.principal;
  }

  Result<ApiKeyInfo> FromApiKey(const std::string& key) override {
    std::string h = KeyHash(key);
    {
      std::lock_guard<std::mutex> lock(session_mu_);
      auto it = key_cache_.find(h);
      if (it != key_cache_.end()) return it->second;
    }
    std::lock_guard<std::mutex> lock(db_mu_);
    sqlite3_stmt* st = nullptr;
    sqlite3_prepare_v2(db_,
                       "SELECT id, name, owner, role, prefix, rate_per_sec, burst, daily_quota FROM api_keys "
                       "WHERE key_hash=? AND revoked=0",
                       -1, &st, nullptr);
    sqlite3_bind_text(st, 1, h.c_str(), -1, SQLITE_TRANSIENT);
    Result<ApiKeyInfo> out = Status::PermissionDenied("无效的 API 密钥 / unknown or revoked API key");
    if (sqlite3_step(st) == SQLITE_ROW) out = Row(st);
    sqlite3_finalize(st);
    if (out.ok()) {
      std::lock_guard<std::mutex> l2(session_mu_);
      key_cache_[h] = *out;
    }
    return out;
  }

  Result<std::string> CreateApiKey(const std::string& name, const std::string& owner, Role role,
                                   const KeyLimits& limits) override {
    std::string key = "tpk_" + RandomToken(24);
    std::lock_guard<std::mutex> lock(db_mu_);
    sqlite3_stmt* st = nullptr;
    sqlite3_prepare_v2(db_,
                       "INSERT INTO api_keys(name, owner, role, prefix, key_hash, rate_per_sec, burst, daily_quota)"
                       " VALUES(?,?,?,?,?,?,?,?)",
                       -1, &st, nullptr);
    sqlite3_bind_text(st, 1, name.c_str(), -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(st, 2, owner.c_str(), -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(st, 3, RoleName(role), -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 4, key.substr(0, 8).c_str(), -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(st, 5, KeyHash(key).c_str(), -1, SQLITE_TRANSIENT);
    sqlite3_bind_double(st, 6, limits.rate_per_sec);
    sqlite3_bind_double(st, 7, limits.burst);
    sqlite3_bind_int64(st, 8, limits.daily_quota);
    int rc = sqlite3_step(st);
    sqlite3_finalize(st);
    if (rc != SQLITE_DONE) return Status::IoError(std::string("api_keys insert: ") + sqlite3_errmsg(db_));
    return key;
  }

  Result<std::vector<ApiKeyInfo>> ListApiKeys() override {
    std::lock_guard<std::mutex> lock(db_mu_);
    sqlite3_stmt* st = nullptr;
    sqlite3_prepare_v2(db_,
                       "SELECT id, name, owner, role, prefix, rate_per_sec, burst, daily_quota FROM api_keys "
                       "WHERE revoked=0 ORDER BY id",
                       -1, &st, nullptr);
    std::vector<ApiKeyInfo> out;
    while (sqlite3_step(st) == SQLITE_ROW) out.push_back(Row(st));
    sqlite3_finalize(st);
    return out;
  }

 private:
  struct Session {
    Principal principal;
    int64_t expires;
  };
  static constexpr int64_t kSessionSeconds = 12 * 3600;
  static int64_t Now() {
    using namespace std::chrono;
    return duration_cast<seconds>(steady_clock::now().time_since_epoch()).count();
  }

  static ApiKeyInfo Row(sqlite3_stmt* st) {
    auto text = [&](int i) {
      const unsigned char* t = sqlite3_column_text(st, i);
      return t ? std::string(reinterpret_cast<const char*>(t)) : std::string();
    };
    ApiKeyInfo k;
    k.id = sqlite3_column_int64(st, 0);
    k.name = text(1);
    k.owner = text(2);
    k.prefix = text(4);
    k.limits.rate_per_sec = sqlite3_column_double(st, 5);
    k.limits.burst = sqlite3_column_double(st, 6);
    k.limits.daily_quota = sqlite3_column_int64(st, 7);
    k.principal = MakePrincipal("key:" + k.name, ParseRole(text(3)), k.id);
    return k;
  }

  Result<std::string> Hash(const std::string& password) {
    char out[crypto_pwhash_STRBYTES];
    unsigned long long ops = fast_ ? crypto_pwhash_OPSLIMIT_MIN : crypto_pwhash_OPSLIMIT_INTERACTIVE;
    size_t mem = fast_ ? crypto_pwhash_MEMLIMIT_MIN : crypto_pwhash_MEMLIMIT_INTERACTIVE;
    if (crypto_pwhash_str(out, password.c_str(), password.size(), ops, mem) != 0)
      return Status::Internal("argon2id: out of memory");
    return std::string(out);
  }

  Status Exec(const char* sql) {
    char* err = nullptr;
    if (sqlite3_exec(db_, sql, nullptr, nullptr, &err) != SQLITE_OK) {
      std::string m = err ? err : "?";
      sqlite3_free(err);
      return Status::IoError("service.db: " + m);
    }
    return Status::Ok();
  }

  sqlite3* db_ = nullptr;
  bool fast_ = false;
  std::mutex db_mu_, session_mu_;
  std::unordered_map<std::string, Session> sessions_;
  std::unordered_map<std::string, ApiKeyInfo> key_cache_;  // key hash → key; keys are never edited
};

}  // namespace

Result<std::unique_ptr<Authenticator>> OpenLocalAuthenticator(const LocalAuthOptions& options,
                                                              std::string* generated_password) {
  if (sodium_init() < 0) return Status::Internal("libsodium initialisation failed");
  auto auth = std::make_unique<LocalAuthenticator>();
  TP_RETURN_IF_ERROR(auth->Open(options, generated_password));
  return std::unique_ptr<Authenticator>(std::move(auth));
}

}  // namespace tianping::service
