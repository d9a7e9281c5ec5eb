// indicators.query, indicators.catalog, tags.list — the indicator engine (src/analytics) behind HTTP.
#include <cmath>

#include "data_scope.h"
#include "tianping/analytics/definition_store.h"
#include "tianping/analytics/engine.h"
#include "tianping/analytics/query_text.h"
#include "tianping/common/json_writer.h"
#include "tianping/security/guarded_aggregates.h"
#include "tianping/service/analytics_endpoints.h"

namespace tianping::service {
namespace {

void WriteDef(JsonWriter& w, const analytics::IndicatorDef& d) {
  w.BeginObject();
  w.Field("id", d.id);
  w.Field("name", d.name);
  w.Field("category", d.category);
  w.Field("unit", d.unit);
  w.Field("numerator", d.numerator);
  w.Field("denominator", d.denominator);
  w.Field("filter", d.filter);
  w.Key("scale");
  w.Double(d.scale, 4);
  w.Key("range_low");
  if (d.range_low) w.Double(*d.range_low, 4); else w.Null();
  w.Key("range_high");
  if (d.range_high) w.Double(*d.range_high, 4); else w.Null();
  w.Field("description", d.description);
  w.FieldInt("version", d.version);
  w.EndObject();
}

Status NeedFrame(const AnalyticsState* s) {
  if (!s->frame) return Status::FailedPrecondition(s->frame_status.message());
  return Status::Ok();
}

std::string MonthText(Date d) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02d", d.year(), d.month());
  return buf;
}

// One cell as shown to the caller. Cells blanked by security::SuppressIndicatorCells (a small numerator or
// denominator for the caller's role) have a NaN numerator and are shown as suppressed.
void WriteCell(JsonWriter& w, const DataScope& scope, const analytics::IndicatorDef& d, const analytics::IndicatorCell& c) {
  w.BeginObject();
  w.Field("id", d.id);
  bool suppressed = std::isnan(c.numerator);
  w.Key("suppressed");
  w.Bool(suppressed);
  w.Key("value");
  if (suppressed || std::isnan(c.value)) w.Null(); else w.Double(c.value, 4);
  w.Key("numerator");
  if (suppressed) w.Null(); else w.Double(c.numerator, 2);
  w.Key("denominator");
  if (suppressed || !c.has_denominator) w.Null(); else w.Double(c.denominator, 2);
  w.Key("in_range");
  if (suppressed || !c.in_range) w.Null(); else w.Bool(*c.in_range);
  std::string display = "<";  // (not "<" + …: GCC 12 raises a false -Wrestrict there)
  if (suppressed) display += std::to_string(scope.min_cell); else display = analytics::FormatValue(d, c.value);
  w.Field("display", display);
  w.EndObject();
}

Result<HttpResponse> Indicators(const AnalyticsState* s, const HttpRequest& req, const RequestContext& ctx) {
  TP_RETURN_IF_ERROR(NeedFrame(s));
  auto scope = ScopeOf(*s, ctx);
  if (!scope.ok()) return scope.status();
  analytics::IndicatorQuery q;
  q.tags = &*s->tags;
  q.from = s->default_from;
  q.to = s->default_to;
  if (auto v = req.Param("from"); v && !v->empty()) {
    auto d = analytics::ParseMonth(*v, false);
    if (!d.ok()) return d.status().WithContext("from: ");
    q.from = *d;
  }
  if (auto v = req.Param("to"); v && !v->empty()) {
    auto d = analytics::ParseMonth(*v, true);
    if (!d.ok()) return d.status().WithContext("to: ");
    q.to = *d;
  }
  if (q.to < q.from) return Status::InvalidArgument("to is before from");
  q.by = analytics::SplitList(req.Param("by").value_or(""));
  q.where = req.Param("where").value_or("");
  std::string drill = req.Param("drill").value_or("");
  std::string drill_level = "province";
  if (!drill.empty()) {
    TP_RETURN_IF_ERROR(analytics::ApplyDrill(drill, &q));
    drill_level = q.by.front();
  } else if (q.by.empty()) {
    q.by = {"province"};
  }
  if (!scope->where.empty()) q.where = q.where.empty() ? scope->where : "(" + q.where + ") and (" + scope->where + ")";

  std::vector<std::string> names = analytics::SplitList(req.Param("names").value_or(""));
  if (names.size() > 64) return Status::InvalidArgument("names: at most 64 indicators per request");
  std::vector<analytics::IndicatorDef> user_defs;
  user_defs.reserve(names.size());
  std::unique_ptr<analytics::DefinitionStore> store;
  if (names.empty()) for (const auto& d : s->indicators.all()) q.indicators.push_back(&d);
  for (const auto& n : names) {
    if (const auto* d = s->indicators.Find(n)) { q.indicators.push_back(d); continue; }
    if (!store) {
      auto st = analytics::DefinitionStore::Open(s->data_dir);
      if (!st.ok()) return st.status();
      store = std::move(st).value();
    }
    auto d = store->Get(n);
    if (!d.ok()) return Status::NotFound("unknown indicator '" + n + "' (GET /api/indicators/catalog lists them)");
    user_defs.push_back(std::move(d).value());
    q.indicators.push_back(&user_defs.back());
  }
  auto t = analytics::EvaluateIndicators(*s->frame, q);
  if (!t.ok()) return t.status();
  security::SuppressIndicatorCells(*s->guarded->guard, ctx.principal, &*t);  // rule 5, as the CLI does

  std::string out;
  JsonWriter w(&out);
  w.BeginObject();
  w.FieldInt("snapshot", static_cast<int64_t>(s->snapshot_id));
  w.Field("asof", s->asof.ToString());
  w.Field("from", MonthText(q.from));
  w.Field("to", MonthText(q.to));
  w.Field("scope", scope->nation ? "nation" : "scoped");
  w.FieldInt("min_cell", scope->min_cell);
  w.Key("dims");
  w.BeginArray();
  for (const auto& d : t->dims) w.String(d);
  w.EndArray();
  // The level rows are grouped by and the level a click on a row drills to ("" at the bottom).
  std::string level = t->dims.empty() ? "" : t->dims.front();
  bool drillable = !analytics::NextDrillLevel(level).empty() && (drill.empty() || level == drill_level);
  w.Field("level", level);
  w.Field("next_level", drillable ? analytics::NextDrillLevel(level) : "");
  w.Key("indicators");
  w.BeginArray();
  for (const auto* d : t->indicators) WriteDef(w, *d);
  w.EndArray();
  w.Key("rows");
  w.BeginArray();
  for (const auto& row : t->rows) {
    w.BeginObject();
    std::string label;
    for (size_t i = 0; i < row.key.size(); ++i) label += (i ? " / " : "") + row.key[i];
    w.Field("label", label);
    w.Key("key");
    w.BeginObject();
    for (size_t i = 0; i < row.key.size() && i < t->dims.size(); ++i) w.Field(t->dims[i], row.key[i]);
    w.EndObject();
    w.Key("drill");
    if (drillable && !row.key.empty()) w.String(level + "=" + row.key.front()); else w.Null();
    w.Key("cells");
    w.BeginArray();
    for (size_t i = 0; i < row.cells.size(); ++i) WriteCell(w, *scope, *t->indicators[i], row.cells[i]);
    w.EndArray();
    w.EndObject();
  }
  w.EndArray();
  w.EndObject();
  return HttpResponse::Json(std::move(out));
}

Result<HttpResponse> Catalog(const AnalyticsState* s) {
  std::string out;
  JsonWriter w(&out);
  w.BeginObject();
  w.Key("items");
  w.BeginArray();
  for (const auto& d : s->indicators.all()) WriteDef(w, d);
  w.EndArray();
  w.Key("dimensions");
  w.BeginArray();
  for (const char* d : {"province", "region", "court", "judge", "court_level", "year", "quarter", "month", "category",
                        "type", "stage", "procedure", "closure", "cause1", "cause2", "relation"})
    w.String(d);
  w.EndArray();
  w.Key("drill_chain");
  w.BeginArray();
  for (const auto& d : analytics::DrillChain()) w.String(d);
  w.EndArray();
  if (s->frame) {
    w.Field("default_from", MonthText(s->default_from));
    w.Field("default_to", MonthText(s->default_to));
    w.Field("asof", s->asof.ToString());
  }
  w.EndObject();
  return HttpResponse::Json(std::move(out));
}

Result<HttpResponse> Tags(const AnalyticsState* s, const RequestContext& ctx) {
  TP_RETURN_IF_ERROR(NeedFrame(s));
  auto scope = ScopeOf(*s, ctx);
  if (!scope.ok()) return scope.status();
  const analytics::CaseFrame& f = *s->frame;
  auto visible = [&](uint32_t i) { return scope->Counts(f, i); };
  int64_t in_scope_rows = 0;
  for (uint32_t i = 0; i < f.rows; ++i) in_scope_rows += visible(i);
  std::string out;
  JsonWriter w(&out);
  w.BeginObject();
  w.Field("asof", s->asof.ToString());
  w.Key("cases");
  if (auto shown = scope->Suppress(in_scope_rows)) w.Int(*shown); else w.Null();
  w.Key("items");
  w.BeginArray();
  for (const auto& d : s->tags->defs()) {
    const analytics::Bitmap* b = s->tags->Find(d.name);
    int64_t n = 0;
    if (b) b->ForEach([&](uint32_t i) { n += visible(i); });
    auto shown = scope->Suppress(n);
    w.BeginObject();
    w.Field("name", d.name);
    w.Field("subject", d.subject);
    w.Field("rule", d.rule);
    w.Field("description", d.description);
    w.Key("count");
    if (shown) w.Int(*shown); else w.Null();
    w.Key("share");
    if (shown && in_scope_rows) w.Double(static_cast<double>(n) / in_scope_rows, 6); else w.Null();
    w.EndObject();
  }
  w.EndArray();
  w.EndObject();
  return HttpResponse::Json(std::move(out));
}

}  // namespace

