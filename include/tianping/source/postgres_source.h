// Source connector for a court case-management database in PostgreSQL (法院案件管理系统): the schema is
// data/source/postgresql-schema.sql, described with the pulling protocol in docs/source-postgresql.md.
//
// IngestFromPostgres pulls what changed since the watermark recorded in the store's current snapshot
// (rows with updated_at at or after it, minus a safety overlap), converts them to the case model and
// commits them through IngestFiles, so validation and quarantine are those of `tianping ingest`;
// quarantine entries name the source table, row id and column. Cases deleted at the source (tombstones in
// deleted_rows) are removed in the same snapshot. The new watermark is recorded in the snapshot's
// source_state. A URL's password is never printed: messages carry MaskConnectionUrl(url).
// Thread-safety: functions are reentrant; one ingest per store directory at a time (store LOCK).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "tianping/common/status.h"
#include "tianping/store/ingest.h"

namespace tianping {

struct PgSourceOptions {
  IngestOptions ingest;          // threads, ref, progress, description (default "ingest <masked url>")
  int overlap_seconds = 120;     // re-read rows this much older than the watermark (late commits); 0 = exact
  int batch_rows = 2000;         // cases fetched per round trip
};

struct PgSourceReport {
  bool committed = false;        // false: nothing read, deleted or moved; ingest.snapshot is the current one
  IngestReport ingest;           // the committed snapshot and the rows the ingest read
  int64_t cases_read = 0;        // case rows pulled (with their parties, agents, links, execution)
  int64_t documents_read = 0;
  int64_t cases_deleted = 0;     // tombstoned cases the store holds, removed by the ingest
  int64_t documents_deleted = 0; // tombstoned documents (case kept) the store holds, removed by the ingest
  int stale_files_removed = 0;   // DIR/.pull-postgresql-<pid>.jsonl files of killed pulls, removed
  std::string cases_watermark;   // the recorded watermarks, "<timestamp UTC>|<id>"
  std::string documents_watermark;
  std::string deletions_watermark;
};

Result<PgSourceReport> IngestFromPostgres(const std::string& dir, const std::string& url,
                                          const PgSourceOptions& options);

struct PgLoadReport {
  int64_t cases = 0, parties = 0, agents = 0, documents = 0;
};

// `tianping source load-pg`: runs the schema DDL (idempotent), then loads cases.jsonl / documents.jsonl
// files (a record with "doc_id" is a document) with COPY in one transaction; existing rows with the same
// case_id / doc_id make the load fail. Bad JSON fails with file and line.
Result<PgLoadReport> LoadIntoPostgres(const std::string& url, const std::string& schema_sql_file,
                                      const std::vector<std::string>& files, bool progress);

// The schema DDL shipped in data/source/ (TP_SOURCE_DIR, or $TP_SOURCE_SCHEMA when set).
std::string DefaultPostgresSchemaFile();

// postgresql://user:secret@host/db → postgresql://user:***@host/db; also masks password=… in the query
// string and in keyword/value strings.
std::string MaskConnectionUrl(std::string_view url);

// True for strings `ingest --from` hands to this connector (postgresql:// or postgres://).
bool IsPostgresUrl(std::string_view url);

}  // namespace tianping
