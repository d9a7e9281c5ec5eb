// `tianping ingest`: loads JSONL files of cases and documents (docs/schema.md) into the store as one new
// snapshot. Input is split into line-aligned chunks parsed on several threads; rows that fail validation
// go to DIR/quarantine/<snapshot>.jsonl with file, line, field, reason and the raw line; the rest commits
// atomically (docs/store-format.md "Commit"). Re-ingesting the same rows changes nothing (upsert by id).
// Thread-safety: one ingest per store directory at a time (a second one fails on DIR/LOCK).
#pragma once

#include <functional>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "tianping/common/status.h"
#include "tianping/model/reference.h"
#include "tianping/store/snapshot_info.h"

namespace tianping {

// Where a rejected row came from, for a source connector whose input file is a conversion of another
// system's rows (docs/source-postgresql.md "Quarantine").
struct RowSource {
  std::string file;                      // the source, e.g. a masked database URL
  std::string table;                     // source table of the rejected value
  std::string row;                       // "<id column>=<id>"
  std::string column;                    // source column; empty when the whole row is meant
};

struct IngestOptions {
  int threads = 0;                       // 0: one per hardware thread
  const ReferenceData* ref = nullptr;    // court existence and province; nullptr checks shapes only
  bool progress = true;                  // progress lines on stderr
  std::string description;               // recorded in the manifest; default "ingest <files>"
  std::string input_format = "auto";     // auto (.csv files are CSV, the rest JSONL) | jsonl | csv
  // Bounded memory: once this many valid cases are held in memory they are written to temporary run
  // files and freed; the commit reads them back one partition at a time (0 = keep the batch in memory).
  // Documents are not spilled.
  size_t spill_cases = 100000;
  // Cases to delete in the new snapshot, with their parties and documents. An id that the input also
  // holds (as a valid case) is upserted, not removed. Ids not in the parent snapshot are ignored and
  // counted in ChangeSummary::removals_ignored.
  std::vector<std::string> remove_case_ids;
  // Documents to delete in the new snapshot while their cases stay (ChangeSummary::documents_removed).
  // A doc_id the input also holds (as a valid document) is upserted, not removed; ids not in the parent
  // snapshot are counted in ChangeSummary::removals_ignored.
  std::vector<std::string> remove_document_ids;
  // Recorded in the new snapshot's manifest over the parent's state (keys not given are carried forward);
  // read it back from StoreSnapshot::info().source_state.
  std::map<std::string, std::string> source_state;
  // When set, quarantine entries name locate_row(file index, line, field) — keys file, table, row, column
  // — instead of file and line. Called on the one thread that applies parsed chunks.
  std::function<RowSource(size_t file, int64_t line, std::string_view field)> locate_row;
};

struct IngestReport {
  SnapshotInfo snapshot;                 // the committed snapshot
  int64_t lines = 0;                     // non-blank input lines
  int64_t cases = 0;                     // case rows read (valid or not)
  int64_t documents = 0;                 // document rows read
};

// Files are JSONL or CSV (src/store/csv_input.h); "-" reads standard input. A record holding "doc_id" is a
// document, else a case. `files` may be empty when options give removals or source state.
Result<IngestReport> IngestFiles(const std::string& dir, const std::vector<std::string>& files,
                                 const IngestOptions& options);

}  // namespace tianping
