#include "tianping/analytics/frame_summary.h"

#include <map>
#include <string>
#include <vector>

#include "tianping/common/date.h"

namespace tianping::analytics {

Result<FrameSummary> SummarizeFrame(const CaseFrame& f, const std::function<bool(uint32_t)>& visible) {
  if ((f.loaded & kSummaryColumns) != kSummaryColumns) {
    return Status::FailedPrecondition("dataset summary: the frame lacks the category or execution columns");
  }
  FrameSummary out;
  DatasetSummary& s = out.counts;
  // Counted by dictionary code, named once at the end.
  const size_t n_cat = f.categories.size(), n_closure = f.closures.size();
  std::vector<uint64_t> by_category(n_cat), by_province(f.provinces.size()), closure(n_cat * n_closure);
  std::map<int, uint64_t> by_year;
  for (uint32_t i = 0; i < f.rows; ++i) {
    if (!visible(i)) continue;
    ++s.cases;
    ++by_category[f.category[i]];
    ++by_province[f.court_province[f.court[i]]];
    ++by_year[f.filed[i] == kNoDate ? 0 : Date::FromDays(f.filed[i]).year()];
    const bool closed = f.closed[i] != kNoDate;
    if (closed) ++closure[f.category[i] * n_closure + f.closure[i]];
    else ++s.pending;
    out.rate_parts.Add(f.type_codes.Value(f.type_code[i]), f.relation[i] != kNoCode, closed,
                       f.closures.Value(f.closure[i]), f.applied_amount[i], f.recovered_amount[i]);
  }
  for (size_t c = 0; c < n_cat; ++c) {
    if (by_category[c]) s.by_category[f.categories.Value(static_cast<uint32_t>(c))] = by_category[c];
    for (size_t m = 0; m < n_closure; ++m) {
      uint64_t n = closure[c * n_closure + m];
      if (n) s.closure_methods[f.categories.Value(static_cast<uint32_t>(c)) + "·" + f.closures.Value(static_cast<uint32_t>(m))] += n;
    }
  }
  for (size_t p = 0; p < by_province.size(); ++p) {
    if (by_province[p]) s.by_province[f.provinces.Value(static_cast<uint32_t>(p))] = by_province[p];
  }
  for (const auto& [year, n] : by_year) s.by_year[year ? std::to_string(year) : "未知"] = n;
  s.rates = out.rate_parts.Rates();
  return out;
}

}  // namespace tianping::analytics
