// tianping indicators [--data DIR | --in DIR_OR_cases.jsonl] [--names a,b] [--by DIMS] --from YYYY-MM
//                     --to YYYY-MM [--where EXPR] [--drill LEVEL=VALUE] [--format table|json|csv] [--list]
//                     [--as USER | --key KEY]
// Cases come from the current store snapshot in --data (default ./tianping-data or $TIANPING_DATA) or,
// with --in, from a cases.jsonl; user-defined indicators are always read from --data. The store is read
// through the AccessGuard (frame_source.h): only cases the reader may see, audited, and for
// researcher/public every small cell (0 < n < 10) blanked.
// Trial-quality indicators (审判质量指标), docs/indicators.md. --drill province=广东省 shows that province's
// regions (province → region → court → judge).
#include <CLI/CLI.hpp>

#include <cstdio>
#include <sstream>
#include <string>
#include <vector>

#include "commands.h"
#include "exit_codes.h"
#include "frame_source.h"
#include "tianping/analytics/definition_store.h"
#include "tianping/analytics/engine.h"
#include "tianping/analytics/frame_columns.h"
#include "tianping/analytics/query_text.h"
#include "tianping/analytics/tag.h"
#include "tianping/security/guarded_aggregates.h"
#include "tianping/store/store.h"

