// Document checking speed (parse + all checks) in MB/s per core: documents rendered in memory for the
// varied sample cases (clean and with three planted errors), and the real criminal judgments of
// ../shared/realdata when present (read at benchmark time only). Results: docs/benchmarks.md.
#include <benchmark/benchmark.h>
#include <nlohmann/json.hpp>

#include <fstream>
#include <string>
#include <vector>

#include "gen/document_writer.h"
#include "gen/sample_cases_test_util.h"
#include "tianping/text/doc_check.h"

namespace tianping {
namespace {

const text::DocChecker& Checker() {
  static const std::unique_ptr<text::DocChecker> c = [] {
    text::DocCheckOptions o;
    o.ref = &gen::testing::SampleRef();
    return std::move(text::DocChecker::Create(o)).value();
  }();
  return *c;
}

std::vector<std::string> Generated(bool with_errors) {
  std::vector<std::string> out;
  uint64_t seed = 1;
  const auto& kinds = gen::DocumentErrorKinds();
  for (const Case& c : gen::testing::VariedCases()) {
    for (int i = 0; i < 4; ++i, ++seed) {
      gen::DocumentPlan plan;
      if (with_errors)
        for (int k = 0; k < 3; ++k) plan.error_kinds.push_back(kinds[(seed * 7 + k * 5) % kinds.size()]);
      Rng rng(seed);
      out.push_back(gen::RenderDocument(c, nullptr, gen::testing::SampleRef(), rng, plan).doc.text);
    }
  }
  return out;
}

void Run(benchmark::State& state, const std::vector<std::string>& docs) {
  if (docs.empty()) { state.SkipWithError("no documents"); return; }
  size_t bytes = 0, i = 0, findings = 0;
  for (auto _ : state) {
    const std::string& d = docs[i++ % docs.size()];
    auto f = Checker().Check(d);
    findings += f.size();
    bytes += d.size();
    benchmark::DoNotOptimize(f);
  }
  state.SetBytesProcessed(static_cast<int64_t>(bytes));
  state.counters["findings/doc"] = benchmark::Counter(static_cast<double>(findings) / std::max<size_t>(1, i));
}

void BM_GeneratedClean(benchmark::State& state) {
  static const auto docs = Generated(false);
  Run(state, docs);
}
void BM_GeneratedThreeErrors(benchmark::State& state) {
  static const auto docs = Generated(true);
  Run(state, docs);
}
void BM_RealCriminal(benchmark::State& state) {
  static const auto docs = [] {
    std::vector<std::string> v;
    std::ifstream in(std::string(TP_SOURCE_DIR) + "/../shared/realdata/judgments_criminal_dev.jsonl");
    std::string line;
    while (std::getline(in, line)) {
      auto j = nlohmann::json::parse(line, nullptr, false);
      if (j.is_object() && j.contains("text") && j["text"].is_string()) v.push_back(j["text"]);
    }
    return v;
  }();
  Run(state, docs);
}

BENCHMARK(BM_GeneratedClean);
BENCHMARK(BM_GeneratedThreeErrors);
BENCHMARK(BM_RealCriminal);

}  // namespace
}  // namespace tianping

BENCHMARK_MAIN();
