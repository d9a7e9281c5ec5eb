// Judgment parser throughput (MB/s of UTF-8 document text per core, from CPU time).
// Corpora: generated documents (3,000 cases written by gen::Generate into a temporary folder at start-up)
// and, when present, the 200 real criminal judgments in ../shared/realdata (read only here).
// Results: docs/benchmarks.md, "Judgment parser".
#include <benchmark/benchmark.h>

#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>
#include <unordered_map>
#include <vector>

#include <nlohmann/json.hpp>

#include "tianping/gen/generator.h"
#include "tianping/model/case_json.h"
#include "tianping/model/jsonl_reader.h"
#include "tianping/model/reference.h"
#include "tianping/text/crosscheck.h"
#include "tianping/text/extract.h"
#include "tianping/text/judgment.h"

namespace {

using namespace tianping;

struct Generated {
  std::vector<Document> docs;
  std::unordered_map<std::string, Case> cases;
};

const Generated& GeneratedCorpus() {
  static const Generated* g = [] {
    auto* out = new Generated;
    auto ref = ReferenceData::Load(ReferenceData::DefaultRefDir());
    if (!ref.ok()) { std::fprintf(stderr, "bench_judgment: %s\n", ref.status().ToString().c_str()); return out; }
    std::string dir = (std::filesystem::temp_directory_path() / ("bench_judgment_" + std::to_string(::getpid()))).string();
    gen::GenOptions o;
    o.cases = 3000;
    o.seed = 11;
    o.out_dir = dir;
    o.threads = 1;
    o.progress = false;
    auto st = gen::Generate(o, *ref);
    if (!st.ok()) { std::fprintf(stderr, "bench_judgment: %s\n", st.status().ToString().c_str()); return out; }
    std::string_view line;
    if (auto r = JsonlReader::Open(dir + "/documents.jsonl"); r.ok())
      while ((*r)->Next(&line)) if (auto d = ParseDocumentJson(line); d.ok()) out->docs.push_back(std::move(d).value());
    if (auto r = JsonlReader::Open(dir + "/cases.jsonl"); r.ok())
      while ((*r)->Next(&line)) if (auto c = ParseCaseJson(line); c.ok()) out->cases.emplace(c->case_id, std::move(c).value());
    std::filesystem::remove_all(dir);
    std::fprintf(stderr, "bench_judgment: %zu generated documents\n", out->docs.size());
    return out;
  }();
  return *g;
}

const std::vector<std::string>& RealCorpus() {
  static const std::vector<std::string> corpus = [] {
    std::vector<std::string> texts;
    std::ifstream in(std::string(TP_SOURCE_DIR) + "/../shared/realdata/judgments_criminal_dev.jsonl");
    std::string line;
    while (std::getline(in, line)) {
      auto j = nlohmann::json::parse(line, nullptr, false);
      if (j.is_object() && j.contains("text") && j["text"].is_string()) texts.push_back(j["text"]);
    }
    return texts;
  }();
  return corpus;
}

// 0 = parse only, 1 = parse + extract, 2 = parse + extract + cross-check against the case record.
void BM_Generated(benchmark::State& state) {
  const Generated& g = GeneratedCorpus();
  if (g.docs.empty()) { state.SkipWithError("no generated documents"); return; }
  size_t bytes = 0, found = 0;
  for (const auto& d : g.docs) bytes += d.text.size();
  for (auto _ : state) {
    for (const auto& d : g.docs) {
      text::ParsedJudgment j = text::ParseJudgment(d.text);
      if (state.range(0) >= 1) {
        text::ExtractedFacts f = text::ExtractFacts(d.text, j);
        if (state.range(0) >= 2) {
          auto it = g.cases.find(d.case_id);
          if (it != g.cases.end()) found += text::CrossCheck(it->second, d, j, f).size();
        }
        benchmark::DoNotOptimize(f);
      }
      benchmark::DoNotOptimize(j);
    }
  }
  benchmark::DoNotOptimize(found);
  state.SetBytesProcessed(static_cast<int64_t>(bytes) * state.iterations());
  state.SetLabel(state.range(0) == 0 ? "parse" : state.range(0) == 1 ? "parse+extract" : "parse+extract+crosscheck");
}
BENCHMARK(BM_Generated)->Arg(0)->Arg(1)->Arg(2)->Unit(benchmark::kMillisecond);

void BM_Real(benchmark::State& state) {
  const auto& corpus = RealCorpus();
  if (corpus.empty()) { state.SkipWithError("realdata absent"); return; }
  size_t bytes = 0;
  for (const auto& t : corpus) bytes += t.size();
  for (auto _ : state) {
    for (const auto& t : corpus) {
      text::ParsedJudgment j = text::ParseJudgment(t);
      text::ExtractedFacts f = text::ExtractFacts(t, j);
      benchmark::DoNotOptimize(j);
      benchmark::DoNotOptimize(f);
    }
  }
  state.SetBytesProcessed(static_cast<int64_t>(bytes) * state.iterations());
  state.SetLabel("parse+extract, real criminal judgments");
}
BENCHMARK(BM_Real)->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
