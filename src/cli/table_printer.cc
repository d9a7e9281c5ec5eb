#include "table_printer.h"

#include <algorithm>
#include <cstdio>

#include "tianping/common/json_writer.h"

namespace tianping::cli {
namespace {

std::string CsvField(const std::string& s) {
  if (s.find_first_of(",\"\n") == std::string::npos) return s;
  std::string out = "\"";
  for (char c : s) {
    if (c == '"') out.push_back('"');
    out.push_back(c);
  }
  return out + "\"";
}

size_t Width(const std::string& s) {
  size_t w = 0;
  for (size_t i = 0; i < s.size();) {
    unsigned char c = s[i];
    size_t len = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
    w += len >= 3 ? 2 : 1;
    i += len;
  }
  return w;
}

bool IsInteger(const std::string& s) {
  return !s.empty() && std::all_of(s.begin() + (s[0] == '-'), s.end(), [](char c) { return c >= '0' && c <= '9'; }) &&
         s != "-";
}

}  // namespace

void PrintRows(const std::vector<std::vector<std::string>>& rows, const std::string& format,
               const std::vector<bool>& numeric) {
  if (rows.empty()) return;
  auto is_num = [&](size_t i) { return i < numeric.size() && numeric[i]; };
  if (format == "csv") {
    for (const auto& r : rows) {
      for (size_t i = 0; i < r.size(); ++i) std::printf("%s%s", i ? "," : "", CsvField(r[i]).c_str());
      std::printf("\n");
    }
    return;
  }
  if (format == "json") {
    std::string out;
    JsonWriter w(&out);
    w.BeginArray();
    for (size_t k = 1; k < rows.size(); ++k) {
      w.BeginObject();
      for (size_t i = 0; i < rows[0].size() && i < rows[k].size(); ++i) {
        w.Key(rows[0][i]);
        if (is_num(i) && IsInteger(rows[k][i])) w.Int(std::stoll(rows[k][i]));
        else w.String(rows[k][i]);
      }
      w.EndObject();
    }
    w.EndArray();
    std::printf("%s\n", out.c_str());
    return;
  }
  std::vector<size_t> widths(rows[0].size(), 0);
  for (const auto& r : rows) {
    for (size_t i = 0; i < r.size() && i < widths.size(); ++i) widths[i] = std::max(widths[i], Width(r[i]));
  }
  for (const auto& r : rows) {
    std::string line;
    for (size_t i = 0; i < r.size() && i < widths.size(); ++i) {
      std::string pad(widths[i] - Width(r[i]), ' ');
      line += is_num(i) ? pad + r[i] : r[i] + (i + 1 < r.size() ? pad : "");
      if (i + 1 < r.size()) line += "  ";
    }
    std::printf("%s\n", line.c_str());
  }
}

}  // namespace tianping::cli
