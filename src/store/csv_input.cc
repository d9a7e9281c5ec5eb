#include "store/csv_input.h"

#include <set>

#include "tianping/common/json_writer.h"
#include "tianping/model/csv.h"

namespace tianping::store {
namespace {

// JSONL keys whose values are not strings (docs/schema.md): their cells carry JSON text.
const std::set<std::string, std::less<>> kJsonValued = {
    "parties", "cause_path", "panel", "derived_from", "execution", "claim_amount", "awarded_amount",
    "statutory_limit_days", "extension_days", "excluded_days", "correction_requested",
    "has_payment_content", "is_sealed"};

}  // namespace

Result<std::vector<CsvRecord>> CsvToJsonRecords(std::string_view text, const std::string& name) {
  // Ingest input has no comment lines, and keeps text after a closing quote (the JSON parser judges it).
  auto split = csv::SplitRecords(text, name, {.comments = false, .strict_quotes = false});
  if (!split.ok()) return split.status();
  std::vector<csv::Row> records;
  records.reserve(split->size());
  for (csv::Row& row : *split)
    if (!(row.fields.size() == 1 && row.fields[0].empty())) records.push_back(std::move(row));
  std::vector<CsvRecord> out;
  if (records.empty()) return out;
  const std::vector<std::string> header = records[0].fields;
  out.reserve(records.size() - 1);
  for (size_t r = 1; r < records.size(); ++r) {
    const csv::Row& row = records[r];
    CsvRecord rec;
    rec.line = row.line;
    if (row.fields.size() > header.size()) {
      rec.error = "more fields than the header";
      for (const auto& f : row.fields) rec.json += (rec.json.empty() ? "" : ",") + f;
      out.push_back(std::move(rec));
      continue;
    }
    rec.json.push_back('{');
    bool first = true;
    for (size_t i = 0; i < row.fields.size(); ++i) {
      const std::string& cell = row.fields[i];
      if (cell.empty()) continue;
      if (!first) rec.json.push_back(',');
      first = false;
      AppendJsonString(&rec.json, header[i]);
      rec.json.push_back(':');
      if (kJsonValued.count(header[i])) {
        rec.json += cell;  // validated by the JSON parser, which names the field on error
      } else {
        AppendJsonString(&rec.json, cell);
      }
    }
    rec.json.push_back('}');
    out.push_back(std::move(rec));
  }
  return out;
}

}  // namespace tianping::store
