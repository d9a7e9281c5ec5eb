// tianping tags [--data DIR | --in DIR_OR_cases.jsonl] [--asof YYYY-MM-DD] [--kind all|case|party]
//               [--format table|json|csv]
// Cases come from the current store snapshot in --data (default ./tianping-data or $TIANPING_DATA) or,
// with --in, from a cases.jsonl. The store is read through the AccessGuard (frame_source.h, --as/--key):
// only cases the reader may see are counted (and the parties of those cases), audited; researcher/public
// see small counts as "<10" (null in JSON).
// Lists the rule-defined tags (data/tags/*.json) with their rules and counts: cases for every tag (for a
// party tag, the cases in which a tagged party appears) and party identities for party tags.
#include <CLI/CLI.hpp>

#include <cstdio>
#include <optional>
#include <string>
#include <unordered_set>

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
  ReaderOptions reader;
  reader.AddTo(app);
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
  auto loaded = LoadFrame(in, data_dir, *ref, reader, "tags", "asof=" + asof + " kind=" + kind,
                          analytics::FrameColumnsForTags(needed));
  if (!loaded.ok()) return Fail("tags", loaded.status());
  const auto* frame = &loaded->frame;
  const analytics::CaseFrame& f = **frame;
  const security::VisibleRows& visible = loaded->visible;
  int32_t day = f.max_date;
  if (!asof.empty()) {
    auto d = Date::Parse(asof);
    if (!d) return Fail("tags", Status::InvalidArgument("--asof: expected YYYY-MM-DD, found '" + asof + "'"));
    day = d->days();
  }
  auto tags = analytics::TagSet::Compute(f, needed, day);
  if (!tags.ok()) return Fail("tags", tags.status());
  // Counts over the visible rows only; nullopt when suppressed for the reader's role (small cell).
  const GuardedReader* gr = loaded->reader.get();
  auto shown_count = [&](int64_t n) -> std::optional<int64_t> {
    if (!gr) return n;
    return gr->guard().SuppressCell(gr->principal(), n);
  };
  auto text = [&](std::optional<int64_t> n) {
    return n ? std::to_string(*n) : "<" + std::to_string(security::SpecOf(gr->principal().role).min_cell);
  };
  auto cases = [&](const analytics::TagDef& d) -> std::optional<int64_t> {
    const analytics::Bitmap* b = tags->Find(d.name);
    int64_t n = 0;
    if (visible.all) n = static_cast<int64_t>(b->Cardinality());
    else b->ForEach([&](uint32_t i) { n += visible.Contains(f, i); });
    return shown_count(n);
  };
  // Party identities appearing in visible cases (of those in `only`, when given).
  auto identities = [&](const analytics::Bitmap* only) -> int64_t {
    if (visible.all) return only ? static_cast<int64_t>(only->Cardinality()) : static_cast<int64_t>(f.parties.entities.size()) - 1;
    std::unordered_set<uint32_t> seen;
    for (uint32_t o = 0; o < f.parties.rows; ++o) {
      uint32_t e = f.parties.entity[o];
      if (e == 0 || !visible.Contains(f, f.parties.case_row[o])) continue;
      if (!only || only->Contains(e)) seen.insert(e);
    }
    return static_cast<int64_t>(seen.size());
  };
  auto parties = [&](const analytics::TagDef& d) -> std::optional<std::optional<int64_t>> {
    const analytics::Bitmap* b = tags->FindParties(d.name);
    if (!b) return std::nullopt;  // a case tag: no party count
    return shown_count(identities(b));
  };
  std::string out;
  if (format == "json") {
    JsonWriter w(&out);
    w.BeginObject();
    w.Field("asof", Date::FromDays(day).ToString());
    auto json_count = [&](const char* key, std::optional<int64_t> n) {
      w.Key(key);
      if (n) w.Int(*n); else w.Null();
    };
    json_count("cases", shown_count(visible.Count(f)));
    if (f.loaded & analytics::kFramePartyTable) json_count("parties", shown_count(identities(nullptr)));
    w.Key("tags");
    w.BeginArray();
    for (const auto& d : shown) {
      w.BeginObject();
      w.Field("name", d.name);
      w.Field("subject", d.subject);
      w.Field("rule", d.rule);
      json_count("cases", cases(d));
      if (auto p = parties(d)) json_count("parties", *p);
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
      auto p = parties(d);
      out += d.name + "," + d.subject + "," + text(cases(d)) + "," + (p ? text(*p) : "") + ",\"" + rule + "\"\n";
    }
  } else {
    out = "截止 " + Date::FromDays(day).ToString() + "，案件 " + text(shown_count(visible.Count(f))) + "\n";
    out += "标签              案件数    当事人数  规则\n";
    for (const auto& d : shown) {
      char buf[64];
      auto p = parties(d);
      std::snprintf(buf, sizeof buf, "%10s  %10s", text(cases(d)).c_str(), p ? text(*p).c_str() : "");
      out += d.name + std::string(d.name.size() < 18 ? (18 - d.name.size()) * 2 / 3 : 1, ' ') + buf + "  " + d.rule + "\n";
    }
  }
  std::fwrite(out.data(), 1, out.size(), stdout);
  return 0;
}

}  // namespace tianping::cli
