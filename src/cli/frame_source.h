// Where `tianping indicators` and `tianping tags` read their cases: a cases.jsonl (--in) when given,
// otherwise the current snapshot of the case store in the data directory (--data, default
// DefaultDataDir()). The data directory is one concept: the store and the saved indicator definitions
// (<data>/analytics/definitions.db) both live there.
// The store path goes through the AccessGuard like `case` and `party` (docs/security.md): the reader of
// --as/--key (or the bootstrap operator), a "request" audit record before the read, the rows the reader
// may see (`visible`: court scope, sealed cases — the same definition the HTTP service uses), a "count"
// record with the number of cases aggregated. A cases.jsonl is a file the operator already holds and is
// read as is. From the store only the column groups in `columns` (plus those the access check needs) are
// decoded (analytics/frame_columns.h); a JSONL file always fills every column.
#pragma once

#include <memory>
#include <optional>
#include <string>

#include "guarded_reader.h"
#include "tianping/analytics/case_frame.h"
#include "tianping/security/guarded_aggregates.h"

namespace tianping::cli {

struct LoadedFrame {
  std::shared_ptr<const analytics::CaseFrame> frame;
  std::unique_ptr<GuardedReader> reader;  // null for --in: no principal, nothing suppressed
  security::VisibleRows visible;          // every row for --in
};

// REQUIRES: `ref` outlives the frame. An empty store (no snapshot committed) is an error that says how
// to fill it, not an empty result. `command` and `detail` name the read in the audit log.
Result<LoadedFrame> LoadFrame(const std::string& in, const std::string& data_dir, const ReferenceData& ref,
                              const ReaderOptions& who, const std::string& command, const std::string& detail,
                              uint32_t columns = analytics::kFrameAllColumns);

}  // namespace tianping::cli
