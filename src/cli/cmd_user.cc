// tianping user: principals in DIR/security.db.
//   tianping user add NAME --role ROLE [--scope nation|province:粤|court:京0105] [--clearance 一般-3]
//                    [--judge-id J] [--password-env VAR | reads the password from stdin] [--as ADMIN]
//   tianping user role NAME ROLE [--clearance G] [--scope S] [--as ADMIN]
//   tianping user key NAME [--rate R] [--burst B] [--quota Q] [--as ADMIN]
//                                                 prints a new API key once (only its hash is stored), with
//                                                 the HTTP service's limits (requests/s, burst, per UTC day)
//   tianping user revoke-key KEY_ID [--as ADMIN]
//   tianping user list [--format table|json|csv]   tianping user roles   tianping user keys
//   tianping user login NAME                        checks the password read from stdin (exit 6 if wrong)
// Every change is appended to the audit log. Roles, scopes and clearances: docs/security.md.
#include <CLI/CLI.hpp>

#include <iostream>

#include "commands.h"
#include "exit_codes.h"
#include "security_context.h"
#include "rows_output.h"
#include "tianping/model/reference.h"

namespace tianping::cli {
namespace {

using security::CourtScope;

struct Options {
  std::string data_dir = "./tianping-data", as, name, role, scope, clearance, judge_id, password_env, key_id;
  std::string format = "table";
  security::KeyLimits limits;  // user key: the HTTP service's limits
};

std::string ReadPassword(const Options& o) {
  if (!o.password_env.empty()) {
    const char* v = std::getenv(o.password_env.c_str());
    return v ? v : "";
  }
  std::string line;
  std::getline(std::cin, line);
  if (!line.empty() && line.back() == '\r') line.pop_back();
  return line;
}

// Scopes must name a real province or court.
Result<CourtScope> CheckedScope(const std::string& text) {
  auto scope = CourtScope::Parse(text);
  if (!scope.ok()) return scope.status();
  if (scope->kind == CourtScope::Kind::kNation) return scope;
  auto ref = ReferenceData::Load(ReferenceData::DefaultRefDir());
  if (!ref.ok()) return ref.status();
  bool known = scope->kind == CourtScope::Kind::kProvince ? ref->FindProvince(scope->code) != nullptr
                                                          : ref->FindCourt(scope->code) != nullptr;
  if (!known) return Status::InvalidArgument("scope '" + text + "': unknown province or court");
  return scope;
}

Result<std::optional<security::Grade>> CheckedGrade(const std::string& text) {
  if (text.empty()) return std::optional<security::Grade>();
  auto g = security::ParseGrade(text);
  if (!g) return Status::InvalidArgument("unknown --clearance '" + text + "' (一般-1 … 一般-4 重要 核心)");
  return std::optional<security::Grade>(*g);
}

int Add(SecurityContext& ctx, const Options& o) {
  auto actor = ctx.RequireAdmin(o.as, "user add " + o.name);
  if (!actor.ok()) return Fail("user add", actor.status());
  auto role = security::ParseRole(o.role);
  if (!role) return Fail("user add", Status::InvalidArgument("unknown --role '" + o.role + "' (see tianping user roles)"));
  std::string default_scope = *role == security::Role::kResearcher || *role == security::Role::kPublic ||
                                      *role == security::Role::kSpcAnalyst || *role == security::Role::kAdmin
                                  ? "nation" : "";
  if (o.scope.empty() && default_scope.empty()) return Fail("user add", Status::InvalidArgument("--scope is required for this role"));
  auto scope = CheckedScope(o.scope.empty() ? default_scope : o.scope);
  if (!scope.ok()) return Fail("user add", scope.status());
  auto grade = CheckedGrade(o.clearance);
  if (!grade.ok()) return Fail("user add", grade.status());
  security::NewUser u{o.name, *role, *scope, *grade, o.judge_id, ReadPassword(o)};
  Status s = ctx.store->AddUser(u);
  if (!s.ok()) return Fail("user add", s);
  auto p = ctx.store->Get(o.name);
  std::string detail = std::string("role=") + security::SpecOf(*role).name + " scope=" + scope->ToString() +
                       " clearance=" + (p.ok() ? security::GradeName(p->clearance) : "?");
  auto rec = ctx.audit->Append(*actor, "user.add", "user " + o.name, 0, detail);
  if (!rec.ok()) return Fail("user add", rec.status());
  std::printf("added %s (%s)\n", o.name.c_str(), detail.c_str());
  return 0;
}

int SetRole(SecurityContext& ctx, const Options& o) {
  auto actor = ctx.RequireAdmin(o.as, "user role " + o.name);
  if (!actor.ok()) return Fail("user role", actor.status());
  auto role = security::ParseRole(o.role);
  if (!role) return Fail("user role", Status::InvalidArgument("unknown role '" + o.role + "'"));
  std::optional<CourtScope> scope;
  if (!o.scope.empty()) {
    auto s = CheckedScope(o.scope);
    if (!s.ok()) return Fail("user role", s.status());
    scope = *s;
  }
  auto grade = CheckedGrade(o.clearance);
  if (!grade.ok()) return Fail("user role", grade.status());
  Status s = ctx.store->SetRole(o.name, *role, *grade, scope);
  if (!s.ok()) return Fail("user role", s);
  auto p = ctx.store->Get(o.name);
  std::string detail = p.ok() ? std::string("role=") + security::SpecOf(p->role).name + " scope=" + p->scope.ToString() +
                                    " clearance=" + security::GradeName(p->clearance) : "";
  auto rec = ctx.audit->Append(*actor, "user.role", "user " + o.name, 0, detail);
  if (!rec.ok()) return Fail("user role", rec.status());
  std::printf("%s: %s\n", o.name.c_str(), detail.c_str());
  return 0;
}

int Key(SecurityContext& ctx, const Options& o) {
  auto actor = ctx.RequireAdmin(o.as, "user key " + o.name);
  if (!actor.ok()) return Fail("user key", actor.status());
  auto key = ctx.store->CreateKey(o.name, o.limits);
  if (!key.ok()) return Fail("user key", key.status());
  auto rec = ctx.audit->Append(*actor, "key.create", "user " + o.name, 0,
                               "key_id=" + key->substr(4, 12) + " rate_per_sec=" + std::to_string(o.limits.rate_per_sec) +
                                   " burst=" + std::to_string(o.limits.burst) +
                                   " daily_quota=" + std::to_string(o.limits.daily_quota));
  if (!rec.ok()) return Fail("user key", rec.status());
  std::printf("%s\n", key->c_str());
  std::fprintf(stderr, "user key: shown once; only its hash is stored\n");
  return 0;
}

int RevokeKey(SecurityContext& ctx, const Options& o) {
  auto actor = ctx.RequireAdmin(o.as, "user revoke-key " + o.key_id);
  if (!actor.ok()) return Fail("user revoke-key", actor.status());
  Status s = ctx.store->RevokeKey(o.key_id);
  if (!s.ok()) return Fail("user revoke-key", s);
  auto rec = ctx.audit->Append(*actor, "key.revoke", "key " + o.key_id, 0, "");
  return rec.ok() ? 0 : Fail("user revoke-key", rec.status());
}

int List(SecurityContext& ctx, const Options& o) {
  std::vector<std::vector<std::string>> rows = {{"name", "role", "scope", "clearance", "judge_id"}};
  for (const auto& p : ctx.store->List()) {
    rows.push_back({p.name, security::SpecOf(p.role).name, p.scope.ToString(), security::GradeName(p.clearance), p.judge_id});
  }
  PrintRows(rows, o.format, {});
  return 0;
}

int Keys(SecurityContext& ctx, const Options& o) {
  std::vector<std::vector<std::string>> rows = {{"key_id", "user", "created_at", "revoked", "rate_per_sec", "burst",
                                                 "daily_quota"}};
  for (const auto& k : ctx.store->Keys()) {
    rows.push_back({k.key_id, k.user, k.created_at, k.revoked ? "yes" : "no", std::to_string(k.limits.rate_per_sec),
                    std::to_string(k.limits.burst), std::to_string(k.limits.daily_quota)});
  }
  PrintRows(rows, o.format, {});
  return 0;
}

int Roles(const Options& o) {
  std::vector<std::vector<std::string>> rows = {{"role", "label", "default_clearance", "max_clearance", "anonymised_only",
                                                 "shareable_only", "own_cases_full", "execution_full", "min_cell"}};
  for (const auto& r : security::AllRoles()) {
    auto yn = [](bool b) { return std::string(b ? "yes" : "no"); };
    rows.push_back({r.name, r.label, security::GradeName(r.default_clearance), security::GradeName(r.max_clearance),
                    yn(r.anonymised_only), yn(r.shareable_only), yn(r.own_cases_full), yn(r.execution_full),
                    std::to_string(r.min_cell)});
  }
  PrintRows(rows, o.format, {false, false, false, false, false, false, false, false, true});
  return 0;
}

int Login(SecurityContext& ctx, const Options& o) {
  auto p = ctx.store->Authenticate(o.name, ReadPassword(o));
  (void)ctx.audit->Append(o.name, p.ok() ? "login" : "login.failed", "user " + o.name, 0, "");
  if (!p.ok()) return Fail("user login", p.status());
  std::printf("ok: %s (%s, %s, %s)\n", p->name.c_str(), security::SpecOf(p->role).name, p->scope.ToString().c_str(),
              security::GradeName(p->clearance));
  return 0;
}

}  // namespace

int RunUser(int argc, char** argv) {
  CLI::App app{"用户、角色与密钥 / users, roles and API keys", "tianping user"};
  app.require_subcommand(1);
  Options o;
  auto* add = app.add_subcommand("add", "新增用户 / add a user (password from stdin or --password-env)");
  add->add_option("name", o.name, "user name")->required();
  add->add_option("--role", o.role, "spc_analyst high_court_analyst judge execution_judge researcher public admin")->required();
  add->add_option("--scope", o.scope, "nation | province:粤 | court:京0105 (court and its subordinates)");
  add->add_option("--clearance", o.clearance, "一般-1 … 一般-4 重要 核心 (default: the role's)");
  add->add_option("--judge-id", o.judge_id, "judge id matching Case.judge_id (own cases)");
  add->add_option("--password-env", o.password_env, "read the password from this environment variable");
  auto* role = app.add_subcommand("role", "变更角色 / change a user's role, clearance or scope");
  role->add_option("name", o.name, "user name")->required();
  role->add_option("role", o.role, "new role")->required();
  role->add_option("--clearance", o.clearance, "new clearance");
  role->add_option("--scope", o.scope, "new scope");
  auto* key = app.add_subcommand("key", "创建 API 密钥 / create an API key (printed once)");
  key->add_option("name", o.name, "user name")->required();
  key->add_option("--rate", o.limits.rate_per_sec, "HTTP requests per second (token refill)")->capture_default_str();
  key->add_option("--burst", o.limits.burst, "HTTP burst capacity (>= 1)")->capture_default_str();
  key->add_option("--quota", o.limits.daily_quota, "HTTP requests per UTC day (0 = unlimited)")->capture_default_str();
  auto* revoke = app.add_subcommand("revoke-key", "吊销 API 密钥 / revoke an API key");
  revoke->add_option("key_id", o.key_id, "the 12 hex digits after tpk_")->required();
  auto* list = app.add_subcommand("list", "用户列表 / list users");
  auto* keys = app.add_subcommand("keys", "密钥列表 / list API keys (ids only)");
  auto* roles = app.add_subcommand("roles", "角色表 / the roles and what they may see");
  auto* login = app.add_subcommand("login", "校验口令 / check a password read from stdin");
  login->add_option("name", o.name, "user name")->required();
  login->add_option("--password-env", o.password_env, "read the password from this environment variable");
  for (auto* sub : {add, role, key, revoke, list, keys, roles, login}) {
    sub->add_option("--data", o.data_dir, "data folder holding security.db")->capture_default_str();
    sub->add_option("--as", o.as, "acting admin user (required once an admin exists)");
    sub->add_option("--format", o.format, "table | json | csv")->check(CLI::IsMember({"table", "json", "csv"}));
  }
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    return app.exit(e);
  }
  if (roles->parsed()) return Roles(o);
  auto ctx = SecurityContext::Open(o.data_dir);
  if (!ctx.ok()) return Fail("user", ctx.status());
  if (add->parsed()) return Add(*ctx, o);
  if (role->parsed()) return SetRole(*ctx, o);
  if (key->parsed()) return Key(*ctx, o);
  if (revoke->parsed()) return RevokeKey(*ctx, o);
  if (list->parsed()) return List(*ctx, o);
  if (keys->parsed()) return Keys(*ctx, o);
  return Login(*ctx, o);
}

}  // namespace tianping::cli
