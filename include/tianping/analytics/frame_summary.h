// The dataset summary (数据集概览) over the rows of a CaseFrame that a caller may see: the counts and
// headline rates of SummarizeDataset (model/dataset_summary.h, one definition of the rates:
// SummaryRateParts) computed from the frame's columns, so the HTTP overview follows the served snapshot
// and the caller's scope. docs/api.md "Dataset summary". Thread-safety: reentrant.
#pragma once

#include <cstdint>
#include <functional>

#include "tianping/analytics/case_frame.h"
#include "tianping/common/status.h"
#include "tianping/model/dataset_summary.h"

namespace tianping::analytics {

struct FrameSummary {
  DatasetSummary counts;        // cases, pending, by_* and rates; documents and truth are not in a frame
  SummaryRateParts rate_parts;  // what the rates are computed from (for small-cell suppression)
};

// Columns it reads besides the core ones.
inline constexpr uint32_t kSummaryColumns = kFrameCategory | kFrameExecution;

// Counts the rows for which `visible(row)` is true. Errors: FailedPrecondition when the frame lacks
// kSummaryColumns.
Result<FrameSummary> SummarizeFrame(const CaseFrame& f, const std::function<bool(uint32_t)>& visible);

}  // namespace tianping::analytics
