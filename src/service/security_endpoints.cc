// catalog, audit.query, audit.verify, admin.users.*: the security module over HTTP.
#include <nlohmann/json.hpp>

#include "tianping/common/json_writer.h"
#include "tianping/security/catalog.h"
#include "tianping/security/masking.h"
#include "tianping/service/guarded_endpoints.h"
#include "tianping/service/pagination.h"

namespace tianping::service {
namespace {

Result<HttpResponse> CatalogList(const GuardedState* s, const HttpRequest& req) {
  security::CatalogQuery q;
  std::string grade = req.Param("grade").value_or(""), sharing = req.Param("sharing").value_or("");
  if (!grade.empty() && !(q.grade = security::ParseGrade(grade)))
    return Status::InvalidArgument("unknown grade '" + grade + "' (一般-1 … 一般-4 重要 核心)");
  if (!sharing.empty() && !(q.sharing = security::ParseSharing(sharing)))
    return Status::InvalidArgument("unknown sharing '" + sharing + "' (可共享 内部使用 不予公开)");
  q.sensitive_only = req.Param("sensitive").value_or("") == "true";
  std::string out;
  JsonWriter w(&out);
  w.BeginObject();
  w.Key("items");
  w.BeginArray();
  for (const security::CatalogEntry* e : s->guard->catalog().Select(q)) {
    w.BeginObject();
    w.Field("field", e->field);
    w.Field("category", e->category);
    w.Field("grade", security::GradeName(e->grade));
    w.Key("pipl_sensitive");
    w.Bool(e->pipl_sensitive);
    w.Field("sharing", security::SharingName(e->sharing));
    w.Field("mask", security::MaskRuleName(e->mask));
    w.Field("note", e->note);
    w.EndObject();
  }
  w.EndArray();
  w.EndObject();
  return HttpResponse::Json(std::move(out));
}

// GET /api/audit: records filtered like `tianping audit query`, paginated, with the read volume of each
// actor over the selection and the unusual ones flagged (`audit query --volumes`).
Result<HttpResponse> AuditQuery(const GuardedState* s, const HttpRequest& req, const RequestContext& ctx) {
  auto page = ParsePage(req);
  if (!page.ok()) return page.status();
  auto min_rows = IntParam(req, "min_rows", 1000, 0, INT64_MAX);
  if (!min_rows.ok()) return min_rows.status();
  double factor = 3.0;
  if (auto f = req.Param("factor")) {
    char* end = nullptr;
    factor = std::strtod(f->c_str(), &end);
    if (f->empty() || *end != '\0' || !(factor > 0)) return Status::InvalidArgument("factor must be a number > 0");
  }
  security::AuditFilter filter;
  filter.actor = req.Param("actor").value_or("");
  filter.action = req.Param("action").value_or("");
  filter.since = req.Param("since").value_or("");
  filter.until = req.Param("until").value_or("");
  auto recs = s->security->QueryAudit(filter);
  if (!recs.ok()) return recs.status();
  auto volumes = security::Volumes(*recs, factor, *min_rows);
  std::string out = PagedJson(*page, recs->size(), [&](JsonWriter& w, size_t i) {
    const auto& r = (*recs)[recs->size() - 1 - i];  // newest first
    w.BeginObject();
    w.FieldInt("seq", r.seq);
    w.Field("ts", r.ts);
    w.Field("actor", r.actor);
    w.Field("action", r.action);
    w.Field("object", r.object);
    w.FieldInt("rows", r.rows);
    w.Field("detail", security::MaskAuditDetail(r.detail));
    w.Field("hash", r.hash);
    w.EndObject();
  });
  out.pop_back();  // reopen the envelope to add the volumes
  JsonWriter w(&out);
  out += ",";
  w.Key("volumes");
  w.BeginArray();
  for (const auto& v : volumes) {
    w.BeginObject();
    w.Field("actor", v.actor);
    w.FieldInt("requests", v.requests);
    w.FieldInt("rows", v.rows);
    w.Key("flagged");
    w.Bool(v.flagged);
    w.EndObject();
  }
  w.EndArray();
  out += "}";
  TP_RETURN_IF_ERROR(AuditFor(s->security, ctx, "audit.query", "audit", 0,
                                        "actor=" + filter.actor + " action=" + filter.action + " http"));
  return HttpResponse::Json(std::move(out));
}

Result<HttpResponse> AuditVerify(const GuardedState* s, const RequestContext& ctx) {
  auto rep = s->security->VerifyAudit();
  if (!rep.ok()) return rep.status();
  std::string out;
  JsonWriter w(&out);
  w.BeginObject();
  w.Key("ok");
  w.Bool(rep->ok);
  w.FieldInt("records", rep->records);
  w.FieldInt("first_bad", rep->first_bad);
  w.Field("problem", rep->problem);
  w.Field("head_hash", rep->head_hash);
  w.EndObject();
  // Recorded after the check, so it never changes what was verified.
  TP_RETURN_IF_ERROR(AuditFor(s->security, ctx, "audit.verify", "audit", 0,
                                        (rep->ok ? "ok " : "broken ") + std::to_string(rep->records)));
  return HttpResponse::Json(std::move(out));
}

void WriteUser(JsonWriter& w, const security::Principal& p) {
  w.BeginObject();
  w.Field("name", p.name);
  w.Field("role", security::SpecOf(p.role).name);
  w.Field("role_label", security::SpecOf(p.role).label);
  w.Field("scope", p.scope.ToString());
  w.Field("clearance", security::GradeName(p.clearance));
  w.Field("judge_id", p.judge_id);
  w.EndObject();
}

Result<nlohmann::json> Body(const HttpRequest& req) {
  auto j = nlohmann::json::parse(req.body, nullptr, false);
  if (j.is_discarded() || !j.is_object()) return Status::InvalidArgument("request body must be a JSON object");
  return j;
}

std::string Str(const nlohmann::json& j, const char* k) {
  return j.contains(k) && j[k].is_string() ? j[k].get<std::string>() : std::string();
}

// Role, optional clearance and scope of a user body; errors name the field.
Status ParseRoleFields(const nlohmann::json& j, security::Role* role, std::optional<security::Grade>* clearance,
                       std::optional<security::CourtScope>* scope) {
  auto r = security::ParseRole(Str(j, "role"));
  if (!r) return Status::InvalidArgument("unknown role '" + Str(j, "role") + "' (tianping user roles lists them)");
  *role = *r;
  if (std::string g = Str(j, "clearance"); !g.empty()) {
    if (!(*clearance = security::ParseGrade(g))) return Status::InvalidArgument("unknown clearance '" + g + "'");
  }
  if (std::string sc = Str(j, "scope"); !sc.empty()) {
    auto parsed = security::CourtScope::Parse(sc);
    if (!parsed.ok()) return parsed.status();
    *scope = *parsed;
  }
  return Status::Ok();
}

Result<HttpResponse> AddUser(const GuardedState* s, const HttpRequest& req, const RequestContext& ctx) {
  auto j = Body(req);
  if (!j.ok()) return j.status();
  security::NewUser u;
  u.name = Str(*j, "name");
  u.password = Str(*j, "password");
  u.judge_id = Str(*j, "judge_id");
  std::optional<security::CourtScope> scope;
  TP_RETURN_IF_ERROR(ParseRoleFields(*j, &u.role, &u.clearance, &scope));
  u.scope = scope.value_or(*security::CourtScope::Parse("nation"));
  TP_RETURN_IF_ERROR(s->security->AddUser(u, ctx.principal.name));
  HttpResponse r = HttpResponse::Json("", 201);
  JsonWriter w(&r.body);
  for (const auto& p : s->security->ListUsers())
    if (p.name == u.name) WriteUser(w, p);
  return r;
}

Result<HttpResponse> SetRole(const GuardedState* s, const HttpRequest& req, const RequestContext& ctx) {
  auto j = Body(req);
  if (!j.ok()) return j.status();
  security::Role role;
  std::optional<security::Grade> clearance;
  std::optional<security::CourtScope> scope;
  TP_RETURN_IF_ERROR(ParseRoleFields(*j, &role, &clearance, &scope));
  const std::string& name = req.path_params.at("name");
  TP_RETURN_IF_ERROR(s->security->SetRole(name, role, clearance, scope, ctx.principal.name));
  std::string out;
  JsonWriter w(&out);
  for (const auto& p : s->security->ListUsers())
    if (p.name == name) WriteUser(w, p);
  return HttpResponse::Json(std::move(out));
}

}  // namespace

Status RegisterSecurityEndpoints(EndpointRegistry* reg, const GuardedState* s) {
  TP_RETURN_IF_ERROR(reg->Add({"catalog.list", "GET", "/api/catalog", "security", Grade::kGeneral1, Access::kUser,
                               "数据目录：字段、分级、共享类别、脱敏规则 / the data catalog",
                               {{"grade", "query", "string", "一般-1 … 一般-4 重要 核心"},
                                {"sharing", "query", "string", "可共享 内部使用 不予公开"},
                                {"sensitive", "query", "boolean", "true: only PIPL-sensitive fields"}},
                               false, [s](const HttpRequest& r, const RequestContext&) { return CatalogList(s, r); }}));
  TP_RETURN_IF_ERROR(reg->Add({"audit.query", "GET", "/api/audit", "security", Grade::kGeneral2, Access::kAdmin,
                               "审计日志查询与异常读取量 / audit records (newest first) and unusual read volumes",
                               {{"actor", "query", "string", "user, key:<id> or local:<os user>"},
                                {"action", "query", "string", "request read read.notfound login denied user.add …"},
                                {"since", "query", "string", "UTC ISO 8601 (prefixes work: 2026-11-29)"},
                                {"until", "query", "string", "UTC ISO 8601"},
                                {"factor", "query", "number", "flag actors reading > factor × the others' median (3)"},
                                {"min_rows", "query", "integer", "and at least this many rows (1000)"}},
                               true, [s](const HttpRequest& r, const RequestContext& c) { return AuditQuery(s, r, c); }}));
  TP_RETURN_IF_ERROR(reg->Add({"audit.verify", "GET", "/api/audit/verify", "security", Grade::kGeneral2, Access::kAdmin,
                               "审计日志哈希链校验 / verify the audit log's hash chain", {}, false,
                               [s](const HttpRequest&, const RequestContext& c) { return AuditVerify(s, c); }}));
  TP_RETURN_IF_ERROR(reg->Add({"admin.users.list", "GET", "/api/admin/users", "admin", Grade::kGeneral2, Access::kAdmin,
                               "用户列表 / users with role, scope and clearance", {}, false,
                               [s](const HttpRequest&, const RequestContext&) -> Result<HttpResponse> {
                                 std::string out;
                                 JsonWriter w(&out);
                                 w.BeginObject();
                                 w.Key("items");
                                 w.BeginArray();
                                 for (const auto& p : s->security->ListUsers()) WriteUser(w, p);
                                 w.EndArray();
                                 w.EndObject();
                                 return HttpResponse::Json(std::move(out));
                               }}));
  TP_RETURN_IF_ERROR(reg->Add({"admin.users.add", "POST", "/api/admin/users", "admin", Grade::kGeneral2, Access::kAdmin,
                               "新增用户 / add a user (as tianping user add)",
                               {{"body", "body", "object",
                                 "{\"name\", \"password\" (≥ 8 bytes), \"role\", \"scope\": \"nation|province:粤|court:京0105\", "
                                 "\"clearance\", \"judge_id\"}", true}},
                               false, [s](const HttpRequest& r, const RequestContext& c) { return AddUser(s, r, c); }}));
  TP_RETURN_IF_ERROR(reg->Add({"admin.users.role", "POST", "/api/admin/users/{name}/role", "admin", Grade::kGeneral2,
                               Access::kAdmin, "变更角色、密级、范围 / change a user's role, clearance or scope",
                               {{"name", "path", "string", "user name", true},
                                {"body", "body", "object", "{\"role\", \"clearance\", \"scope\"}", true}},
                               false, [s](const HttpRequest& r, const RequestContext& c) { return SetRole(s, r, c); }}));
  return Status::Ok();
}

}  // namespace tianping::service
