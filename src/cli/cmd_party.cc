// tianping party <name|公民身份号码|统一社会信用代码> [--as USER | --key KEY] [--data DIR] [--format table|json|csv]
// The party's cases nationwide with roles, causes, closure methods, amounts and pending executions.
// The key kind is detected: a valid ID number, else a valid credit code, else a name. Through the
// AccessGuard (docs/security.md): a hit counts only when its case is visible to the reader AND the
// party's value as shown to the reader (Redact) equals the key — so nobody can probe an ID number or an
// anonymised name they may not see; rows are redacted; counts go through SuppressCell for
// researcher/public; more than BulkLimit cases stop with exit 6; audited before the lookup. The lookup
// is security::GuardedStore::ReadParty (shared with the HTTP service); this file only formats.
#include <CLI/CLI.hpp>

#include <cstdio>

#include "commands.h"
#include "exit_codes.h"
#include "guarded_reader.h"
#include "rows_output.h"
#include "tianping/common/money.h"
#include "tianping/security/guarded_store.h"
#include "tianping/store/store.h"

namespace tianping::cli {

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
  auto gr = GuardedReader::Open(data_dir, reader, "party");
  if (!gr.ok()) return Fail("party", gr.status());
  security::GuardedStore store(**snap, (*gr)->guard(), (*gr)->principal(), (*gr)->Sink());
  auto prof = store.ReadParty(key);
  if (!prof.ok()) return Fail("party", prof.status());
  auto amount = [&](const security::PartyRow& r, const char* field, int64_t fen) {
    auto shown = store.AmountShown(r.stored, field, fen);
    return shown ? FormatYuanFixed(*shown) : std::string();
  };
  const auto& found = prof->rows;
  Rows rows = {{"case_number", "court", "role", "category", "cause", "filed", "closed", "closure_method",
                "claim_yuan", "awarded_yuan", "pending_execution", "applied_yuan", "recovered_yuan", "case_id"}};
  for (const auto& r : found) {
    const Case& c = r.shown;
    rows.push_back({c.case_number, c.court_name, r.role, c.category, c.cause_name, c.filed_date.ToString(),
                    c.closed_date ? c.closed_date->ToString() : "", c.closure_method,
                    amount(r, "case.claim_amount", c.claim_amount), amount(r, "case.awarded_amount", c.awarded_amount),
                    r.pending_execution ? "yes" : "",
                    c.execution ? amount(r, "execution.applied_amount", c.execution->applied_amount) : "",
                    c.execution ? amount(r, "execution.recovered_amount", c.execution->recovered_amount) : "",
                    c.case_id});
  }
  if (format != "table") {
    PrintRows(rows, format, {false, false, false, false, false, false, false, false, true, true, false, true, true, false});
    return 0;
  }
  const char* kind_name = prof->kind_name.c_str();
  if (prof->suppressed) {
    std::printf("%s (%s): <%d cases — fewer than the minimum cell size of role %s, not listed\n", key.c_str(),
                kind_name, security::SpecOf(store.reader().role).min_cell, security::SpecOf(store.reader().role).name);
    return 0;
  }
  if (found.empty()) {
    std::printf("no cases for %s %s in snapshot %llu\n", kind_name, key.c_str(),
                static_cast<unsigned long long>((*snap)->info().id));
    return 0;
  }
  std::string roles;
  for (const auto& [role, n] : prof->by_role) roles += (roles.empty() ? "" : ", ") + role + " " + store.CountText(n);
  bool amounts = store.AmountShown(found.front().stored, "execution.applied_amount", 0).has_value();
  std::printf("%s (%s): %s cases — %s; pending executions as 被执行人: %s%s\n", key.c_str(), kind_name,
              store.CountText(static_cast<int64_t>(found.size())).c_str(), roles.c_str(),
              store.CountText(prof->pending).c_str(),
              amounts ? (" (applied " + FormatYuanFixed(prof->pending_applied) + " 元)").c_str() : "");
  rows.clear();  // the table form shows fewer columns
  rows.push_back({"case_number", "court", "role", "cause", "filed", "closed", "closure", "claim", "awarded", "pending"});
  for (const auto& r : found) {
    const Case& c = r.shown;
    rows.push_back({c.case_number, c.court_name, r.role, c.cause_name, c.filed_date.ToString(),
                    c.closed_date ? c.closed_date->ToString() : "", c.closure_method,
                    amount(r, "case.claim_amount", c.claim_amount), amount(r, "case.awarded_amount", c.awarded_amount),
                    r.pending_execution ? "待执行" : ""});
  }
  std::fputs(RenderTable(rows).c_str(), stdout);
  return 0;
}

}  // namespace tianping::cli
