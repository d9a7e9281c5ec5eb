#include "tianping/text/crosscheck.h"

#include <algorithm>
#include <cstdio>

#include "tianping/model/case_number.h"

namespace tianping::text {
namespace {

std::string Yuan(Fen v) {
  char buf[48];
  if (v % 100 == 0) std::snprintf(buf, sizeof buf, "%lld元", static_cast<long long>(v / 100));
  else std::snprintf(buf, sizeof buf, "%lld.%02lld元", static_cast<long long>(v / 100), static_cast<long long>(v % 100));
  return buf;
}

bool EndsWith(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

std::string NormalizeNumber(const std::string& raw) {
  auto p = ParseCaseNumber(raw);
  return p.ok() ? p->normalized : raw;
}

// Closure methods the extractor can tell apart; others (其他 …) are not compared.
bool Comparable(std::string_view m) {
  for (std::string_view k : {"判决", "调解", "撤诉", "维持", "发回重审", "驳回起诉", "执行完毕", "终结本次执行程序",
                             "终结执行", "不予执行", "移送", "驳回再审申请", "改判"})
    if (m == k) return true;
  return false;
}

}  // namespace

std::vector<Mismatch> CrossCheck(const Case& c, const Document& d, const ParsedJudgment& j, const ExtractedFacts& f) {
  std::vector<Mismatch> out;
  auto add = [&](std::string field, std::string structured, std::string document) {
    out.push_back({c.case_id, d.doc_id, std::move(field), std::move(structured), std::move(document)});
  };
  if (!j.case_number.empty() && !c.case_number.empty() && NormalizeNumber(j.case_number) != NormalizeNumber(c.case_number))
    add("case_number", c.case_number, j.case_number);
  if (!j.court.empty() && !c.court_name.empty() && j.court != c.court_name && !EndsWith(j.court, c.court_name) &&
      !EndsWith(c.court_name, j.court))
    add("court_name", c.court_name, j.court);
  // Parties: each record name must appear; pair a missing one with an unmatched document party.
  std::vector<const JudgmentParty*> unmatched;
  for (const auto& p : j.parties) {
    if (p.role.find("机关") != std::string::npos) continue;
    bool known = std::any_of(c.parties.begin(), c.parties.end(), [&](const Party& q) { return q.name == p.name; });
    if (!known) unmatched.push_back(&p);
  }
  if (!j.parties.empty()) {
    for (const auto& q : c.parties) {
      bool found = std::any_of(j.parties.begin(), j.parties.end(), [&](const JudgmentParty& p) { return p.name == q.name; });
      if (found) continue;
      std::string shown;
      for (auto it = unmatched.begin(); it != unmatched.end(); ++it) {
        shown = (*it)->name;
        unmatched.erase(it);
        break;
      }
      add("party_name", q.name, shown);
    }
  }
  if (f.filed_date && *f.filed_date != c.filed_date) add("filed_date", c.filed_date.ToString(), f.filed_date->ToString());
  if (j.date && c.closed_date && *j.date != *c.closed_date)
    add("closed_date", c.closed_date->ToString(), j.date->ToString());
  if (!f.closure.empty() && Comparable(c.closure_method) && f.closure != c.closure_method &&
      !(c.closure_method == "改判" && f.closure == "判决") &&
      !(c.closure_method == "驳回起诉" && f.closure == "判决"))  // a judgment rejecting every claim
    add("closure_method", c.closure_method, f.closure);
  bool money = c.category != "刑事" && c.category != "执行";
  if (money && c.claim_amount > 0 && f.claim_total && *f.claim_total != c.claim_amount)
    add("claim_amount", Yuan(c.claim_amount), Yuan(*f.claim_total));
  if (money && c.awarded_amount > 0 && f.awarded_total && *f.awarded_total != c.awarded_amount)
    add("awarded_amount", Yuan(c.awarded_amount), Yuan(*f.awarded_total));
  if (!c.judge_name.empty() && !j.panel.empty() &&
      std::none_of(j.panel.begin(), j.panel.end(), [&](const PanelMember& m) { return m.name == c.judge_name; })) {
    std::string shown;
    for (const auto& m : j.panel)
      if (std::find(c.panel.begin(), c.panel.end(), m.name) == c.panel.end()) { shown = m.name; break; }
    add("judge_name", c.judge_name, shown);
  }
  return out;
}

}  // namespace tianping::text
