// dataset.summary — the 全国概览 page's data: the dataset summary (数据集概览) over the rows the caller may
// see, from the served snapshot's frame (docs/api.md "Dataset summary").
#include <set>
#include <string>

#include "data_scope.h"
#include "tianping/analytics/frame_summary.h"
#include "tianping/common/json_writer.h"
#include "tianping/service/analytics_endpoints.h"

namespace tianping::service {
namespace {

// The case counts each headline rate is computed from: a rate is shown only when none of them is a small
// cell for the caller (the money rate 执行到位率 follows the count of its cases).
std::pair<uint64_t, uint64_t> RateCaseCounts(const std::string& name, const SummaryRateParts& p) {
  if (name == "民事一审判决率") return {p.civil_judged, p.civil_closed};
  if (name == "民事一审调解率") return {p.civil_mediated, p.civil_closed};
  if (name == "民事一审撤诉率") return {p.civil_withdrawn, p.civil_closed};
  if (name == "民事上诉率") return {p.civil_appeals, p.civil_closed};
  if (name == "执行完毕率") return {p.exec_done, p.exec_closed};
  return {p.exec_closed, p.exec_closed};  // 执行到位率
}

void WriteCounts(JsonWriter& w, const DataScope& scope, std::string_view key, const DatasetSummary::Counts& counts) {
  const std::set<std::string> hidden = scope.HiddenCells(counts);
  w.Key(key);
  w.BeginObject();
  for (const auto& [name, n] : counts) {
    w.Key(name);
    if (hidden.count(name)) w.Null(); else w.Int(static_cast<int64_t>(n));
  }
  w.EndObject();
}

Result<HttpResponse> Summary(const AnalyticsState* s, const RequestContext& ctx) {
  if (!s->frame) return Status::FailedPrecondition(s->frame_status.message());
  auto scope = ScopeOf(*s, ctx);
  if (!scope.ok()) return scope.status();
  const analytics::CaseFrame& f = *s->frame;
  auto sum = analytics::SummarizeFrame(f, [&](uint32_t i) { return scope->Counts(f, i); });
  if (!sum.ok()) return sum.status();
  const DatasetSummary& c = sum->counts;
  auto count = [&](JsonWriter& w, std::string_view key, uint64_t n) {
    w.Key(key);
    if (auto shown = scope->Suppress(static_cast<int64_t>(n))) w.Int(*shown); else w.Null();
  };
  std::string out;
  JsonWriter w(&out);
  w.BeginObject();
  w.Field("scope", scope->nation ? (scope->sealed_visible ? "全国" : "全国（不含不公开案件）") : "辖区");
  w.FieldInt("snapshot", static_cast<int64_t>(s->snapshot_id));
  count(w, "cases", c.cases);
  count(w, "pending", c.pending);
  count(w, "closed", c.cases - c.pending);
  // Documents are counted per snapshot, not per row: shown only to callers who see every row.
  w.Key("documents");
  if (scope->nation && scope->sealed_visible && s->documents) w.Int(static_cast<int64_t>(*s->documents)); else w.Null();
  WriteCounts(w, *scope, "by_category", c.by_category);
  WriteCounts(w, *scope, "by_province", c.by_province);
  WriteCounts(w, *scope, "by_year", c.by_year);
  WriteCounts(w, *scope, "closure_methods", c.closure_methods);
  w.Key("rates");
  w.BeginObject();
  for (const auto& [name, parts] : sum->rate_parts.Parts()) {
    auto [num_cases, den_cases] = RateCaseCounts(name, sum->rate_parts);
    w.Key(name);
    if (scope->Suppress(static_cast<int64_t>(num_cases)) && scope->Suppress(static_cast<int64_t>(den_cases)))
      w.Double(parts.second > 0 ? parts.first / parts.second : 0.0, 6);
    else
      w.Null();
  }
  w.EndObject();
  w.EndObject();
  return HttpResponse::Json(std::move(out));
}

}  // namespace

Status RegisterSummaryEndpoint(EndpointRegistry* registry, AnalyticsSource source) {
  TP_RETURN_IF_ERROR(registry->Add({"dataset.summary", "GET", "/api/summary", "dataset", Grade::kGeneral1, Access::kUser,
                                    "数据集概览（调用者可见范围）/ dataset summary over the caller's visible cases", {}, false,
                                    [source](const HttpRequest&, const RequestContext& c) { return Summary(source().get(), c); }}));
  return registry->SetCachePolicy("dataset.summary", CachePolicy::kPerScope);
}

}  // namespace tianping::service
