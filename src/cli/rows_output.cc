#include "rows_output.h"

#include <cinttypes>
#include <cstdio>
#include <cstdlib>

#include "tianping/common/json_writer.h"

namespace tianping::cli {
namespace {

std::string CsvField(const std::string& s) {
  if (s.find_first_of(",\"\n\r") == std::string::npos) return s;
  std::string out = "\"";
  for (char c : s) {
    if (c == '"') out.push_back('"');
    out.push_back(c);
  }
  return out + "\"";
}

}  // namespace

Status CheckFormat(const std::string& format) {
  if (format == "table" || format == "json" || format == "csv") return Status::Ok();
  return Status::InvalidArgument("--format must be table, json or csv, not '" + format + "'");
}

size_t DisplayWidth(const std::string& s) {
  size_t w = 0;
  for (size_t i = 0; i < s.size();) {
    unsigned char c = s[i];
    size_t len = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
    w += len >= 3 ? 2 : 1;
    i += len;
  }
  return w;
}

std::string RenderTable(const Rows& rows, const std::vector<bool>& right_aligned) {
  std::string out;
  if (rows.empty()) return out;
  std::vector<size_t> width(rows[0].size(), 0);
  for (const auto& r : rows) {
    for (size_t i = 0; i < r.size() && i < width.size(); ++i) width[i] = std::max(width[i], DisplayWidth(r[i]));
  }
  for (const auto& r : rows) {
    std::string line;
    for (size_t i = 0; i < r.size(); ++i) {
      size_t pad = i < width.size() ? width[i] - DisplayWidth(r[i]) : 0;
      bool right = i < right_aligned.size() && right_aligned[i];
      if (right) line.append(pad, ' ');
      line += r[i];
      if (i + 1 < r.size()) line.append(right ? 2 : pad + 2, ' ');
    }
    out += line + "\n";
  }
  return out;
}

void PrintRows(const Rows& rows, const std::string& format, const std::vector<bool>& numeric, const RowsStyle& style) {
  if (rows.empty()) return;
  if (format == "csv") {
    for (const auto& r : rows) {
      for (size_t i = 0; i < r.size(); ++i) std::printf("%s%s", i ? "," : "", CsvField(r[i]).c_str());
      std::printf("\n");
    }
  } else if (format == "json") {
    std::string out;
    JsonWriter w(&out);
    w.BeginArray();
    for (size_t k = 1; k < rows.size(); ++k) {
      w.BeginObject();
      for (size_t i = 0; i < rows[0].size(); ++i) {
        w.Key(rows[0][i]);
        bool num = i < numeric.size() && numeric[i];
        if (num && rows[k][i].empty()) {
          w.Null();
        } else if (num && rows[k][i].find('.') == std::string::npos) {
          w.Int(std::strtoll(rows[k][i].c_str(), nullptr, 10));
        } else if (num) {
          w.Double(std::strtod(rows[k][i].c_str(), nullptr), style.json_decimals);
        } else {
          w.String(rows[k][i]);
        }
      }
      w.EndObject();
    }
    w.EndArray();
    std::printf("%s\n", out.c_str());
  } else {
    std::fputs(RenderTable(rows, style.right_align_numeric ? numeric : std::vector<bool>{}).c_str(), stdout);
  }
}

}  // namespace tianping::cli
