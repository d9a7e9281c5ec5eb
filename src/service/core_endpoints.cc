// health, ref.*, case_number.parse, text.segment.
#include <nlohmann/json.hpp>

#include "tianping/common/json_writer.h"
#include "tianping/model/case_number.h"
#include "tianping/service/core_endpoints.h"
#include "tianping/service/dispatcher.h"
#include "tianping/service/pagination.h"

namespace tianping::service {
namespace {

const char* LevelShort(CourtLevel level) {
  static const char* kNames[] = {"最高", "高级", "中级", "基层"};
  return kNames[static_cast<int>(level)];
}

bool Contains(const std::string& hay, const std::string& needle) {
  return needle.empty() || hay.find(needle) != std::string::npos;
}

Result<HttpResponse> Courts(const CoreState* s, const HttpRequest& req) {
  auto page = ParsePage(req);
  if (!page.ok()) return page.status();
  std::string province = req.Param("province").value_or(""), level_text = req.Param("level").value_or("");
  std::string kind = req.Param("kind").value_or(""), q = req.Param("q").value_or("");
  std::string parent = req.Param("parent").value_or("");
  CourtLevel level{};
  if (!level_text.empty() && !ParseCourtLevel(level_text, &level))
    return Status::InvalidArgument("unknown level '" + level_text + "' (最高 高级 中级 基层)");
  if (!province.empty() && !s->ref->FindProvince(province))
    return Status::InvalidArgument("unknown province '" + province + "' (use the abbreviation, e.g. 粤)");
  std::vector<const Court*> hits;
  for (const auto& c : s->ref->courts()) {
    if (!province.empty() && c.province != province) continue;
    if (!level_text.empty() && c.level != level) continue;
    if (!kind.empty() && c.kind != kind) continue;
    if (!parent.empty() && c.parent_code != parent) continue;
    if (!Contains(c.name, q) && !Contains(c.code, q)) continue;
    hits.push_back(&c);
  }
  return HttpResponse::Json(PagedJson(*page, hits.size(), [&](JsonWriter& w, size_t i) {
    const Court& c = *hits[i];
    w.BeginObject();
    w.Field("code", c.code);
    w.Field("name", c.name);
    w.Field("level", LevelShort(c.level));
    w.Field("province", c.province);
    w.Field("parent_code", c.parent_code);
    w.Field("division_code", c.division_code);
    w.Field("kind", c.kind);
    w.FieldInt("judges", c.judges);
    w.EndObject();
  }));
}

void WriteCourtBrief(JsonWriter& w, const Court& c) {
  w.BeginObject();
  w.Field("code", c.code);
  w.Field("name", c.name);
  w.Field("level", LevelShort(c.level));
  w.FieldInt("judges", c.judges);
  w.EndObject();
}

// One court with its chain of superior courts (SPC first) and its direct subordinates: the drill-down
// province → 中院 → 基层法院.
Result<HttpResponse> CourtDetail(const CoreState* s, const HttpRequest& req) {
  const std::string& code = req.path_params.at("code");
  const Court* c = s->ref->FindCourt(code);
  if (!c) return Status::NotFound("no court with code '" + code + "'");
  std::vector<const Court*> chain;
  for (const Court* p = s->ref->FindCourt(c->parent_code); p && chain.size() < 8; p = s->ref->FindCourt(p->parent_code))
    chain.insert(chain.begin(), p);
  std::string out;
  JsonWriter w(&out);
  w.BeginObject();
  w.Field("code", c->code);
  w.Field("name", c->name);
  w.Field("full_name", s->ref->FullCourtName(*c));
  w.Field("level", LevelShort(c->level));
  w.Field("province", c->province);
  w.Field("parent_code", c->parent_code);
  w.Field("division_code", c->division_code);
  w.Field("kind", c->kind);
  w.FieldInt("judges", c->judges);
  w.Key("superiors");
  w.BeginArray();
  for (const Court* p : chain) WriteCourtBrief(w, *p);
  w.EndArray();
  w.Key("children");
  w.BeginArray();
  for (const Court* k : s->ref->Children(c->code)) WriteCourtBrief(w, *k);
  w.EndArray();
  w.EndObject();
  return HttpResponse::Json(std::move(out));
}

Result<HttpResponse> Causes(const CoreState* s, const HttpRequest& req) {
  auto page = ParsePage(req);
  if (!page.ok()) return page.status();
  auto level = IntParam(req, "level", 0, 0, 4);
  if (!level.ok()) return level.status();
  std::string category = req.Param("category").value_or(""), q = req.Param("q").value_or("");
  if (!category.empty() && category != "民事" && category != "刑事" && category != "行政")
    return Status::InvalidArgument("unknown category '" + category + "' (民事 刑事 行政)");
  std::vector<const Cause*> hits;
  for (const auto& c : s->ref->causes()) {
    if (!category.empty() && c.category != category) continue;
    if (*level > 0 && c.level != *level) continue;
    if (!Contains(c.name, q)) continue;
    hits.push_back(&c);
  }
  return HttpResponse::Json(PagedJson(*page, hits.size(), [&](JsonWriter& w, size_t i) {
    const Cause& c = *hits[i];
    w.BeginObject();
    w.Field("code", c.code);
    w.Field("name", c.name);
    w.Field("category", c.category);
    w.FieldInt("level", c.level);
    w.Field("parent_code", c.parent_code);
    w.Key("high_risk");
    w.Bool(c.high_risk);
    w.EndObject();
  }));
}

Result<HttpResponse> Provinces(const CoreState* s) {
  std::string out;
  JsonWriter w(&out);
  w.BeginObject();
  w.Key("items");
  w.BeginArray();
  for (const auto& p : s->ref->provinces()) {
    w.BeginObject();
    w.Field("abbr", p.abbr);
    w.Field("name", p.name);
    w.Field("region", p.region);
    w.Field("division_prefix", p.division_prefix);
    w.EndObject();
  }
  w.EndArray();
  w.EndObject();
  return HttpResponse::Json(std::move(out));
}

Result<HttpResponse> ParseNumber(const CoreState* s, const HttpRequest& req) {
  auto q = req.Param("q");
  if (!q || q->empty()) return Status::InvalidArgument("missing parameter q (案号, e.g. （2023）京0105民初12345号)");
  CaseNumberError err;
  auto parsed = ParseCaseNumber(*q, &err);
  if (!parsed.ok()) {
    HttpResponse r = HttpResponse::Json("", 400);
    JsonWriter w(&r.body);
    w.BeginObject();
    w.Key("error");
    w.BeginObject();
    w.Field("code", "parse_error");
    w.Field("message", err.reason);
    w.FieldInt("position", static_cast<int64_t>(err.position));
    w.EndObject();
    w.EndObject();
    return r;
  }
  ParsedCaseNumber p = std::move(parsed).value();
  const ReferenceData* ref = s->ref;
  ResolveCourt(&p, [ref](std::string_view code) { return ref->ResolveCourtName(code); });
  std::string out;
  JsonWriter w(&out);
  w.BeginObject();
  w.Field("input", *q);
  WriteCaseNumberFields(p, &w);
  w.EndObject();
  return HttpResponse::Json(std::move(out));
}

Result<HttpResponse> Segment(const CoreState* s, const HttpRequest& req) {
  if (!s->segmenter) return s->segmenter_status.ok() ? Status::FailedPrecondition("segmenter not loaded") : s->segmenter_status;
  std::string text, mode_text = "exact";
  std::string ct = req.Header("content-type");
  if (ct.rfind("application/json", 0) == 0) {
    auto j = nlohmann::json::parse(req.body, nullptr, false);
    if (j.is_discarded() || !j.is_object() || !j.contains("text") || !j["text"].is_string())
      return Status::InvalidArgument("body must be a JSON object {\"text\": \"...\", \"mode\": \"exact|search|nohmm\"}");
    text = j["text"].get<std::string>();
    if (j.contains("mode") && j["mode"].is_string()) mode_text = j["mode"].get<std::string>();
  } else {
    text = req.body;
    mode_text = req.Param("mode").value_or("exact");
  }
  text::CutMode mode;
  if (mode_text == "exact") mode = text::CutMode::kExact;
  else if (mode_text == "search") mode = text::CutMode::kSearch;
  else if (mode_text == "nohmm") mode = text::CutMode::kExactNoHmm;
  else return Status::InvalidArgument("unknown mode '" + mode_text + "' (exact search nohmm)");
  auto words = s->segmenter->Cut(text, mode);
  std::string out;
  JsonWriter w(&out);
  w.BeginObject();
  w.Field("mode", mode_text);
  w.Key("words");
  w.BeginArray();
  for (auto word : words) w.String(word);
  w.EndArray();
  w.EndObject();
  return HttpResponse::Json(std::move(out));
}

}  // namespace

Status RegisterCoreEndpoints(EndpointRegistry* reg, const CoreState* s) {
  TP_RETURN_IF_ERROR(reg->Add({"health", "GET", "/api/health", "system", Grade::kGeneral1, Access::kPublic,
                               "健康检查 / liveness and version", {}, false,
                               [s](const HttpRequest&, const RequestContext&) -> Result<HttpResponse> {
                                 std::string out;
                                 JsonWriter w(&out);
                                 w.BeginObject();
                                 w.Field("status", "ok");
                                 w.Field("version", s->version);
                                 w.Key("dataset");
                                 w.Bool(s->dataset && s->dataset());
                                 if (s->served) {  // the served store snapshot (0: none); docs/api.md
                                   auto r = s->served->status();
                                   w.FieldInt("snapshot", static_cast<int64_t>(r.snapshot_id));
                                   w.Key("snapshot_reload_failing");
                                   w.Bool(r.failures > 0);
                                 }
                                 w.EndObject();
                                 return HttpResponse::Json(std::move(out));
                               }}));
  TP_RETURN_IF_ERROR(reg->Add(
      {"ref.courts", "GET", "/api/ref/courts", "ref", Grade::kGeneral1, Access::kUser, "法院列表 / courts",
       {{"province", "query", "string", "省份简称 province abbreviation, e.g. 粤"},
        {"level", "query", "string", "最高 高级 中级 基层"},
        {"kind", "query", "string", "普通 海事 知识产权 互联网 …"},
        {"parent", "query", "string", "上级法院代字 parent court code"},
        {"q", "query", "string", "名称或代字包含 name or code contains"}},
       true, [s](const HttpRequest& r, const RequestContext&) { return Courts(s, r); }}));
  TP_RETURN_IF_ERROR(reg->Add({"ref.court", "GET", "/api/ref/courts/{code}", "ref", Grade::kGeneral1,
                               Access::kUser, "法院详情：上级链与下级法院 / one court, its superiors and subordinates",
                               {{"code", "path", "string", "法院代字, e.g. 粤03", true}}, false,
                               [s](const HttpRequest& r, const RequestContext&) { return CourtDetail(s, r); }}));
  TP_RETURN_IF_ERROR(reg->Add(
      {"ref.causes", "GET", "/api/ref/causes", "ref", Grade::kGeneral1, Access::kUser, "案由与罪名 / causes",
       {{"category", "query", "string", "民事 刑事 行政"},
        {"level", "query", "integer", "层级 1–4"},
        {"q", "query", "string", "名称包含 name contains"}},
       true, [s](const HttpRequest& r, const RequestContext&) { return Causes(s, r); }}));
  TP_RETURN_IF_ERROR(reg->Add({"ref.provinces", "GET", "/api/ref/provinces", "ref", Grade::kGeneral1,
                               Access::kUser, "省份 / provinces (高院单位)", {}, false,
                               [s](const HttpRequest&, const RequestContext&) { return Provinces(s); }}));
  TP_RETURN_IF_ERROR(reg->Add({"case_number.parse", "GET", "/api/case-number", "model", Grade::kGeneral1,
                               Access::kUser, "案号解析 / parse a case number",
                               {{"q", "query", "string", "案号, e.g. （2023）京0105民初12345号", true}}, false,
                               [s](const HttpRequest& r, const RequestContext&) { return ParseNumber(s, r); }}));
  TP_RETURN_IF_ERROR(reg->Add({"text.segment", "POST", "/api/segment", "text", Grade::kGeneral1, Access::kUser,
                               "中文分词 / segment text (JSON {text, mode} or a plain-text body)",
                               {{"body", "body", "object", "{\"text\": \"...\", \"mode\": \"exact|search|nohmm\"}", true}},
                               false, [s](const HttpRequest& r, const RequestContext&) { return Segment(s, r); }}));
  // Reference data and 案号 parsing do not change while serving: answered from the response cache.
  for (const char* name : {"ref.courts", "ref.court", "ref.causes", "ref.provinces", "case_number.parse"})
    TP_RETURN_IF_ERROR(reg->SetCachePolicy(name, CachePolicy::kShared));
  return Status::Ok();
}

}  // namespace tianping::service
