// The one RFC 4180 CSV reader (reference tables in tp_model, CSV ingest in tp_store): comma separator,
// double-quoted fields ("" escapes a quote; quoted fields may hold commas and newlines), UTF-8 (a leading
// BOM is skipped), LF or CRLF line ends, blank lines ignored; lines starting with '#' ignored where asked.
// Errors name the file and line: "courts.csv:12: field 'level': unknown level '县级'".
// Thread-safety: values; copy freely.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "tianping/common/status.h"

namespace tianping::csv {

struct Row {
  int line = 0;                     // 1-based line where the record starts
  std::vector<std::string> fields;
};

struct Table {
  std::string name;                 // file name shown in errors
  std::vector<std::string> header;
  std::vector<Row> rows;

  // Column index of `column`, or -1.
  int Column(std::string_view column) const;
  // Status naming file, line and field: "<name>:<line>: field '<field>': <reason>".
  Status FieldError(const Row& row, std::string_view field, std::string_view reason) const;
};

struct SplitOptions {
  bool comments = true;          // a line starting with '#' is skipped
  bool strict_quotes = true;     // text after a closing quote is an error (else it is kept in the field)
};

// Splits CSV text into records (the header is the first), without checking their widths. An unterminated
// quoted field (or, when strict, text after a closing quote) is an error naming `name` and the line.
Result<std::vector<Row>> SplitRecords(std::string_view text, const std::string& name, const SplitOptions& options = {});

// Parses CSV text with a header row; a row wider than the header is an error. `name` is used in errors.
Result<Table> Parse(std::string_view text, const std::string& name);
// Reads and parses a file; errors use the file's base name.
Result<Table> ReadFile(const std::string& path);

// Reads named columns of one table, collecting the first error.
//   csv::Reader r(table, {"code", "name"}); — fails if a required column is missing.
//   for (const auto& row : table.rows) { auto code = r.Str(row, "code"); ... } if (!r.status().ok()) ...
class Reader {
 public:
  Reader(const Table& table, std::vector<std::string> required);
  const Status& status() const { return status_; }
  bool Has(std::string_view column) const { return table_.Column(column) >= 0; }
  // Field text ("" for a missing optional column or short row).
  std::string Str(const Row& row, std::string_view column);
  // Non-empty field text; records an error otherwise.
  std::string Required(const Row& row, std::string_view column);
  // Integer or double field; an empty field gives `fallback`, text that is not a number is an error.
  long long Int(const Row& row, std::string_view column, long long fallback = 0);
  double Double(const Row& row, std::string_view column, double fallback = 0);
  // Records an error for this row and field (the first error wins).
  void Error(const Row& row, std::string_view column, std::string_view reason);

 private:
  const Table& table_;
  Status status_;
};

}  // namespace tianping::csv
