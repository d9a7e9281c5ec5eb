// LoadIntoPostgres: cases.jsonl / documents.jsonl → the court source schema, with COPY in one transaction.
// The touch triggers of child tables are disabled for the load (the case rows are new anyway) and
// re-enabled before the commit; updated_at is set by the schema's triggers to the load time.
#include <cstdio>
#include <fstream>
#include <sstream>
#include <unordered_set>

#include "source/pg_conn.h"
#include "tianping/common/money.h"
#include "tianping/common/progress.h"
#include "tianping/model/case_json.h"
#include "tianping/source/postgres_source.h"

namespace tianping {
namespace {

using source::PgConn;

// COPY text format: tab-separated, \N for NULL, backslash escapes.
class CopyRow {
 public:
  explicit CopyRow(std::string* out) : out_(out) {}
  ~CopyRow() { out_->push_back('\n'); }
  CopyRow& Text(std::string_view s) {
    Sep();
    for (char ch : s) {
      switch (ch) {
        case '\\': out_->append("\\\\"); break;
        case '\t': out_->append("\\t"); break;
        case '\n': out_->append("\\n"); break;
        case '\r': out_->append("\\r"); break;
        default: out_->push_back(ch);
      }
    }
    return *this;
  }
  CopyRow& Null() {
    Sep();
    out_->append("\\N");
    return *this;
  }
  CopyRow& Int(int64_t v) { return Text(std::to_string(v)); }
  CopyRow& Bool(bool v) { return Text(v ? "t" : "f"); }
  CopyRow& Date(const std::optional<tianping::Date>& d) { return d ? Text(d->ToString()) : Null(); }
  CopyRow& Yuan(Fen f) { return Text(FormatYuanFixed(f)); }
  CopyRow& Array(const std::vector<std::string>& items) { return Text(source::ArrayLiteral(items)); }

