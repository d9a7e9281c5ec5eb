// The imported division table (<data_dir>/ref/divisions.csv: code,name — six-digit GB/T 2260 codes)
// and court-name resolution from 法院代字. Format: docs/reference-data.md.
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <map>

#include "tianping/model/csv.h"
#include "tianping/model/reference.h"

namespace tianping {
namespace {

bool AllDigits(std::string_view s) {
  if (s.empty()) return false;
  for (char c : s) {
    if (c < '0' || c > '9') return false;
  }
  return true;
}

std::string CsvQuote(const std::string& s) {
  if (s.find_first_of(",\"\n\r") == std::string::npos) return s;
  std::string out = "\"";
  for (char c : s) {
    if (c == '"') out.push_back('"');
    out.push_back(c);
  }
  return out + "\"";
}

bool IsMunicipality(std::string_view abbr) {
  return abbr == "京" || abbr == "津" || abbr == "沪" || abbr == "渝";
}

// 1 → 一 … 10 → 十, up to 19; enough for intermediate-court ordinals of municipalities.
std::string ChineseOrdinal(int n) {
  static const char* kDigits[] = {"〇", "一", "二", "三", "四", "五", "六", "七", "八", "九"};
  if (n < 10) return kDigits[n];
  if (n == 10) return "十";
  return std::string("十") + kDigits[n % 10];
}

// Names a division table row stands for but that are not place names (city-level placeholders).
bool IsPlaceholder(const std::string& name) {
  return name.empty() || name == "市辖区" || name == "县" || name == "省直辖县级行政区划" ||
         name == "自治区直辖县级行政区划";
}

bool EndsWith(const std::string& s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

}  // namespace

std::string ReferenceData::DivisionsPath(const std::string& data_dir) { return data_dir + "/ref/divisions.csv"; }

Status ReferenceData::LoadDivisions(const std::string& path) {
  auto t = csv::ReadFile(path);
  if (!t.ok()) return t.status();
  csv::Reader r(*t, {"code", "name"});
  TP_RETURN_IF_ERROR(r.status());
  for (const auto& row : t->rows) {
    std::string code = r.Required(row, "code");
    std::string name = r.Required(row, "name");
    TP_RETURN_IF_ERROR(r.status());
    if (code.size() != 6 || !AllDigits(code)) return t->FieldError(row, "code", "not six digits");
    divisions_[code] = name;
  }
  return Status::Ok();
}

Result<int> ReferenceData::ImportDivisions(const std::string& csv_path, const std::string& data_dir) {
  return ImportDivisions(std::vector<std::string>{csv_path}, data_dir);
}

Result<int> ReferenceData::ImportDivisions(const std::vector<std::string>& csv_paths, const std::string& data_dir) {
  std::map<std::string, std::string> rows;
  for (const auto& path : csv_paths) {
    auto t = csv::ReadFile(path);
    if (!t.ok()) return t.status();
    csv::Reader r(*t, {"code", "name"});
    TP_RETURN_IF_ERROR(r.status());
    for (const auto& row : t->rows) {
      std::string code = r.Str(row, "code");
      std::string name = r.Required(row, "name");
      if (!AllDigits(code) || (code.size() != 2 && code.size() != 4 && code.size() != 6)) {
        r.Error(row, "code", "'" + code + "' is not a 2-, 4- or 6-digit division code");
      }
      TP_RETURN_IF_ERROR(r.status());
      code.resize(6, '0');
      rows[code] = name;
    }
  }
  if (rows.empty()) return Status::InvalidArgument("no division rows to import");
  std::error_code ec;
  std::filesystem::create_directories(data_dir + "/ref", ec);
  if (ec) return Status::IoError("cannot create " + data_dir + "/ref: " + ec.message());
  std::string final_path = DivisionsPath(data_dir);
  std::string tmp_path = final_path + ".tmp";
  {
    std::ofstream out(tmp_path, std::ios::binary | std::ios::trunc);
    if (!out) return Status::IoError("cannot write " + tmp_path);
    out << "code,name\n";
    for (const auto& [code, name] : rows) out << code << ',' << CsvQuote(name) << '\n';
    out.flush();
    if (!out) return Status::IoError("write failed: " + tmp_path);
  }
  std::filesystem::rename(tmp_path, final_path, ec);
  if (ec) {
    std::remove(tmp_path.c_str());
    return Status::IoError("cannot rename to " + final_path + ": " + ec.message());
  }
  return static_cast<int>(rows.size());
}

std::string ReferenceData::DivisionName(std::string_view code) const {
  auto it = divisions_.find(std::string(code));
  return it == divisions_.end() ? "" : it->second;
}

std::string ReferenceData::ResolveCourtName(std::string_view court_code) const {
  if (const Court* c = FindCourt(court_code)) return c->name;
  return DeriveCourtName(court_code);
}

std::string ReferenceData::DeriveCourtName(std::string_view court_code) const {
  // Split the leading province abbreviation (one UTF-8 character) from the digits.
  const Province* prov = nullptr;
  for (const auto& p : provinces_) {
    if (court_code.rfind(p.abbr, 0) == 0) {
      prov = &p;
      break;
    }
  }
  if (prov == nullptr) return "";
  std::string digits(court_code.substr(prov->abbr.size()));
  if (!AllDigits(digits)) return "";
  if (digits.size() == 2) {
    int n = std::stoi(digits);
    if (n < 1 || n > 70) return "";  // 71+ are special courts: only the court table knows them
    if (IsMunicipality(prov->abbr)) return prov->name + "第" + ChineseOrdinal(n) + "中级人民法院";
    std::string city = DivisionName(prov->division_prefix + digits + "00");
    if (IsPlaceholder(city)) return "";
    return city + "中级人民法院";
  }
  if (digits.size() == 4) {
    std::string county = DivisionName(prov->division_prefix + digits);
    if (county.empty()) return "";
    // Districts carry their city's name (北京市朝阳区人民法院); counties and county-level cities do not,
    // except in the municipalities (重庆市城口县人民法院).
    if (IsMunicipality(prov->abbr)) return prov->name + county + "人民法院";
    if (EndsWith(county, "区") && !EndsWith(county, "特区") && county != "神农架林区") {
      std::string city = DivisionName(prov->division_prefix + digits.substr(0, 2) + "00");
      if (IsPlaceholder(city)) city = IsMunicipality(prov->abbr) ? prov->name : "";
      return city + county + "人民法院";
    }
    return county + "人民法院";
  }
  return "";
}

}  // namespace tianping
