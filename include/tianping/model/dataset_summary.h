// Dataset summary (数据集概览): counts of a generated or ingested JSONL dataset — cases by category,
// province, filing year and closure method, pending cases, documents, truth entities per kind, and the
// headline rates. Used by `tianping summarize` and by the HTTP service (`/api/summary`, computed once).
// Thread-safety: SummarizeDataset is reentrant; DatasetSummary is a value.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <utility>

#include "tianping/common/status.h"
#include "tianping/model/reference.h"

namespace tianping {

struct DatasetSummary {
  using Counts = std::map<std::string, uint64_t>;
  uint64_t cases = 0, pending = 0, documents = 0;
  Counts by_category;              // 民事 刑事 行政 执行 ...
  Counts by_province;              // province full name (北京市), 未知 when the court is not in the table
  Counts by_year;                  // filing year "2021"
  Counts closure_methods;          // "民事·判决"
  Counts truth;                    // truth.json: entities per kind
  std::map<std::string, double> rates;  // 民事一审判决率 … 执行到位率, fractions in [0, 1]
};

// The parts of the headline rates, one definition for every summary (SummarizeDataset here, the
// scope-restricted summary of the HTTP service in analytics/frame_summary.h):
//   民事一审判决率 / 调解率 / 撤诉率 = 判决 / 调解 / 撤诉 among closed 民初 cases that derive from none;
//   民事上诉率 = 民终 cases / those closed 民初 cases;
//   执行完毕率 = 执行完毕 among closed 执 cases; 执行到位率 = recovered / applied amount of those.
struct SummaryRateParts {
  uint64_t civil_closed = 0, civil_judged = 0, civil_mediated = 0, civil_withdrawn = 0, civil_appeals = 0;
  uint64_t exec_closed = 0, exec_done = 0;
  int64_t exec_applied = 0, exec_recovered = 0;  // fen

  // One case. `closure_method` is ignored unless `closed`.
  void Add(std::string_view type_code, bool derived, bool closed, std::string_view closure_method,
           int64_t applied, int64_t recovered);
  // Name → {numerator, denominator}, in the order above.
  std::map<std::string, std::pair<double, double>> Parts() const;
  // Name → numerator / denominator (0 when the denominator is 0).
  std::map<std::string, double> Rates() const;
};

// Reads <dir>/cases.jsonl (required), <dir>/documents.jsonl and <dir>/truth.json (optional).
// Errors: NotFound / IoError for cases.jsonl, ParseError naming file and line for a bad record or truth.json.
Result<DatasetSummary> SummarizeDataset(const std::string& dir, const ReferenceData& ref);

// The JSON form (keys: cases, pending, documents, by_category, by_province, by_year, closure_methods,
// truth, rates), as printed by `tianping summarize --format json` and returned by /api/summary.
std::string DatasetSummaryJson(const DatasetSummary& summary, int indent = -1);

}  // namespace tianping
