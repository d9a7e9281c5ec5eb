// tags: a small dataset → every tag of data/tags with its counts (docs/indicators.md §Tags).
// Input lines:
//   asof: 2024-12-31                          the as-of day (default: latest date in the data)
//   define: NAME | case|party | RULE          an extra tag after the built-in ones
//   only: NAME,NAME                           print only these tags (default: all)
//   {JSON case}                               one case of cases.jsonl
//   x5 {JSON with {n}}                        5 cases; {n} becomes 1..5
// Output: one line per tag: "NAME subject cases=N [parties=M: name, name …]" (party names sorted), or
// "error: <status>".
#include "golden_tags.h"
#include "golden_cases.h"

#include <algorithm>
#include <sstream>
#include <vector>

#include "tianping/analytics/tag.h"
#include "tianping/model/case_json.h"

namespace tianping::golden {
namespace {

std::string Trim(const std::string& s) {
  size_t a = s.find_first_not_of(' '), b = s.find_last_not_of(' ');
  return a == std::string::npos ? std::string() : s.substr(a, b - a + 1);
}

}  // namespace

std::string TagsHandler(const std::string& input) {
  static const auto* ref = new Result<ReferenceData>(ReferenceData::Load(ReferenceData::DefaultRefDir()));
  if (!ref->ok()) return "error: " + ref->status().ToString() + "\n";
  auto defs = analytics::LoadTagDefs(analytics::DefaultTagDir());
  if (!defs.ok()) return "error: " + defs.status().ToString() + "\n";
  analytics::CaseFrameBuilder builder(**ref);
  std::string asof, only;
  std::istringstream in(input);
  std::string line;
  int line_no = 0;
  while (std::getline(in, line)) {
    ++line_no;
    if (line.empty()) continue;
    if (line.rfind("asof: ", 0) == 0) { asof = line.substr(6); continue; }
    if (line.rfind("only: ", 0) == 0) { only = line.substr(6); continue; }
    if (line.rfind("define: ", 0) == 0) {
      std::string rest = line.substr(8);
      size_t a = rest.find('|'), b = rest.find('|', a + 1);
      if (a == std::string::npos || b == std::string::npos) return "error: define: NAME | SUBJECT | RULE\n";
      defs->push_back({Trim(rest.substr(0, a)), Trim(rest.substr(a + 1, b - a - 1)), Trim(rest.substr(b + 1)), ""});
      continue;
    }
    if (Status s = AddCaseLine(line, line_no, &builder); !s.ok()) return "error: " + s.message() + "\n";
  }
  analytics::CaseFrame frame = builder.Finish();
  int32_t day = frame.max_date;
  if (!asof.empty()) {
    auto d = Date::Parse(asof);
    if (!d) return "error: bad asof\n";
    day = d->days();
  }
  auto tags = analytics::TagSet::Compute(frame, *defs, day);
  if (!tags.ok()) return "error: " + tags.status().ToString() + "\n";
  std::string out;
  for (const auto& d : tags->defs()) {
    if (!only.empty() && ("," + only + ",").find("," + d.name + ",") == std::string::npos) continue;
    out += d.name + " " + d.subject + " cases=" + std::to_string(tags->Find(d.name)->Cardinality());
    if (const analytics::Bitmap* p = tags->FindParties(d.name)) {
      std::vector<std::string> names;
      p->ForEach([&](uint32_t e) { names.push_back(frame.parties.entity_names[e]); });
      std::sort(names.begin(), names.end());
      out += " parties=" + std::to_string(p->Cardinality()) + ":";
      for (size_t i = 0; i < names.size(); ++i) out += (i ? ", " : " ") + names[i];
    }
    out += "\n";
  }
  return out;
}

}  // namespace tianping::golden
