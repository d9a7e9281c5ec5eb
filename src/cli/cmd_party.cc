// tianping party <name|公民身份号码|统一社会信用代码> [--data DIR] [--format table|json|csv]
// The party's cases nationwide with roles, causes, closure methods, amounts and pending executions.
// The key kind is detected: a valid ID number, else a valid credit code, else a name.
#include <CLI/CLI.hpp>

#include <algorithm>
#include <cstdio>
#include <map>

#include "commands.h"
#include "exit_codes.h"
#include "rows_output.h"
#include "tianping/model/credit_code.h"
#include "tianping/model/id_number.h"
#include "tianping/store/store.h"

namespace tianping::cli {
namespace {

bool IsPendingExecution(const Case& c, const std::string& role) {
  return c.category == "执行" && !c.closed_date && role == "被执行人";
}

}  // namespace

int RunParty(int argc, char** argv) {
  CLI::App app{"当事人画像 / a party's cases nationwide"};
  std::string data_dir = DefaultDataDir(), format = "table", key;
  app.add_option("--data", data_dir, "store directory")->capture_default_str();
  app.add_option("--format", format, "table|json|csv")->capture_default_str();
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
  auto hits = (*snap)->FindParties(kind, key);
  if (!hits.ok()) return Fail("party", hits.status());
  struct Row {
    Case c;
    std::string role, name;
  };
  std::vector<Row> found;
  for (const PartyHit& h : *hits) {
    auto c = (*snap)->ReadCase(h.case_ref);
    if (!c.ok()) return Fail("party", c.status());
    auto p = (*snap)->ReadParty(h.case_ref.partition, h.party_row);
    if (!p.ok()) return Fail("party", p.status());
    found.push_back({std::move(*c), p->role, p->name});
  }
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
                    r.c.closure_method, FenToYuan(r.c.claim_amount), FenToYuan(r.c.awarded_amount),
                    pend ? "yes" : "", r.c.execution ? FenToYuan(r.c.execution->applied_amount) : "",
                    r.c.execution ? FenToYuan(r.c.execution->recovered_amount) : "", r.c.case_id});
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
  for (const auto& [role, n] : by_role) roles += (roles.empty() ? "" : ", ") + role + " " + std::to_string(n);
  std::printf("%s (%s): %zu cases — %s; pending executions as 被执行人: %d (applied %s 元)\n", key.c_str(), kind_name,
              found.size(), roles.c_str(), pending, FenToYuan(pending_applied).c_str());
  rows.clear();  // the table form shows fewer columns
  rows.push_back({"case_number", "court", "role", "cause", "filed", "closed", "closure", "claim", "awarded", "pending"});
  for (const Row& r : found) {
    rows.push_back({r.c.case_number, r.c.court_name, r.role, r.c.cause_name, r.c.filed_date.ToString(),
                    r.c.closed_date ? r.c.closed_date->ToString() : "", r.c.closure_method,
                    FenToYuan(r.c.claim_amount), FenToYuan(r.c.awarded_amount),
                    IsPendingExecution(r.c, r.role) ? "待执行" : ""});
  }
  std::fputs(RenderTable(rows).c_str(), stdout);
  return 0;
}

}  // namespace tianping::cli
