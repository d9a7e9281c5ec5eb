// tianping case <案号|case id> [--as USER | --key KEY] [--data DIR] [--format table|json|csv]
// Shows one case with its whole proceeding chain (一审 → 二审 → 再审 → 执行 …), found through
// derived_from links in both directions — all through the AccessGuard (docs/security.md): only cases the
// reader may see, redacted; an invisible case answers exactly like a missing one ("case K not found",
// exit 3); the chain stops at an invisible case and the link to it is not shown; lookups by case id only
// for readers who may see case ids. One audit record per lookup ("read", "read.notfound" or
// "read.failed"), appended before any row is shown. The lookup is security::GuardedStore::ReadCase (shared with the HTTP
// service); this file only formats.
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
namespace {

std::string DateText(const std::optional<Date>& d) { return d ? d->ToString() : ""; }

}  // namespace

int RunCase(int argc, char** argv) {
  CLI::App app{"案件全貌 / a case with its whole proceeding chain"};
  std::string data_dir = DefaultDataDir(), format = "table", key;
  ReaderOptions reader;
  app.add_option("--data", data_dir, "store directory (also holds security.db)")->capture_default_str();
  app.add_option("--format", format, "table|json|csv")->capture_default_str();
  reader.AddTo(app);
  app.add_option("case", key, "案号 or case id")->required();
  CLI11_PARSE(app, argc, argv);
  if (Status s = CheckFormat(format); !s.ok()) return Fail("case", s);
  auto snap = StoreSnapshot::Open(data_dir);
  if (!snap.ok()) return Fail("case", snap.status());
  auto gr = GuardedReader::Open(data_dir, reader, "case");
  if (!gr.ok()) return Fail("case", gr.status());
  security::GuardedStore store(**snap, (*gr)->guard(), (*gr)->principal(), (*gr)->Sink());
  auto view = store.ReadCase(key);
  if (!view.ok()) return Fail("case", view.status());
  const Case& c = view->shown;
  const Case& stored = view->stored;
  const auto& chain = view->chain;
  const auto& docs = view->documents;
  auto amount = [&](const char* field, int64_t fen) {
    auto shown = store.AmountShown(stored, field, fen);
    return shown ? FormatYuanFixed(*shown) : std::string();
  };

  Rows rows = {{"depth", "relation", "case_id", "case_number", "court", "procedure", "filed", "closed",
                "closure_method", "this"}};
  for (const auto& n : chain) {
    rows.push_back({std::to_string(n.depth), n.c.derived_from ? n.c.derived_from->relation : "",
                    n.c.case_id, n.c.case_number, n.c.court_name, n.c.procedure, n.c.filed_date.ToString(),
                    DateText(n.c.closed_date), n.c.closure_method, n.self ? "*" : ""});
  }
  if (format == "csv") {
    PrintRows(rows, "csv");
    return 0;
  }
  if (format == "json") {
    std::printf("%s\n", security::CaseViewJson(*view).c_str());
    return 0;
  }
  std::printf("%s  %s  %s\n", c.case_number.c_str(), c.court_name.c_str(), c.case_id.c_str());
  std::printf("%s / %s / %s  立案 %s  结案 %s %s\n", c.category.c_str(), c.cause_name.c_str(),
              c.procedure.c_str(), c.filed_date.ToString().c_str(), DateText(c.closed_date).c_str(),
              c.closure_method.c_str());
  std::printf("承办法官 %s  标的额 %s 元  判决/调解金额 %s 元\n", c.judge_name.c_str(),
              amount("case.claim_amount", c.claim_amount).c_str(),
              amount("case.awarded_amount", c.awarded_amount).c_str());
  if (c.execution) {
    std::printf("执行: 申请 %s 元, 到位 %s 元%s\n", amount("execution.applied_amount", c.execution->applied_amount).c_str(),
                amount("execution.recovered_amount", c.execution->recovered_amount).c_str(),
                c.execution->voluntary ? ", 自动履行" : "");
  }
  Rows parties = {{"role", "kind", "name", "id", "agents"}};
  for (const auto& party : c.parties) {
    std::string agents;
    for (const auto& a : party.agents) agents += (agents.empty() ? "" : "、") + a.name + (a.law_firm.empty() ? "" : "（" + a.law_firm + "）");
    parties.push_back({party.role, party.kind, party.name, party.id_number.empty() ? party.credit_code : party.id_number, agents});
  }
  std::printf("\n当事人\n%s", RenderTable(parties).c_str());
  std::printf("\n审级链 (%zu)\n", chain.size());
  Rows table = {{"", "relation", "case_number", "court", "procedure", "filed", "closed", "closure"}};
  for (const auto& n : chain) {
    table.push_back({std::string(static_cast<size_t>(2 * n.depth), ' ') + (n.self ? ">" : "-"),
                     n.c.derived_from ? n.c.derived_from->relation : "", n.c.case_number, n.c.court_name,
                     n.c.procedure, n.c.filed_date.ToString(), DateText(n.c.closed_date), n.c.closure_method});
  }
  std::fputs(RenderTable(table).c_str(), stdout);
  if (!docs.empty()) {
    std::printf("\n文书\n");
    for (const auto& d : docs) std::printf("  %s  %s\n", d.doc_id.c_str(), d.title.c_str());
  }
  return 0;
}

}  // namespace tianping::cli
