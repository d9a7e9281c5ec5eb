#include "tianping/model/csv.h"

#include <cerrno>
#include <charconv>
#include <cstdlib>
#include <fstream>
#include <sstream>

namespace tianping::csv {

int Table::Column(std::string_view column) const {
  for (size_t i = 0; i < header.size(); ++i) {
    if (header[i] == column) return static_cast<int>(i);
  }
  return -1;
}

Status Table::FieldError(const Row& row, std::string_view field, std::string_view reason) const {
  return Status::ParseError(name + ":" + std::to_string(row.line) + ": field '" + std::string(field) +
                            "': " + std::string(reason));
}

Result<std::vector<Row>> SplitRecords(std::string_view text, const std::string& name, const SplitOptions& options) {
  if (text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);
  std::vector<Row> rows;
  size_t i = 0;
  int line = 1;
  while (i < text.size()) {
    // Skip blank and comment lines.
    if (text[i] == '\n' || text[i] == '\r' || (options.comments && text[i] == '#')) {
      if (text[i] == '#') {
        while (i < text.size() && text[i] != '\n') ++i;
      }
      if (i < text.size() && text[i] == '\r') ++i;
      if (i < text.size() && text[i] == '\n') { ++i; ++line; }
      continue;
    }
    Row row;
    row.line = line;
    std::string field;
    bool done = false;
    while (!done) {
      field.clear();
      if (i < text.size() && text[i] == '"') {
        ++i;
        for (;;) {
          if (i >= text.size()) {
            return Status::ParseError(name + ":" + std::to_string(row.line) + ": unterminated quoted field " +
                                      std::to_string(row.fields.size() + 1));
          }
          char c = text[i++];
          if (c == '"') {
            if (i < text.size() && text[i] == '"') { field.push_back('"'); ++i; continue; }
            break;
          }
          if (c == '\n') ++line;
          field.push_back(c);
        }
        if (i < text.size() && text[i] != ',' && text[i] != '\n' && text[i] != '\r') {
          if (options.strict_quotes) {
            return Status::ParseError(name + ":" + std::to_string(line) + ": text after closing quote in field " +
                                      std::to_string(row.fields.size() + 1));
          }
          while (i < text.size() && text[i] != ',' && text[i] != '\n' && text[i] != '\r') field.push_back(text[i++]);
        }
      } else {
        while (i < text.size() && text[i] != ',' && text[i] != '\n' && text[i] != '\r') field.push_back(text[i++]);
      }
      row.fields.push_back(field);
      if (i < text.size() && text[i] == ',') { ++i; continue; }
      if (i < text.size() && text[i] == '\r') ++i;
      if (i < text.size() && text[i] == '\n') { ++i; ++line; }
      done = true;
    }
    rows.push_back(std::move(row));
  }
  return rows;
}

Result<Table> Parse(std::string_view text, const std::string& name) {
  auto rows = SplitRecords(text, name);
  if (!rows.ok()) return rows.status();
  if (rows->empty()) return Status::ParseError(name + ": empty file (no header row)");
  Table table;
  table.name = name;
  table.header = std::move((*rows)[0].fields);
  for (size_t r = 1; r < rows->size(); ++r) {
    Row& row = (*rows)[r];
    if (row.fields.size() > table.header.size()) {
      return Status::ParseError(name + ":" + std::to_string(row.line) + ": " + std::to_string(row.fields.size()) +
                                " fields, header has " + std::to_string(table.header.size()));
    }
    table.rows.push_back(std::move(row));
  }
  return table;
}

Result<Table> ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::IoError("cannot open " + path);
  std::ostringstream buf;
  buf << in.rdbuf();
  if (in.bad()) return Status::IoError("cannot read " + path);
  size_t slash = path.find_last_of('/');
  return Parse(buf.str(), slash == std::string::npos ? path : path.substr(slash + 1));
}

Reader::Reader(const Table& table, std::vector<std::string> required) : table_(table) {
  for (const auto& c : required) {
    if (table.Column(c) < 0) {
      status_ = Status::ParseError(table.name + ":1: missing column '" + c + "'");
      return;
    }
  }
}

std::string Reader::Str(const Row& row, std::string_view column) {
  int c = table_.Column(column);
  if (c < 0 || static_cast<size_t>(c) >= row.fields.size()) return "";
  return row.fields[c];
}

std::string Reader::Required(const Row& row, std::string_view column) {
  std::string s = Str(row, column);
  if (s.empty()) Error(row, column, "empty");
  return s;
}

long long Reader::Int(const Row& row, std::string_view column, long long fallback) {
  std::string s = Str(row, column);
  if (s.empty()) return fallback;
  long long v = 0;
  auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  if (ec != std::errc() || p != s.data() + s.size()) {
    Error(row, column, "not an integer: '" + s + "'");
    return fallback;
  }
  return v;
}

double Reader::Double(const Row& row, std::string_view column, double fallback) {
  std::string s = Str(row, column);
  if (s.empty()) return fallback;
  errno = 0;
  char* end = nullptr;
  double v = std::strtod(s.c_str(), &end);
  if (errno != 0 || end != s.c_str() + s.size()) {
    Error(row, column, "not a number: '" + s + "'");
    return fallback;
  }
  return v;
}

void Reader::Error(const Row& row, std::string_view column, std::string_view reason) {
  if (status_.ok()) status_ = table_.FieldError(row, column, reason);
}

}  // namespace tianping::csv
