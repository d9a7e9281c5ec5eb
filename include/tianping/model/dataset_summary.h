// Dataset summary (数据集概览): counts of a generated or ingested JSONL dataset — cases by category,
// province, filing year and closure method, pending cases, documents, truth entities per kind, and the
// headline rates. Used by `tianping summarize` and by the HTTP service (`/api/summary`, computed once).
// Thread-safety: SummarizeDataset is reentrant; DatasetSummary is a value.
#pragma once

#include <cstdint>
#include <map>
#include <string>

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

// Reads <dir>/cases.jsonl (required), <dir>/documents.jsonl and <dir>/truth.json (optional).
// Errors: NotFound / IoError for cases.jsonl, ParseError naming file and line for a bad record or truth.json.
Result<DatasetSummary> SummarizeDataset(const std::string& dir, const ReferenceData& ref);

// The JSON form (keys: cases, pending, documents, by_category, by_province, by_year, closure_methods,
// truth, rates), as printed by `tianping summarize --format json` and returned by /api/summary.
std::string DatasetSummaryJson(const DatasetSummary& summary, int indent = -1);

}  // namespace tianping