 private:
  void Sep() {
    if (!first_) out_->push_back('\t');
    first_ = false;
  }
  std::string* out_;
  bool first_ = true;
};

struct Payloads {
  std::string cases, links, executions, parties, agents, documents;
  size_t size() const { return cases.size() + parties.size() + agents.size() + documents.size(); }
};

void AddCase(const Case& c, int64_t* next_party, int64_t* next_agent, Payloads* p, PgLoadReport* report) {
  CopyRow(&p->cases)
      .Text(c.case_id).Text(c.case_number).Text(c.court_code).Text(c.court_name).Text(c.type_code)
      .Text(c.category).Text(c.cause_code).Text(c.cause_name).Array(c.cause_path).Text(c.procedure)
      .Date(c.received_date).Date(c.filed_date).Date(c.closed_date).Text(c.closure_method)
      .Int(c.statutory_limit_days).Int(c.extension_days).Int(c.excluded_days).Bool(c.correction_requested)
      .Text(c.judge_id).Text(c.judge_name).Array(c.panel).Text(c.clerk).Yuan(c.claim_amount)
      .Yuan(c.awarded_amount).Bool(c.has_payment_content).Text(c.document_id).Bool(c.is_sealed);
  if (c.derived_from) {
    CopyRow(&p->links).Text(c.case_id).Text(c.derived_from->relation).Text(c.derived_from->case_id)
        .Text(c.derived_from->case_number);
  }
  if (c.execution) {
    CopyRow(&p->executions).Text(c.case_id).Yuan(c.execution->applied_amount)
        .Yuan(c.execution->recovered_amount).Bool(c.execution->voluntary);
  }
  int seq = 0;
  for (const Party& party : c.parties) {
    int64_t pid = (*next_party)++;
    CopyRow(&p->parties)
        .Int(pid).Text(c.case_id).Int(++seq).Text(party.role).Text(party.original_role).Text(party.kind)
        .Text(party.name).Text(party.id_number).Text(party.credit_code).Text(party.gender).Date(party.birth_date)
        .Text(party.ethnicity).Text(party.phone).Text(party.address).Text(party.legal_representative)
        .Text(party.occupation).Bool(party.is_minor);
    ++report->parties;
    int aseq = 0;
    for (const Agent& a : party.agents) {
      CopyRow(&p->agents).Int((*next_agent)++).Int(pid).Int(++aseq).Text(a.name).Text(a.kind).Text(a.law_firm)
          .Text(a.license_number);
      ++report->agents;
    }
  }
  ++report->cases;
}

const char* kCopyCases =
    "COPY cases (case_id, case_number, court_code, court_name, type_code, category, cause_code, cause_name, "
    "cause_path, procedure, received_date, filed_date, closed_date, closure_method, statutory_limit_days, "
    "extension_days, excluded_days, correction_requested, judge_id, judge_name, panel, clerk, claim_amount, "
    "awarded_amount, has_payment_content, document_id, is_sealed) FROM STDIN";
const char* kCopyLinks = "COPY case_links (case_id, relation, source_case_id, source_case_number) FROM STDIN";
const char* kCopyExecutions = "COPY executions (case_id, applied_amount, recovered_amount, voluntary) FROM STDIN";
const char* kCopyParties =
    "COPY parties (party_id, case_id, seq, role, original_role, kind, name, id_number, credit_code, gender, "
    "birth_date, ethnicity, phone, address, legal_representative, occupation, is_minor) FROM STDIN";
const char* kCopyAgents = "COPY agents (agent_id, party_id, seq, name, kind, law_firm, license_number) FROM STDIN";
const char* kCopyDocuments = "COPY documents (doc_id, case_id, kind, title, body) FROM STDIN";

Status Flush(PgConn& conn, Payloads* p) {
  // Parents before children (foreign keys).
  const std::pair<const char*, std::string*> order[] = {
      {kCopyCases, &p->cases},     {kCopyLinks, &p->links},   {kCopyExecutions, &p->executions},
      {kCopyParties, &p->parties}, {kCopyAgents, &p->agents}, {kCopyDocuments, &p->documents}};
  for (auto [sql, data] : order) {
    if (data->empty()) continue;
    std::string_view q(sql);
    std::string what = "load " + std::string(q.substr(5, q.find(' ', 5) - 5));
    TP_RETURN_IF_ERROR(conn.CopyIn(what, sql, *data));
    data->clear();
  }
  return Status::Ok();
}

Result<int64_t> MaxId(PgConn& conn, const char* table, const char* column) {
  auto r = conn.Exec("read ids", std::string("SELECT coalesce(max(") + column + "), 0)::text FROM " + table);
  if (!r.ok()) return r.status();
  return std::stoll(std::string(r->Get(0, 0)));
}

constexpr const char* kChildTriggers[][2] = {{"parties", "parties_touch_case"},
                                             {"agents", "agents_touch_case"},
                                             {"case_links", "case_links_touch_case"},
                                             {"executions", "executions_touch_case"}};

Status LoadAll(PgConn& conn, const std::string& ddl, const std::vector<std::string>& files, bool progress,
               PgLoadReport* report) {
  TP_RETURN_IF_ERROR(conn.Run("create the schema", ddl));
  for (auto& t : kChildTriggers) {
    TP_RETURN_IF_ERROR(conn.Run("disable triggers", std::string("ALTER TABLE ") + t[0] + " DISABLE TRIGGER " + t[1]));
  }
  auto max_party = MaxId(conn, "parties", "party_id");
  if (!max_party.ok()) return max_party.status();
  auto max_agent = MaxId(conn, "agents", "agent_id");
  if (!max_agent.ok()) return max_agent.status();
  int64_t next_party = *max_party + 1, next_agent = *max_agent + 1;
  std::unordered_set<std::string> case_ids, doc_ids;
  int64_t duplicates = 0, orphans = 0;
  Payloads p;
  std::vector<Document> documents;  // after all cases: a document may precede its case
  for (const std::string& file : files) {
    std::ifstream in(file);
    if (!in) return Status::NotFound("no such file " + file);
    std::unique_ptr<Progress> bar;
    if (progress) bar = std::make_unique<Progress>("load " + file, "lines", 0);
    std::string line;
    for (int64_t no = 1; std::getline(in, line); ++no) {
      if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
      if (bar) bar->Add(1);
      if (line.find("\"doc_id\"") != std::string::npos) {
        auto d = ParseDocumentJson(line);
        if (!d.ok()) return Status::ParseError(file + ":" + std::to_string(no) + ": " + d.status().message());
        documents.push_back(std::move(*d));
        continue;
      }
      auto c = ParseCaseJson(line);
      if (!c.ok()) return Status::ParseError(file + ":" + std::to_string(no) + ": " + c.status().message());
      if (!case_ids.insert(c->case_id).second) {
        ++duplicates;
        continue;
      }
      AddCase(*c, &next_party, &next_agent, &p, report);
      if (p.size() > (8u << 20)) TP_RETURN_IF_ERROR(Flush(conn, &p));
    }
    if (bar) bar->Finish();
  }
  TP_RETURN_IF_ERROR(Flush(conn, &p));
  auto existing = conn.Exec("read case ids", "SELECT case_id FROM cases");
  if (!existing.ok()) return existing.status();
  for (int i = 0; i < existing->rows(); ++i) case_ids.insert(std::string(existing->Get(i, 0)));
  for (const Document& d : documents) {
    if (!case_ids.count(d.case_id)) {
      ++orphans;
      continue;
    }
    if (!doc_ids.insert(d.doc_id).second) {
      ++duplicates;
      continue;
    }
    CopyRow(&p.documents).Text(d.doc_id).Text(d.case_id).Text(d.kind).Text(d.title).Text(d.text);
    ++report->documents;
    if (p.size() > (8u << 20)) TP_RETURN_IF_ERROR(Flush(conn, &p));
  }
  TP_RETURN_IF_ERROR(Flush(conn, &p));
  for (auto& t : kChildTriggers) {
    TP_RETURN_IF_ERROR(conn.Run("enable triggers", std::string("ALTER TABLE ") + t[0] + " ENABLE TRIGGER " + t[1]));
  }
  TP_RETURN_IF_ERROR(conn.Run("advance the id sequences",
                              "SELECT setval(pg_get_serial_sequence('parties', 'party_id'), max(party_id)) FROM parties "
                              "HAVING max(party_id) IS NOT NULL; "
                              "SELECT setval(pg_get_serial_sequence('agents', 'agent_id'), max(agent_id)) FROM agents "
                              "HAVING max(agent_id) IS NOT NULL"));
  if (progress && (duplicates || orphans)) {
    std::fprintf(stderr, "load-pg: skipped %lld repeated ids and %lld documents of unknown cases\n",
                 static_cast<long long>(duplicates), static_cast<long long>(orphans));
  }
  return Status::Ok();
}

}  // namespace

Result<PgLoadReport> LoadIntoPostgres(const std::string& url, const std::string& schema_sql_file,
                                      const std::vector<std::string>& files, bool progress) {
  std::ifstream ddl_in(schema_sql_file);
  if (!ddl_in) return Status::NotFound("no schema file " + schema_sql_file);
  std::stringstream ddl;
  ddl << ddl_in.rdbuf();
  auto conn = source::PgConn::Connect(url);
  if (!conn.ok()) return conn.status();
  PgLoadReport report;
  TP_RETURN_IF_ERROR((*conn)->Run("begin", "BEGIN"));
  Status s = LoadAll(**conn, ddl.str(), files, progress, &report);
  if (!s.ok()) {
    (void)(*conn)->Run("rollback", "ROLLBACK");
    return s;
  }
  TP_RETURN_IF_ERROR((*conn)->Run("commit", "COMMIT"));
  return report;
}

}  // namespace tianping
