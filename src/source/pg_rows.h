// Conversion of source rows (data/source/postgresql-schema.sql, read as text by the queries in
// pg_queries.h) to the case model, and the map from a model field path back to the source row and column
// for quarantine entries. Thread-safety: plain values and reentrant functions.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "source/pg_conn.h"
#include "tianping/model/case.h"

namespace tianping::source {

// Where one converted record came from: its table and primary key, and those of its parties and agents
// in model order (parties[i], parties[i].agents[j]).
struct RowOrigin {
  std::string table;                              // cases | documents
  std::string id;                                 // case_id | doc_id
  std::vector<std::string> party_ids;
  std::vector<std::vector<std::string>> agent_ids;
};

// A source row and column for a model field path ("parties[1].agents[0].license_number" → agents,
// <agent_id>, license_number). Unknown paths name the record's own row and the path as the column.
struct SourceCell {
  std::string table, id_column, id, column;
};
SourceCell LocateField(const RowOrigin& origin, std::string_view field);

// A column that holds a value the model cannot represent (a date outside 0001–9999 …); the record is
// still written, with the raw text in that field, so the ingest quarantines it naming the field.
struct BadValue {
  std::string field;   // model path, parties[1].birth_date
  std::string raw;
};

// Row converters. Each reads the named columns of `r` at `row`; column positions are looked up once.
class CaseRowReader {
 public:
  // Fails naming the missing column when `r` lacks one (a query/schema mismatch).
  static Result<CaseRowReader> Bind(const PgResult& r);
  Case Read(const PgResult& r, int row, std::vector<BadValue>* bad) const;
  static const std::vector<std::string>& Columns();
 private:
  std::vector<int> col_;
};

class PartyRowReader {
 public:
  static Result<PartyRowReader> Bind(const PgResult& r);
  Party Read(const PgResult& r, int row, int party_index, std::vector<BadValue>* bad) const;
  static const std::vector<std::string>& Columns();
 private:
  std::vector<int> col_;
};

class AgentRowReader {
 public:
  static Result<AgentRowReader> Bind(const PgResult& r);
  Agent Read(const PgResult& r, int row) const;
  static const std::vector<std::string>& Columns();
 private:
  std::vector<int> col_;
};

class DocumentRowReader {
 public:
  static Result<DocumentRowReader> Bind(const PgResult& r);
  Document Read(const PgResult& r, int row) const;
  static const std::vector<std::string>& Columns();
 private:
  std::vector<int> col_;
};

// "123.45" (numeric text) → 12345 fen; rounds half away from zero beyond two decimals.
Fen NumericToFen(std::string_view text);
// A JSON array of strings as produced by array_to_json(text[])::text.
std::vector<std::string> JsonTextArray(std::string_view text);

}  // namespace tianping::source
