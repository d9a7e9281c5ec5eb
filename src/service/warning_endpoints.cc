// warnings.list — the warning centre (预警中心): red and yellow lights per court, each with its evidence.
// Built from what the platform computes: (1) indicators outside their reference range (合理区间) per court
// over the default period, evidence = value, numerator, denominator and the range; (2) tag alerts —
// 超审限 and 长期未结 case counts per court with the court's case count and sample case ids.
// The national list is computed once (first request); each request filters it to the caller's scope.
#include <algorithm>
#include <cmath>
#include <map>

#include "data_scope.h"
#include "tianping/analytics/engine.h"
#include "tianping/common/json_writer.h"
#include "tianping/service/analytics_endpoints.h"
#include "tianping/service/pagination.h"

namespace tianping::service {
namespace {

// An indicator alert is shown for courts with at least `min_cases` (default 30) cases filed or closed in
// the period: denominators are not always counts (Σ审限天数), and a rate over a handful of cases is noise.
constexpr int64_t kDefaultMinCases = 30;
constexpr int64_t kMinTagCases = 3;        // a tag alert needs at least this many cases
constexpr size_t kSamples = 5;
const char* const kAlertTags[] = {"超审限", "长期未结"};

std::string ProvinceOf(const analytics::CaseFrame& f, uint32_t court) {
  return court < f.court_province.size() ? f.provinces.Value(f.court_province[court]) : "";
}

Status ComputeIndicatorWarnings(const AnalyticsState& s, std::vector<Warning>* out) {
  const analytics::CaseFrame& f = *s.frame;
  analytics::IndicatorQuery q;
  for (const auto& d : s.indicators.all())
    if (d.range_low || d.range_high) q.indicators.push_back(&d);
  if (q.indicators.empty()) return Status::Ok();
  q.by = {"court"};
  q.where = "not sealed";  // warnings never count sealed cases (they exist only for 核心 clearances)
  q.from = s.default_from;
  q.to = s.default_to;
  q.tags = &*s.tags;
  auto t = analytics::EvaluateIndicators(f, q);
  if (!t.ok()) return t.status();
  // Cases of each court filed or closed in the period (sealed ones excluded, as above).
  std::vector<int64_t> period_cases(f.courts.size(), 0);
  const int32_t lo = q.from.days(), hi = q.to.days();
  auto in = [&](int32_t d) { return d != analytics::kNoDate && d >= lo && d <= hi; };
  for (uint32_t i = 0; i < f.rows; ++i)
    if ((in(f.filed[i]) || in(f.closed[i])) && !f.sealed.Contains(i)) ++period_cases[f.court[i]];
  for (const auto& row : t->rows) {
    auto it = s.court_by_name.find(row.key.front());
    if (it == s.court_by_name.end() || period_cases[it->second] == 0) continue;
    for (size_t i = 0; i < row.cells.size(); ++i) {
      const auto& c = row.cells[i];
      const auto& d = *t->indicators[i];
      if (!c.in_range || *c.in_range || std::isnan(c.value)) continue;
      Warning w;
      w.kind = "indicator";
      w.court_code = f.courts.Value(it->second);
      w.court_name = row.key.front();
      w.province = ProvinceOf(f, it->second);
      w.subject = d.name;
      w.value = c.value;
      w.numerator = c.numerator;
      w.denominator = c.has_denominator ? c.denominator : 0;
      w.range_low = d.range_low;
      w.range_high = d.range_high;
      w.unit = d.unit;
      w.court_cases = period_cases[it->second];
      double bound = d.range_low && c.value < *d.range_low ? *d.range_low : d.range_high.value_or(c.value);
      w.severity = std::fabs(c.value - bound) / std::max(1.0, std::fabs(bound));
      w.level = w.severity >= 0.2 ? "红" : "黄";
      out->push_back(std::move(w));
    }
  }
  return Status::Ok();
}

void ComputeTagWarnings(const AnalyticsState& s, std::vector<Warning>* out) {
  const analytics::CaseFrame& f = *s.frame;
  std::vector<int64_t> court_cases(f.courts.size(), 0);
  for (uint32_t i = 0; i < f.rows; ++i) court_cases[f.court[i]] += !f.sealed.Contains(i);
  for (const char* tag : kAlertTags) {
    const analytics::Bitmap* b = s.tags->Find(tag);
    if (!b) continue;
    std::vector<int64_t> count(f.courts.size(), 0);
    std::vector<std::vector<std::string>> samples(f.courts.size());
    b->ForEach([&](uint32_t i) {
      if (f.sealed.Contains(i)) return;
      uint32_t c = f.court[i];
      if (++count[c] <= static_cast<int64_t>(kSamples) && i < f.case_ids.size()) samples[c].push_back(f.case_ids[i]);
    });
    for (uint32_t c = 1; c < count.size(); ++c) {
      if (count[c] < kMinTagCases) continue;
      Warning w;
      w.kind = "tag";
      w.court_code = f.courts.Value(c);
      w.court_name = c < f.court_names.size() ? f.court_names[c] : w.court_code;
      w.province = ProvinceOf(f, c);
      w.subject = tag;
      w.count = count[c];
      w.court_cases = court_cases[c];
      w.unit = "件";
      w.sample_case_ids = std::move(samples[c]);
      double share = court_cases[c] ? static_cast<double>(count[c]) / court_cases[c] : 0;
      w.level = count[c] >= 20 || share >= 0.05 ? "红" : "黄";
      w.severity = static_cast<double>(count[c]);
      out->push_back(std::move(w));
    }
  }
}

const std::vector<Warning>& NationalWarnings(const AnalyticsState& s, Status* status) {
  std::call_once(s.warnings_once, [&s] {
    std::vector<Warning> all;
    s.warnings_status = ComputeIndicatorWarnings(s, &all);
    ComputeTagWarnings(s, &all);
    // Red before yellow; within a level, indicator alerts by distance, tag alerts by count.
    std::stable_sort(all.begin(), all.end(), [](const Warning& a, const Warning& b) {
      if (a.level != b.level) return a.level == "红";
      if (a.kind != b.kind) return a.kind < b.kind;
      return a.severity > b.severity;
    });
    s.warnings = std::move(all);
  });
  *status = s.warnings_status;
  return s.warnings;
}

void WriteWarning(JsonWriter& w, const Warning& x, const DataScope& scope) {
  w.BeginObject();
  w.Field("kind", x.kind);
  w.Field("level", x.level);
  w.Field("court_code", x.court_code);
  w.Field("court_name", x.court_name);
  w.Field("province", x.province);
  w.Field("subject", x.subject);
  w.Key("evidence");
  w.BeginObject();
  if (x.kind == "indicator") {
    w.Key("value");
    w.Double(x.value, 4);
    w.Field("unit", x.unit);
    w.Key("numerator");
    w.Double(x.numerator, 2);
    w.Key("denominator");
    w.Double(x.denominator, 2);
    w.Key("range_low");
    if (x.range_low) w.Double(*x.range_low, 4); else w.Null();
    w.Key("range_high");
    if (x.range_high) w.Double(*x.range_high, 4); else w.Null();
    w.FieldInt("court_cases", x.court_cases);  // the court's cases filed or closed in the period
  } else {
    auto shown = scope.Suppress(x.count);
    w.Key("count");
    if (shown) w.Int(*shown); else w.Null();
    w.FieldInt("court_cases", x.court_cases);
    w.Key("sample_case_ids");
    w.BeginArray();
    if (scope.case_ids) for (const auto& id : x.sample_case_ids) w.String(id);
    w.EndArray();
  }
  w.EndObject();
  w.EndObject();
}

Result<HttpResponse> Warnings(const AnalyticsState* s, const HttpRequest& req, const RequestContext& ctx) {
  if (!s->frame) return Status::FailedPrecondition(s->frame_status.message());
  auto scope = ScopeOf(*s, ctx);
  if (!scope.ok()) return scope.status();
  auto page = ParsePage(req);
  if (!page.ok()) return page.status();
  std::string kind = req.Param("kind").value_or(""), level = req.Param("level").value_or("");
  std::string province = req.Param("province").value_or(""), court = req.Param("court").value_or("");
  std::string subject = req.Param("subject").value_or("");
  auto min_cases = IntParam(req, "min_cases", kDefaultMinCases, 1, 1000000000);
  if (!min_cases.ok()) return min_cases.status();
  if (!kind.empty() && kind != "indicator" && kind != "tag")
    return Status::InvalidArgument("kind must be indicator or tag, found '" + kind + "'");
  if (!level.empty() && level != "红" && level != "黄")
    return Status::InvalidArgument("level must be 红 or 黄, found '" + level + "'");
  Status st;
  const auto& all = NationalWarnings(*s, &st);
  if (!st.ok()) return st;
  const analytics::CaseFrame& f = *s->frame;
  std::vector<const Warning*> hits;
  std::map<std::string, int64_t> by_province, by_subject;
  int64_t red = 0, yellow = 0, indicator = 0, tag = 0;
  for (const auto& w : all) {
    uint32_t code = 0;
    if (!f.courts.Find(w.court_code, &code) || !scope->InScope(code)) continue;
    if (w.kind == "tag" && !scope->Suppress(w.count)) continue;  // a suppressed count is no evidence
    if (w.kind == "indicator" && w.court_cases < *min_cases) continue;
    if ((!province.empty() && w.province != province) || (!court.empty() && w.court_code != court)) continue;
    // Summary counts follow the place filters; the list also follows kind, level and subject.
    ++by_province[w.province];
    ++by_subject[w.subject];
    (w.level == "红" ? red : yellow) += 1;
    (w.kind == "tag" ? tag : indicator) += 1;
    if ((!kind.empty() && w.kind != kind) || (!level.empty() && w.level != level) ||
        (!subject.empty() && w.subject != subject))
      continue;
    hits.push_back(&w);
  }
  std::string body = PagedJson(*page, hits.size(), [&](JsonWriter& w, size_t i) { WriteWarning(w, *hits[i], *scope); });
  // Append the summary to the paginated envelope.
  std::string extra;
  JsonWriter w(&extra);
  w.BeginObject();
  w.Field("period", s->default_from.ToString() + " — " + s->default_to.ToString());
  w.Field("asof", s->asof.ToString());
  w.Key("summary");
  w.BeginObject();
  w.FieldInt("红", red);
  w.FieldInt("黄", yellow);
  w.FieldInt("indicator", indicator);
  w.FieldInt("tag", tag);
  w.EndObject();
  w.Key("by_province");
  w.BeginObject();
  for (const auto& [k, v] : by_province) w.FieldInt(k, v);
  w.EndObject();
  w.Key("by_subject");
  w.BeginObject();
  for (const auto& [k, v] : by_subject) w.FieldInt(k, v);
  w.EndObject();
  w.EndObject();
  body.pop_back();  // '}' of the envelope
  body += "," + extra.substr(1);
  return HttpResponse::Json(std::move(body));
}

}  // namespace

Status RegisterWarningEndpoints(EndpointRegistry* registry, AnalyticsSource source) {
  TP_RETURN_IF_ERROR(registry->Add(
      {"warnings.list", "GET", "/api/warnings", "warnings", Grade::kGeneral2, Access::kUser,
       "预警中心：指标越界与超审限/长期未结 / warnings with evidence, in the caller's scope",
       {{"kind", "query", "string", "indicator | tag"},
        {"level", "query", "string", "红 | 黄"},
        {"province", "query", "string", "province name, e.g. 广东省"},
        {"court", "query", "string", "法院代字"},
        {"subject", "query", "string", "indicator or tag name"},
        {"min_cases", "query", "integer", "indicator alerts: courts with at least this many cases in the period (30)"}},
       true, [source](const HttpRequest& r, const RequestContext& c) { return Warnings(source().get(), r, c); }}));
  return registry->SetCachePolicy("warnings.list", CachePolicy::kPerScope);
}

}  // namespace tianping::service
