// CSV input for ingest (docs/store-format.md "Input"): a header row naming JSONL keys (docs/schema.md);
// each record becomes the equivalent JSON line, so cases and documents go through the one JSON parser.
// Cells of nested or non-string fields (parties, cause_path, panel, derived_from, execution, amounts,
// day counts, flags) hold their JSON text (numbers, true/false, arrays, objects); every other cell is a
// string. Empty cells are omitted. A header with doc_id marks a document file.
// Thread-safety: pure function.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "tianping/common/status.h"

namespace tianping::store {

struct CsvRecord {
  int64_t line = 0;    // 1-based line where the record starts
  std::string json;    // the record as one JSON object
  std::string error;   // non-empty when the record itself is malformed (then json is the raw fields)
};

// Converts CSV text to JSON lines. A file that cannot be split into records (an unterminated quote)
// is an error naming the file and line; a record with more fields than the header carries `error`.
Result<std::vector<CsvRecord>> CsvToJsonRecords(std::string_view text, const std::string& name);

}  // namespace tianping::store
