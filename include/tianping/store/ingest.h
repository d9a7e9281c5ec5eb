// `tianping ingest`: loads JSONL files of cases and documents (docs/schema.md) into the store as one new
// snapshot. Input is split into line-aligned chunks parsed on several threads; rows that fail validation
// go to DIR/quarantine/<snapshot>.jsonl with file, line, field, reason and the raw line; the rest commits
// atomically (docs/store-format.md "Commit"). Re-ingesting the same rows changes nothing (upsert by id).
// Thread-safety: one ingest per store directory at a time (a second one fails on DIR/LOCK).
#pragma once

#include <string>
#include <vector>

#include "tianping/common/status.h"
#include "tianping/model/reference.h"
#include "tianping/store/snapshot_info.h"

namespace tianping {

struct IngestOptions {
  int threads = 0;                       // 0: one per hardware thread
  const ReferenceData* ref = nullptr;    // court existence and province; nullptr checks shapes only
  bool progress = true;                  // progress lines on stderr
  std::string description;               // recorded in the manifest; default "ingest <files>"
  std::string input_format = "auto";     // auto (.csv files are CSV, the rest JSONL) | jsonl | csv
};

struct IngestReport {
  SnapshotInfo snapshot;                 // the committed snapshot
  int64_t lines = 0;                     // non-blank input lines
  int64_t cases = 0;                     // case rows read (valid or not)
  int64_t documents = 0;                 // document rows read
};

// Files are JSONL or CSV (src/store/csv_input.h); "-" reads standard input. A record holding "doc_id" is a
// document, else a case.
Result<IngestReport> IngestFiles(const std::string& dir, const std::vector<std::string>& files,
                                 const IngestOptions& options);

}  // namespace tianping
