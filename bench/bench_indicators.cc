// Indicator engine benchmark: every built-in indicator by province × month over one year.
//   bench_indicators --in cases.jsonl [--tile K] [--year 2023] [--reps 5] [--threads 2]
//   bench_indicators --data STORE_DIR ...     read the frame from a case store (only the columns the suite
//                                             reads), timing the load
//                    [--export DIR]   write DIR/frame.csv (the frame's columns, for the DuckDB peer) and
//                                     DIR/tianping.csv (province, month, indicator id, numerator, denominator)
// The input is replicated K times (case ids suffixed #k, links kept within each copy) to reach 10 M rows
// from a generated 1 M dataset. Figures: docs/benchmarks.md ("Indicators"); peer: bench/indicators_peer.mjs.
#include <algorithm>
#include <chrono>
#include <ctime>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "tianping/analytics/engine.h"
#include "tianping/analytics/frame_columns.h"
#include "tianping/store/store.h"
#include "tianping/model/case_json.h"
#include "tianping/model/jsonl_reader.h"

using namespace tianping;
using namespace tianping::analytics;

namespace {

double Seconds(std::chrono::steady_clock::time_point a) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - a).count();
}

void Export(const CaseFrame& f, const std::string& dir) {
  std::ofstream out(dir + "/frame.csv");
  out << "row,province,filed,closed,effective,root_filed,root_row,parent_row,received,stage,type,category,"
         "procedure,closure,relation,limit_days,extension_days,excluded_days,correction,judge,has_payment,"
         "executed,appealed,petitioned,voluntary,applied,recovered\n";
  auto d = [](int32_t x) { return x == kNoDate ? std::string() : std::to_string(x); };
  auto flag = [](const Bitmap& b, uint32_t i) { return b.Contains(i) ? 1 : 0; };
  std::string line;
  for (uint32_t i = 0; i < f.rows; ++i) {
    line.clear();
    line += std::to_string(i) + "," + f.provinces.Value(f.court_province[f.court[i]]) + "," + d(f.filed[i]) + "," +
            d(f.closed[i]) + "," + d(f.effective[i]) + "," + d(f.root_filed[i]) + "," +
            (f.root[i] < 0 ? "" : std::to_string(f.root[i])) + "," + (f.parent[i] < 0 ? "" : std::to_string(f.parent[i])) +
            "," + d(f.received[i]) + "," + f.stages.Value(f.stage[i]) + "," + f.type_codes.Value(f.type_code[i]) + "," +
            f.categories.Value(f.category[i]) + "," + f.procedures.Value(f.procedure[i]) + "," +
            f.closures.Value(f.closure[i]) + "," + f.relations.Value(f.relation[i]) + "," +
            std::to_string(f.limit_days[i]) + "," + std::to_string(f.extension_days[i]) + "," +
            std::to_string(f.excluded_days[i]) + "," + std::to_string(flag(f.correction, i)) + "," +
            std::to_string(f.judge[i]) + "," + std::to_string(flag(f.has_payment, i)) + "," +
            std::to_string(flag(f.executed, i)) + "," + std::to_string(flag(f.appealed, i)) + "," +
            std::to_string(flag(f.petitioned, i)) + "," + std::to_string(flag(f.voluntary, i)) + "," +
            std::to_string(f.applied_amount[i]) + "," + std::to_string(f.recovered_amount[i]) + "\n";
    out << line;
  }
  out.flush();
  if (!out) std::fprintf(stderr, "--export %s: cannot write frame.csv\n", dir.c_str());
}

}  // namespace

