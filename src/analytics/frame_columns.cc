// Column groups of a query: which fields read which CaseFrame columns.
#include "tianping/analytics/frame_columns.h"

#include <algorithm>
#include <map>
#include <set>

#include "tianping/analytics/indicator.h"
#include "tianping/analytics/tag.h"

namespace tianping::analytics {
namespace {

const std::map<std::string, uint32_t>& FieldGroups() {
  static const auto* m = new std::map<std::string, uint32_t>{
      {"category", kFrameCategory},       {"procedure", kFrameProcedure},
      {"cause", kFrameCause},             {"cause1", kFrameCause},
      {"cause2", kFrameCause},            {"cause3", kFrameCause},
      {"cause4", kFrameCause},            {"high_risk_cause", kFrameCause},
      {"judge", kFrameJudge},             {"received_date", kFrameReceived},
      {"filing_lag", kFrameReceived},     {"net_duration", kFrameLimits},
      {"limit", kFrameLimits},            {"extension", kFrameLimits},
      {"excluded", kFrameLimits},         {"limit_total", kFrameLimits},
      {"within_limit", kFrameLimits},     {"extended", kFrameLimits},
      {"overdue", kFrameLimits},          {"claim_amount", kFrameClaims},
      {"awarded_amount", kFrameClaims},   {"applied_amount", kFrameExecution},
      {"recovered_amount", kFrameExecution}, {"voluntary", kFrameExecution},
      {"has_payment", kFrameFlags},       {"correction", kFrameFlags},
      {"sealed", kFrameFlags},            {"org_party", kFrameParties},
      {"minor_party", kFrameParties},     {"lawyer_party", kFrameParties},
  };
  return *m;
}

const char* const kGroupNames[] = {"category", "procedure", "cause", "judge", "received", "limits",
                                   "claims", "execution", "flags", "parties", "party_table", "case_ids"};

uint32_t Walk(const Expr& e, const std::vector<TagDef>& tags, std::set<std::string>* seen) {
  uint32_t cols = 0;
  if (e.kind == Expr::Kind::kField) cols |= FrameColumnsOfField(e.text);
  if (e.kind == Expr::Kind::kCall && e.text == "tag" && e.args.size() == 1 && e.args[0]->kind == Expr::Kind::kString) {
    const std::string& name = e.args[0]->text;
    if (seen->insert(name).second) {
      for (const TagDef& d : tags) {
        if (d.name != name) continue;
        if (d.subject == "party") cols |= kFramePartyTable | kFrameParties;
        auto r = ParseExpr(d.rule);
        if (r.ok()) cols |= Walk(**r, tags, seen);
      }
    }
  }
  for (const auto& a : e.args) cols |= Walk(*a, tags, seen);
  return cols;
}

uint32_t OfText(const std::string& text, const std::vector<TagDef>& tags) {
  if (text.empty()) return 0;
  auto e = ParseExpr(text);
  return e.ok() ? FrameColumnsOf(**e, tags) : 0;
}

}  // namespace

std::string FrameColumnNames(uint32_t columns) {
  std::string out;
  for (int i = 0; i < 12; ++i)
    if (columns & (1u << i)) out += (out.empty() ? "" : ",") + std::string(kGroupNames[i]);
  return out;
}

uint32_t FrameColumnsOfField(const std::string& field) {
  std::string name = field;
  for (const char* prefix : {"parent.", "root."})
    if (name.rfind(prefix, 0) == 0) name = name.substr(std::char_traits<char>::length(prefix));
  if (name.rfind("party.", 0) == 0) return kFramePartyTable | kFrameParties;
  auto it = FieldGroups().find(name);
  return it == FieldGroups().end() ? 0 : it->second;
}

uint32_t FrameColumnsOf(const Expr& e, const std::vector<TagDef>& tags) {
  std::set<std::string> seen;
  return Walk(e, tags, &seen);
}

uint32_t FrameColumnsForQuery(const std::vector<const IndicatorDef*>& indicators, const std::string& where,
                              const std::vector<std::string>& by, const std::vector<TagDef>& tags) {
  uint32_t cols = OfText(where, tags);
  for (const IndicatorDef* d : indicators)
    cols |= OfText(d->numerator, tags) | OfText(d->denominator, tags) | OfText(d->filter, tags);
  for (const std::string& dim : by) {
    if (dim.rfind("tag:", 0) == 0) cols |= OfText("tag('" + dim.substr(4) + "')", tags);
    else cols |= FrameColumnsOfField(dim);
  }
  return cols;
}

uint32_t FrameColumnsForTags(const std::vector<TagDef>& tags) {
  uint32_t cols = 0;
  for (const TagDef& d : tags) cols |= OfText("tag('" + d.name + "')", tags);
  return cols;
}

void TagNamesOf(const Expr& e, std::vector<std::string>* names) {
  if (e.kind == Expr::Kind::kCall && e.text == "tag" && e.args.size() == 1 && e.args[0]->kind == Expr::Kind::kString)
    names->push_back(e.args[0]->text);
  for (const auto& a : e.args) TagNamesOf(*a, names);
}

std::vector<TagDef> TagsNeeded(const std::vector<TagDef>& all, const std::vector<std::string>& names) {
  std::set<std::string> want;
  std::vector<std::string> todo = names;
  while (!todo.empty()) {
    std::string n = todo.back();
    todo.pop_back();
    if (!want.insert(n).second) continue;
    for (const TagDef& d : all) {
      if (d.name != n) continue;
      auto e = ParseExpr(d.rule);
      if (e.ok()) TagNamesOf(**e, &todo);
    }
  }
  std::vector<TagDef> out;
  for (const TagDef& d : all)
    if (want.count(d.name)) out.push_back(d);
  return out;
}

}  // namespace tianping::analytics
