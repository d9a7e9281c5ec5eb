// Pulling changed rows from the court source schema (data/source/postgresql-schema.sql): one
// REPEATABLE READ READ ONLY transaction, keyset pages ordered by (updated_at, id), children of each page of
// cases fetched by id. Protocol and its edge cases: docs/source-postgresql.md "Pulling".
// Thread-safety: uses the given connection; one pull per connection at a time.
#pragma once

#include <functional>
#include <string>
#include <vector>

#include "source/pg_conn.h"
#include "source/pg_rows.h"
#include "tianping/common/progress.h"

namespace tianping::source {

// A position in one table's change order: updated_at (PostgreSQL text form, UTC, microseconds) and the
// row id that breaks ties. Persisted in the snapshot source_state as "<ts>|<id>"; empty = from the start.
struct Watermark {
  std::string ts, id;
  bool empty() const { return ts.empty(); }
  std::string ToString() const { return ts.empty() ? "" : ts + "|" + id; }
  static Watermark Parse(const std::string& s);
  friend bool operator==(const Watermark&, const Watermark&) = default;
};

struct PullState {
  Watermark cases, documents, deletions;
  friend bool operator==(const PullState&, const PullState&) = default;
};

struct Tombstone {                 // one deleted_rows entry
  std::string table, row_id, case_id;
  bool case_exists = false;        // the case is (again) present at the source
  bool row_exists = false;         // the deleted row itself is (again) present (documents: doc_id)
};

struct PullSink {
  std::function<Status(const Case&, const RowOrigin&, const std::vector<BadValue>&)> on_case;
  std::function<Status(const Document&, const RowOrigin&)> on_document;
  std::function<void(const Tombstone&)> on_tombstone;
};

// Checks that every table and column the connector reads exists in the connection's current schema;
// the error names the first missing table or column.
Status CheckSourceSchema(PgConn& conn);

// Reads the rows after `from` (less overlap_seconds when > 0, which re-reads recent rows: safe because
// the ingest is an idempotent upsert) and returns the new watermarks (unchanged where nothing was read).
Result<PullState> PullChanges(PgConn& conn, const PullState& from, int overlap_seconds, int batch_rows,
                              const PullSink& sink, bool progress);

}  // namespace tianping::source
