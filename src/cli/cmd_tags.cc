// tianping tags [--data DIR | --in DIR_OR_cases.jsonl] [--asof YYYY-MM-DD] [--format table|json|csv]
// Cases come from the current store snapshot in --data (default ./tianping-data or $TIANPING_DATA) or,
// with --in, from a cases.jsonl. The store is read through the AccessGuard (frame_source.h, --as/--key):
// only cases the reader may see are counted, audited; researcher/public see small counts as "<10".
// Lists the rule-defined tags (data/tags/*.json) with their rules and case counts.
#include <CLI/CLI.hpp>

#include <cstdio>
#include <string>

#include "commands.h"
#include "exit_codes.h"
#include "frame_source.h"
#include "tianping/analytics/tag.h"
#include "tianping/common/json_writer.h"
#include "tianping/store/store.h"

namespace tianping::cli {

int RunTags(int argc, char** argv) {
  CLI::App app{"标签 / rule-defined tags with counts", "tianping tags"};
  std::string in, data_dir = DefaultDataDir(), asof, format = "table", ref_dir = ReferenceData::DefaultRefDir(), tag_dir = analytics::DefaultTagDir();
  app.add_option("--in", in, "read cases.jsonl (or a dataset folder holding one) instead of the store");
  app.add_option("--data", data_dir, "case store directory")->capture_default_str();
  app.add_option("--asof", asof, "YYYY-MM-DD used as today for age rules (default: latest date in the data)");
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
  auto loaded = LoadFrame(in, data_dir, *ref, reader, "tags", "asof=" + asof);
  if (!loaded.ok()) return Fail("tags", loaded.status());
  const auto* frame = &loaded->frame;
  // A count as shown: suppressed small cells of researcher/public readers of the store print as "<10".
  const GuardedReader* gr = loaded->reader.get();
  auto count = [&](uint64_t n) -> std::string {
    if (!gr) return std::to_string(n);
    auto shown = gr->guard().SuppressCell(gr->principal(), static_cast<int64_t>(n));
    return shown ? std::to_string(*shown) : "<" + std::to_string(security::SpecOf(gr->principal().role).min_cell);
  };
  int32_t day = (*frame)->max_date;
  if (!asof.empty()) {
    auto d = Date::Parse(asof);
    if (!d) return Fail("tags", Status::InvalidArgument("--asof: expected YYYY-MM-DD, found '" + asof + "'"));
    day = d->days();
  }
  auto tags = analytics::TagSet::Compute(**frame, *defs, day);
  if (!tags.ok()) return Fail("tags", tags.status());
  std::string out;
  if (format == "json") {
    JsonWriter w(&out);
    w.BeginObject();
    w.Field("asof", Date::FromDays(day).ToString());
    w.Key("cases");
    if (!gr || gr->guard().SuppressCell(gr->principal(), (*frame)->rows)) w.Int((*frame)->rows);
    else w.Null();
    w.Key("tags");
    w.BeginArray();
    for (const auto& d : tags->defs()) {
      w.BeginObject();
      w.Field("name", d.name);
      w.Field("subject", d.subject);
      w.Field("rule", d.rule);
      w.Key("cases");
      int64_t n = static_cast<int64_t>(tags->Find(d.name)->Cardinality());
      if (!gr || gr->guard().SuppressCell(gr->principal(), n)) w.Int(n);
      else w.Null();
      w.Field("description", d.description);
      w.EndObject();
    }
    w.EndArray();
    w.EndObject();
    out += "\n";
  } else if (format == "csv") {
    out = "name,subject,cases,rule\n";
    for (const auto& d : tags->defs())
      out += d.name + "," + d.subject + "," + count(tags->Find(d.name)->Cardinality()) + ",\"" + d.rule + "\"\n";
  } else {
    out = "截止 " + Date::FromDays(day).ToString() + "，案件 " + count((*frame)->rows) + "\n";
    for (const auto& d : tags->defs()) {
      char buf[64];
      std::snprintf(buf, sizeof buf, "%10s", count(tags->Find(d.name)->Cardinality()).c_str());
      out += d.name + std::string(d.name.size() < 18 ? (18 - d.name.size()) * 2 / 3 : 1, ' ') + buf + "  " + d.rule + "\n";
    }
  }
  std::fwrite(out.data(), 1, out.size(), stdout);
  return 0;
}

}  // namespace tianping::cli
