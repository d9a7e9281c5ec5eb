// documents.get, documents.check, cases.crosscheck — judgment documents (裁判文书), the document checker
// (文书纠错, src/text/doc_check) and the document ↔ case-record cross-check (src/text/crosscheck).
#include <map>
#include <nlohmann/json.hpp>

#include "data_scope.h"
#include "tianping/security/access_guard.h"
#include "tianping/common/json_writer.h"
#include "tianping/service/analytics_endpoints.h"
#include "tianping/text/crosscheck.h"
#include "tianping/text/extract.h"
#include "tianping/text/judgment.h"

namespace tianping::service {
namespace {

void WriteFindings(JsonWriter& w, const std::vector<text::DocFinding>& findings, std::string_view text, std::string* out) {
  w.Key("findings");
  w.BeginArray();
  for (size_t i = 0; i < findings.size(); ++i) {
    if (i) out->push_back(',');
    text::AppendFindingJson(findings[i], text, out);
  }
  w.EndArray();
  std::map<std::string, int64_t> by_kind;
  for (const auto& f : findings) ++by_kind[f.kind];
  w.Key("by_kind");
  w.BeginObject();
  for (const auto& [k, n] : by_kind) w.FieldInt(std::string(text::DocCheckLabel(k)), n);
  w.EndObject();
}

Result<HttpResponse> GetDocument(const AnalyticsState* s, const HttpRequest& req, const RequestContext& ctx) {
  auto snap = StoreOf(*s);
  if (!snap.ok()) return snap.status();
  const std::string& id = req.path_params.at("doc_id");
  auto d = (*snap)->FindDocument(id);
  if (!d.ok()) return d.status();
  if (!*d) return Status::NotFound("document " + id + " not found");
  auto c = FetchCase(*s, ctx, (*d)->case_id);
  if (!c.ok()) {  // a document of an invisible case is itself invisible
    if (c.status().code() == Status::Code::kNotFound) return Status::NotFound("document " + id + " not found");
    return c.status();
  }
  TP_RETURN_IF_ERROR(AuditRead(*s, ctx, "document " + id, 1, "http documents.get"));
  Document shown = ShowDocument(*s, ctx, c->original, **d);
  bool check = req.Param("check").value_or("") == "1";
  std::string out;
  JsonWriter w(&out);
  w.BeginObject();
  w.Field("doc_id", shown.doc_id);
  w.Field("case_id", shown.case_id);
  w.Field("case_number", c->shown.case_number);
  w.Field("kind", shown.kind);
  w.Field("title", shown.title);
  w.Field("text", shown.text);
  if (check && s->checker) {
    text::DocHints hints{c->original.procedure};
    WriteFindings(w, s->checker->Check(shown.text, &hints), shown.text, &out);
  }
  w.EndObject();
  return HttpResponse::Json(std::move(out));
}

Result<HttpResponse> CheckDocument(const AnalyticsState* s, const HttpRequest& req) {
  if (!s->checker) return Status::FailedPrecondition("document checker unavailable: " + s->checker_status.message());
  std::string text;
  text::DocHints hints;
  if (req.Header("content-type").rfind("application/json", 0) == 0) {
    auto j = nlohmann::json::parse(req.body, nullptr, false);
    if (j.is_discarded() || !j.is_object() || !j.contains("text") || !j["text"].is_string())
      return Status::InvalidArgument("body must be a JSON object {\"text\": \"...\", \"procedure\": \"简易程序\"}");
    text = j["text"].get<std::string>();
    if (j.contains("procedure") && j["procedure"].is_string()) hints.procedure = j["procedure"].get<std::string>();
  } else {
    text = req.body;
  }
  if (text.empty()) return Status::InvalidArgument("empty text");
  auto findings = s->checker->Check(text, &hints);
  std::string out;
  JsonWriter w(&out);
  w.BeginObject();
  w.FieldInt("chars", static_cast<int64_t>(text.size()));
  w.FieldInt("count", static_cast<int64_t>(findings.size()));
  WriteFindings(w, findings, text, &out);
  w.EndObject();
  return HttpResponse::Json(std::move(out));
}

Result<HttpResponse> CrossCheckCase(const AnalyticsState* s, const HttpRequest& req, const RequestContext& ctx) {
  const std::string& id = req.path_params.at("id");
  // By case id, like GET /api/cases/{id}: only for roles that may see case ids (others get 404 as for a
  // missing case, so the answer reveals nothing).
  if (!s->guarded->guard->CheckFilter(ctx.principal, "case.case_id").ok()) return security::AccessGuard::NotFound("case", id);
  auto c = FetchCase(*s, ctx, id);
  if (!c.ok()) return c.status();
  auto snap = StoreOf(*s);
  if (!snap.ok()) return snap.status();
  auto docs = (*snap)->DocumentsOfCase(id);
  if (!docs.ok()) return docs.status();
  std::string out;
  JsonWriter w(&out);
  w.BeginObject();
  w.Field("case_id", id);
  w.Field("case_number", c->shown.case_number);
  w.Key("documents");
  w.BeginArray();
  int64_t total = 0;
  TP_RETURN_IF_ERROR(AuditRead(*s, ctx, "case " + id, 1, "http cases.crosscheck"));
  for (const auto& d : *docs) {
    text::ParsedJudgment j = text::ParseJudgment(d.text);
    text::ExtractedFacts f = text::ExtractFacts(d.text, j);
    auto mismatches = text::CrossCheck(c->original, d, j, f);
    total += static_cast<int64_t>(mismatches.size());
    w.BeginObject();
    w.Field("doc_id", d.doc_id);
    w.Field("kind", d.kind);
    w.Key("mismatches");
    w.BeginArray();
    for (const auto& m : mismatches) {
      w.BeginObject();
      w.Field("field", m.field);
      w.Field("structured", ShowText(*s, ctx, c->original, m.structured));
      w.Field("document", ShowText(*s, ctx, c->original, m.document));
      w.EndObject();
    }
    w.EndArray();
    w.EndObject();
  }
  w.EndArray();
  w.FieldInt("mismatches", total);
  w.EndObject();
  return HttpResponse::Json(std::move(out));
}

}  // namespace

Status RegisterDocumentEndpoints(EndpointRegistry* registry, AnalyticsSource source) {
  Endpoint get{"documents.get", "GET", "/api/documents/{doc_id}", "documents", Grade::kCore, Access::kUser,
               "裁判文书 / one judgment document as the caller may see it (check=1 adds the checker's findings)",
               {{"doc_id", "path", "string", "文书编号", true}, {"check", "query", "integer", "1: run the document checker on it"}},
               false, [source](const HttpRequest& r, const RequestContext& c) { return GetDocument(source().get(), r, c); }};
  get.redacted = true;
  TP_RETURN_IF_ERROR(registry->Add(std::move(get)));
  TP_RETURN_IF_ERROR(registry->Add({"documents.check", "POST", "/api/documents/check", "documents", Grade::kGeneral1,
                                    Access::kUser, "文书纠错 / check posted text: findings with spans",
                                    {{"body", "body", "object", "{\"text\": \"...\", \"procedure\": \"简易程序\"} or a plain-text body", true}},
                                    false, [source](const HttpRequest& r, const RequestContext&) { return CheckDocument(source().get(), r); }}));
  Endpoint cross{"cases.crosscheck", "GET", "/api/cases/{id}/crosscheck", "documents", Grade::kCore, Access::kUser,
                 "文书与案件信息比对 / a case's documents against its record", {{"id", "path", "string", "case id", true}},
                 false, [source](const HttpRequest& r, const RequestContext& c) { return CrossCheckCase(source().get(), r, c); }};
  cross.redacted = true;
  return registry->Add(std::move(cross));
}

}  // namespace tianping::service
