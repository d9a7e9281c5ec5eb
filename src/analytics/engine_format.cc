// Output forms of an IndicatorTable: aligned table, JSON, CSV (docs/indicators.md §CLI).
#include <cmath>
#include <cstdio>

#include "tianping/analytics/engine.h"
#include "tianping/common/json_writer.h"

namespace tianping::analytics {
namespace {

std::string Num(double v) {
  if (std::isnan(v)) return "-";
  char buf[64];
  if (v == std::floor(v) && std::fabs(v) < 1e15) std::snprintf(buf, sizeof buf, "%.0f", v);
  else std::snprintf(buf, sizeof buf, "%.2f", v);
  return buf;
}

std::string InRange(const IndicatorCell& c) { return !c.in_range ? "" : *c.in_range ? "是" : "否"; }

// Display width: CJK and other non-ASCII characters count 2 columns.
size_t Width(const std::string& s) {
  size_t w = 0;
  for (size_t i = 0; i < s.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    if (c < 0x80) ++w;
    else if ((c & 0xC0) == 0xC0) w += 2;
  }
  return w;
}

std::string Csv(const std::string& s) {
  if (s.find_first_of(",\"\n") == std::string::npos) return s;
  std::string out = "\"";
  for (char c : s) { if (c == '"') out += '"'; out += c; }
  return out + "\"";
}

std::vector<std::vector<std::string>> LongRows(const IndicatorTable& t, bool with_header) {
  std::vector<std::vector<std::string>> rows;
  if (with_header) {
    std::vector<std::string> h = t.dims;
    for (const char* c : {"indicator", "value", "unit", "numerator", "denominator", "in_range"}) h.push_back(c);
    rows.push_back(std::move(h));
  }
  for (const auto& r : t.rows) {
    for (size_t i = 0; i < t.indicators.size(); ++i) {
      const IndicatorDef& d = *t.indicators[i];
      const IndicatorCell& c = r.cells[i];
      std::vector<std::string> row = r.key;
      row.push_back(d.name);
      row.push_back(FormatValue(d, c.value));
      row.push_back(d.unit);
      row.push_back(Num(c.numerator));
      row.push_back(c.has_denominator ? Num(c.denominator) : "");
      row.push_back(InRange(c));
      rows.push_back(std::move(row));
    }
  }
  return rows;
}

}  // namespace

std::string FormatValue(const IndicatorDef& def, double value) {
  if (std::isnan(value)) return "-";
  char buf[64];
  std::snprintf(buf, sizeof buf, def.unit == "件" && value == std::floor(value) ? "%.0f" : "%.2f", value);
  return buf;
}

std::string FormatTable(const IndicatorTable& t) {
  auto rows = LongRows(t, true);
  if (rows.size() == 1) return "(no cases)\n";
  std::vector<size_t> w(rows[0].size(), 0);
  for (const auto& r : rows)
    for (size_t k = 0; k < r.size(); ++k) w[k] = std::max(w[k], Width(r[k]));
  std::string out;
  for (const auto& r : rows) {
    std::string line;
    for (size_t k = 0; k < r.size(); ++k) {
      size_t c = k - t.dims.size();  // value, numerator and denominator right-aligned
      bool right = k >= t.dims.size() && (c == 1 || c == 3 || c == 4);
      std::string pad(w[k] - Width(r[k]), ' ');
      line += (k ? "  " : "") + (right ? pad + r[k] : r[k] + (k + 1 < r.size() ? pad : ""));
    }
    while (!line.empty() && line.back() == ' ') line.pop_back();
    out += line + "\n";
  }
  return out;
}

std::string FormatCsv(const IndicatorTable& t) {
  std::string out;
  for (const auto& r : LongRows(t, true)) {
    for (size_t k = 0; k < r.size(); ++k) out += (k ? "," : "") + Csv(r[k]);
    out += "\n";
  }
  return out;
}

std::string FormatJson(const IndicatorTable& t) {
  std::string out;
  JsonWriter w(&out);
  w.BeginObject();
  w.Key("dims");
  w.BeginArray();
  for (const auto& d : t.dims) w.String(d);
  w.EndArray();
  w.Key("rows");
  w.BeginArray();
  for (const auto& r : t.rows) {
    w.BeginObject();
    for (size_t k = 0; k < t.dims.size(); ++k) w.Field(t.dims[k], r.key[k]);
    w.Key("indicators");
    w.BeginObject();
    for (size_t i = 0; i < t.indicators.size(); ++i) {
      const IndicatorDef& d = *t.indicators[i];
      const IndicatorCell& c = r.cells[i];
      w.Key(d.name);
      w.BeginObject();
      w.Field("id", d.id);
      w.Key("value");
      if (std::isnan(c.value)) w.Null(); else w.Double(c.value, 4);
      w.Field("unit", d.unit);
      w.Key("numerator");
      w.Double(c.numerator, 4);
      w.Key("denominator");
      if (c.has_denominator) w.Double(c.denominator, 4); else w.Null();
      w.Key("in_range");
      if (c.in_range) w.Bool(*c.in_range); else w.Null();
      w.EndObject();
    }
    w.EndObject();
    w.EndObject();
  }
  w.EndArray();
  w.EndObject();
  out += "\n";
  return out;
}

}  // namespace tianping::analytics
