// tianping tags [--data DIR | --in DIR_OR_cases.jsonl] [--asof YYYY-MM-DD] [--kind all|case|party]
//               [--format table|json|csv]
// Cases come from the current store snapshot in --data (default ./tianping-data or $TIANPING_DATA) or,
// with --in, from a cases.jsonl.
// Lists the rule-defined tags (data/tags/*.json) with their rules and counts: cases for every tag (for a
// party tag, the cases in which a tagged party appears) and party identities for party tags.
#include <CLI/CLI.hpp>

#include <cstdio>
#include <string>

#include "commands.h"
#include "exit_codes.h"
#include "frame_source.h"
#include "tianping/analytics/frame_columns.h"
#include "tianping/analytics/tag.h"
#include "tianping/common/json_writer.h"
#include "tianping/store/store.h"

namespace tianping::cli {

int RunTags(int argc, char** argv) {
  CLI::App app{"标签 / rule-defined tags with counts", "tianping tags"};
  std::string kind = "all";
  std::string in, data_dir = DefaultDataDir(), asof, format = "table", ref_dir = ReferenceData::DefaultRefDir(), tag_dir = analytics::DefaultTagDir();
  app.add_option("--in", in, "read cases.jsonl (or a dataset folder holding one) instead of the store");
  app.add_option("--data", data_dir, "case store directory")->capture_default_str();
  app.add_option("--asof", asof, "YYYY-MM-DD used as today for age rules (default: latest date in the data)");
  app.add_option("--kind", kind, "which tags: all | case | party")->check(CLI::IsMember({"all", "case", "party"}));
  app.add_option("--format", format, "table | json | csv")->check(CLI::IsMember({"table", "json", "csv"}));
  app.add_option("--ref", ref_dir, "reference table folder");
  app.add_option("--tag-dir", tag_dir, "tag definitions");
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    return app.exit(e);
  }
  auto ref = ReferenceData::Load(ref_dir);
  if (!ref.ok()) return Fail("tags", ref.status());
  auto defs = analytics::LoadTagDefs(tag_dir);
  if (!defs.ok()) return Fail("tags", defs.status());
  std::vector<analytics::TagDef> shown;
  for (const auto& d : *defs)
    if (kind == "all" || d.subject == kind) shown.push_back(d);
  std::vector<std::string> names;
  for (const auto& d : shown) names.push_back(d.name);
  std::vector<analytics::TagDef> needed = analytics::TagsNeeded(*defs, names);
  auto frame = LoadFrame(in, data_dir, *ref, analytics::FrameColumnsForTags(needed));
  if (!frame.ok()) return Fail("tags", frame.status());
  int32_t day = (*frame)->max_date;
  if (!asof.empty()) {
    auto d = Date::Parse(asof);
    if (!d) return Fail("tags", Status::InvalidArgument("--asof: expected YYYY-MM-DD, found '" + asof + "'"));
    day = d->days();
  }
  auto tags = analytics::TagSet::Compute(**frame, needed, day);
  if (!tags.ok()) return Fail("tags", tags.status());
  auto cases = [&](const analytics::TagDef& d) { return tags->Find(d.name)->Cardinality(); };
  auto parties = [&](const analytics::TagDef& d) -> std::string {
    const analytics::Bitmap* b = tags->FindParties(d.name);
    return b ? std::to_string(b->Cardinality()) : std::string();
  };
  std::string out;
  if (format == "json") {
    JsonWriter w(&out);
    w.BeginObject();
    w.Field("asof", Date::FromDays(day).ToString());
    w.FieldInt("cases", (*frame)->rows);
    if ((*frame)->loaded & analytics::kFramePartyTable)
      w.FieldInt("parties", static_cast<int64_t>((*frame)->parties.entities.size()) - 1);
    w.Key("tags");
    w.BeginArray();
    for (const auto& d : shown) {
      w.BeginObject();
      w.Field("name", d.name);
      w.Field("subject", d.subject);
      w.Field("rule", d.rule);
      w.FieldInt("cases", static_cast<int64_t>(cases(d)));
      if (d.subject == "party") w.FieldInt("parties", std::stoll(parties(d)));
      w.Field("description", d.description);
      w.EndObject();
    }
    w.EndArray();
    w.EndObject();
    out += "\n";
  } else if (format == "csv") {
    out = "name,subject,cases,parties,rule\n";
    for (const auto& d : shown) {
      std::string rule = d.rule;
      for (size_t p = 0; (p = rule.find('"', p)) != std::string::npos; p += 2) rule.insert(p, 1, '"');
      out += d.name + "," + d.subject + "," + std::to_string(cases(d)) + "," + parties(d) + ",\"" + rule + "\"\n";
    }
  } else {
    out = "截止 " + Date::FromDays(day).ToString() + "，案件 " + std::to_string((*frame)->rows) + "\n";
    out += "标签              案件数    当事人数  规则\n";
    for (const auto& d : shown) {
      char buf[64];
      std::snprintf(buf, sizeof buf, "%10llu  %10s", static_cast<unsigned long long>(cases(d)), parties(d).c_str());
      out += d.name + std::string(d.name.size() < 18 ? (18 - d.name.size()) * 2 / 3 : 1, ' ') + buf + "  " + d.rule + "\n";
    }
  }
  std::fwrite(out.data(), 1, out.size(), stdout);
  return 0;
}

}  // namespace tianping::cli
