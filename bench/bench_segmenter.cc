// Segmenter throughput (MB/s of UTF-8 input per core, from CPU time) and dictionary load time.
// Corpus: the text fields of ../shared/realdata/facts_with_cause_dev.jsonl when present (read only here,
// at benchmark time), else 5,000 generated legal sentences. Results: docs/benchmarks.md, "Segmenter".
#include <benchmark/benchmark.h>

#include <cstdio>
#include <fstream>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "tianping/common/rng.h"
#include "tianping/text/segmenter.h"

namespace {

using tianping::text::CutMode;
using tianping::text::Segmenter;
using tianping::text::SegmenterOptions;

std::vector<std::string> GeneratedCorpus() {
  const char* surnames[] = {"王", "李", "张", "刘", "陈", "杨", "赵", "黄", "周", "吴"};
  const char* causes[] = {"民间借贷纠纷", "机动车交通事故责任纠纷", "金融借款合同纠纷", "离婚纠纷",
                          "买卖合同纠纷", "房屋租赁合同纠纷", "物业服务合同纠纷", "劳务合同纠纷"};
  const char* charges[] = {"盗窃罪", "危险驾驶罪", "诈骗罪", "故意伤害罪", "帮助信息网络犯罪活动罪"};
  tianping::Rng rng(20240501);
  auto pick = [&](auto& arr) { return arr[rng.Next() % (sizeof(arr) / sizeof(arr[0]))]; };
  std::vector<std::string> out;
  char buf[1024];
  for (int i = 0; i < 5000; ++i) {
    switch (i % 4) {
      case 0:
        std::snprintf(buf, sizeof buf,
                      "原告%s某%d与被告%s某某%s一案，本院于20%02d年%d月%d日立案后，依法适用简易程序公开开庭进行了审理。",
                      pick(surnames), int(rng.Next() % 9 + 1), pick(surnames), pick(causes),
                      int(rng.Next() % 10 + 14), int(rng.Next() % 12 + 1), int(rng.Next() % 28 + 1));
        break;
      case 1:
        std::snprintf(buf, sizeof buf,
                      "原告向本院提出诉讼请求：判令被告偿还借款人民币%d元及利息，本案诉讼费用由被告负担。"
                      "被告辩称，借款已经偿还，不同意原告的诉讼请求。",
                      int(rng.Next() % 500000 + 1000));
        break;
      case 2:
        std::snprintf(buf, sizeof buf,
                      "被告人%s某某犯%s，判处有期徒刑%d个月，并处罚金人民币%d元。被告人到案后如实供述自己的罪行，"
                      "系坦白，可以从轻处罚。",
                      pick(surnames), pick(charges), int(rng.Next() % 36 + 6), int(rng.Next() % 50 + 1) * 1000);
        break;
      default:
        std::snprintf(buf, sizeof buf,
                      "本院认为，合法的借贷关系受法律保护。依照《中华人民共和国民法典》第六百七十五条、"
                      "《中华人民共和国民事诉讼法》第一百四十五条之规定，判决如下：案件受理费减半收取计%d元。",
                      int(rng.Next() % 5000 + 50));
    }
    out.emplace_back(buf);
  }
  return out;
}

const std::vector<std::string>& Corpus() {
  static const std::vector<std::string> corpus = [] {
    std::vector<std::string> lines;
    std::ifstream in(std::string(TP_SOURCE_DIR) + "/../shared/realdata/facts_with_cause_dev.jsonl");
    std::string line;
    while (std::getline(in, line)) {
      auto j = nlohmann::json::parse(line, nullptr, false);
      if (j.is_object() && j.contains("text") && j["text"].is_string()) lines.push_back(j["text"]);
    }
    if (lines.empty()) {
      std::fprintf(stderr, "bench_segmenter: realdata absent, using generated sentences\n");
      lines = GeneratedCorpus();
    } else {
      std::fprintf(stderr, "bench_segmenter: corpus = facts_with_cause_dev.jsonl (%zu texts)\n", lines.size());
    }
    return lines;
  }();
  return corpus;
}

const Segmenter* Default() {
  static const Segmenter* seg = [] {
    auto s = Segmenter::Load(SegmenterOptions::Default());
    if (!s.ok()) {
      std::fprintf(stderr, "bench_segmenter: %s\n", s.status().ToString().c_str());
      return static_cast<Segmenter*>(nullptr);
    }
    return new Segmenter(std::move(s).value());
  }();
  return seg;
}

void BM_Load(benchmark::State& state) {
  SegmenterOptions o = SegmenterOptions::Default();
  o.load_hmm = state.range(0) != 0;
  size_t words = 0;
  for (auto _ : state) {
    auto s = Segmenter::Load(o);
    if (!s.ok()) { state.SkipWithError(s.status().ToString().c_str()); return; }
    words = s->stats().words;
    benchmark::DoNotOptimize(words);
  }
  state.counters["words"] = static_cast<double>(words);
  state.SetLabel(o.load_hmm ? "dict+user+hmm" : "dict+user");
}
BENCHMARK(BM_Load)->Arg(0)->Arg(1)->Unit(benchmark::kMillisecond)->Iterations(5);

void BM_Cut(benchmark::State& state) {
  const Segmenter* seg = Default();
  if (seg == nullptr) { state.SkipWithError("jieba dictionary unavailable"); return; }
  const auto& corpus = Corpus();
  CutMode mode = static_cast<CutMode>(state.range(0));
  size_t bytes = 0, words = 0;
  for (const auto& t : corpus) bytes += t.size();
  std::vector<std::string_view> out;
  for (auto _ : state) {
    for (const auto& t : corpus) {
      out.clear();
      seg->Cut(t, mode, &out);
      words += out.size();
    }
    benchmark::ClobberMemory();
  }
  state.SetBytesProcessed(static_cast<int64_t>(bytes) * state.iterations());
  state.counters["words/s"] = benchmark::Counter(static_cast<double>(words), benchmark::Counter::kIsRate);
  state.SetLabel(mode == CutMode::kExact ? "exact" : mode == CutMode::kSearch ? "search" : "nohmm");
}
BENCHMARK(BM_Cut)
    ->Arg(static_cast<int>(CutMode::kExact))
    ->Arg(static_cast<int>(CutMode::kExactNoHmm))
    ->Arg(static_cast<int>(CutMode::kSearch))
    ->Unit(benchmark::kMillisecond);  // CPU time of one thread: MB/s per core, robust on a shared machine

// The plain jieba configuration (no user dictionary, no legal rules), to price the legal additions.
void BM_CutPlain(benchmark::State& state) {
  static const Segmenter* seg = [] {
    SegmenterOptions o;
    o.legal_rules = false;
    auto s = Segmenter::Load(o);
    return s.ok() ? new Segmenter(std::move(s).value()) : nullptr;
  }();
  if (seg == nullptr) { state.SkipWithError("jieba dictionary unavailable"); return; }
  const auto& corpus = Corpus();
  size_t bytes = 0;
  for (const auto& t : corpus) bytes += t.size();
  std::vector<std::string_view> out;
  for (auto _ : state) {
    for (const auto& t : corpus) {
      out.clear();
      seg->Cut(t, CutMode::kExact, &out);
    }
    benchmark::ClobberMemory();
  }
  state.SetBytesProcessed(static_cast<int64_t>(bytes) * state.iterations());
  state.SetLabel("exact, plain jieba");
}
BENCHMARK(BM_CutPlain)->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
