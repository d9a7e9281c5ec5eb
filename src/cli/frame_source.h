// Where `tianping indicators` and `tianping tags` read their cases: a cases.jsonl (--in) when given,
// otherwise the current snapshot of the case store in the data directory (--data, default
// DefaultDataDir()). The data directory is one concept: the store and the saved indicator definitions
// (<data>/analytics/definitions.db) both live there.
#pragma once

#include <memory>
#include <string>

#include "tianping/analytics/case_frame.h"

namespace tianping::cli {

// REQUIRES: `ref` outlives the frame. An empty store (no snapshot committed) is an error that says how
// to fill it, not an empty result. From the store only the column groups in `columns` are decoded
// (analytics/frame_columns.h); a JSONL file always fills every column.
Result<std::shared_ptr<const analytics::CaseFrame>> LoadFrame(const std::string& in, const std::string& data_dir,
                                                              const ReferenceData& ref,
                                                              uint32_t columns = analytics::kFrameAllColumns);

}  // namespace tianping::cli
