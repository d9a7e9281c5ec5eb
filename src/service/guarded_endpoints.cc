// cases.get, parties.get: the store's personal-data lookups through security::GuardedStore.
#include "tianping/service/guarded_endpoints.h"

#include "tianping/common/json_writer.h"
#include "tianping/common/money.h"
#include "tianping/security/guarded_store.h"
#include "tianping/service/pagination.h"

namespace tianping::service {
namespace {

Result<HttpResponse> GetCase(const GuardedState* s, const HttpRequest& req, const RequestContext& ctx) {
  auto snap = s->store->Current();
  if (!snap.ok()) return snap.status();
  security::GuardedStore store(**snap, *s->guard, ctx.principal, AuditAs(s->security, ctx));
  auto view = store.ReadCase(req.path_params.at("id"));
  if (!view.ok()) return view.status();
  return HttpResponse::Json(security::CaseViewJson(*view));
}

// A count as shown to the reader: the number, or null when suppressed (min_cell says below what).
void Count(JsonWriter& w, const security::GuardedStore& store, const char* key, int64_t n) {
  w.Key(key);
  if (auto shown = store.guard().SuppressCell(store.reader(), n)) w.Int(*shown);
  else w.Null();
}

void Amount(JsonWriter& w, const security::GuardedStore& store, const Case& stored, const char* key,
            const char* field, int64_t fen) {
  w.Key(key);
  if (auto shown = store.AmountShown(stored, field, fen)) w.String(FormatYuanFixed(*shown));
  else w.Null();
}

Result<HttpResponse> GetParty(const GuardedState* s, const HttpRequest& req, const RequestContext& ctx) {
  auto q = req.Param("q");
  if (!q || q->empty()) return Status::InvalidArgument("missing parameter q (name, 公民身份号码 or 统一社会信用代码)");
  auto page = ParsePage(req);
  if (!page.ok()) return page.status();
  auto snap = s->store->Current();
  if (!snap.ok()) return snap.status();
  // The answer depends on the snapshot, the query, the page and the caller's role, scope, clearance and
  // judge id — not on the user — so equal callers share it; its audit record is appended for every hit.
  std::string key;
  if (s->party_answers) {
    key = std::to_string((*snap)->info().id) + '\n' + *q + '\n' + std::to_string(page->page) + '\n' +
          std::to_string(page->page_size) + '\n' + ScopeCacheKey(ctx.principal);
    if (auto hit = s->party_answers->Get(key)) {
      for (const auto& a : hit->audits) TP_RETURN_IF_ERROR(AuditFor(s->security, ctx, a.action, a.object, a.rows, a.detail));
      return ResponseCache::Respond(*hit, req, /*revalidate=*/false);
    }
  }
  std::vector<security::AuditEntry> audited;  // what this lookup recorded, for the cached answer
  security::GuardedStore store(**snap, *s->guard, ctx.principal,
                               [&](const std::string& action, const std::string& object, int64_t rows,
                                   const std::string& detail) {
                                 audited.push_back({"", action, object, rows, detail});
                                 return AuditFor(s->security, ctx, action, object, rows, detail);
                               });
  auto prof = store.ReadParty(*q);
  if (!prof.ok()) return prof.status();
  const auto& rows = prof->rows;
  std::string out;
  JsonWriter w(&out);
  w.BeginObject();
  w.Field("query", *q);
  w.Field("kind", prof->kind_name);
  w.FieldInt("snapshot", static_cast<int64_t>((*snap)->info().id));
  w.FieldInt("min_cell", security::SpecOf(ctx.principal.role).min_cell);
  w.Key("suppressed");
  w.Bool(prof->suppressed);
  if (prof->suppressed) {
    w.Key("total");
    w.Null();
  } else {
    Count(w, store, "total", static_cast<int64_t>(rows.size()));
  }
  w.Key("by_role");
  w.BeginObject();
  for (const auto& [role, n] : prof->by_role) Count(w, store, role.c_str(), n);
  w.EndObject();
  Count(w, store, "pending_executions", prof->pending);
  w.Key("pending_applied_yuan");
  if (!rows.empty() && store.AmountShown(rows.front().stored, "execution.applied_amount", 0)) {
    w.String(FormatYuanFixed(prof->pending_applied));
  } else {
    w.Null();
  }
  w.FieldInt("page", static_cast<int64_t>(page->page));
  w.FieldInt("page_size", static_cast<int64_t>(page->page_size));
  w.Key("items");
  w.BeginArray();
  for (size_t i = page->offset(); i < rows.size() && i < page->offset() + page->page_size; ++i) {
    const Case& c = rows[i].shown;
    const Case& stored = rows[i].stored;
    w.BeginObject();
    w.Field("case_number", c.case_number);
    w.Field("case_id", c.case_id);
    w.Field("court_name", c.court_name);
    w.Field("role", rows[i].role);
    w.Field("category", c.category);
    w.Field("cause_name", c.cause_name);
    w.Field("filed_date", c.filed_date.ToString());
    w.Field("closed_date", c.closed_date ? c.closed_date->ToString() : "");
    w.Field("closure_method", c.closure_method);
    Amount(w, store, stored, "claim_yuan", "case.claim_amount", c.claim_amount);
    Amount(w, store, stored, "awarded_yuan", "case.awarded_amount", c.awarded_amount);
    w.Key("pending_execution");
    w.Bool(rows[i].pending_execution);
    if (c.execution) {
      Amount(w, store, stored, "applied_yuan", "execution.applied_amount", c.execution->applied_amount);
      Amount(w, store, stored, "recovered_yuan", "execution.recovered_amount", c.execution->recovered_amount);
    }
    w.EndObject();
  }
  w.EndArray();
  w.EndObject();
  auto answer = HttpResponse::Json(std::move(out));
  if (key.empty()) return answer;
  return ResponseCache::Respond(*s->party_answers->Put(key, answer, 0, std::move(audited)), req, /*revalidate=*/false);
}

}  // namespace

Status AuditFor(SecurityService* security, const RequestContext& ctx, const std::string& action,
                const std::string& object, int64_t rows, const std::string& detail) {
  if (ctx.deferred_audits) {
    ctx.deferred_audits->push_back(security::AuditEntry{ctx.principal.name, action, object, rows, detail});
    return Status::Ok();
  }
  return security->Audit(ctx.principal.name, action, object, rows, detail);
}

security::AuditSink AuditAs(SecurityService* security, const RequestContext& ctx) {
  return [security, &ctx](const std::string& action, const std::string& object, int64_t rows,
                          const std::string& detail) { return AuditFor(security, ctx, action, object, rows, detail); };
}

Status RegisterGuardedEndpoints(EndpointRegistry* reg, const GuardedState* s) {
  Endpoint get_case{"cases.get", "GET", "/api/cases/{id}", "store", Grade::kCore, Access::kUser,
                    "案件全貌：审级链、文书，按权限脱敏 / a case with its proceeding chain, redacted for the caller",
                    {{"id", "path", "string", "案号 or case id (case ids only for roles that may see them)", true}},
                    false, [s](const HttpRequest& r, const RequestContext& c) { return GetCase(s, r, c); }};
  get_case.redacted = true;
  TP_RETURN_IF_ERROR(reg->Add(std::move(get_case)));
  Endpoint get_party{"parties.get", "GET", "/api/parties", "store", Grade::kImportant, Access::kUser,
                     "当事人画像：范围内全部案件 / a party's cases within the caller's scope",
                     {{"q", "query", "string", "姓名/名称, 公民身份号码 or 统一社会信用代码", true}},
                     true, [s](const HttpRequest& r, const RequestContext& c) { return GetParty(s, r, c); }};
  get_party.redacted = true;
  TP_RETURN_IF_ERROR(reg->Add(std::move(get_party)));
  return Status::Ok();
}

}  // namespace tianping::service
