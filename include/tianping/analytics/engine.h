// The indicator engine: every requested indicator over every requested dimension in one evaluation.
// Aggregates shared by several indicators (e.g. count(closed)) are computed once; each aggregate is one
// pass over the rows of its condition bitmap, adding into per-(group, period) counters with difference
// arrays, so range conditions (旧存, pending at period end) cost the same as point conditions.
// Period semantics and dimensions: docs/indicators.md. Thread-safety: Evaluate is reentrant; the frame
// and definitions are read-only.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "tianping/analytics/case_frame.h"
#include "tianping/analytics/indicator.h"
#include "tianping/analytics/tag.h"
#include "tianping/common/date.h"

namespace tianping::analytics {

struct IndicatorQuery {
  std::vector<const IndicatorDef*> indicators;
  // Dimensions: court court_level province region judge category type stage procedure cause cause1..cause4
  // relation tag:<name>, and at most one period dimension: year | quarter | month.
  std::vector<std::string> by;
  Date from, to;          // inclusive days: first day of --from month, last day of --to month
  std::string where;      // row condition (expression language); empty = all cases
  const TagSet* tags = nullptr;
  int threads = 2;
};

struct IndicatorCell {
  double value = 0;         // NaN when the denominator is 0
  double numerator = 0, denominator = 0;
  bool has_denominator = true;
  std::optional<bool> in_range;  // empty without a reference range or without a value
};

struct IndicatorRow {
  std::vector<std::string> key;     // one label per dimension (in IndicatorQuery::by order)
  std::vector<IndicatorCell> cells;  // one per indicator (in IndicatorQuery::indicators order)
};

struct IndicatorTable {
  std::vector<std::string> dims;
  std::vector<const IndicatorDef*> indicators;
  std::vector<IndicatorRow> rows;   // sorted by key; groups with no contribution to any aggregate omitted
  size_t aggregates = 0;            // distinct aggregates evaluated (after sharing)
};

Result<IndicatorTable> EvaluateIndicators(const CaseFrame& frame, const IndicatorQuery& query);

// Output forms (docs/indicators.md §CLI): aligned table, JSON (one object per row), CSV (long form:
// dims…, indicator, value, numerator, denominator, in_range).
std::string FormatTable(const IndicatorTable& t);
std::string FormatJson(const IndicatorTable& t);
std::string FormatCsv(const IndicatorTable& t);
// Value rounded for display: "85.32" for %; "-" when undefined.
std::string FormatValue(const IndicatorDef& def, double value);

}  // namespace tianping::analytics
