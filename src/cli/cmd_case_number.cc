// tianping case-number [STRING…]: parses 案号 given as arguments, or one per line on stdin when none are
// given (blank lines skipped). Prints one JSON object per input (--format json, the default) or an aligned
// table (--format table). Exit code: 0 only when every input parsed, 2 when any failed (docs/case-number.md).
#include <CLI/CLI.hpp>

#include <cstdio>
#include <iostream>
#include <string>
#include <vector>

#include "commands.h"
#include "court_lookup.h"
#include "exit_codes.h"
#include "tianping/common/json_writer.h"
#include "tianping/model/case_number.h"

namespace tianping::cli {
namespace {

struct Row {
  std::string input;
  Result<ParsedCaseNumber> parsed;
  CaseNumberError error;
};

std::string ToJson(const Row& row) {
  std::string out;
  JsonWriter w(&out);
  w.BeginObject();
  w.Field("input", row.input);
  if (!row.parsed.ok()) {
    w.Field("error", row.error.reason);
    w.FieldInt("position", static_cast<int64_t>(row.error.position));
    w.EndObject();
    return out;
  }
  const ParsedCaseNumber& p = row.parsed.value();
  WriteCaseNumberFields(p, &w);
  w.EndObject();
  return out;
}

// Display width: CJK and full-width characters take two columns.
size_t DisplayWidth(const std::string& s) {
  size_t w = 0;
  for (size_t i = 0; i < s.size();) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    size_t n = c < 0x80 ? 1 : (c >> 5) == 0x6 ? 2 : (c >> 4) == 0xE ? 3 : 4;
    w += n >= 3 ? 2 : 1;
    i += n;
  }
  return w;
}

void PrintTable(const std::vector<Row>& rows) {
  std::vector<std::vector<std::string>> cells = {
      {"input", "normalized", "level", "court", "court_name", "type", "category", "seq", "legacy"}};
  for (const auto& r : rows) {
    if (!r.parsed.ok()) {
      cells.push_back({r.input, "error at " + std::to_string(r.error.position) + ": " + r.error.reason});
      continue;
    }
    const auto& p = r.parsed.value();
    cells.push_back({r.input, p.normalized, p.court_level ? CourtLevelLabel(*p.court_level) : "-", p.court_code,
                     p.court_name.empty() ? "-" : p.court_name,
                     p.trial_character + (p.type_code.empty() ? p.legacy_type : p.type_code),
                     p.category.empty() ? "-" : p.category, p.sequence_text, p.legacy ? "legacy" : ""});
  }
  std::vector<size_t> widths(cells[0].size(), 0);
  for (const auto& row : cells) {
    if (row.size() != widths.size()) continue;  // error rows span the rest of the line
    for (size_t i = 0; i < row.size(); ++i) widths[i] = std::max(widths[i], DisplayWidth(row[i]));
  }
  widths[0] = 0;
  for (const auto& row : cells) widths[0] = std::max(widths[0], DisplayWidth(row[0]));
  for (const auto& row : cells) {
    std::string line;
    for (size_t i = 0; i < row.size(); ++i) {
      line += row[i];
      if (i + 1 < row.size()) line += std::string(widths[i] - DisplayWidth(row[i]) + 2, ' ');
    }
    while (!line.empty() && line.back() == ' ') line.pop_back();
    std::printf("%s\n", line.c_str());
  }
}

}  // namespace

int RunCaseNumber(int argc, char** argv) {
  CLI::App app{"解析案号 / parse case numbers (docs/case-number.md)", "tianping case-number"};
  std::vector<std::string> inputs;
  std::string format = "json";
  std::string data_dir = "./tianping-data";
  app.add_option("numbers", inputs, "case numbers; one per line on stdin when none are given");
  app.add_option("--format", format, "json (one object per line) or table")->check(CLI::IsMember({"json", "table"}));
  app.add_option("--data", data_dir, "data directory whose imported divisions resolve basic courts");
  CLI11_PARSE(app, argc, argv);

  bool from_stdin = inputs.empty();
  if (from_stdin) {
    std::string line;
    while (std::getline(std::cin, line)) {
      if (!line.empty() && line.back() == '\r') line.pop_back();
      if (line.find_first_not_of(" \t") == std::string::npos) continue;
      inputs.push_back(line);
    }
  }

  auto lookup = MakeCourtLookup(data_dir);
  if (!lookup.ok()) return Fail("case-number", lookup.status());

  std::vector<Row> rows;
  rows.reserve(inputs.size());
  bool all_ok = true;
  for (const auto& in : inputs) {
    Row row{in, Status::ParseError("unset"), {}};
    row.parsed = ParseCaseNumber(in, &row.error);
    if (row.parsed.ok()) ResolveCourt(&row.parsed.value(), lookup.value());
    else all_ok = false;
    if (format == "json") std::printf("%s\n", ToJson(row).c_str());
    else rows.push_back(std::move(row));
  }
  if (format == "table") PrintTable(rows);
  return all_ok ? 0 : ExitCodeFor(Status::ParseError(""));
}

}  // namespace tianping::cli
