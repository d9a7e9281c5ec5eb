// ReferenceData::Load: parses data/ref/*.csv, validates and indexes them. Formats: docs/reference-data.md.
#include <cstdlib>
#include <filesystem>
#include <set>
#include <unordered_map>

#include "tianping/model/csv.h"
#include "tianping/model/reference.h"

namespace tianping {
namespace {

bool IsDigits(std::string_view s, size_t n) {
  if (s.size() != n) return false;
  for (char c : s) {
    if (c < '0' || c > '9') return false;
  }
  return true;
}

const std::set<std::string>& Regions() {
  static const std::set<std::string> k = {"华北", "东北", "华东", "华中", "华南", "西南", "西北"};
  return k;
}

const std::set<std::string>& CourtKinds() {
  static const std::set<std::string> k = {"最高", "普通", "互联网", "知识产权", "海事", "铁路运输", "金融",
                                          "森林", "农垦", "油田", "跨行政区划", "兵团", "军事", "林区",
                                          "矿区", "开发区"};
  return k;
}

Result<std::vector<Province>> LoadProvinces(const std::string& path) {
  auto t = csv::ReadFile(path);
  if (!t.ok()) return t.status();
  csv::Reader r(*t, {"abbr", "name", "division_prefix", "population_2020", "region"});
  TP_RETURN_IF_ERROR(r.status());
  std::vector<Province> out;
  std::set<std::string> seen;
  for (const auto& row : t->rows) {
    Province p;
    p.abbr = r.Required(row, "abbr");
    p.name = r.Required(row, "name");
    p.division_prefix = r.Required(row, "division_prefix");
    p.population_2020 = r.Int(row, "population_2020");
    p.region = r.Required(row, "region");
    TP_RETURN_IF_ERROR(r.status());
    if (!seen.insert(p.abbr).second) return t->FieldError(row, "abbr", "duplicate '" + p.abbr + "'");
    if (!IsDigits(p.division_prefix, 2)) return t->FieldError(row, "division_prefix", "not two digits");
    if (p.population_2020 <= 0) return t->FieldError(row, "population_2020", "must be positive");
    if (!Regions().count(p.region)) return t->FieldError(row, "region", "unknown region '" + p.region + "'");
    out.push_back(std::move(p));
  }
  return out;
}

// Courts with line numbers kept for the cross-row checks.
Status LoadCourts(const std::string& path, const std::vector<Province>& provinces, std::vector<Court>* out) {
  auto t = csv::ReadFile(path);
  if (!t.ok()) return t.status();
  csv::Reader r(*t, {"code", "name", "level", "province", "parent_code", "division_code", "kind",
                     "size_weight", "judges"});
  TP_RETURN_IF_ERROR(r.status());
  std::unordered_map<std::string, const Province*> prov;
  for (const auto& p : provinces) prov[p.abbr] = &p;
  std::unordered_map<std::string, size_t> index;
  for (const auto& row : t->rows) {
    Court c;
    c.code = r.Required(row, "code");
    c.name = r.Required(row, "name");
    std::string level = r.Required(row, "level");
    c.province = r.Str(row, "province");
    c.parent_code = r.Str(row, "parent_code");
    c.division_code = r.Str(row, "division_code");
    c.kind = r.Required(row, "kind");
    c.size_weight = r.Double(row, "size_weight", 1.0);
    c.judges = static_cast<int>(r.Int(row, "judges"));
    std::string former = r.Str(row, "former_codes");  // optional column: space-separated codes
    for (size_t pos = 0; pos < former.size();) {
      size_t end = former.find(' ', pos);
      if (end == std::string::npos) end = former.size();
      if (end > pos) c.former_codes.push_back(former.substr(pos, end - pos));
      pos = end + 1;
    }
    TP_RETURN_IF_ERROR(r.status());
    if (!ParseCourtLevel(level, &c.level)) return t->FieldError(row, "level", "unknown level '" + level + "'");
    if (!CourtKinds().count(c.kind)) return t->FieldError(row, "kind", "unknown kind '" + c.kind + "'");
    if (c.size_weight <= 0) return t->FieldError(row, "size_weight", "must be positive");
    if (c.judges < 0) return t->FieldError(row, "judges", "must not be negative");
    if (!index.emplace(c.code, out->size()).second) return t->FieldError(row, "code", "duplicate '" + c.code + "'");
    if (c.level == CourtLevel::kSupreme) {
      if (!c.parent_code.empty()) return t->FieldError(row, "parent_code", "the supreme court has no parent");
    } else {
      auto pi = prov.find(c.province);
      if (pi == prov.end()) return t->FieldError(row, "province", "unknown province '" + c.province + "'");
      auto parent = index.find(c.parent_code);
      if (parent == index.end()) {
        return t->FieldError(row, "parent_code", "unknown court '" + c.parent_code + "' (parents must come first)");
      }
      if (static_cast<int>((*out)[parent->second].level) >= static_cast<int>(c.level)) {
        return t->FieldError(row, "parent_code", "parent '" + c.parent_code + "' is not a higher level");
      }
      if (c.code.rfind(c.province, 0) != 0 && c.level != CourtLevel::kHigh) {
        return t->FieldError(row, "code", "does not start with its province '" + c.province + "'");
      }
      if (!c.division_code.empty()) {
        if (!IsDigits(c.division_code, 6)) return t->FieldError(row, "division_code", "not six digits");
        if (c.division_code.compare(0, 2, pi->second->division_prefix) != 0 && c.province != "兵") {
          return t->FieldError(row, "division_code", "outside province " + c.province);
        }
        // §5: ordinary basic courts carry division digits 3–6, ordinary intermediate courts digits 3–4.
        std::string digits = c.code.substr(c.province.size());
        if (c.kind == "普通" && c.level == CourtLevel::kBasic && digits != c.division_code.substr(2, 4)) {
          return t->FieldError(row, "code", "digits '" + digits + "' do not match division " + c.division_code);
        }
        if (c.kind == "普通" && c.level == CourtLevel::kIntermediate && digits != c.division_code.substr(2, 2)) {
          return t->FieldError(row, "code", "digits '" + digits + "' do not match division " + c.division_code);
        }
      }
    }
    out->push_back(std::move(c));
  }
  // Former codes must not shadow a current code or each other.
  std::set<std::string> former_seen;
  for (size_t i = 0; i < out->size(); ++i) {
    for (const auto& f : (*out)[i].former_codes) {
      if (index.count(f) || !former_seen.insert(f).second) {
        return t->FieldError(t->rows[i], "former_codes", "'" + f + "' is already a court code");
      }
    }
  }
  return Status::Ok();
}

Status LoadCauses(const std::string& path, std::vector<Cause>* out) {
  auto t = csv::ReadFile(path);
  if (!t.ok()) return t.status();
  csv::Reader r(*t, {"code", "name", "category", "level", "parent_code", "weight", "high_risk"});
  TP_RETURN_IF_ERROR(r.status());
  static const std::unordered_map<std::string, char> kPrefix = {{"民事", 'M'}, {"刑事", 'X'}, {"行政", 'A'}};
  std::unordered_map<std::string, size_t> index;
  for (const auto& row : t->rows) {
    Cause c;
    c.code = r.Required(row, "code");
    c.name = r.Required(row, "name");
    c.category = r.Required(row, "category");
    c.level = static_cast<int>(r.Int(row, "level"));
    c.parent_code = r.Str(row, "parent_code");
    c.weight = r.Double(row, "weight");
    long long risk = r.Int(row, "high_risk");
    std::string aliases = r.Str(row, "aliases");  // optional column: names separated by '|'
    for (size_t pos = 0; pos < aliases.size();) {
      size_t end = aliases.find('|', pos);
      if (end == std::string::npos) end = aliases.size();
      if (end > pos) c.aliases.push_back(aliases.substr(pos, end - pos));
      pos = end + 1;
    }
    TP_RETURN_IF_ERROR(r.status());
    auto pre = kPrefix.find(c.category);
    if (pre == kPrefix.end()) return t->FieldError(row, "category", "unknown category '" + c.category + "'");
    if (c.code[0] != pre->second || !IsDigits(std::string_view(c.code).substr(1), 4)) {
      return t->FieldError(row, "code", std::string("expected ") + pre->second + " and four digits");
    }
    if (c.level < 1 || c.level > 4) return t->FieldError(row, "level", "must be 1..4");
    if (risk != 0 && risk != 1) return t->FieldError(row, "high_risk", "must be 0 or 1");
    c.high_risk = risk == 1;
    if (c.weight < 0) return t->FieldError(row, "weight", "must not be negative");
    if (!index.emplace(c.code, out->size()).second) return t->FieldError(row, "code", "duplicate '" + c.code + "'");
    if (c.level == 1) {
      if (!c.parent_code.empty()) return t->FieldError(row, "parent_code", "level 1 has no parent");
    } else {
      auto parent = index.find(c.parent_code);
      if (parent == index.end()) {
        return t->FieldError(row, "parent_code", "unknown cause '" + c.parent_code + "' (parents must come first)");
      }
      const Cause& p = (*out)[parent->second];
      if (p.level != c.level - 1) return t->FieldError(row, "level", "parent is level " + std::to_string(p.level));
      if (p.category != c.category) return t->FieldError(row, "category", "differs from parent's");
    }
    out->push_back(std::move(c));
  }
  // An alias must not be any cause's name or another cause's alias.
  std::set<std::string> names, aliases;
  for (const auto& c : *out) names.insert(c.name);
  for (size_t i = 0; i < out->size(); ++i) {
    for (const auto& a : (*out)[i].aliases) {
      if (names.count(a) || !aliases.insert(a).second) {
        return t->FieldError(t->rows[i], "aliases", "'" + a + "' is already a cause name or alias");
      }
    }
  }
  return Status::Ok();
}

Result<std::vector<TimeLimit>> LoadTimeLimits(const std::string& path) {
  auto t = csv::ReadFile(path);
  if (!t.ok()) return t.status();
  csv::Reader r(*t, {"procedure", "category", "months", "days", "max_extension_months", "basis"});
  TP_RETURN_IF_ERROR(r.status());
  std::vector<TimeLimit> out;
  std::set<std::pair<std::string, std::string>> seen;
  for (const auto& row : t->rows) {
    TimeLimit l;
    l.procedure = r.Required(row, "procedure");
    l.category = r.Required(row, "category");
    l.months = static_cast<int>(r.Int(row, "months"));
    l.days = static_cast<int>(r.Int(row, "days"));
    l.max_extension_months = static_cast<int>(r.Int(row, "max_extension_months"));
    l.basis = r.Str(row, "basis");
    TP_RETURN_IF_ERROR(r.status());
    if (l.months < 0 || l.days < 0 || (l.months > 0 && l.days > 0)) {
      return t->FieldError(row, "days", "give months or days, not both");
    }
    if (!seen.emplace(l.procedure, l.category).second) {
      return t->FieldError(row, "procedure", "duplicate '" + l.procedure + "' for " + l.category);
    }
    out.push_back(std::move(l));
  }
  return out;
}

}  // namespace

Result<ReferenceData> ReferenceData::Load(const std::string& ref_dir, const std::string& data_dir) {
  ReferenceData ref;
  auto provinces = LoadProvinces(ref_dir + "/provinces.csv");
  if (!provinces.ok()) return provinces.status();
  ref.provinces_ = std::move(provinces).value();
  TP_RETURN_IF_ERROR(LoadCourts(ref_dir + "/courts.csv", ref.provinces_, &ref.courts_));
  TP_RETURN_IF_ERROR(LoadCauses(ref_dir + "/causes.csv", &ref.causes_));
  auto limits = LoadTimeLimits(ref_dir + "/time_limits.csv");
  if (!limits.ok()) return limits.status();
  ref.time_limits_ = std::move(limits).value();
  if (!data_dir.empty()) {
    std::string path = DivisionsPath(data_dir);
    std::error_code ec;
    if (std::filesystem::exists(path, ec)) TP_RETURN_IF_ERROR(ref.LoadDivisions(path));
  }
  ref.BuildIndexes();
  return ref;
}

std::string ReferenceData::DefaultRefDir() {
  const char* env = std::getenv("TP_REF_DIR");
  if (env != nullptr && *env != '\0') return env;
  return std::string(TP_SOURCE_DIR) + "/data/ref";
}

void ReferenceData::BuildIndexes() {
  court_index_.clear();
  cause_index_.clear();
  cause_name_index_.clear();
  for (size_t i = 0; i < courts_.size(); ++i) court_index_.emplace(courts_[i].code, i);
  for (size_t i = 0; i < courts_.size(); ++i) {
    for (const auto& f : courts_[i].former_codes) court_index_.emplace(f, i);
  }
  for (size_t i = 0; i < causes_.size(); ++i) {
    cause_index_.emplace(causes_[i].code, i);
    // A part and its group may share a name (第九部分 侵权责任纠纷 / 三十一、侵权责任纠纷): keep the deeper one.
    auto [it, inserted] = cause_name_index_.emplace(causes_[i].name, i);
    if (!inserted && causes_[it->second].level < causes_[i].level) it->second = i;
  }
  for (size_t i = 0; i < causes_.size(); ++i) {
    for (const auto& a : causes_[i].aliases) cause_name_index_.emplace(a, i);
  }
}

}  // namespace tianping
