// judgment: the input is one document; the output lists the parsed fields one per line —
//   court / kind / case_number (→ normalized) / first_instance / party (role[(original)] name kind gender
//   birth; agents) / sections (names in order) / citation / item / costs / panel / date / clerk /
//   closure / filed / amount (yuan context@section) / rate / delivery / claim (outcome claimed→awarded).
#include "golden_judgment.h"

#include <cstdio>

#include "tianping/text/extract.h"
#include "tianping/text/judgment.h"

namespace tianping::golden {
namespace {

std::string Yuan(Fen v) {
  char buf[48];
  if (v % 100 == 0) std::snprintf(buf, sizeof buf, "%lld", static_cast<long long>(v / 100));
  else std::snprintf(buf, sizeof buf, "%lld.%02lld", static_cast<long long>(v / 100), static_cast<long long>(v % 100));
  return buf;
}

std::string Num(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%g", v);
  return buf;
}

}  // namespace

std::string JudgmentHandler(const std::string& input) {
  using namespace text;
  ParsedJudgment j = ParseJudgment(input);
  ExtractedFacts f = ExtractFacts(input, j);
  std::string out;
  auto line = [&](const std::string& k, const std::string& v) { if (!v.empty()) out += k + ": " + v + "\n"; };
  line("court", j.court);
  line("kind", j.kind);
  line("case_number", j.case_number + (j.case_number_normalized.empty() || j.case_number_normalized == j.case_number
                                           ? "" : " → " + j.case_number_normalized));
  line("first_instance", j.first_instance_case_number);
  for (const auto& p : j.parties) {
    std::string v = p.role + (p.original_role.empty() ? "" : "(" + p.original_role + ")") + " " + p.name + " " + p.kind;
    if (!p.gender.empty()) v += " " + p.gender;
    if (p.birth_date) v += " " + p.birth_date->ToString();
    if (!p.legal_representative.empty()) v += " 代表:" + p.legal_representative;
    if (p.from_narrative) v += " (narrative)";
    for (const auto& a : p.agents)
      v += " | " + a.role + " " + a.name + (a.law_firm.empty() ? "" : " " + a.law_firm) + (a.kind.empty() ? "" : " " + a.kind);
    line("party", v);
  }
  std::string secs;
  for (size_t k = 0; k < kSectionCount; ++k)
    if (!j.sections[k].empty()) secs += std::string(secs.empty() ? "" : " ") + SectionName(static_cast<SectionKind>(k));
  line("sections", secs);
  for (const auto& c : j.citations) {
    std::string v = c.law + " " + std::to_string(c.article);
    if (c.article_suffix) v += "之" + std::to_string(c.article_suffix);
    if (c.paragraph) v += " 款" + std::to_string(c.paragraph);
    if (c.item) v += " 项" + std::to_string(c.item);
    line("citation", v);
  }
  for (const auto& it : j.operative_items) line("item", it);
  if (j.costs) line("costs", Yuan(*j.costs));
  std::string panel;
  for (const auto& m : j.panel) panel += (panel.empty() ? "" : "; ") + m.role + " " + m.name;
  line("panel", panel);
  if (j.date) line("date", j.date->ToString());
  line("clerk", j.clerk);
  line("closure", f.closure);
  if (f.filed_date) line("filed", f.filed_date->ToString());
  for (const auto& a : f.amounts) line("amount", Yuan(a.fen) + " " + (a.context.empty() ? "-" : a.context) + "@" + a.section);
  for (const auto& r : f.rates) line("rate", r.kind + " " + Num(r.value) + " (" + Num(r.annual_percent) + "%/年)");
  std::string del;
  for (const auto& m : f.delivery_methods) del += (del.empty() ? "" : " ") + m;
  line("delivery", del);
  for (const auto& c : f.claims)
    line("claim", c.outcome + " " + (c.claimed ? Yuan(*c.claimed) : "-") + "→" + (c.awarded ? Yuan(*c.awarded) : "-"));
  if (f.claim_total) line("claim_total", Yuan(*f.claim_total));
  if (f.awarded_total) line("awarded_total", Yuan(*f.awarded_total));
  return out;
}

}  // namespace tianping::golden
