#include "tianping/service/security_service.h"

#include <fcntl.h>
#include <sodium.h>
#include <sys/stat.h>
#include <unistd.h>

#include <chrono>
#include <cstdlib>

namespace tianping::service {
namespace {

constexpr int64_t kSessionSeconds = 12 * 3600;

int64_t Now() {
  using namespace std::chrono;
  return duration_cast<seconds>(steady_clock::now().time_since_epoch()).count();
}

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

std::string LocalActor() {
  const char* os_user = std::getenv("USER");
  return std::string("local:") + (os_user ? os_user : "?");
}

// Writes `text` to `path`, created with mode 0600 from the start (never briefly world-readable).
Status WritePrivateFile(const std::string& path, const std::string& text) {
  int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
  if (fd < 0) return Status::IoError(path + ": cannot write");
  ::fchmod(fd, 0600);
  bool ok = ::write(fd, text.data(), text.size()) == static_cast<ssize_t>(text.size());
  ok &= ::close(fd) == 0;
  return ok ? Status::Ok() : Status::IoError(path + ": cannot write");
}

}  // namespace

Result<std::unique_ptr<SecurityService>> SecurityService::Open(const SecurityOptions& o) {
  auto s = std::unique_ptr<SecurityService>(new SecurityService());
  s->data_dir_ = o.data_dir;
  auto store = security::PrincipalStore::Open(
      o.data_dir, o.fast_hash ? security::KdfCost::kMinimum : security::KdfCost::kInteractive);
  if (!store.ok()) return store.status();
  s->store_ = std::move(store).value();
  ::chmod(security::PrincipalStore::DbPath(o.data_dir).c_str(), 0600);
  auto audit = security::AuditLog::Open(o.data_dir);
  if (!audit.ok()) return audit.status();
  s->audit_ = std::move(audit).value();
  auto writer = security::AuditWriter::Open(o.data_dir);
  if (!writer.ok()) return writer.status();
  s->audit_writer_ = std::move(writer).value();
  return s;
}

SecurityService::~SecurityService() = default;

Result<std::vector<DemoLogin>> SecurityService::EnsureDemoUsers() {
  std::lock_guard<std::mutex> lock(mu_);
  std::vector<DemoLogin> out;
  if (store_->UserCount() > 0) return out;
  struct Demo {
    const char* name;
    security::Role role;
  };
  for (Demo d : {Demo{"admin", security::Role::kAdmin}, Demo{"analyst", security::Role::kSpcAnalyst}}) {
    security::NewUser u;
    u.name = d.name;
    u.role = d.role;
    u.scope.kind = security::CourtScope::Kind::kNation;
    u.password = RandomPassword();
    TP_RETURN_IF_ERROR(store_->AddUser(u));
    auto p = store_->Get(u.name);
    if (!p.ok()) return p.status();
    DemoLogin login{u.name, security::SpecOf(d.role).name, u.password,
                    data_dir_ + "/" + u.name + "-initial-password"};
    TP_RETURN_IF_ERROR(WritePrivateFile(login.file, u.password + "\n"));
    auto rec = audit_->Append(LocalActor(), "user.add", "user " + u.name,
                              0, std::string("demo login by serve: role=") + login.role + " scope=" +
                                     p->scope.ToString() + " clearance=" + security::GradeName(p->clearance));
    if (!rec.ok()) return rec.status();
    out.push_back(std::move(login));
  }
  return out;
}

Result<std::string> SecurityService::Login(const std::string& user, const std::string& password,
                                           const std::string& remote) {
  std::lock_guard<std::mutex> lock(mu_);
  auto p = store_->Authenticate(user, password);
  if (!p.ok()) {
    (void)audit_->Append(user, "login.failed", "user " + user, 0, "http from " + remote);
    return Status::PermissionDenied("用户名或密码错误 / wrong user name or password");
  }
  auto rec = audit_->Append(user, "login", "user " + user, 0, "http from " + remote);
  if (!rec.ok()) return rec.status();
  std::string token = RandomToken(32);
  sessions_[token] = {user, Now() + kSessionSeconds};
  return token;
}

void SecurityService::Logout(const std::string& token) {
  std::lock_guard<std::mutex> lock(mu_);
  sessions_.erase(token);
  callers_.Clear();
}

int64_t SecurityService::StoreVersion() {
  std::lock_guard<std::mutex> lock(mu_);
  return store_->DataVersion();
}

Result<Caller> SecurityService::FromSession(const std::string& token) {
  const int64_t version = StoreVersion();
  if (auto hit = callers_.Get("s:" + token, version)) return *hit;
  auto c = FromSessionUncached(token);
  if (c.ok()) callers_.Put("s:" + token, *c, version);
  return c;
}

Result<Caller> SecurityService::FromApiKey(const std::string& key) {
  const int64_t version = StoreVersion();
  if (auto hit = callers_.Get("k:" + key, version)) return *hit;
  auto c = FromApiKeyUncached(key);
  if (c.ok()) callers_.Put("k:" + key, *c, version);
  return c;
}

Result<Caller> SecurityService::FromSessionUncached(const std::string& token) {
  std::lock_guard<std::mutex> lock(mu_);
  const Status invalid = Status::PermissionDenied("会话无效或已过期 / unknown or expired session");
  auto it = sessions_.find(token);
  if (it == sessions_.end()) return invalid;
  if (it->second.expires < Now()) {
    sessions_.erase(it);
    return invalid;
  }
  auto p = store_->Get(it->second.user);
  if (!p.ok()) {
    sessions_.erase(it);
    return invalid;
  }
  Caller c;
  c.principal = std::move(p).value();
  c.authenticated = true;
  return c;
}

Result<Caller> SecurityService::FromApiKeyUncached(const std::string& key) {
  std::lock_guard<std::mutex> lock(mu_);
  auto p = store_->AuthenticateKey(key);
  if (!p.ok()) return Status::PermissionDenied("无效的 API 密钥 / unknown or revoked API key");
  Caller c;
  c.key_id = p->name.substr(4);  // "key:<key_id>"
  auto info = store_->Key(c.key_id);
  if (!info.ok()) return Status::PermissionDenied("无效的 API 密钥 / unknown or revoked API key");
  c.principal = std::move(p).value();
  c.limits = info->limits;
  c.authenticated = true;
  return c;
}

Result<std::string> SecurityService::CreateApiKey(const std::string& user, const KeyLimits& limits,
                                                  const std::string& actor) {
  std::lock_guard<std::mutex> lock(mu_);
  auto key = store_->CreateKey(user, limits);
  if (!key.ok()) return key.status();
  auto rec = audit_->Append(actor, "key.create", "key " + key->substr(4, 12), 0,
                            "user=" + user + " rate_per_sec=" + std::to_string(limits.rate_per_sec) +
                                " burst=" + std::to_string(limits.burst) +
                                " daily_quota=" + std::to_string(limits.daily_quota));
  if (!rec.ok()) return rec.status();
  return key;
}

Status SecurityService::RevokeApiKey(const std::string& key_id, const std::string& actor) {
  std::lock_guard<std::mutex> lock(mu_);
  TP_RETURN_IF_ERROR(store_->RevokeKey(key_id));
  callers_.Clear();
  auto rec = audit_->Append(actor, "key.revoke", "key " + key_id, 0, "");
  return rec.ok() ? Status::Ok() : rec.status();
}

std::vector<security::ApiKeyInfo> SecurityService::ListApiKeys() {
  std::lock_guard<std::mutex> lock(mu_);
  return store_->Keys();
}

Status SecurityService::AddUser(const security::NewUser& user, const std::string& actor) {
  std::lock_guard<std::mutex> lock(mu_);
  TP_RETURN_IF_ERROR(store_->AddUser(user));
  auto p = store_->Get(user.name);
  if (!p.ok()) return p.status();
  auto rec = audit_->Append(actor, "user.add", "user " + user.name, 0,
                            std::string("role=") + security::SpecOf(p->role).name + " scope=" + p->scope.ToString() +
                                " clearance=" + security::GradeName(p->clearance));
  return rec.ok() ? Status::Ok() : rec.status();
}

Status SecurityService::SetRole(const std::string& name, security::Role role,
                                std::optional<security::Grade> clearance, std::optional<security::CourtScope> scope,
                                const std::string& actor) {
  std::lock_guard<std::mutex> lock(mu_);
  TP_RETURN_IF_ERROR(store_->SetRole(name, role, clearance, scope));
  callers_.Clear();
  auto p = store_->Get(name);
  if (!p.ok()) return p.status();
  auto rec = audit_->Append(actor, "user.role", "user " + name, 0,
                            std::string("role=") + security::SpecOf(p->role).name + " scope=" + p->scope.ToString() +
                                " clearance=" + security::GradeName(p->clearance));
  return rec.ok() ? Status::Ok() : rec.status();
}

std::vector<security::Principal> SecurityService::ListUsers() {
  std::lock_guard<std::mutex> lock(mu_);
  return store_->List();
}

Status SecurityService::Audit(const std::string& actor, const std::string& action, const std::string& object,
                              int64_t rows, const std::string& detail) {
  auto rec = audit_writer_->Append(security::AuditEntry{actor, action, object, rows, detail});
  return rec.ok() ? Status::Ok() : rec.status();
}

void SecurityService::AuditAsync(std::vector<security::AuditEntry> entries, std::function<void(Status)> done) {
  audit_writer_->AppendAsync(std::move(entries), [done = std::move(done)](auto recs) {
    done(recs.ok() ? Status::Ok() : recs.status());
  });
}

Result<std::vector<security::AuditRecord>> SecurityService::QueryAudit(const security::AuditFilter& filter) {
  std::lock_guard<std::mutex> lock(mu_);
  return audit_->Query(filter);
}

Result<security::VerifyReport> SecurityService::VerifyAudit() {
  std::lock_guard<std::mutex> lock(mu_);
  return audit_->Verify();
}

}  // namespace tianping::service
