// tianping clean [--data DIR] [--ref DIR] [--report] [--fix] [--format table|json|csv] [--samples N] [--quiet]
// Data cleaning (定期数据清洗, docs/cleaning.md): --report (the default) lists every rule with its count and
// the first N samples; --fix applies only the safe fixes and commits them as a new snapshot (never deletes
// anything), then prints what it changed. With both, the report describes the store after the fix.
#include <CLI/CLI.hpp>

#include <cstdio>

#include "admin_action.h"
#include "commands.h"
#include "exit_codes.h"
#include "rows_output.h"
#include "tianping/common/json_writer.h"
#include "tianping/store/clean.h"
#include "tianping/store/store.h"

namespace tianping::cli {

void PrintSnapshotSummary(const SnapshotInfo& s, const std::string& dir, const std::string& format);

namespace {

void PrintReport(const CleanReport& report, const std::string& format) {
  if (format == "json") {
    std::string out;
    JsonWriter w(&out);
    w.BeginObject();
    w.FieldInt("snapshot", static_cast<int64_t>(report.snapshot));
    w.FieldInt("cases", report.cases);
    w.FieldInt("documents", report.documents);
    w.Field("as_of", report.cases ? report.as_of.ToString() : "");
    w.Key("rules");
    w.BeginArray();
    for (const CleanRuleResult& r : report.results) {
      w.BeginObject();
      w.Field("rule", r.rule->id);
      w.Field("severity", r.rule->severity);
      w.Key("safe_fix");
      w.Bool(r.rule->safe_fix);
      w.Field("description", r.rule->description);
      w.FieldInt("count", r.count);
      w.Key("samples");
      w.BeginArray();
      for (const CleanSample& s : r.samples) {
        w.BeginObject();
        w.Field("id", s.case_id);
        w.Field("detail", s.detail);
        w.EndObject();
      }
      w.EndArray();
      w.EndObject();
    }
    w.EndArray();
    w.EndObject();
    std::printf("%s\n", out.c_str());
    return;
  }
  if (format == "csv") {  // one row per sample; a rule without findings gets one row with empty samples
    Rows rows = {{"rule", "severity", "safe_fix", "count", "id", "detail"}};
    for (const CleanRuleResult& r : report.results) {
      std::vector<std::string> head = {r.rule->id, r.rule->severity, r.rule->safe_fix ? "yes" : "no",
                                       std::to_string(r.count)};
      if (r.samples.empty()) rows.push_back({head[0], head[1], head[2], head[3], "", ""});
      for (const CleanSample& s : r.samples) rows.push_back({head[0], head[1], head[2], head[3], s.case_id, s.detail});
    }
    PrintRows(rows, format);
    return;
  }
  std::printf("snapshot %llu: %lld cases, %lld documents checked (as of %s)\n",
              static_cast<unsigned long long>(report.snapshot), static_cast<long long>(report.cases),
              static_cast<long long>(report.documents), report.cases ? report.as_of.ToString().c_str() : "-");
  Rows rows = {{"rule", "severity", "fix", "count", "description"}};
  for (const CleanRuleResult& r : report.results) {
    rows.push_back({r.rule->id, r.rule->severity, r.rule->safe_fix ? "safe" : "-", std::to_string(r.count),
                    r.rule->description});
  }
  std::fputs(RenderTable(rows).c_str(), stdout);
  for (const CleanRuleResult& r : report.results) {
    if (r.samples.empty()) continue;
    std::printf("\n%s (%lld):\n", r.rule->id, static_cast<long long>(r.count));
    for (const CleanSample& s : r.samples) std::printf("  %s  %s\n", s.case_id.c_str(), s.detail.c_str());
  }
}

}  // namespace

int RunClean(int argc, char** argv) {
  CLI::App app{"数据清洗 / report data-quality problems across the store, apply the safe fixes"};
  std::string data_dir = DefaultDataDir(), ref_dir = ReferenceData::DefaultRefDir(), format = "table";
  size_t samples = 5;
  bool report_flag = false, fix = false, quiet = false;
  app.add_option("--data", data_dir, "store directory")->capture_default_str();
  app.add_option("--ref", ref_dir, "reference data directory")->capture_default_str();
  app.add_flag("--report", report_flag, "list the problems per rule (default)");
  app.add_flag("--fix", fix, "apply the safe fixes as a new snapshot");
  app.add_option("--format", format, "table|json|csv")->capture_default_str();
  app.add_option("--samples", samples, "samples per rule")->capture_default_str();
  app.add_flag("--quiet", quiet, "no progress on stderr");
  ReaderOptions who;
  who.AddTo(app);
  CLI11_PARSE(app, argc, argv);
  if (Status s = CheckFormat(format); !s.ok()) return Fail("clean", s);
  auto ref = ReferenceData::Load(ref_dir, data_dir);
  if (!ref.ok()) return Fail("clean", ref.status());
  CleanOptions options;
  options.ref = &*ref;
  options.samples = samples;
  options.progress = !quiet;
  if (fix) {
    // Fixing commits a snapshot: administrative (an admin once one exists), audited.
    auto admin = AdminAction::Begin(data_dir, who, "clean --fix");
    if (!admin.ok()) return Fail("clean", admin.status());
    auto result = CleanFix(data_dir, options);
    if (!result.ok()) return Fail("clean", result.status());
    std::string fixed;
    for (const auto& [rule, n] : result->fixed) fixed += (fixed.empty() ? "" : " ") + rule + "=" + std::to_string(n);
    if (Status s = admin->Record("clean.fix", "store snapshot " + std::to_string(result->snapshot.id),
                                 result->committed ? fixed : "nothing to fix");
        !s.ok()) {
      return Fail("clean", s);
    }
    if (!result->committed) {
      std::printf("clean --fix: nothing to fix, no snapshot committed\n");
    } else {
      std::printf("clean --fix: %zu cases changed in snapshot %llu\n", result->changed.size(),
                  static_cast<unsigned long long>(result->snapshot.id));
      Rows rows = {{"rule", "cases fixed"}};
      for (const auto& [rule, n] : result->fixed) rows.push_back({rule, std::to_string(n)});
      std::fputs(RenderTable(rows).c_str(), stdout);
      for (size_t i = 0; i < result->changed.size() && i < samples; ++i) std::printf("  %s\n", result->changed[i].c_str());
      if (result->changed.size() > samples) std::printf("  … (tianping diff %llu %llu lists them all)\n",
                                                       static_cast<unsigned long long>(result->snapshot.parent),
                                                       static_cast<unsigned long long>(result->snapshot.id));
      PrintSnapshotSummary(result->snapshot, data_dir, "table");
    }
    if (!report_flag) return 0;
  }
  auto snap = StoreSnapshot::Open(data_dir);
  if (!snap.ok()) return Fail("clean", snap.status());
  auto report = CleanStore(**snap, options);
  if (!report.ok()) return Fail("clean", report.status());
  PrintReport(*report, format);
  return 0;
}

}  // namespace tianping::cli
