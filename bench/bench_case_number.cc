// 案号 parse rate: a fixed mix of current-style, legacy and malformed numbers (docs/benchmarks.md).
#include <benchmark/benchmark.h>

#include <string>
#include <vector>

#include "tianping/model/case_number.h"
#include "tianping/model/case_type_table.h"

namespace {

// A deterministic mix: 8 current-style numbers of varied courts and types, 2 legacy, 1 malformed.
const std::vector<std::string>& Inputs() {
  static const std::vector<std::string> inputs = [] {
    const char* courts[] = {"京0105", "粤07", "最高法", "沪7101", "浙", "苏0508", "兵0102", "京73"};
    const char* types[] = {"民初", "民终", "刑初", "执", "执恢", "民督监", "行赔申", "知民初"};
    std::vector<std::string> v;
    for (int i = 0; i < 1024; ++i) {
      int k = i % 11;
      if (k < 8) {
        v.push_back("（20" + std::to_string(16 + i % 9) + "）" + courts[(i / 11) % 8] + types[(i / 3) % 8] +
                    std::to_string(1 + (i * 7919) % 99999) + "号");
      } else if (k < 10) {
        v.push_back("(2014)吴江商初字第0" + std::to_string(1000 + i) + "号");
      } else {
        v.push_back("（2023）京0105民x" + std::to_string(i) + "号");
      }
    }
    return v;
  }();
  return inputs;
}

void BM_ParseCaseNumber(benchmark::State& state) {
  const auto& in = Inputs();
  (void)tianping::CaseTypeTable::Default();  // load outside the timed loop
  size_t i = 0, bytes = 0;
  for (auto _ : state) {
    const std::string& s = in[i++ & 1023];
    auto r = tianping::ParseCaseNumber(s);
    benchmark::DoNotOptimize(r);
    bytes += s.size();
  }
  state.SetItemsProcessed(state.iterations());
  state.SetBytesProcessed(static_cast<int64_t>(bytes));
}
BENCHMARK(BM_ParseCaseNumber);

}  // namespace

BENCHMARK_MAIN();