namespace tianping::cli {
using analytics::ParseMonth;
using analytics::SplitList;

int RunIndicators(int argc, char** argv) {
  CLI::App app{"审判质量指标 / trial-quality indicators", "tianping indicators"};
  std::string in, names, by, from, to, where, drill, format = "table", data_dir = DefaultDataDir();
  std::string ref_dir = ReferenceData::DefaultRefDir();
  std::string ind_dir = analytics::IndicatorRegistry::DefaultDir(), tag_dir = analytics::DefaultTagDir();
  bool list = false;
  int threads = 2;
  ReaderOptions reader;
  reader.AddTo(app);
  app.add_option("--in", in, "read cases.jsonl (or a dataset folder holding one) instead of the store");
  app.add_option("--names", names, "indicators by id or name, comma-separated (default: all built-ins); "
                                   "user-defined: NAME or NAME@VERSION");
  app.add_option("--by", by, "dimensions, comma-separated: province region court judge court_level year quarter "
                             "month category type stage procedure cause cause1..cause4 tag:NAME …");
  app.add_option("--from", from, "first month YYYY-MM");
  app.add_option("--to", to, "last month YYYY-MM");
  app.add_option("--where", where, "row condition, e.g. \"category = '民事' and tag('涉企')\"");
  app.add_option("--drill", drill, "LEVEL=VALUE: restrict to VALUE and group by the next level "
                                   "(province → region → court → judge)");
  app.add_option("--format", format, "table | json | csv")->check(CLI::IsMember({"table", "json", "csv"}));
  app.add_option("--data", data_dir, "data folder: the case store and user-defined indicators")->capture_default_str();
  app.add_option("--threads", threads, "worker threads")->capture_default_str();
  app.add_option("--ref", ref_dir, "reference table folder");
  app.add_option("--indicator-dir", ind_dir, "built-in indicator definitions");
  app.add_option("--tag-dir", tag_dir, "tag definitions");
  app.add_flag("--list", list, "list the indicators and exit");
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    return app.exit(e);
  }
  auto registry = analytics::IndicatorRegistry::LoadDir(ind_dir);
  if (!registry.ok()) return Fail("indicators", registry.status());
  if (list) {
    for (const auto& d : registry->all())
      std::printf("%s\t%s\t%s\t%s\t%s%s%s\n", d.category.c_str(), d.id.c_str(), d.name.c_str(), d.unit.c_str(),
                  d.numerator.c_str(), d.denominator.empty() ? "" : "  ÷  ", d.denominator.c_str());
    return 0;
  }
  if (from.empty() || to.empty())
    return Fail("indicators", Status::InvalidArgument("--from and --to are required"));
  analytics::IndicatorQuery q;
  auto f = ParseMonth(from, false);
  if (!f.ok()) return Fail("indicators", f.status().WithContext("--from: "));
  auto t = ParseMonth(to, true);
  if (!t.ok()) return Fail("indicators", t.status().WithContext("--to: "));
  q.from = *f;
  q.to = *t;
  q.by = SplitList(by);
  q.where = where;
  q.threads = threads;
  if (!drill.empty()) {
    Status st = analytics::ApplyDrill(drill, &q);
    if (!st.ok()) return Fail("indicators", st);
  }
  std::vector<analytics::IndicatorDef> user_defs;
  std::unique_ptr<analytics::DefinitionStore> store;
  std::vector<std::string> keys = SplitList(names);
  if (keys.empty()) for (const auto& d : registry->all()) keys.push_back(d.id);
  user_defs.reserve(keys.size());
  for (const auto& k : keys) {
    if (const auto* d = registry->Find(k)) { q.indicators.push_back(d); continue; }
    if (!store) {
      auto s = analytics::DefinitionStore::Open(data_dir);
      if (!s.ok()) return Fail("indicators", s.status());
      store = std::move(s).value();
    }
    auto d = store->Get(k);
    if (!d.ok()) return Fail("indicators", Status::NotFound("unknown indicator '" + k + "' (built-ins: tianping indicators --list)"));
    user_defs.push_back(std::move(d).value());
    q.indicators.push_back(&user_defs.back());
  }
  auto ref = ReferenceData::Load(ref_dir);
  if (!ref.ok()) return Fail("indicators", ref.status());
  auto tag_defs = analytics::LoadTagDefs(tag_dir);
  if (!tag_defs.ok()) return Fail("indicators", tag_defs.status());
  // Only the tags the query names (and those their rules use), and only the frame columns it reads.
  std::vector<std::string> tag_names;
  auto scan = [&](const std::string& text) {
    auto e = text.empty() ? Result<std::unique_ptr<analytics::Expr>>(Status::NotFound("")) : analytics::ParseExpr(text);
    if (e.ok()) analytics::TagNamesOf(**e, &tag_names);
  };
  scan(q.where);
  for (const auto* d : q.indicators) { scan(d->numerator); scan(d->denominator); scan(d->filter); }
  for (const auto& b : q.by) if (b.rfind("tag:", 0) == 0) tag_names.push_back(b.substr(4));
  std::vector<analytics::TagDef> used_tags = analytics::TagsNeeded(*tag_defs, tag_names);
  uint32_t columns = analytics::FrameColumnsForQuery(q.indicators, q.where, q.by, *tag_defs);
  auto loaded = LoadFrame(in, data_dir, *ref, reader, "indicators",
                          "names=" + names + " by=" + by + " from=" + from + " to=" + to + " where=" + q.where, columns);
  if (!loaded.ok()) return Fail("indicators", loaded.status());
  const auto* frame = &loaded->frame;
  // Only the rows the reader may see (court scope, sealed cases): the same condition the service uses.
  const std::string& scope = loaded->visible.where;
  if (!scope.empty()) q.where = q.where.empty() ? scope : "(" + q.where + ") and (" + scope + ")";
  auto tags = analytics::TagSet::Compute(**frame, used_tags, q.to.days());
  if (!tags.ok()) return Fail("indicators", tags.status());
  q.tags = &*tags;
  auto table = analytics::EvaluateIndicators(**frame, q);
  if (!table.ok()) return Fail("indicators", table.status());
  if (const GuardedReader* gr = loaded->reader.get()) {
    int blanked = security::SuppressIndicatorCells(gr->guard(), gr->principal(), &*table);
    if (blanked > 0) {
      std::fprintf(stderr, "indicators: %d cell(s) below the minimum cell size of role %s shown as -\n", blanked,
                   security::SpecOf(gr->principal().role).name);
    }
  }
  std::string out = format == "json" ? analytics::FormatJson(*table) : format == "csv" ? analytics::FormatCsv(*table)
                                                                                      : analytics::FormatTable(*table);
  std::fwrite(out.data(), 1, out.size(), stdout);
  return 0;
}

}  // namespace tianping::cli
