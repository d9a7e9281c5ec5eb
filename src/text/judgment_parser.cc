#include "text/judgment_parser.h"

#include <algorithm>

#include "text/chinese_number.h"
#include "text/citation.h"
#include "text/judgment_parts.h"
#include "text/text_scan.h"
#include "tianping/common/json_writer.h"
#include "tianping/model/case_number.h"

namespace tianping::text {
namespace {

constexpr const char* kSectionNames[kSectionCount] = {"title",     "parties", "history",   "claims",
                                                      "defence",   "facts",   "reasoning", "basis",
                                                      "operative", "costs",   "appeal_notice", "signature"};

std::string Trim(std::string_view s) {
  size_t b = 0, e = s.size();
  while (b < e) {
    size_t n;
    char32_t c = CpAt(s, b, &n);
    if (!IsSpaceCp(c) && c != '\n') break;
    b += n;
  }
  while (e > b && (s[e - 1] == '\n' || s[e - 1] == ' ' || s[e - 1] == '\r')) --e;
  while (e >= b + 3 && s.substr(e - 3, 3) == "\u3000") e -= 3;
  return std::string(s.substr(b, e - b));
}

// Item number at the start of s: 一、 二、 … 十、, 1. 1、 （一）; returns its byte length or 0.
size_t ItemPrefix(std::string_view s) {
  size_t i = 0, count = 0;
  while (i < s.size() && count < 4) {
    size_t n;
    char32_t c = CpAt(s, i, &n);
    if (!IsNumeralCp(c) || c == U'两' || c == U'〇' || c == U'零') break;
    i += n;
    ++count;
  }
  if (count == 0) return 0;
  for (std::string_view sep : {"、", ".", "．"})
    if (StartsWithAt(s, i, sep)) return i + sep.size();
  return 0;
}

}  // namespace

const char* SectionName(SectionKind kind) { return kSectionNames[static_cast<size_t>(kind)]; }

std::vector<std::string> SplitOperativeItems(std::string_view op) {
  std::vector<std::string> items;
  size_t i = 0, start = 0;
  bool numbered = ItemPrefix(op) > 0;
  while (i < op.size()) {
    size_t n;
    char32_t c = CpAt(op, i, &n);
    bool boundary = c == '\n' || (numbered && (c == U'；' || c == U'。'));
    i += n;
    if (!boundary) continue;
    size_t next = SkipSpaces(op, i);
    if (next < op.size() && op[next] == '\n') next = SkipSpaces(op, next + 1);
    if (!numbered || ItemPrefix(op.substr(next)) > 0 || next >= op.size()) {
      std::string item = Trim(op.substr(start, i - start));
      if (!item.empty()) items.push_back(std::move(item));
      start = next;
      i = next;
    }
  }
  std::string tail = Trim(op.substr(std::min(start, op.size())));
  if (!tail.empty()) items.push_back(std::move(tail));
  return items;
}

ParsedJudgment ParseJudgment(std::string_view s) {
  ParsedJudgment j;
  size_t after_title = ParseTitle(s, &j);
  size_t history = ParsePartyBlock(s, after_title, &j);
  SplitSections(s, history, &j);
  // Quoted 案号 in the head: history, claims, defence and facts (first-instance numbers in appeals).
  Span hist = j.section(SectionKind::kHistory);
  size_t quote_end = hist.empty() ? std::min(s.size(), history + 2000) : hist.end;
  for (SectionKind k : {SectionKind::kClaims, SectionKind::kFacts})
    if (!j.section(k).empty()) quote_end = std::max(quote_end, std::min(j.section(k).end, j.section(k).begin + 600));
  for (const auto& hit : FindCaseNumbers(s, after_title, quote_end)) {
    if (hit.raw == j.case_number ||
        std::find(j.other_case_numbers.begin(), j.other_case_numbers.end(), hit.raw) != j.other_case_numbers.end())
      continue;
    j.other_case_numbers.push_back(hit.raw);
    if (j.first_instance_case_number.empty()) {
      auto parsed = ParseCaseNumber(hit.raw);
      bool first = parsed.ok() ? parsed->stage == "一审"
                               : hit.raw.find("初") != std::string::npos;
      if (first) j.first_instance_case_number = hit.raw;
    }
  }
  if (j.parties.empty()) {
    // The names are in the first sentences of the history (…指控原审被告人A、B犯…一案…。原审被告人A不服…).
    size_t to = hist.empty() ? std::min(s.size(), history + 1500) : hist.end;
    size_t cut = history;
    for (int k = 0; k < 3 && cut < to; ++k) cut = SentenceEnd(s, cut, to);
    to = std::min(to, cut);
    ParseNarrativeParties(s, history, to, &j);
  }
  j.citations = ExtractCitations(s);
  Span op = j.section(SectionKind::kOperative);
  if (!op.empty()) j.operative_items = SplitOperativeItems(s.substr(op.begin, op.end - op.begin));
  Span costs = j.section(SectionKind::kCosts);
  if (!costs.empty()) {
    std::string_view c = s.substr(costs.begin, costs.end - costs.begin);
    size_t p = c.find("受理费");
    for (size_t i = p == std::string_view::npos ? 0 : p; i < c.size();) {
      size_t used = 0;
      if (auto fen = ParseAmountAt(c.substr(i), &used)) { j.costs = fen; break; }
      size_t n;
      CpAt(c, i, &n);
      i += n;
    }
  }
  ParseSignature(s, &j);
  return j;
}

void AppendJudgmentJson(const ParsedJudgment& j, std::string_view text, std::string* out) {
  JsonWriter w(out);
  w.BeginObject();
  w.Field("court", j.court);
  w.Field("kind", j.kind);
  w.Field("case_number", j.case_number);
  w.Field("case_number_normalized", j.case_number_normalized);
  w.Key("other_case_numbers");
  w.BeginArray();
  for (const auto& c : j.other_case_numbers) w.String(c);
  w.EndArray();
  w.Field("first_instance_case_number", j.first_instance_case_number);
  w.Key("parties");
  w.BeginArray();
  for (const auto& p : j.parties) {
    w.BeginObject();
    w.Field("role", p.role);
    if (!p.original_role.empty()) w.Field("original_role", p.original_role);
    w.Field("name", p.name);
    w.Field("kind", p.kind);
    if (!p.gender.empty()) w.Field("gender", p.gender);
    if (p.birth_date) w.Field("birth_date", p.birth_date->ToString());
    if (!p.ethnicity.empty()) w.Field("ethnicity", p.ethnicity);
    if (!p.legal_representative.empty()) w.Field("legal_representative", p.legal_representative);
    if (p.from_narrative) { w.Key("from_narrative"); w.Bool(true); }
    w.Key("agents");
    w.BeginArray();
    for (const auto& a : p.agents) {
      w.BeginObject();
      w.Field("role", a.role);
      w.Field("name", a.name);
      if (!a.kind.empty()) w.Field("kind", a.kind);
      if (!a.law_firm.empty()) w.Field("law_firm", a.law_firm);
      if (!a.license_number.empty()) w.Field("license_number", a.license_number);
      w.EndObject();
    }
    w.EndArray();
    w.EndObject();
  }
  w.EndArray();
  w.Key("sections");
  w.BeginObject();
  for (size_t k = 0; k < kSectionCount; ++k) {
    const Span& sp = j.sections[k];
    if (sp.empty()) continue;
    w.Key(kSectionNames[k]);
    w.BeginObject();
    w.FieldInt("begin", static_cast<int64_t>(sp.begin));
    w.FieldInt("end", static_cast<int64_t>(sp.end));
    if (!text.empty() && sp.end <= text.size()) w.Field("text", Trim(text.substr(sp.begin, sp.end - sp.begin)));
    w.EndObject();
  }
  w.EndObject();
  w.Key("citations");
  w.BeginArray();
  for (const auto& c : j.citations) {
    w.BeginObject();
    w.Field("law", c.law);
    w.FieldInt("article", c.article);
    if (c.article_suffix) w.FieldInt("article_suffix", c.article_suffix);
    if (c.paragraph) w.FieldInt("paragraph", c.paragraph);
    if (c.item) w.FieldInt("item", c.item);
    w.EndObject();
  }
  w.EndArray();
  w.Key("operative_items");
  w.BeginArray();
  for (const auto& it : j.operative_items) w.String(it);
  w.EndArray();
  w.Key("costs");
  if (j.costs) w.Double(static_cast<double>(*j.costs) / 100.0); else w.Null();
  w.Key("panel");
  w.BeginArray();
  for (const auto& m : j.panel) {
    w.BeginObject();
    w.Field("role", m.role);
    w.Field("name", m.name);
    w.EndObject();
  }
  w.EndArray();
  w.Field("date", j.date ? j.date->ToString() : "");
  w.Field("clerk", j.clerk);
  w.EndObject();
}

}  // namespace tianping::text