int main(int argc, char** argv) {
  std::string in, export_dir, data;
  int tile = 1, year = 2023, reps = 5, threads = 2;
  for (int i = 1; i + 1 < argc; i += 2) {
    std::string k = argv[i], v = argv[i + 1];
    if (k == "--in") in = v;
    else if (k == "--tile") tile = std::stoi(v);
    else if (k == "--year") year = std::stoi(v);
    else if (k == "--reps") reps = std::stoi(v);
    else if (k == "--threads") threads = std::stoi(v);
    else if (k == "--export") export_dir = v;
    else if (k == "--data") data = v;
  }
  if (in.empty() && data.empty()) { std::fprintf(stderr, "usage: bench_indicators --in cases.jsonl [--tile K] [--export DIR]\n"); return 2; }
  auto ref = ReferenceData::Load(ReferenceData::DefaultRefDir());
  auto reg = IndicatorRegistry::LoadDir(IndicatorRegistry::DefaultDir());
  if (!ref.ok() || !reg.ok()) { std::fprintf(stderr, "cannot load reference data or indicators\n"); return 1; }

  IndicatorQuery q;
  for (const auto& d : reg->all()) q.indicators.push_back(&d);
  q.by = {"province", "month"};
  q.from = Date::FromYmd(year, 1, 1);
  q.to = Date::FromYmd(year, 12, 31);
  q.threads = threads;
  std::shared_ptr<const CaseFrame> frame_ptr;
  if (!data.empty()) {
    auto t0 = std::chrono::steady_clock::now();
    std::clock_t c0 = std::clock();
    auto snap = StoreSnapshot::Open(data);
    if (!snap.ok()) { std::fprintf(stderr, "%s\n", snap.status().ToString().c_str()); return 1; }
    uint32_t columns = FrameColumnsForQuery(q.indicators, "", q.by, {});
    auto f = LoadCaseFrameStore(**snap, *ref, columns, threads);
    if (!f.ok()) { std::fprintf(stderr, "%s\n", f.status().ToString().c_str()); return 1; }
    frame_ptr = *f;
    std::printf("store load: %u rows, columns %s: %.3f s (CPU %.3f s)\n", frame_ptr->rows,
                FrameColumnNames(columns).c_str(), Seconds(t0), static_cast<double>(std::clock() - c0) / CLOCKS_PER_SEC);
  } else {
    auto t0 = std::chrono::steady_clock::now();
    std::vector<Case> cases;
    {
      auto reader = JsonlReader::Open(in);
      if (!reader.ok()) { std::fprintf(stderr, "%s\n", reader.status().ToString().c_str()); return 1; }
      std::string_view line;
      while ((*reader)->Next(&line)) {
        auto c = ParseCaseJson(line);
        if (!c.ok()) { std::fprintf(stderr, "%s%s\n", (*reader)->Where().c_str(), c.status().ToString().c_str()); return 1; }
        c->parties.clear();  // not used by the indicators; keeps memory small
        c->document_id.clear();
        cases.push_back(std::move(c).value());
      }
    }
    double parse_s = Seconds(t0);
    t0 = std::chrono::steady_clock::now();
    CaseFrameBuilder builder(*ref);
    for (int k = 0; k < tile; ++k) {
      std::string suffix = k ? "#" + std::to_string(k) : "";
      for (Case c : cases) {
        c.case_id += suffix;
        if (c.derived_from) c.derived_from->case_id += suffix;
        if (!c.judge_id.empty()) c.judge_id += suffix;  // each copy has its own judges
        builder.Add(c);
      }
    }
    cases.clear();
    cases.shrink_to_fit();
    frame_ptr = std::make_shared<const CaseFrame>(builder.Finish());
    double build_s = Seconds(t0);
    std::fprintf(stderr, "frame: %u rows (parse %.1f s, build %.1f s)\n", frame_ptr->rows, parse_s, build_s);
  }
  const CaseFrame& frame = *frame_ptr;
  double best = 1e9, total = 0, cpu_total = 0, cold = 0, cold_cpu = 0;
  Result<IndicatorTable> table = Status::Internal("not run");
  for (int r = 0; r <= reps; ++r) {
    auto t = std::chrono::steady_clock::now();
    std::clock_t c0 = std::clock();
    table = EvaluateIndicators(frame, q);
    double s = Seconds(t);
    double cpu = static_cast<double>(std::clock() - c0) / CLOCKS_PER_SEC;
    if (r == 0) { cold = s; cold_cpu = cpu; continue; }  // first run: predicate bitmaps not yet cached
    cpu_total += cpu;
    if (!table.ok()) { std::fprintf(stderr, "%s\n", table.status().ToString().c_str()); return 1; }
    best = std::min(best, s);
    total += s;
  }
  std::printf("indicators: %zu indicators (%zu distinct aggregates), %zu cells (province x month), %u rows, "
              "%d threads: cold %.3f s (CPU %.3f s); warm best %.3f s, mean %.3f s (CPU %.3f s) over %d runs\n",
              q.indicators.size(), table->aggregates, table->rows.size(), frame.rows, threads, cold, cold_cpu, best,
              total / reps, cpu_total / reps, reps);
  if (!export_dir.empty()) {
    std::error_code ec;
    std::filesystem::create_directories(export_dir, ec);
    if (ec) { std::fprintf(stderr, "--export %s: %s\n", export_dir.c_str(), ec.message().c_str()); return 1; }
    Export(frame, export_dir);
    std::ofstream out(export_dir + "/tianping.csv");
    out << "province,month,indicator,numerator,denominator\n";
    for (const auto& r : table->rows)
      for (size_t i = 0; i < q.indicators.size(); ++i) {
        const IndicatorCell& c = r.cells[i];
        char buf[128];
        std::snprintf(buf, sizeof buf, "%.6f,%.6f", c.numerator, c.has_denominator ? c.denominator : 0.0);
        out << r.key[0] << "," << r.key[1] << "," << q.indicators[i]->id << "," << buf << "\n";
      }
    out.flush();
    if (!out) { std::fprintf(stderr, "--export %s: cannot write tianping.csv\n", export_dir.c_str()); return 1; }
    std::fprintf(stderr, "exported %s/frame.csv and %s/tianping.csv\n", export_dir.c_str(), export_dir.c_str());
  }
  return 0;
}
