// Rendering speed of RenderDocument (target: well under 50 µs per document on one core).
#include <benchmark/benchmark.h>

#include "gen/document_writer.h"
#include "gen/sample_cases_test_util.h"

namespace tianping::gen {
namespace {

void Run(benchmark::State& state, const Case& c, const DocumentPlan& plan) {
  const ReferenceData& ref = testing::SampleRef();
  Rng rng(7);
  size_t bytes = 0;
  for (auto _ : state) {
    RenderedDocument r = RenderDocument(c, nullptr, ref, rng, plan);
    bytes += r.doc.text.size();
    benchmark::DoNotOptimize(r);
  }
  state.SetBytesProcessed(static_cast<int64_t>(bytes));
}

void BM_CivilJudgmentClean(benchmark::State& state) { Run(state, testing::LoanCase(), {}); }
void BM_CriminalJudgmentClean(benchmark::State& state) { Run(state, testing::CriminalCase(), {}); }
void BM_MediationClean(benchmark::State& state) { Run(state, testing::MediationCase(), {}); }
void BM_CivilJudgmentThreeErrors(benchmark::State& state) {
  DocumentPlan plan;
  plan.error_kinds = {"wo_yuan", "homophone", "amount_words_mismatch"};
  Run(state, testing::LoanCase(), plan);
}
void BM_CivilJudgmentAllErrorsAndMismatch(benchmark::State& state) {
  DocumentPlan plan;
  plan.error_kinds = DocumentErrorKinds();
  plan.mismatch_fields = {"claim_amount"};
  Run(state, testing::LoanCase(), plan);
}

BENCHMARK(BM_CivilJudgmentClean);
BENCHMARK(BM_CriminalJudgmentClean);
BENCHMARK(BM_MediationClean);
BENCHMARK(BM_CivilJudgmentThreeErrors);
BENCHMARK(BM_CivilJudgmentAllErrorsAndMismatch);

}  // namespace
}  // namespace tianping::gen

BENCHMARK_MAIN();