Status RegisterIndicatorEndpoints(EndpointRegistry* registry, AnalyticsSource source) {
  Endpoint q{"indicators.query", "GET", "/api/indicators", "indicators", Grade::kGeneral1, Access::kUser,
             "审判质量指标 (drill-down province → region → court → judge) / trial-quality indicators",
             {{"names", "query", "string", "indicator ids or names, comma-separated (default: all built-ins)"},
              {"by", "query", "string", "dimensions, comma-separated (default province)"},
              {"from", "query", "string", "first month YYYY-MM (default: January of the data's latest year)"},
              {"to", "query", "string", "last month YYYY-MM (default: December of that year)"},
              {"where", "query", "string", "row condition (expression language, docs/indicators.md)"},
              {"drill", "query", "string", "LEVEL=VALUE: restrict to VALUE, group by the next level"}},
             false,
             [source](const HttpRequest& r, const RequestContext& c) { return Indicators(source().get(), r, c); }};
  TP_RETURN_IF_ERROR(registry->Add(std::move(q)));
  TP_RETURN_IF_ERROR(registry->SetCachePolicy("indicators.query", CachePolicy::kPerScope));
  Endpoint cat{"indicators.catalog", "GET", "/api/indicators/catalog", "indicators", Grade::kGeneral1, Access::kUser,
               "指标定义 / indicator definitions, dimensions, default period", {}, false,
               [source](const HttpRequest&, const RequestContext&) { return Catalog(source().get()); }};
  TP_RETURN_IF_ERROR(registry->Add(std::move(cat)));
  TP_RETURN_IF_ERROR(registry->SetCachePolicy("indicators.catalog", CachePolicy::kShared));
  Endpoint tags{"tags.list", "GET", "/api/tags", "indicators", Grade::kGeneral1, Access::kUser,
                "标签及案件数 / case tags with counts in the caller's scope", {}, false,
                [source](const HttpRequest&, const RequestContext& c) { return Tags(source().get(), c); }};
  TP_RETURN_IF_ERROR(registry->Add(std::move(tags)));
  return registry->SetCachePolicy("tags.list", CachePolicy::kPerScope);
}

}  // namespace tianping::service
