#include "store/csv_input.h"

#include <set>

#include "tianping/common/json_writer.h"

namespace tianping::store {
namespace {

// JSONL keys whose values are not strings (docs/schema.md): their cells carry JSON text.
const std::set<std::string, std::less<>> kJsonValued = {
    "parties", "cause_path", "panel", "derived_from", "execution", "claim_amount", "awarded_amount",
    "statutory_limit_days", "extension_days", "excluded_days", "correction_requested",
    "has_payment_content", "is_sealed"};

struct Record {
  int64_t line = 0;
  std::vector<std::string> fields;
};

// RFC 4180 records: comma separator, "" escapes a quote inside quotes, quoted fields may hold commas and
// newlines, LF or CRLF. (tp_model's csv reader is private to that module; this is the store's own.)
Status SplitRecords(std::string_view text, const std::string& name, std::vector<Record>* out) {
  if (text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);
  size_t i = 0;
  int64_t line = 1;
  while (i < text.size()) {
    Record rec;
    rec.line = line;
    std::string field;
    bool quoted = false, at_field_start = true, end = false;
    while (!end) {
      if (i >= text.size()) {
        if (quoted) return Status::ParseError(name + ":" + std::to_string(rec.line) + ": unterminated quoted field");
        break;
      }
      char c = text[i++];
      if (quoted) {
        if (c == '"' && i < text.size() && text[i] == '"') {
          field.push_back('"');
          ++i;
        } else if (c == '"') {
          quoted = false;
        } else {
          if (c == '\n') ++line;
          field.push_back(c);
        }
      } else if (c == '"' && at_field_start) {
        quoted = true;
      } else if (c == ',') {
        rec.fields.push_back(std::move(field));
        field.clear();
        at_field_start = true;
        continue;
      } else if (c == '\n') {
        ++line;
        end = true;
      } else if (c != '\r') {
        field.push_back(c);
      }
      at_field_start = false;
    }
    rec.fields.push_back(std::move(field));
    bool blank = rec.fields.size() == 1 && rec.fields[0].empty();
    if (!blank) out->push_back(std::move(rec));
  }
  return Status::Ok();
}

}  // namespace

Result<std::vector<CsvRecord>> CsvToJsonRecords(std::string_view text, const std::string& name) {
  std::vector<Record> records;
  TP_RETURN_IF_ERROR(SplitRecords(text, name, &records));
  std::vector<CsvRecord> out;
  if (records.empty()) return out;
  const std::vector<std::string> header = records[0].fields;
  out.reserve(records.size() - 1);
  for (size_t r = 1; r < records.size(); ++r) {
    const Record& row = records[r];
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
