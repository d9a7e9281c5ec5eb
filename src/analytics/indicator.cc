// Indicator definitions: validation, one-line formulas, the registry loaded from data/indicators/*.json.
#include "tianping/analytics/indicator.h"

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

#include <nlohmann/json.hpp>

#include "tianping/analytics/engine.h"
#include "tianping/analytics/expr.h"

namespace tianping::analytics {

Status ValidateIndicator(const IndicatorDef& def, const TagSet* tags) {
  if (def.name.empty()) return Status::InvalidArgument("an indicator needs a name");
  if (def.numerator.empty()) return Status::InvalidArgument(def.name + ": empty formula");
  CaseFrame empty;
  IndicatorQuery q;
  q.indicators = {&def};
  q.from = q.to = Date::FromYmd(2024, 1, 1);
  q.tags = tags;
  q.threads = 1;
  auto r = EvaluateIndicators(empty, q);
  return r.ok() ? Status::Ok() : r.status();
}

Result<std::pair<std::string, std::string>> SplitFormula(const std::string& formula) {
  auto e = ParseExpr(formula);
  if (!e.ok()) return e.status();
  const Expr& root = **e;
  auto trim = [](std::string s) {
    size_t a = s.find_first_not_of(" \t"), b = s.find_last_not_of(" \t");
    return a == std::string::npos ? std::string() : s.substr(a, b - a + 1);
  };
  if (root.kind != Expr::Kind::kBinary || root.text != "/") return std::make_pair(trim(formula), std::string());
  // Cut the text as typed at the top-level '/' (root.pos is its 1-based character column).
  size_t byte = 0;
  for (int col = 1; byte < formula.size(); ++byte) {
    if ((static_cast<unsigned char>(formula[byte]) & 0xC0) == 0x80) continue;
    if (col++ == root.pos) break;
  }
  return std::make_pair(trim(formula.substr(0, byte)), trim(formula.substr(byte + 1)));
}

std::string IndicatorRegistry::DefaultDir() {
  const char* env = std::getenv("TP_INDICATOR_DIR");
  return env && *env ? env : std::string(TP_SOURCE_DIR) + "/data/indicators";
}

Status IndicatorRegistry::Add(IndicatorDef def) {
  for (const auto& d : defs_)
    if (d.id == def.id || d.name == def.name) return Status::AlreadyExists("indicator " + def.name + " (" + def.id + ") defined twice");
  defs_.push_back(std::move(def));
  return Status::Ok();
}

const IndicatorDef* IndicatorRegistry::Find(const std::string& key) const {
  for (const auto& d : defs_)
    if (d.id == key || d.name == key) return &d;
  return nullptr;
}

Result<IndicatorRegistry> IndicatorRegistry::LoadDir(const std::string& dir) {
  std::error_code ec;
  std::vector<std::string> files;
  for (const auto& e : std::filesystem::directory_iterator(dir, ec))
    if (e.path().extension() == ".json") files.push_back(e.path().string());
  if (ec) return Status::IoError(dir + ": " + ec.message());
  std::sort(files.begin(), files.end());
  IndicatorRegistry reg;
  for (const auto& file : files) {
    std::ifstream in(file);
    std::stringstream ss;
    ss << in.rdbuf();
    nlohmann::json j = nlohmann::json::parse(ss.str(), nullptr, false);
    if (j.is_discarded() || !j.contains("indicators") || !j["indicators"].is_array())
      return Status::ParseError(file + ": expected a JSON object with an \"indicators\" array");
    size_t k = 0;
    for (const auto& x : j["indicators"]) {
      ++k;
      IndicatorDef d;
      auto str = [&](const char* key) { return x.contains(key) && x[key].is_string() ? x[key].get<std::string>() : std::string(); };
      d.id = str("id");
      d.name = str("name");
      d.category = str("category");
      d.numerator = str("numerator");
      d.denominator = str("denominator");
      d.filter = str("filter");
      d.unit = str("unit");
      d.description = str("description");
      if (x.contains("scale") && x["scale"].is_number()) d.scale = x["scale"].get<double>();
      if (x.contains("range") && x["range"].is_array() && x["range"].size() == 2) {
        if (x["range"][0].is_number()) d.range_low = x["range"][0].get<double>();
        if (x["range"][1].is_number()) d.range_high = x["range"][1].get<double>();
      }
      std::string where = file + ": indicator #" + std::to_string(k) + " " + d.name + ": ";
      if (d.id.empty() || d.name.empty()) return Status::ParseError(where + "id and name are required");
      if (d.category != "质量" && d.category != "效率" && d.category != "效果")
        return Status::ParseError(where + "category must be 质量, 效率 or 效果");
      Status s = ValidateIndicator(d, nullptr);
      if (!s.ok()) return s.WithContext(where);
      TP_RETURN_IF_ERROR(reg.Add(std::move(d)).WithContext(file + ": "));
    }
  }
  return reg;
}

}  // namespace tianping::analytics
