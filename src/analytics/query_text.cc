#include "tianping/analytics/query_text.h"

#include <sstream>

namespace tianping::analytics {

Result<Date> ParseMonth(const std::string& text, bool end) {
  int y = 0, m = 0;
  char dash = 0;
  std::istringstream in(text);
  if (!(in >> y >> dash >> m) || dash != '-' || m < 1 || m > 12 || y < 1900 || y > 2200 || !in.eof())
    return Status::InvalidArgument("expected YYYY-MM, found '" + text + "'");
  Date first = Date::FromYmd(y, m, 1);
  return end ? first.AddMonths(1).AddDays(-1) : first;
}

std::vector<std::string> SplitList(const std::string& text) {
  std::vector<std::string> out;
  std::stringstream ss(text);
  std::string item;
  while (std::getline(ss, item, ','))
    if (!item.empty()) out.push_back(item);
  return out;
}

const std::vector<std::string>& DrillChain() {
  static const std::vector<std::string> kChain = {"province", "region", "court", "judge"};
  return kChain;
}

std::string NextDrillLevel(const std::string& level) {
  const auto& chain = DrillChain();
  for (size_t i = 0; i + 1 < chain.size(); ++i)
    if (chain[i] == level) return chain[i + 1];
  return "";
}

Result<std::string> QuoteLiteral(const std::string& text) {
  if (text.find('\'') == std::string::npos) return "'" + text + "'";
  if (text.find('"') == std::string::npos) return "\"" + text + "\"";
  return Status::InvalidArgument("a value may not contain both ' and \"");
}

Status ApplyDrill(const std::string& drill, IndicatorQuery* q) {
  auto eq = drill.find('=');
  std::string level = drill.substr(0, eq == std::string::npos ? 0 : eq);
  std::string next = level == "judge" ? "" : NextDrillLevel(level);
  if (next.empty())
    return Status::InvalidArgument("drill expects province=, region= or court= VALUE, found '" + drill + "'");
  auto value = QuoteLiteral(drill.substr(eq + 1));
  if (!value.ok()) return value.status();
  q->where = (q->where.empty() ? "" : "(" + q->where + ") and ") + (level == "court" ? "court_name" : level) +
             " = " + *value;
  q->by.insert(q->by.begin(), next);
  return Status::Ok();
}

}  // namespace tianping::analytics
