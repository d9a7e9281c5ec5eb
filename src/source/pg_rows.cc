#include "source/pg_rows.h"

#include <nlohmann/json.hpp>

#include <charconv>
#include <cstdlib>

namespace tianping::source {
namespace {

Result<std::vector<int>> BindColumns(const PgResult& r, const std::vector<std::string>& names) {
  std::vector<int> cols;
  for (const auto& n : names) {
    int c = r.Column(n.c_str());
    if (c < 0) return Status::Internal("source query result has no column " + n);
    cols.push_back(c);
  }
  return cols;
}

bool Bool(const PgResult& r, int row, int col) { return !r.IsNull(row, col) && r.Get(row, col) == "t"; }

int Int(const PgResult& r, int row, int col) {
  int v = 0;
  std::string_view s = r.Get(row, col);
  std::from_chars(s.data(), s.data() + s.size(), v);
  return v;
}

std::string Text(const PgResult& r, int row, int col) { return std::string(r.Get(row, col)); }

std::optional<Date> OptDate(const PgResult& r, int row, int col, const std::string& field, std::vector<BadValue>* bad) {
  if (r.IsNull(row, col)) return std::nullopt;
  auto d = Date::Parse(r.Get(row, col));
  if (!d) bad->push_back({field, Text(r, row, col)});
  return d;
}

// Model sub-object prefix → (table, column) for the fields that live outside their record's table.
struct Mapped {
  std::string_view table, column;
};
Mapped MapCaseField(std::string_view field) {
  if (field == "derived_from.relation") return {"case_links", "relation"};
  if (field == "derived_from.case_id") return {"case_links", "source_case_id"};
  if (field == "derived_from.case_number") return {"case_links", "source_case_number"};
  if (field.rfind("derived_from", 0) == 0) return {"case_links", field};
  if (field.rfind("execution.", 0) == 0) return {"executions", field.substr(10)};
  if (field.rfind("execution", 0) == 0) return {"executions", field};
  return {"cases", field};
}

// "parties[12].rest" → 12, *rest = "rest"; -1 when the path does not start with prefix[N].
int Index(std::string_view field, std::string_view prefix, std::string_view* rest) {
  if (field.rfind(prefix, 0) != 0 || field.size() <= prefix.size() || field[prefix.size()] != '[') return -1;
  size_t close = field.find(']', prefix.size());
  if (close == std::string_view::npos) return -1;
  int i = -1;
  auto [p, ec] = std::from_chars(field.data() + prefix.size() + 1, field.data() + close, i);
  if (ec != std::errc() || p != field.data() + close) return -1;
  *rest = field.substr(close + 1);
  if (!rest->empty() && rest->front() == '.') rest->remove_prefix(1);
  return i;
}

}  // namespace

SourceCell LocateField(const RowOrigin& o, std::string_view field) {
  if (o.table == "documents") {
    return {"documents", "doc_id", o.id, field == "text" ? "body" : std::string(field)};
  }
  std::string_view rest;
  int p = Index(field, "parties", &rest);
  if (p >= 0 && static_cast<size_t>(p) < o.party_ids.size()) {
    std::string_view agent_rest;
    int a = Index(rest, "agents", &agent_rest);
    const auto& agents = o.agent_ids[static_cast<size_t>(p)];
    if (a >= 0 && static_cast<size_t>(a) < agents.size()) {
      return {"agents", "agent_id", agents[static_cast<size_t>(a)], std::string(agent_rest)};
    }
    return {"parties", "party_id", o.party_ids[static_cast<size_t>(p)], std::string(rest)};
  }
  if (field == "parties") return {"parties", "case_id", o.id, ""};
  Mapped m = MapCaseField(field);
  return {std::string(m.table), "case_id", o.id, std::string(m.column)};
}

Fen NumericToFen(std::string_view text) {
  bool neg = !text.empty() && text.front() == '-';
  if (neg) text.remove_prefix(1);
  Fen whole = 0;
  size_t i = 0;
  for (; i < text.size() && text[i] != '.'; ++i) whole = whole * 10 + (text[i] - '0');
  Fen frac = 0;
  int digits = 0;
  bool round_up = false;
  if (i < text.size()) {
    for (size_t j = i + 1; j < text.size(); ++j, ++digits) {
      if (digits < 2) frac = frac * 10 + (text[j] - '0');
      else if (digits == 2) round_up = text[j] >= '5';
    }
  }
  for (; digits < 2; ++digits) frac *= 10;
  Fen v = whole * 100 + frac + (round_up ? 1 : 0);
  return neg ? -v : v;
}

std::vector<std::string> JsonTextArray(std::string_view text) {
  std::vector<std::string> out;
  if (text.empty()) return out;
  auto j = nlohmann::json::parse(text, nullptr, false);
  if (!j.is_array()) return out;
  for (const auto& e : j) {
    if (e.is_string()) out.push_back(e.get<std::string>());
  }
  return out;
}

const std::vector<std::string>& CaseRowReader::Columns() {
  static const std::vector<std::string> k = {
      "case_id", "case_number", "court_code", "court_name", "type_code", "category", "cause_code", "cause_name",
      "cause_path", "procedure", "received_date", "filed_date", "closed_date", "closure_method",
      "statutory_limit_days", "extension_days", "excluded_days", "correction_requested", "judge_id", "judge_name",
      "panel", "clerk", "claim_amount", "awarded_amount", "has_payment_content", "document_id", "is_sealed",
      "updated_iso", "link_relation", "link_case_id", "link_case_number", "execution_applied",
      "execution_recovered", "execution_voluntary"};
  return k;
}

Result<CaseRowReader> CaseRowReader::Bind(const PgResult& r) {
  CaseRowReader out;
  auto cols = BindColumns(r, Columns());
  if (!cols.ok()) return cols.status();
  out.col_ = std::move(*cols);
  return out;
}

Case CaseRowReader::Read(const PgResult& r, int row, std::vector<BadValue>* bad) const {
  const auto& k = col_;
  Case c;
  int i = 0;
  c.case_id = Text(r, row, k[i++]);
  c.case_number = Text(r, row, k[i++]);
  c.court_code = Text(r, row, k[i++]);
  c.court_name = Text(r, row, k[i++]);
  c.type_code = Text(r, row, k[i++]);
  c.category = Text(r, row, k[i++]);
  c.cause_code = Text(r, row, k[i++]);
  c.cause_name = Text(r, row, k[i++]);
  c.cause_path = JsonTextArray(r.Get(row, k[i++]));
  c.procedure = Text(r, row, k[i++]);
  c.received_date = OptDate(r, row, k[i++], "received_date", bad);
  auto filed = OptDate(r, row, k[i++], "filed_date", bad);
  if (filed) c.filed_date = *filed;
  c.closed_date = OptDate(r, row, k[i++], "closed_date", bad);
  c.closure_method = Text(r, row, k[i++]);
  c.statutory_limit_days = Int(r, row, k[i++]);
  c.extension_days = Int(r, row, k[i++]);
  c.excluded_days = Int(r, row, k[i++]);
  c.correction_requested = Bool(r, row, k[i++]);
  c.judge_id = Text(r, row, k[i++]);
  c.judge_name = Text(r, row, k[i++]);
  c.panel = JsonTextArray(r.Get(row, k[i++]));
  c.clerk = Text(r, row, k[i++]);
  c.claim_amount = NumericToFen(r.Get(row, k[i++]));
  c.awarded_amount = NumericToFen(r.Get(row, k[i++]));
  c.has_payment_content = Bool(r, row, k[i++]);
  c.document_id = Text(r, row, k[i++]);
  c.is_sealed = Bool(r, row, k[i++]);
  c.updated_at = Text(r, row, k[i++]);
  if (!r.IsNull(row, k[i])) {
    c.derived_from = CaseLink{Text(r, row, k[i]), Text(r, row, k[i + 1]), Text(r, row, k[i + 2])};
  }
  i += 3;
  if (!r.IsNull(row, k[i])) {
    c.execution = ExecutionResult{NumericToFen(r.Get(row, k[i])), NumericToFen(r.Get(row, k[i + 1])),
                                  Bool(r, row, k[i + 2])};
  }
  return c;
}

const std::vector<std::string>& PartyRowReader::Columns() {
  static const std::vector<std::string> k = {
      "role", "original_role", "kind", "name", "id_number", "credit_code", "gender", "birth_date", "ethnicity",
      "phone", "address", "legal_representative", "occupation", "is_minor"};
  return k;
}

Result<PartyRowReader> PartyRowReader::Bind(const PgResult& r) {
  PartyRowReader out;
  auto cols = BindColumns(r, Columns());
  if (!cols.ok()) return cols.status();
  out.col_ = std::move(*cols);
  return out;
}

Party PartyRowReader::Read(const PgResult& r, int row, int party_index, std::vector<BadValue>* bad) const {
  const auto& k = col_;
  Party p;
  p.role = Text(r, row, k[0]);
  p.original_role = Text(r, row, k[1]);
  p.kind = Text(r, row, k[2]);
  p.name = Text(r, row, k[3]);
  p.id_number = Text(r, row, k[4]);
  p.credit_code = Text(r, row, k[5]);
  p.gender = Text(r, row, k[6]);
  p.birth_date = OptDate(r, row, k[7], "parties[" + std::to_string(party_index) + "].birth_date", bad);
  p.ethnicity = Text(r, row, k[8]);
  p.phone = Text(r, row, k[9]);
  p.address = Text(r, row, k[10]);
  p.legal_representative = Text(r, row, k[11]);
  p.occupation = Text(r, row, k[12]);
  p.is_minor = Bool(r, row, k[13]);
  return p;
}

const std::vector<std::string>& AgentRowReader::Columns() {
  static const std::vector<std::string> k = {"name", "kind", "law_firm", "license_number"};
  return k;
}

Result<AgentRowReader> AgentRowReader::Bind(const PgResult& r) {
  AgentRowReader out;
  auto cols = BindColumns(r, Columns());
  if (!cols.ok()) return cols.status();
  out.col_ = std::move(*cols);
  return out;
}

Agent AgentRowReader::Read(const PgResult& r, int row) const {
  return Agent{Text(r, row, col_[0]), Text(r, row, col_[1]), Text(r, row, col_[2]), Text(r, row, col_[3])};
}

const std::vector<std::string>& DocumentRowReader::Columns() {
  static const std::vector<std::string> k = {"doc_id", "case_id", "kind", "title", "body"};
  return k;
}

Result<DocumentRowReader> DocumentRowReader::Bind(const PgResult& r) {
  DocumentRowReader out;
  auto cols = BindColumns(r, Columns());
  if (!cols.ok()) return cols.status();
  out.col_ = std::move(*cols);
  return out;
}

Document DocumentRowReader::Read(const PgResult& r, int row) const {
  return Document{Text(r, row, col_[0]), Text(r, row, col_[1]), Text(r, row, col_[2]), Text(r, row, col_[3]),
                  Text(r, row, col_[4])};
}

}  // namespace tianping::source
