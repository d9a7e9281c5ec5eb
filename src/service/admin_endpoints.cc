// login/logout/me, API keys, endpoint statistics, OpenAPI.
#include <functional>
#include <mutex>

#include <nlohmann/json.hpp>

#include "tianping/common/json_writer.h"
#include "tianping/service/api_error.h"
#include "tianping/service/core_endpoints.h"
#include "tianping/service/dispatcher.h"

namespace tianping::service {
namespace {

Result<nlohmann::json> JsonBody(const HttpRequest& req) {
  auto j = nlohmann::json::parse(req.body, nullptr, false);
  if (j.is_discarded() || !j.is_object()) return Status::InvalidArgument("request body must be a JSON object");
  return j;
}

std::string Str(const nlohmann::json& j, const char* k) {
  return j.contains(k) && j[k].is_string() ? j[k].get<std::string>() : std::string();
}

void WritePrincipal(JsonWriter& w, const security::Principal& p) {
  const security::RoleSpec& spec = security::SpecOf(p.role);
  w.Field("user", p.name);
  w.Field("role", spec.name);
  w.Field("role_label", spec.label);
  w.Field("scope", p.scope.ToString());
  w.Field("clearance", security::GradeName(p.clearance));
  w.Field("effective_clearance", security::GradeName(EffectiveClearance(p)));
  w.Key("reads_cases");
  w.Bool(spec.reads_cases);
  w.FieldInt("min_cell", spec.min_cell);
}

Result<HttpResponse> Login(const CoreState* s, const HttpRequest& req) {
  if (s->login_limiter) {
    auto d = s->login_limiter->Acquire(static_cast<int64_t>(std::hash<std::string>{}(req.remote)), kLoginLimits);
    if (!d.allowed) {
      HttpResponse r = ErrorResponse(429, "rate_limited", "登录尝试过于频繁 / too many login attempts");
      r.headers.emplace_back("Retry-After", std::to_string(d.retry_after_seconds));
      return r;
    }
  }
  auto j = JsonBody(req);
  if (!j.ok()) return j.status();
  std::string user = Str(*j, "user"), password = Str(*j, "password");
  if (user.empty() || password.empty()) return Status::InvalidArgument("body needs \"user\" and \"password\"");
  auto token = s->security->Login(user, password, req.remote);
  if (!token.ok()) {
    HttpResponse r = HttpResponse::Json(
        R"({"error":{"code":"unauthenticated","message":"用户名或密码错误 / wrong user name or password"}})", 401);
    return r;
  }
  auto caller = s->security->FromSession(*token);
  if (!caller.ok()) return caller.status();
  std::string out;
  JsonWriter w(&out);
  w.BeginObject();
  WritePrincipal(w, caller->principal);
  w.Field("token", *token);
  w.EndObject();
  HttpResponse r = HttpResponse::Json(std::move(out));
  r.headers.emplace_back("Set-Cookie", std::string(Dispatcher::kSessionCookie) + "=" + *token +
                                           "; Path=/; HttpOnly; SameSite=Strict; Max-Age=43200");
  return r;
}

Result<HttpResponse> Logout(const CoreState* s, const HttpRequest& req) {
  std::string token = req.Cookie(Dispatcher::kSessionCookie);
  if (!token.empty()) s->security->Logout(token);
  HttpResponse r = HttpResponse::Json(R"({"status":"ok"})");
  r.headers.emplace_back("Set-Cookie", std::string(Dispatcher::kSessionCookie) + "=; Path=/; Max-Age=0");
  return r;
}

// POST /api/admin/keys {"user", "rate_per_sec", "burst", "daily_quota"}: a key acting as `user`.
Result<HttpResponse> CreateKey(const CoreState* s, const HttpRequest& req, const RequestContext& ctx) {
  auto j = JsonBody(req);
  if (!j.ok()) return j.status();
  std::string user = Str(*j, "user");
  if (user.empty()) return Status::InvalidArgument("body needs \"user\" (the key acts as that user)");
  KeyLimits limits;
  auto num = [&](const char* k, double* v) -> Status {
    if (!j->contains(k)) return Status::Ok();
    if (!(*j)[k].is_number() || (*j)[k].get<double>() < 0) return Status::InvalidArgument(std::string(k) + " must be a number ≥ 0");
    *v = (*j)[k].get<double>();
    return Status::Ok();
  };
  double quota = static_cast<double>(limits.daily_quota);
  TP_RETURN_IF_ERROR(num("rate_per_sec", &limits.rate_per_sec));
  TP_RETURN_IF_ERROR(num("burst", &limits.burst));
  TP_RETURN_IF_ERROR(num("daily_quota", &quota));
  limits.daily_quota = static_cast<int64_t>(quota);
  if (limits.burst < 1) return Status::InvalidArgument("burst must be ≥ 1");
  auto key = s->security->CreateApiKey(user, limits, ctx.principal.name);
  if (!key.ok()) return key.status();
  std::string out;
  JsonWriter w(&out);
  w.BeginObject();
  w.Field("key", *key);
  w.Field("key_id", key->substr(4, 12));
  w.Field("user", user);
  w.Key("rate_per_sec");
  w.Double(limits.rate_per_sec, 3);
  w.Key("burst");
  w.Double(limits.burst, 3);
  w.FieldInt("daily_quota", limits.daily_quota);
  w.EndObject();
  return HttpResponse::Json(std::move(out), 201);
}

Result<HttpResponse> ListKeys(const CoreState* s) {
  std::string out;
  JsonWriter w(&out);
  w.BeginObject();
  w.Key("items");
  w.BeginArray();
  for (const auto& k : s->security->ListApiKeys()) {
    Caller c;
    c.key_id = k.key_id;
    auto usage = s->limiter->UsageOf(c.LimiterId());
    w.BeginObject();
    w.Field("key_id", k.key_id);
    w.Field("user", k.user);
    w.Field("created_at", k.created_at);
    w.Key("revoked");
    w.Bool(k.revoked);
    w.Key("rate_per_sec");
    w.Double(k.limits.rate_per_sec, 3);
    w.Key("burst");
    w.Double(k.limits.burst, 3);
    w.FieldInt("daily_quota", k.limits.daily_quota);
    w.FieldInt("used_today", usage.today);
    w.EndObject();
  }
  w.EndArray();
  w.EndObject();
  return HttpResponse::Json(std::move(out));
}

Result<HttpResponse> EndpointTable(const CoreState* s) {
  std::string out;
  JsonWriter w(&out);
  w.BeginObject();
  w.Key("items");
  w.BeginArray();
  const auto& eps = s->registry->endpoints();
  for (size_t i = 0; i < eps.size(); ++i) {
    const Endpoint& e = eps[i];
    auto st = s->dispatcher ? s->dispatcher->stats().Snapshot(i) : EndpointStats::Row{};
    w.BeginObject();
    w.Field("name", e.name);
    w.Field("method", e.method);
    w.Field("path", e.path);
    w.Field("module", e.module);
    w.Field("grade", security::GradeName(e.grade));
    w.Key("redacted");
    w.Bool(e.redacted);
    w.Field("access", AccessName(e.access));
    w.Field("summary", e.summary);
    w.FieldInt("calls", static_cast<int64_t>(st.calls));
    w.FieldInt("errors", static_cast<int64_t>(st.client_errors + st.server_errors));
    w.FieldInt("client_errors", static_cast<int64_t>(st.client_errors));
    w.FieldInt("server_errors", static_cast<int64_t>(st.server_errors));
    w.FieldInt("rate_limited", static_cast<int64_t>(st.rate_limited));
    w.Key("p50_ms");
    w.Double(st.p50_ms, 3);
    w.Key("p99_ms");
    w.Double(st.p99_ms, 3);
    w.Key("mean_ms");
    w.Double(st.mean_ms, 3);
    w.Key("max_ms");
    w.Double(st.max_ms, 3);
    w.EndObject();
  }
  w.EndArray();
  if (s->security) {  // the group commit of audited reads (docs/security.md "Group commit")
    auto a = s->security->AuditWriterStats();
    w.Key("audit_writer");
    w.BeginObject();
    w.FieldInt("batches", a.batches);
    w.FieldInt("records", a.records);
    w.FieldInt("failed", a.failed);
    w.FieldInt("max_batch", a.max_batch);
    w.Key("mean_batch");
    w.Double(a.batches ? static_cast<double>(a.records + a.failed) / static_cast<double>(a.batches) : 0.0, 1);
    w.FieldInt("queued", a.queued);
    w.FieldInt("committing", a.committing);
    w.EndObject();
  }
  w.EndObject();
  return HttpResponse::Json(std::move(out));
}

}  // namespace

Status RegisterAuthEndpoints(EndpointRegistry* reg, const CoreState* s) {
  TP_RETURN_IF_ERROR(reg->Add({"auth.login", "POST", "/api/login", "auth", Grade::kGeneral1, Access::kPublic,
                               "登录 / log in: sets the tp_session cookie",
                               {{"body", "body", "object", "{\"user\": \"admin\", \"password\": \"...\"}", true}}, false,
                               [s](const HttpRequest& r, const RequestContext&) { return Login(s, r); }}));
  TP_RETURN_IF_ERROR(reg->Add({"auth.logout", "POST", "/api/logout", "auth", Grade::kGeneral1, Access::kUser,
                               "退出 / log out", {}, false,
                               [s](const HttpRequest& r, const RequestContext&) { return Logout(s, r); }}));
  TP_RETURN_IF_ERROR(reg->Add({"auth.me", "GET", "/api/me", "auth", Grade::kGeneral1, Access::kUser,
                               "当前用户 / the calling principal", {}, false,
                               [](const HttpRequest&, const RequestContext& c) -> Result<HttpResponse> {
                                 std::string out;
                                 JsonWriter w(&out);
                                 w.BeginObject();
                                 WritePrincipal(w, c.principal);
                                 w.EndObject();
                                 return HttpResponse::Json(std::move(out));
                               }}));
  TP_RETURN_IF_ERROR(reg->Add({"admin.keys.create", "POST", "/api/admin/keys", "admin", Grade::kGeneral2,
                               Access::kAdmin, "签发 API 密钥 / issue an API key acting as a user (returned once)",
                               {{"body", "body", "object",
                                 "{\"user\", \"rate_per_sec\", \"burst\", \"daily_quota\"}", true}},
                               false, [s](const HttpRequest& r, const RequestContext& c) { return CreateKey(s, r, c); }}));
  TP_RETURN_IF_ERROR(reg->Add({"admin.keys.revoke", "DELETE", "/api/admin/keys/{key_id}", "admin", Grade::kGeneral2,
                               Access::kAdmin, "吊销 API 密钥 / revoke an API key",
                               {{"key_id", "path", "string", "12 hex digits", true}}, false,
                               [s](const HttpRequest& r, const RequestContext& c) -> Result<HttpResponse> {
                                 TP_RETURN_IF_ERROR(s->security->RevokeApiKey(r.path_params.at("key_id"), c.principal.name));
                                 return HttpResponse::Json(R"({"status":"revoked"})");
                               }}));
  TP_RETURN_IF_ERROR(reg->Add({"admin.keys.list", "GET", "/api/admin/keys", "admin", Grade::kGeneral2,
                               Access::kAdmin, "API 密钥与用量 / API keys and today's usage", {}, false,
                               [s](const HttpRequest&, const RequestContext&) { return ListKeys(s); }}));
  return Status::Ok();
}

Status RegisterAdminEndpoints(EndpointRegistry* reg, const CoreState* s) {
  TP_RETURN_IF_ERROR(reg->Add({"admin.endpoints", "GET", "/api/admin/endpoints", "admin", Grade::kGeneral2,
                               Access::kAdmin, "接口管理 / every endpoint with calls, errors, p50/p99 latency", {},
                               false, [s](const HttpRequest&, const RequestContext&) { return EndpointTable(s); }}));
  TP_RETURN_IF_ERROR(reg->Add({"openapi", "GET", "/api/openapi.json", "system", Grade::kGeneral1, Access::kPublic,
                               "OpenAPI 3 文档 / this API described", {}, false,
                               [s](const HttpRequest&, const RequestContext&) -> Result<HttpResponse> {
                                 std::call_once(s->openapi_once,
                                                [s] { s->openapi_json = OpenApiJson(*s->registry, s->version); });
                                 return HttpResponse::Json(s->openapi_json);
                               }}));
  return Status::Ok();
}

}  // namespace tianping::service
