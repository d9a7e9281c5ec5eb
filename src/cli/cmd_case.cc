// tianping case <案号|case id> [--as USER | --key KEY] [--data DIR] [--format table|json|csv]
// Shows one case with its whole proceeding chain (一审 → 二审 → 再审 → 执行 …), found through
// derived_from links in both directions — all through the AccessGuard (docs/security.md): only cases the
// reader may see, redacted; an invisible case answers exactly like a missing one ("case K not found",
// exit 3); the chain stops at an invisible case and the link to it is not shown; lookups by case id only
// for readers who may see case ids. A "request" audit record precedes the lookup, "read" or
// "read.notfound" follows it.
#include <CLI/CLI.hpp>

#include <algorithm>
#include <cstdio>
#include <set>

#include "commands.h"
#include "exit_codes.h"
#include "guarded_reader.h"
#include "rows_output.h"
#include "tianping/common/json_writer.h"
#include "tianping/model/case_json.h"
#include "tianping/model/case_number.h"
#include "tianping/store/store.h"

namespace tianping::cli {
namespace {

constexpr int kMaxChain = 64;  // guards against cyclic links in bad data

struct ChainNode {
  int depth = 0;
  Case c;
  bool self = false;  // the case asked for
};

std::string DateText(const std::optional<Date>& d) { return d ? d->ToString() : ""; }

using security::AccessGuard;
using security::FieldView;
using security::Principal;

struct Reader {
  const StoreSnapshot& s;
  const AccessGuard& guard;
  const Principal& p;
};

// The first case the reader may see among `refs`.
Result<std::optional<Case>> FirstVisible(const Reader& r, const std::vector<CaseRef>& refs) {
  for (CaseRef ref : refs) {
    auto c = r.s.ReadCase(ref);
    if (!c.ok()) return c.status();
    if (r.guard.CanSee(r.p, *c)) return std::optional<Case>(std::move(*c));
  }
  return std::optional<Case>();
}

// A visible case by case id (only when `by_id`) or 案号; nullopt when missing or invisible alike.
Result<std::optional<Case>> FindOne(const Reader& r, const std::string& key, bool by_id) {
  if (by_id) {
    auto ref = r.s.FindCase(key);
    if (!ref.ok()) return ref.status();
    if (ref->has_value()) {
      auto c = FirstVisible(r, {**ref});
      if (!c.ok() || c->has_value()) return c;
    }
  }
  auto by_number = r.s.FindCasesByNumber(key);
  if (!by_number.ok()) return by_number.status();
  if (by_number->empty()) {
    auto parsed = ParseCaseNumber(key);  // accept half-width brackets and spaces
    if (parsed.ok() && parsed->normalized != key) {
      by_number = r.s.FindCasesByNumber(parsed->normalized);
      if (!by_number.ok()) return by_number.status();
    }
  }
  return FirstVisible(r, *by_number);
}

// The visible case `c` derives from; nullopt when it has none, or it is missing or invisible.
Result<std::optional<Case>> Parent(const Reader& r, const Case& c) {
  if (!c.derived_from) return std::optional<Case>();
  if (!c.derived_from->case_id.empty()) {
    auto p = FindOne(r, c.derived_from->case_id, /*by_id=*/true);
    if (!p.ok() || p->has_value()) return p;
  }
  if (!c.derived_from->case_number.empty()) return FindOne(r, c.derived_from->case_number, false);
  return std::optional<Case>();
}

// Root of the chain, then every derived proceeding depth-first, children in filing order.
// Only visible cases: the walk up stops below an invisible parent, whose link is then dropped from the
// root (a missing parent is treated the same, so the two cannot be told apart); invisible children are
// left out with everything below them. Nodes hold the cases as stored: redact before showing.
Status BuildChain(const Reader& r, const Case& start, std::vector<ChainNode>* chain) {
  Case root = start;
  std::set<std::string> seen{root.case_id};
  for (int i = 0; i < kMaxChain; ++i) {
    auto p = Parent(r, root);
    if (!p.ok()) return p.status();
    if (!p->has_value()) root.derived_from.reset();
    if (!p->has_value() || seen.count((*p)->case_id)) break;
    seen.insert((*p)->case_id);
    root = std::move(**p);
  }
  seen.clear();
  std::vector<ChainNode> stack{{0, root}};
  while (!stack.empty() && chain->size() < static_cast<size_t>(kMaxChain)) {
    ChainNode node = std::move(stack.back());
    stack.pop_back();
    if (!seen.insert(node.c.case_id).second) continue;
    auto kids = r.s.FindDerivedFrom(node.c.case_id);
    if (!kids.ok()) return kids.status();
    std::vector<Case> children;
    for (CaseRef ref : *kids) {
      auto k = r.s.ReadCase(ref);
      if (!k.ok()) return k.status();
      if (r.guard.CanSee(r.p, *k)) children.push_back(std::move(*k));
    }
    std::sort(children.begin(), children.end(), [](const Case& a, const Case& b) {
      return a.filed_date != b.filed_date ? a.filed_date < b.filed_date : a.case_id < b.case_id;
    });
    for (auto it = children.rbegin(); it != children.rend(); ++it) stack.push_back({node.depth + 1, *it});
    chain->push_back(std::move(node));
  }
  return Status::Ok();
}

}  // namespace

// An amount as shown: empty when the field is removed for the reader.
std::string Amount(const Reader& r, const Case& c, const char* field, int64_t fen) {
  return r.guard.View(r.p, c, field) == FieldView::kRemoved ? "" : FormatYuanFixed(fen);
}

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
  const Principal& p = (*gr)->principal();
  const AccessGuard& guard = (*gr)->guard();
  Reader r{**snap, guard, p};
  // Audit before access: no record, no data.
  std::string object = "store snapshot " + std::to_string((*snap)->info().id);
  if (Status s = (*gr)->Audit("request", object, 0, "case=" + key); !s.ok()) return Fail("case", s);
  auto found = FindOne(r, key, guard.CheckFilter(p, "case.case_id").ok());
  if (!found.ok()) return Fail("case", found.status());
  if (!found->has_value()) {
    if (Status s = (*gr)->Audit("read.notfound", object, 0, "case=" + key); !s.ok()) return Fail("case", s);
    return Fail("case", AccessGuard::NotFound("case", key));
  }
  const Case& stored = **found;
  std::vector<ChainNode> chain;
  if (Status s = BuildChain(r, stored, &chain); !s.ok()) return Fail("case", s);
  auto stored_docs = (*snap)->DocumentsOfCase(stored.case_id);
  if (!stored_docs.ok()) return Fail("case", stored_docs.status());
  if (Status s = (*gr)->Audit("read", object, static_cast<int64_t>(chain.size()), "case=" + key); !s.ok()) {
    return Fail("case", s);
  }
  // From here on only redacted values. The shown case's own link survives only when its parent is shown.
  Case c = guard.Redact(p, stored);
  bool parent_shown = !chain.empty() && chain.front().c.case_id != stored.case_id;
  if (!parent_shown) c.derived_from.reset();
  std::vector<Document> docs;
  for (const auto& d : *stored_docs) docs.push_back(guard.RedactDocument(p, stored, d));
  for (auto& n : chain) {
    bool self = n.c.case_id == stored.case_id;
    n.c = guard.Redact(p, n.c);
    n.self = self;
  }

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
    std::string out = "{\"case\":";
    AppendCaseJson(c, &out);
    out += ",\"chain\":[";
    for (size_t i = 0; i < chain.size(); ++i) {
      if (i) out += ",";
      JsonWriter w(&out);
      w.BeginObject();
      w.FieldInt("depth", chain[i].depth);
      w.Field("relation", chain[i].c.derived_from ? chain[i].c.derived_from->relation : "");
      w.Field("case_id", chain[i].c.case_id);
      w.Field("case_number", chain[i].c.case_number);
      w.Field("court_name", chain[i].c.court_name);
      w.Field("procedure", chain[i].c.procedure);
      w.Field("filed_date", chain[i].c.filed_date.ToString());
      w.Field("closed_date", DateText(chain[i].c.closed_date));
      w.Field("closure_method", chain[i].c.closure_method);
      w.EndObject();
    }
    out += "],\"documents\":[";
    for (size_t i = 0; i < docs.size(); ++i) {
      if (i) out += ",";
      JsonWriter w(&out);
      w.BeginObject();
      w.Field("doc_id", docs[i].doc_id);
      w.Field("kind", docs[i].kind);
      w.Field("title", docs[i].title);
      w.EndObject();
    }
    out += "]}";
    std::printf("%s\n", out.c_str());
    return 0;
  }
  std::printf("%s  %s  %s\n", c.case_number.c_str(), c.court_name.c_str(), c.case_id.c_str());
  std::printf("%s / %s / %s  立案 %s  结案 %s %s\n", c.category.c_str(), c.cause_name.c_str(),
              c.procedure.c_str(), c.filed_date.ToString().c_str(), DateText(c.closed_date).c_str(),
              c.closure_method.c_str());
  std::printf("承办法官 %s  标的额 %s 元  判决/调解金额 %s 元\n", c.judge_name.c_str(),
              Amount(r, stored, "case.claim_amount", c.claim_amount).c_str(),
              Amount(r, stored, "case.awarded_amount", c.awarded_amount).c_str());
  if (c.execution) {
    std::printf("执行: 申请 %s 元, 到位 %s 元%s\n", Amount(r, stored, "execution.applied_amount", c.execution->applied_amount).c_str(),
                Amount(r, stored, "execution.recovered_amount", c.execution->recovered_amount).c_str(),
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
