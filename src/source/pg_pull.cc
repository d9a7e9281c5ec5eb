#include "source/pg_pull.h"

#include <cstdio>
#include <map>
#include <memory>
#include <set>
#include <unordered_map>

namespace tianping::source {
namespace {

struct TableSpec {
  const char* table;
  std::vector<const char*> columns;
};

const std::vector<TableSpec>& RequiredSchema() {
  static const std::vector<TableSpec> k = {
      {"cases", {"case_id", "case_number", "court_code", "court_name", "type_code", "category", "cause_code",
                 "cause_name", "cause_path", "procedure", "received_date", "filed_date", "closed_date",
                 "closure_method", "statutory_limit_days", "extension_days", "excluded_days",
                 "correction_requested", "judge_id", "judge_name", "panel", "clerk", "claim_amount",
                 "awarded_amount", "has_payment_content", "document_id", "is_sealed", "updated_at"}},
      {"case_links", {"case_id", "relation", "source_case_id", "source_case_number"}},
      {"executions", {"case_id", "applied_amount", "recovered_amount", "voluntary"}},
      {"parties", {"party_id", "case_id", "seq", "role", "original_role", "kind", "name", "id_number",
                   "credit_code", "gender", "birth_date", "ethnicity", "phone", "address", "legal_representative",
                   "occupation", "is_minor"}},
      {"agents", {"agent_id", "party_id", "seq", "name", "kind", "law_firm", "license_number"}},
      {"documents", {"doc_id", "case_id", "kind", "title", "body", "updated_at"}},
      {"deleted_rows", {"seq", "table_name", "row_id", "case_id", "deleted_at"}},
  };
  return k;
}

// Fixed-width UTC text of a timestamptz (the session runs in UTC): compares as text, casts back exactly.
#define TP_PG_TS(col) "to_char(" col ", 'YYYY-MM-DD HH24:MI:SS.US') || '+00'"

const char* kCaseSelect =
    "SELECT c.case_id, c.case_number, c.court_code, c.court_name, c.type_code, c.category, c.cause_code, "
    "c.cause_name, array_to_json(c.cause_path)::text AS cause_path, c.procedure, c.received_date::text AS "
    "received_date, c.filed_date::text AS filed_date, c.closed_date::text AS closed_date, c.closure_method, "
    "c.statutory_limit_days, c.extension_days, c.excluded_days, c.correction_requested, c.judge_id, "
    "c.judge_name, array_to_json(c.panel)::text AS panel, c.clerk, c.claim_amount::text AS claim_amount, "
    "c.awarded_amount::text AS awarded_amount, c.has_payment_content, c.document_id, c.is_sealed, "
    "to_char(c.updated_at, 'YYYY-MM-DD\"T\"HH24:MI:SS.US\"Z\"') AS updated_iso, "
    "l.relation AS link_relation, l.source_case_id AS link_case_id, l.source_case_number AS link_case_number, "
    "e.applied_amount::text AS execution_applied, e.recovered_amount::text AS execution_recovered, "
    "e.voluntary AS execution_voluntary, " TP_PG_TS("c.updated_at") " AS wm_ts, c.case_id AS wm_id "
    "FROM cases c LEFT JOIN case_links l ON l.case_id = c.case_id "
    "LEFT JOIN executions e ON e.case_id = c.case_id";

const char* kPartySelect =
    "SELECT p.party_id::text AS party_id, p.case_id, p.role, p.original_role, p.kind, p.name, p.id_number, "
    "p.credit_code, p.gender, p.birth_date::text AS birth_date, p.ethnicity, p.phone, p.address, "
    "p.legal_representative, p.occupation, p.is_minor FROM parties p WHERE p.case_id = ANY ($1::text[]) "
    "ORDER BY p.case_id, p.seq, p.party_id";

const char* kAgentSelect =
    "SELECT a.agent_id::text AS agent_id, a.party_id::text AS party_id, a.name, a.kind, a.law_firm, "
    "a.license_number FROM agents a WHERE a.party_id = ANY ($1::bigint[]) ORDER BY a.party_id, a.seq, a.agent_id";

const char* kDocumentSelect =
    "SELECT d.doc_id, d.case_id, d.kind, d.title, d.body, " TP_PG_TS("d.updated_at") " AS wm_ts, d.doc_id AS wm_id "
    "FROM documents d";

const char* kTombstoneSelect =
    "SELECT t.table_name, t.row_id, t.case_id, EXISTS (SELECT 1 FROM cases c WHERE c.case_id = t.case_id) "
    "AS case_exists, CASE t.table_name WHEN 'documents' THEN EXISTS (SELECT 1 FROM documents d WHERE d.doc_id = "
    "t.row_id) WHEN 'cases' THEN EXISTS (SELECT 1 FROM cases c WHERE c.case_id = t.row_id) ELSE false END AS "
    "row_exists, " TP_PG_TS("t.deleted_at") " AS wm_ts, t.seq::text AS wm_id FROM deleted_rows t";

// Transactions in flight when the pull's snapshot is taken (its first statement): the oldest start of one
// that has written (holds an xid), and how many sessions this role may not inspect (pg_stat_activity
// hides other roles' sessions without pg_read_all_stats). docs/source-postgresql.md "In-flight transactions".
const char* kInFlightSelect =
    "SELECT " TP_PG_TS("(SELECT min(xact_start) FROM pg_stat_activity WHERE backend_xid IS NOT NULL AND pid <> "
                       "pg_backend_pid())") " AS oldest, "
    "(SELECT count(*) FROM pg_stat_activity WHERE pid <> pg_backend_pid() AND backend_type = 'client backend' "
    "AND state IS NULL)::text AS hidden";

// WHERE clause for rows after `w` (less the overlap) and after the page cursor `last`; appends params.
std::string After(const std::string& ts_col, const std::string& id_col, const char* id_type, const Watermark& w,
                  int overlap_seconds, const Watermark& last, std::vector<std::string>* params) {
  std::vector<std::string> conds;
  auto p = [&](std::string v) {
    params->push_back(std::move(v));
    return "$" + std::to_string(params->size());
  };
  if (!w.empty()) {
    if (overlap_seconds > 0) {
      conds.push_back(ts_col + " >= " + p(w.ts) + "::timestamptz - make_interval(secs => " +
                      p(std::to_string(overlap_seconds)) + ")");
    } else {
      conds.push_back("(" + ts_col + ", " + id_col + ") > (" + p(w.ts) + "::timestamptz, " + p(w.id) +
                      "::" + id_type + ")");
    }
  }
  if (!last.empty()) {
    conds.push_back("(" + ts_col + ", " + id_col + ") > (" + p(last.ts) + "::timestamptz, " + p(last.id) +
                    "::" + id_type + ")");
  }
  std::string where;
  for (const auto& c : conds) where += (where.empty() ? " WHERE " : " AND ") + c;
  return where + " ORDER BY " + ts_col + ", " + id_col;
}

Result<int64_t> Count(PgConn& conn, const std::string& from_table, const std::string& ts_col,
                      const std::string& id_col, const char* id_type, const Watermark& w, int overlap) {
  std::vector<std::string> params;
  std::string where = After(ts_col, id_col, id_type, w, overlap, {}, &params);
  where = where.substr(0, where.find(" ORDER BY "));
  auto r = conn.Exec("count " + from_table, "SELECT count(*) FROM " + from_table + where, params);
  if (!r.ok()) return r.status();
  return std::stoll(std::string(r->Get(0, 0)));
}

Watermark LastOf(const PgResult& r) {
  int n = r.rows() - 1;
  return {std::string(r.Get(n, r.Column("wm_ts"))), std::string(r.Get(n, r.Column("wm_id")))};
}

// The later of two watermarks (an overlap re-read may end before the old one when its row was deleted).
Watermark Later(const Watermark& old, const Watermark& read) {
  if (read.empty()) return old;
  if (old.empty() || read.ts > old.ts) return read;
  // Same instant or later: the reading. (Exact pulls only read rows after `old` in the server's own
  // (updated_at, id) order; overlapping pulls use only the timestamp.)
  return read.ts < old.ts ? old : read;
}

// The watermark to record after reading up to `read`: never past the start of a transaction that was in
// flight (`oldest`), whose rows — written with earlier updated_at, committed later — the pull could not
// see. Held at (oldest, zero_id), the next pull reads every row from that instant on again.
Watermark Hold(const Watermark& from, const Watermark& read, const std::string& oldest, const char* zero_id) {
  Watermark w = Later(from, read);
  if (oldest.empty() || w.empty() || w.ts < oldest) return w;
  return Later(from, Watermark{oldest, zero_id});
}

// One page of cases with their parties and agents.
Status EmitCases(PgConn& conn, const PgResult& page, const PullSink& sink) {
  auto case_reader = CaseRowReader::Bind(page);
  if (!case_reader.ok()) return case_reader.status();
  std::vector<Case> cases;
  std::vector<RowOrigin> origins;
  std::vector<std::vector<BadValue>> bad(static_cast<size_t>(page.rows()));
  std::unordered_map<std::string, size_t> by_id;
  std::vector<std::string> ids;
  for (int i = 0; i < page.rows(); ++i) {
    cases.push_back(case_reader->Read(page, i, &bad[static_cast<size_t>(i)]));
    origins.push_back(RowOrigin{"cases", cases.back().case_id, {}, {}});
    by_id[cases.back().case_id] = cases.size() - 1;
    ids.push_back(cases.back().case_id);
  }
  auto parties = conn.Exec("read parties", kPartySelect, {ArrayLiteral(ids)});
  if (!parties.ok()) return parties.status();
  auto party_reader = PartyRowReader::Bind(*parties);
  if (!party_reader.ok()) return party_reader.status();
  std::unordered_map<std::string, std::pair<size_t, size_t>> party_at;  // party_id → case, party index
  std::vector<std::string> party_ids;
  int pid_col = parties->Column("party_id"), pcase_col = parties->Column("case_id");
  for (int i = 0; i < parties->rows(); ++i) {
    size_t ci = by_id.at(std::string(parties->Get(i, pcase_col)));
    Case& c = cases[ci];
    c.parties.push_back(party_reader->Read(*parties, i, static_cast<int>(c.parties.size()), &bad[ci]));
    std::string pid(parties->Get(i, pid_col));
    party_at[pid] = {ci, c.parties.size() - 1};
    origins[ci].party_ids.push_back(pid);
    origins[ci].agent_ids.emplace_back();
    party_ids.push_back(pid);
  }
  if (!party_ids.empty()) {
    auto agents = conn.Exec("read agents", kAgentSelect, {ArrayLiteral(party_ids)});
    if (!agents.ok()) return agents.status();
    auto agent_reader = AgentRowReader::Bind(*agents);
    if (!agent_reader.ok()) return agent_reader.status();
    int aid_col = agents->Column("agent_id"), apid_col = agents->Column("party_id");
    for (int i = 0; i < agents->rows(); ++i) {
      auto [ci, pi] = party_at.at(std::string(agents->Get(i, apid_col)));
      cases[ci].parties[pi].agents.push_back(agent_reader->Read(*agents, i));
      origins[ci].agent_ids[pi].emplace_back(agents->Get(i, aid_col));
    }
  }
  for (size_t i = 0; i < cases.size(); ++i) TP_RETURN_IF_ERROR(sink.on_case(cases[i], origins[i], bad[i]));
  return Status::Ok();
}

}  // namespace

Watermark Watermark::Parse(const std::string& s) {
  size_t bar = s.find('|');  // timestamps hold no '|', ids may
  if (s.empty() || bar == std::string::npos) return {};
  return {s.substr(0, bar), s.substr(bar + 1)};
}

Status CheckSourceSchema(PgConn& conn) {
  auto r = conn.Exec("read the catalog",
                     "SELECT table_name::text, column_name::text FROM information_schema.columns "
                     "WHERE table_schema = current_schema()");
  if (!r.ok()) return r.status();
  std::map<std::string, std::set<std::string>> have;
  for (int i = 0; i < r->rows(); ++i) have[std::string(r->Get(i, 0))].insert(std::string(r->Get(i, 1)));
  const std::string hint = " (expected schema: data/source/postgresql-schema.sql, docs/source-postgresql.md)";
  for (const auto& t : RequiredSchema()) {
    auto it = have.find(t.table);
    if (it == have.end()) {
      return Status::InvalidArgument("source " + conn.masked_url() + ": no table " + t.table +
                                     " in the current schema" + hint);
    }
    for (const char* col : t.columns) {
      if (!it->second.count(col)) {
        return Status::InvalidArgument("source " + conn.masked_url() + ": table " + t.table + " has no column " +
                                       col + hint);
      }
    }
  }
  return Status::Ok();
}

Result<PullState> PullChanges(PgConn& conn, const PullState& from, int overlap_seconds, int batch_rows,
                              const PullSink& sink, bool progress) {
  TP_RETURN_IF_ERROR(conn.Run("begin", "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY"));
  PullState to = from;
  auto body = [&]() -> Status {
    const std::string limit = " LIMIT " + std::to_string(batch_rows);
    // First statement: takes the transaction's snapshot and, with it, the in-flight writers.
    auto inflight = conn.Exec("read pg_stat_activity", kInFlightSelect);
    if (!inflight.ok()) return inflight.status();
    const std::string oldest = inflight->IsNull(0, 0) ? "" : std::string(inflight->Get(0, 0));
    if (progress && !oldest.empty()) {
      std::fprintf(stderr, "ingest: a source transaction in progress since %s may still commit rows; the "
                   "watermarks stay at that instant\n", oldest.c_str());
    }
    if (progress && inflight->Get(0, 1) != "0") {
      std::fprintf(stderr, "ingest: %s source sessions are not visible to this role (grant pg_read_all_stats): "
                   "only --overlap-seconds covers their late commits\n", std::string(inflight->Get(0, 1)).c_str());
    }
    // Cases (with parties, agents, link, execution).
    auto total = Count(conn, "cases c", "c.updated_at", "c.case_id", "text", from.cases, overlap_seconds);
    if (!total.ok()) return total.status();
    std::unique_ptr<Progress> bar;
    if (progress) bar = std::make_unique<Progress>("pull cases", "rows", static_cast<uint64_t>(*total));
    Watermark last;
    while (true) {
      std::vector<std::string> params;
      std::string sql = std::string(kCaseSelect) +
                        After("c.updated_at", "c.case_id", "text", from.cases, overlap_seconds, last, &params) + limit;
      auto page = conn.Exec("read cases", sql, params);
      if (!page.ok()) return page.status();
      if (page->rows() == 0) break;
      TP_RETURN_IF_ERROR(EmitCases(conn, *page, sink));
      last = LastOf(*page);
      if (bar) bar->Add(static_cast<uint64_t>(page->rows()));
      if (page->rows() < batch_rows) break;
    }
    if (bar) bar->Finish();
    to.cases = Hold(from.cases, last, oldest, "");
    // Documents.
    last = {};
    while (true) {
      std::vector<std::string> params;
      std::string sql = std::string(kDocumentSelect) +
                        After("d.updated_at", "d.doc_id", "text", from.documents, overlap_seconds, last, &params) + limit;
      auto page = conn.Exec("read documents", sql, params);
      if (!page.ok()) return page.status();
      if (page->rows() == 0) break;
      auto reader = DocumentRowReader::Bind(*page);
      if (!reader.ok()) return reader.status();
      for (int i = 0; i < page->rows(); ++i) {
        Document d = reader->Read(*page, i);
        TP_RETURN_IF_ERROR(sink.on_document(d, RowOrigin{"documents", d.doc_id, {}, {}}));
      }
      last = LastOf(*page);
      if (page->rows() < batch_rows) break;
    }
    to.documents = Hold(from.documents, last, oldest, "");
    // Tombstones.
    last = {};
    while (true) {
      std::vector<std::string> params;
      std::string sql = std::string(kTombstoneSelect) +
                        After("t.deleted_at", "t.seq", "bigint", from.deletions, overlap_seconds, last, &params) + limit;
      auto page = conn.Exec("read deleted_rows", sql, params);
      if (!page.ok()) return page.status();
      if (page->rows() == 0) break;
      for (int i = 0; i < page->rows(); ++i) {
        sink.on_tombstone(Tombstone{std::string(page->Get(i, 0)), std::string(page->Get(i, 1)),
                                    std::string(page->Get(i, 2)), page->Get(i, 3) == "t", page->Get(i, 4) == "t"});
      }
      last = LastOf(*page);
      if (page->rows() < batch_rows) break;
    }
    to.deletions = Hold(from.deletions, last, oldest, "0");
    return Status::Ok();
  };
  Status s = body();
  Status end = conn.Run("end", s.ok() ? "COMMIT" : "ROLLBACK");
  if (!s.ok()) return s;
  if (!end.ok()) return end;
  return to;
}

}  // namespace tianping::source
