#include "tianping/security/principal_store.h"

#include <sodium.h>

#include <ctime>
#include <filesystem>

#include "sqlite_db.h"
#include "time_util.h"

namespace tianping::security {
namespace {

constexpr const char* kSchema = R"sql(
CREATE TABLE IF NOT EXISTS roles(
  name TEXT PRIMARY KEY, label TEXT NOT NULL, default_clearance TEXT NOT NULL, max_clearance TEXT NOT NULL,
  anonymised_only INTEGER NOT NULL, shareable_only INTEGER NOT NULL, own_cases_full INTEGER NOT NULL,
  execution_full INTEGER NOT NULL, reads_cases INTEGER NOT NULL, min_cell INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS users(
  name TEXT PRIMARY KEY, role TEXT NOT NULL REFERENCES roles(name), scope TEXT NOT NULL,
  clearance TEXT NOT NULL, judge_id TEXT NOT NULL DEFAULT '', password_hash TEXT NOT NULL,
  created_at TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS api_keys(
  key_id TEXT PRIMARY KEY, user TEXT NOT NULL REFERENCES users(name), secret_hash TEXT NOT NULL,
  created_at TEXT NOT NULL, revoked INTEGER NOT NULL DEFAULT 0);
CREATE TABLE IF NOT EXISTS key_limits(
  key_id TEXT PRIMARY KEY REFERENCES api_keys(key_id), rate_per_sec REAL NOT NULL, burst REAL NOT NULL,
  daily_quota INTEGER NOT NULL);
-- Moves with every change of roles, users, keys or limits by any connection or process (the triggers live
-- in the database), and with nothing else: audit appends do not invalidate cached callers.
CREATE TABLE IF NOT EXISTS principals_version(id INTEGER PRIMARY KEY CHECK (id = 1), v INTEGER NOT NULL);
INSERT OR IGNORE INTO principals_version(id, v) VALUES(1, 0);
CREATE TRIGGER IF NOT EXISTS principals_version_roles_i AFTER INSERT ON roles BEGIN UPDATE principals_version SET v = v + 1 WHERE id = 1; END;
CREATE TRIGGER IF NOT EXISTS principals_version_roles_u AFTER UPDATE ON roles BEGIN UPDATE principals_version SET v = v + 1 WHERE id = 1; END;
CREATE TRIGGER IF NOT EXISTS principals_version_roles_d AFTER DELETE ON roles BEGIN UPDATE principals_version SET v = v + 1 WHERE id = 1; END;
CREATE TRIGGER IF NOT EXISTS principals_version_users_i AFTER INSERT ON users BEGIN UPDATE principals_version SET v = v + 1 WHERE id = 1; END;
CREATE TRIGGER IF NOT EXISTS principals_version_users_u AFTER UPDATE ON users BEGIN UPDATE principals_version SET v = v + 1 WHERE id = 1; END;
CREATE TRIGGER IF NOT EXISTS principals_version_users_d AFTER DELETE ON users BEGIN UPDATE principals_version SET v = v + 1 WHERE id = 1; END;
CREATE TRIGGER IF NOT EXISTS principals_version_api_keys_i AFTER INSERT ON api_keys BEGIN UPDATE principals_version SET v = v + 1 WHERE id = 1; END;
CREATE TRIGGER IF NOT EXISTS principals_version_api_keys_u AFTER UPDATE ON api_keys BEGIN UPDATE principals_version SET v = v + 1 WHERE id = 1; END;
CREATE TRIGGER IF NOT EXISTS principals_version_api_keys_d AFTER DELETE ON api_keys BEGIN UPDATE principals_version SET v = v + 1 WHERE id = 1; END;
CREATE TRIGGER IF NOT EXISTS principals_version_key_limits_i AFTER INSERT ON key_limits BEGIN UPDATE principals_version SET v = v + 1 WHERE id = 1; END;
CREATE TRIGGER IF NOT EXISTS principals_version_key_limits_u AFTER UPDATE ON key_limits BEGIN UPDATE principals_version SET v = v + 1 WHERE id = 1; END;
CREATE TRIGGER IF NOT EXISTS principals_version_key_limits_d AFTER DELETE ON key_limits BEGIN UPDATE principals_version SET v = v + 1 WHERE id = 1; END;
)sql";

// api_keys joined with key_limits (keys made before key_limits existed get the default limits).
constexpr const char* kKeySelect =
    "SELECT k.key_id, k.user, k.created_at, k.revoked, l.rate_per_sec, l.burst, l.daily_quota "
    "FROM api_keys k LEFT JOIN key_limits l ON l.key_id = k.key_id";

std::string Hex(const unsigned char* p, size_t n) {
  std::string out(n * 2 + 1, '\0');
  sodium_bin2hex(out.data(), out.size(), p, n);
  out.pop_back();
  return out;
}

std::string SecretHash(const std::string& secret) {
  unsigned char h[crypto_generichash_BYTES];
  crypto_generichash(h, sizeof h, reinterpret_cast<const unsigned char*>(secret.data()), secret.size(), nullptr, 0);
  return Hex(h, sizeof h);
}

Result<Principal> RowToPrincipal(const Stmt& s) {
  // columns: name, role, scope, clearance, judge_id
  Principal p;
  p.name = s.Text(0);
  auto role = ParseRole(s.Text(1));
  auto scope = CourtScope::Parse(s.Text(2));
  auto grade = ParseGrade(s.Text(3));
  if (!role || !scope.ok() || !grade) return Status::Corruption("security.db: bad row for user " + p.name);
  p.role = *role;
  p.scope = *scope;
  p.clearance = *grade;
  p.judge_id = s.Text(4);
  return p;
}

bool ValidName(const std::string& name) {
  if (name.empty() || name.size() > 64 || name.rfind("key:", 0) == 0) return false;
  for (unsigned char c : name) if (c <= ' ' || c == ':') return false;
  return true;
}

}  // namespace

PrincipalStore::PrincipalStore(std::unique_ptr<Db> db, KdfCost cost) : db_(std::move(db)), cost_(cost) {}
PrincipalStore::~PrincipalStore() = default;

std::string PrincipalStore::DbPath(const std::string& data_dir) { return data_dir + "/security.db"; }

Result<std::unique_ptr<PrincipalStore>> PrincipalStore::Open(const std::string& data_dir, KdfCost cost) {
  if (sodium_init() < 0) return Status::Internal("libsodium initialisation failed");
  std::error_code ec;
  std::filesystem::create_directories(data_dir, ec);
  if (ec) return Status::IoError(data_dir + ": " + ec.message());
  auto db = Db::Open(DbPath(data_dir));
  if (!db.ok()) return db.status();
  // One transaction for the schema and the role table: one sync per process start, not eight.
  TP_RETURN_IF_ERROR((*db)->Exec("BEGIN IMMEDIATE"));
  TP_RETURN_IF_ERROR((*db)->Exec(kSchema));
  for (const auto& r : AllRoles()) {
    auto s = (*db)->Prepare("INSERT OR REPLACE INTO roles VALUES(?,?,?,?,?,?,?,?,?,?)");
    if (!s.ok()) return s.status();
    (*s)->Bind(1, r.name).Bind(2, r.label).Bind(3, GradeName(r.default_clearance)).Bind(4, GradeName(r.max_clearance))
        .Bind(5, int64_t{r.anonymised_only}).Bind(6, int64_t{r.shareable_only}).Bind(7, int64_t{r.own_cases_full})
        .Bind(8, int64_t{r.execution_full}).Bind(9, int64_t{r.reads_cases}).Bind(10, int64_t{r.min_cell});
    Status st = (*s)->Run();
    if (!st.ok()) {
      (void)(*db)->Exec("ROLLBACK");
      return st;
    }
  }
  TP_RETURN_IF_ERROR((*db)->Exec("COMMIT"));
  return std::unique_ptr<PrincipalStore>(new PrincipalStore(std::move(db).value(), cost));
}

Status PrincipalStore::AddUser(const NewUser& u) {
  if (!ValidName(u.name)) return Status::InvalidArgument("user name '" + u.name + "': 1–64 bytes, no spaces or ':'");
  if (u.password.size() < 8) return Status::InvalidArgument("password: at least 8 bytes");
  const RoleSpec& spec = SpecOf(u.role);
  Grade g = u.clearance.value_or(spec.default_clearance);
  if (g > spec.max_clearance) {
    return Status::InvalidArgument(std::string("clearance ") + GradeName(g) + " exceeds the maximum " +
                                   GradeName(spec.max_clearance) + " of role " + spec.name);
  }
  if (Get(u.name).ok()) return Status::AlreadyExists("user " + u.name + " already exists");
  char hash[crypto_pwhash_STRBYTES];
  bool min = cost_ == KdfCost::kMinimum;
  if (crypto_pwhash_str(hash, u.password.data(), u.password.size(),
                        min ? crypto_pwhash_OPSLIMIT_MIN : crypto_pwhash_OPSLIMIT_INTERACTIVE,
                        min ? crypto_pwhash_MEMLIMIT_MIN : crypto_pwhash_MEMLIMIT_INTERACTIVE) != 0) {
    return Status::Internal("argon2id: out of memory");
  }
  auto s = db_->Prepare("INSERT INTO users(name,role,scope,clearance,judge_id,password_hash,created_at) "
                        "VALUES(?,?,?,?,?,?,?)");
  if (!s.ok()) return s.status();
  (*s)->Bind(1, u.name).Bind(2, spec.name).Bind(3, u.scope.ToString()).Bind(4, GradeName(g)).Bind(5, u.judge_id)
      .Bind(6, std::string(hash)).Bind(7, NowUtc());
  return (*s)->Run();
}

Status PrincipalStore::SetRole(const std::string& name, Role role, std::optional<Grade> clearance,
                               std::optional<CourtScope> scope) {
  auto cur = Get(name);
  if (!cur.ok()) return cur.status();
  const RoleSpec& spec = SpecOf(role);
  Grade g = clearance.value_or(std::min(cur->clearance, spec.max_clearance));
  if (g > spec.max_clearance) {
    return Status::InvalidArgument(std::string("clearance ") + GradeName(g) + " exceeds the maximum " +
                                   GradeName(spec.max_clearance) + " of role " + spec.name);
  }
  auto s = db_->Prepare("UPDATE users SET role=?, clearance=?, scope=? WHERE name=?");
  if (!s.ok()) return s.status();
  (*s)->Bind(1, spec.name).Bind(2, GradeName(g)).Bind(3, scope.value_or(cur->scope).ToString()).Bind(4, name);
  return (*s)->Run();
}

Result<Principal> PrincipalStore::Get(const std::string& name) const {
  auto s = db_->Prepare("SELECT name,role,scope,clearance,judge_id FROM users WHERE name=?");
  if (!s.ok()) return s.status();
  (*s)->Bind(1, name);
  if (!(*s)->Step()) {
    if (!(*s)->status().ok()) return (*s)->status();
    return Status::NotFound("user " + name + " not found");
  }
  return RowToPrincipal(**s);
}

std::vector<Principal> PrincipalStore::List() const {
  std::vector<Principal> out;
  auto s = db_->Prepare("SELECT name,role,scope,clearance,judge_id FROM users ORDER BY name");
  if (!s.ok()) return out;
  while ((*s)->Step()) {
    auto p = RowToPrincipal(**s);
    if (p.ok()) out.push_back(std::move(p).value());
  }
  return out;
}

int64_t PrincipalStore::UserCount() const {
  auto s = db_->Prepare("SELECT count(*) FROM users");
  return s.ok() && (*s)->Step() ? (*s)->Int(0) : 0;
}

Result<std::string> PrincipalStore::PasswordHash(const std::string& name) const {
  auto s = db_->Prepare("SELECT password_hash FROM users WHERE name=?");
  if (!s.ok()) return s.status();
  (*s)->Bind(1, name);
  if (!(*s)->Step()) return Status::NotFound("user " + name + " not found");
  return (*s)->Text(0);
}

Result<Principal> PrincipalStore::Authenticate(const std::string& name, const std::string& password) const {
  const Status denied = Status::PermissionDenied("invalid user name or password");
  auto hash = PasswordHash(name);
  if (!hash.ok()) return denied;
  if (crypto_pwhash_str_verify(hash->c_str(), password.data(), password.size()) != 0) return denied;
  return Get(name);
}

static ApiKeyInfo RowToKey(const Stmt& s) {
  ApiKeyInfo k{s.Text(0), s.Text(1), s.Text(2), s.Int(3) != 0, {}};
  if (!s.IsNull(4)) k.limits = {s.Double(4), s.Double(5), s.Int(6)};
  return k;
}

Result<std::string> PrincipalStore::CreateKey(const std::string& user, const KeyLimits& limits) {
  if (!(limits.rate_per_sec >= 0) || !(limits.burst >= 1) || limits.daily_quota < 0) {
    return Status::InvalidArgument("key limits: rate_per_sec >= 0, burst >= 1, daily_quota >= 0");
  }
  auto p = Get(user);
  if (!p.ok()) return p.status();
  unsigned char id[6], secret[24];
  randombytes_buf(id, sizeof id);
  randombytes_buf(secret, sizeof secret);
  std::string key_id = Hex(id, sizeof id), secret_hex = Hex(secret, sizeof secret);
  auto s = db_->Prepare("INSERT INTO api_keys(key_id,user,secret_hash,created_at) VALUES(?,?,?,?)");
  if (!s.ok()) return s.status();
  (*s)->Bind(1, key_id).Bind(2, user).Bind(3, SecretHash(secret_hex)).Bind(4, NowUtc());
  TP_RETURN_IF_ERROR((*s)->Run());
  auto l = db_->Prepare("INSERT INTO key_limits(key_id,rate_per_sec,burst,daily_quota) VALUES(?,?,?,?)");
  if (!l.ok()) return l.status();
  (*l)->Bind(1, key_id).Bind(2, limits.rate_per_sec).Bind(3, limits.burst).Bind(4, limits.daily_quota);
  TP_RETURN_IF_ERROR((*l)->Run());
  return "tpk_" + key_id + "_" + secret_hex;
}

Result<Principal> PrincipalStore::AuthenticateKey(const std::string& key) const {
  const Status denied = Status::PermissionDenied("invalid API key");
  // tpk_ + 12 hex + _ + 48 hex
  if (key.size() != 4 + 12 + 1 + 48 || key.rfind("tpk_", 0) != 0 || key[16] != '_') return denied;
  std::string key_id = key.substr(4, 12), secret = key.substr(17);
  auto s = db_->Prepare("SELECT user, secret_hash, revoked FROM api_keys WHERE key_id=?");
  if (!s.ok()) return denied;
  (*s)->Bind(1, key_id);
  if (!(*s)->Step()) return denied;
  std::string user = (*s)->Text(0), stored = (*s)->Text(1);
  bool revoked = (*s)->Int(2) != 0;
  std::string computed = SecretHash(secret);
  if (revoked || stored.size() != computed.size() ||
      sodium_memcmp(stored.data(), computed.data(), computed.size()) != 0) {
    return denied;
  }
  auto p = Get(user);
  if (!p.ok()) return denied;
  p->name = "key:" + key_id;
  return p;
}

Status PrincipalStore::RevokeKey(const std::string& key_id) {
  auto s = db_->Prepare("UPDATE api_keys SET revoked=1 WHERE key_id=?");
  if (!s.ok()) return s.status();
  (*s)->Bind(1, key_id);
  TP_RETURN_IF_ERROR((*s)->Run());
  if (db_->Changes() == 0) return Status::NotFound("API key " + key_id + " not found");
  return Status::Ok();
}

std::vector<ApiKeyInfo> PrincipalStore::Keys() const {
  std::vector<ApiKeyInfo> out;
  auto s = db_->Prepare(std::string(kKeySelect) + " ORDER BY k.created_at, k.key_id");
  if (!s.ok()) return out;
  while ((*s)->Step()) out.push_back(RowToKey(**s));
  return out;
}

Result<ApiKeyInfo> PrincipalStore::Key(const std::string& key_id) const {
  auto s = db_->Prepare(std::string(kKeySelect) + " WHERE k.key_id=?");
  if (!s.ok()) return s.status();
  (*s)->Bind(1, key_id);
  if (!(*s)->Step()) return Status::NotFound("API key " + key_id + " not found");
  return RowToKey(**s);
}

Result<std::string> PrincipalStore::KeyHash(const std::string& key_id) const {
  auto s = db_->Prepare("SELECT secret_hash FROM api_keys WHERE key_id=?");
  if (!s.ok()) return s.status();
  (*s)->Bind(1, key_id);
  if (!(*s)->Step()) return Status::NotFound("API key " + key_id + " not found");
  return (*s)->Text(0);
}

int64_t PrincipalStore::DataVersion() const {
  if (!version_) {
    auto s = db_->Prepare("SELECT v FROM principals_version WHERE id = 1");
    if (!s.ok()) return -1;
    version_ = std::move(s).value();
  }
  int64_t v = version_->Step() ? version_->Int(0) : -1;
  version_->Reset();  // ends the read transaction (an open one would hold back WAL checkpoints)
  return v;
}

}  // namespace tianping::security
