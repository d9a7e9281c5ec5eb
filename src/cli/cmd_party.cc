// tianping party <name|公民身份号码|统一社会信用代码> [--as USER | --key KEY] [--data DIR] [--format table|json|csv]
// The party's cases nationwide with roles, causes, closure methods, amounts and pending executions.
// The key kind is detected: a valid ID number, else a valid credit code, else a name. Through the
// AccessGuard (docs/security.md): a hit counts only when its case is visible to the reader AND the
// party's value as shown to the reader (Redact) equals the key — so nobody can probe an ID number or an
// anonymised name they may not see; rows are redacted; counts go through SuppressCell for
// researcher/public; more than BulkLimit cases stop with exit 6; audited before the lookup.
#include <CLI/CLI.hpp>

#include <algorithm>
#include <cstdio>
#include <map>

#include "commands.h"
#include "exit_codes.h"
#include "guarded_reader.h"
#include "rows_output.h"
#include "tianping/model/credit_code.h"
#include "tianping/model/id_number.h"
#include "tianping/store/store.h"

namespace tianping::cli {
namespace {

bool IsPendingExecution(const Case& c, const std::string& role) {
  return c.category == "执行" && !c.closed_date && role == "被执行人";
}

// The party's field that the key was matched on, as shown.
const std::string& KeyField(const Party& p, PartyKey kind) {
  return kind == PartyKey::kIdNumber ? p.id_number : kind == PartyKey::kCreditCode ? p.credit_code : p.name;
}

std::string Count(const security::AccessGuard& g, const security::Principal& p, int64_t n) {
  auto shown = g.SuppressCell(p, n);
  return shown ? std::to_string(*shown) : "<" + std::to_string(security::SpecOf(p.role).min_cell);
}

}  // namespace

int RunParty(int argc, char** argv) {
  CLI::App app{"当事人画像 / a party's cases nationwide"};
  std::string data_dir = DefaultDataDir(), format = "table", key;
  app.add_option("--data", data_dir, "store directory")->capture_default_str();
  app.add_option("--format", format, "table|json|csv")->capture_default_str();
  ReaderOptions reader;
  reader.AddTo(app);
  app.add_option("party", key, "name, 公民身份号码 or 统一社会信用代码")->required();
  CLI11_PARSE(app, argc, argv);
  if (Status s = CheckFormat(format); !s.ok()) return Fail("party", s);
  auto snap = StoreSnapshot::Open(data_dir);
  if (!snap.ok()) return Fail("party", snap.status());
  PartyKey kind = PartyKey::kName;
  const char* kind_name = "name";
  if (ParseIdNumber(key).ok()) {
    kind = PartyKey::kIdNumber;
    kind_name = "公民身份号码";
  } else if (ParseCreditCode(key).ok()) {
    kind = PartyKey::kCreditCode;
    kind_name = "统一社会信用代码";
  }
  auto gr = GuardedReader::Open(data_dir, reader, "party");
  if (!gr.ok()) return Fail("party", gr.status());
  const security::Principal& principal = (*gr)->principal();
  const security::AccessGuard& guard = (*gr)->guard();
  std::string object = "store snapshot " + std::to_string((*snap)->info().id);
  std::string request = std::string("party ") + kind_name + "=" + key;
  // Audit before access: no record, no data.
  if (Status s = (*gr)->Audit("request", object, 0, request); !s.ok()) return Fail("party", s);
  auto hits = (*snap)->FindParties(kind, key);
  if (!hits.ok()) return Fail("party", hits.status());
  struct Row {
    Case c;         // redacted
    Case stored;    // as stored, for field views
    std::string role;
  };
  std::vector<Row> found;
  const int64_t bulk_limit = guard.BulkLimit(principal);
  for (const PartyHit& h : *hits) {
    auto c = (*snap)->ReadCase(h.case_ref);
    if (!c.ok()) return Fail("party", c.status());
    if (!guard.CanSee(principal, *c)) continue;
    auto p = (*snap)->ReadParty(h.case_ref.partition, h.party_row);
    if (!p.ok()) return Fail("party", p.status());
    // Match on the value as the reader sees it: the same party of the redacted case.
    Case shown = guard.Redact(principal, *c);
    bool match = false;
    std::string role;
    for (size_t i = 0; i < c->parties.size() && i < shown.parties.size() && !match; ++i) {
      const Party& orig = c->parties[i];
      if (orig.role == p->role && orig.name == p->name && orig.id_number == p->id_number &&
          orig.credit_code == p->credit_code && KeyField(shown.parties[i], kind) == key) {
        match = true;
        role = shown.parties[i].role;
      }
    }
    if (!match) continue;
    if (static_cast<int64_t>(found.size()) >= bulk_limit) {
      (void)(*gr)->Audit("read", object, static_cast<int64_t>(found.size()), request + " stopped: bulk limit");
      return Fail("party", security::AccessGuard::BulkDenied(bulk_limit));
    }
    found.push_back({std::move(shown), std::move(*c), role});
  }
  if (Status s = (*gr)->Audit(found.empty() ? "read.notfound" : "read", object,
                              static_cast<int64_t>(found.size()), request);
      !s.ok()) {
    return Fail("party", s);
  }
  auto amount = [&](const Row& r, const char* field, int64_t fen) {
    return guard.View(principal, r.stored, field) == security::FieldView::kRemoved ? std::string() : FormatYuanFixed(fen);
  };
  std::sort(found.begin(), found.end(), [](const Row& a, const Row& b) {
    return a.c.filed_date != b.c.filed_date ? a.c.filed_date < b.c.filed_date : a.c.case_id < b.c.case_id;
  });
  Rows rows = {{"case_number", "court", "role", "category", "cause", "filed", "closed", "closure_method",
                "claim_yuan", "awarded_yuan", "pending_execution", "applied_yuan", "recovered_yuan", "case_id"}};
  std::map<std::string, int> by_role;
  int pending = 0;
  int64_t pending_applied = 0;
  for (const Row& r : found) {
    bool pend = IsPendingExecution(r.c, r.role);
    pending += pend;
    if (pend && r.c.execution) pending_applied += r.c.execution->applied_amount;
    ++by_role[r.role];
    rows.push_back({r.c.case_number, r.c.court_name, r.role, r.c.category, r.c.cause_name,
                    r.c.filed_date.ToString(), r.c.closed_date ? r.c.closed_date->ToString() : "",
                    r.c.closure_method, amount(r, "case.claim_amount", r.c.claim_amount),
                    amount(r, "case.awarded_amount", r.c.awarded_amount), pend ? "yes" : "",
                    r.c.execution ? amount(r, "execution.applied_amount", r.c.execution->applied_amount) : "",
                    r.c.execution ? amount(r, "execution.recovered_amount", r.c.execution->recovered_amount) : "",
                    r.c.case_id});
  }
  if (format != "table") {
    PrintRows(rows, format, {false, false, false, false, false, false, false, false, true, true, false, true, true, false});
    return 0;
  }
  if (found.empty()) {
    std::printf("no cases for %s %s in snapshot %llu\n", kind_name, key.c_str(),
                static_cast<unsigned long long>((*snap)->info().id));
    return 0;
  }
  std::string roles;
  for (const auto& [role, n] : by_role) roles += (roles.empty() ? "" : ", ") + role + " " + Count(guard, principal, n);
  bool amounts = !found.empty() && guard.View(principal, found.front().stored, "execution.applied_amount") !=
                                       security::FieldView::kRemoved;
  std::printf("%s (%s): %s cases — %s; pending executions as 被执行人: %s%s\n", key.c_str(), kind_name,
              Count(guard, principal, static_cast<int64_t>(found.size())).c_str(), roles.c_str(),
              Count(guard, principal, pending).c_str(),
              amounts ? (" (applied " + FormatYuanFixed(pending_applied) + " 元)").c_str() : "");
  rows.clear();  // the table form shows fewer columns
  rows.push_back({"case_number", "court", "role", "cause", "filed", "closed", "closure", "claim", "awarded", "pending"});
  for (const Row& r : found) {
    rows.push_back({r.c.case_number, r.c.court_name, r.role, r.c.cause_name, r.c.filed_date.ToString(),
                    r.c.closed_date ? r.c.closed_date->ToString() : "", r.c.closure_method,
                    amount(r, "case.claim_amount", r.c.claim_amount),
                    amount(r, "case.awarded_amount", r.c.awarded_amount),
                    IsPendingExecution(r.c, r.role) ? "待执行" : ""});
  }
  std::fputs(RenderTable(rows).c_str(), stdout);
  return 0;
}

}  // namespace tianping::cli
