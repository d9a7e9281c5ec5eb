// indicators: a small dataset and a query → the indicator table (docs/indicators.md).
// Input lines:
//   names: 结案率,一审服判息诉率        indicator ids or names (required)
//   define: 名称 = FORMULA              an ad-hoc indicator (value × 100, unit %), usable in names:
//   by: month | from: 2024-01 | to: 2024-12 | where: EXPR | format: table|csv|json
//   {JSON case}                         one case of cases.jsonl
//   x93 {JSON with {n}}                 93 cases; {n} becomes 1..93
// Output: the formatted table, or "error: <status>".
#include "golden_indicators.h"
#include "golden_cases.h"

#include <deque>
#include <sstream>
#include <vector>

#include "tianping/analytics/engine.h"
#include "tianping/analytics/tag.h"
#include "tianping/model/case_json.h"

namespace tianping::golden {
namespace {

Result<Date> Month(const std::string& s, bool end) {
  auto d = Date::Parse(s + "-01");
  if (!d) return Status::InvalidArgument("bad month " + s);
  return end ? d->AddMonths(1).AddDays(-1) : *d;
}

}  // namespace

std::string IndicatorsHandler(const std::string& input) {
  static const auto* ref = new Result<ReferenceData>(ReferenceData::Load(ReferenceData::DefaultRefDir()));
  static const auto* reg = new Result<analytics::IndicatorRegistry>(
      analytics::IndicatorRegistry::LoadDir(analytics::IndicatorRegistry::DefaultDir()));
  static const auto* tag_defs = new Result<std::vector<analytics::TagDef>>(analytics::LoadTagDefs(analytics::DefaultTagDir()));
  if (!ref->ok()) return "error: " + ref->status().ToString() + "\n";
  if (!reg->ok()) return "error: " + reg->status().ToString() + "\n";
  if (!tag_defs->ok()) return "error: " + tag_defs->status().ToString() + "\n";
  analytics::CaseFrameBuilder builder(**ref);
  analytics::IndicatorQuery q;
  std::deque<analytics::IndicatorDef> defined;
  std::string names, format = "table", from = "2024-01", to = "2024-12";
  std::istringstream in(input);
  std::string line;
  int line_no = 0;
  while (std::getline(in, line)) {
    ++line_no;
    if (line.empty()) continue;
    auto option = [&](const char* key, std::string* value) {
      std::string k = std::string(key) + ": ";
      if (line.rfind(k, 0) != 0) return false;
      *value = line.substr(k.size());
      return true;
    };
    std::string by, def;
    if (option("names", &names) || option("format", &format) || option("from", &from) || option("to", &to) ||
        option("where", &q.where)) continue;
    if (option("by", &by)) {
      std::stringstream ss(by);
      for (std::string d; std::getline(ss, d, ',');) q.by.push_back(d);
      continue;
    }
    if (option("define", &def)) {
      auto eq = def.find(" = ");
      analytics::IndicatorDef d;
      d.name = d.id = def.substr(0, eq);
      d.category = "自定义";
      d.unit = "%";
      d.scale = 100;
      auto parts = analytics::SplitFormula(def.substr(eq + 3));
      if (!parts.ok()) return "error: " + parts.status().ToString() + "\n";
      d.numerator = parts->first;
      d.denominator = parts->second;
      defined.push_back(d);
      continue;
    }
    if (Status s = AddCaseLine(line, line_no, &builder); !s.ok()) return "error: " + s.message() + "\n";
  }
  analytics::CaseFrame frame = builder.Finish();
  std::stringstream ss(names);
  for (std::string n; std::getline(ss, n, ',');) {
    const analytics::IndicatorDef* d = (*reg)->Find(n);
    for (const auto& x : defined) if (x.name == n) d = &x;
    if (!d) return "error: unknown indicator " + n + "\n";
    q.indicators.push_back(d);
  }
  auto f = Month(from, false), t = Month(to, true);
  if (!f.ok() || !t.ok()) return "error: bad from/to\n";
  q.from = *f;
  q.to = *t;
  auto tags = analytics::TagSet::Compute(frame, **tag_defs, q.to.days());
  if (!tags.ok()) return "error: " + tags.status().ToString() + "\n";
  q.tags = &*tags;
  auto table = analytics::EvaluateIndicators(frame, q);
  if (!table.ok()) return "error: " + table.status().ToString() + "\n";
  return format == "csv" ? analytics::FormatCsv(*table) : format == "json" ? analytics::FormatJson(*table)
                                                                             : analytics::FormatTable(*table);
}

}  // namespace tianping::golden
