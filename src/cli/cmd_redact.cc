// tianping redact --as USER --in cases.jsonl [...]: every read of a JSONL case file through the
// enforcement layer (AccessGuard), until the store's own commands exist. The reader is --as USER or
// --key tpk_… ($TP_API_KEY); neither only while security.db has no users (SecurityContext::Reader).
// Audit: a "request" record before any row is read, then the outcome (read,
// read.notfound, count) with the rows returned. More than AccessGuard::BulkLimit rows stop with exit 6.
//   (default)            the cases USER may see, redacted, as JSONL
//   --case ID            one case; "case ID not found" (exit 3) whether missing or invisible
//   --party Q            party profile: the visible cases where a party's shown name, ID or credit code is Q
//   --grep TEXT --docs documents.jsonl   search hits with snippets from the redacted text
//   --count-by court_code|category|cause_name|procedure|year   counts with small cells suppressed
#include <CLI/CLI.hpp>

#include <cstdlib>
#include <map>
#include <unordered_map>

#include "commands.h"
#include "exit_codes.h"
#include "security_context.h"
#include "rows_output.h"
#include "tianping/common/progress.h"
#include "tianping/model/case_json.h"
#include "tianping/model/jsonl_reader.h"
#include "tianping/security/access_guard.h"

namespace tianping::cli {
namespace {

using security::AccessGuard;
using security::Principal;

struct Options {
  std::string data_dir = "./tianping-data", as, key, in, docs, case_id, party, grep, count_by, format = "table";
  bool quiet = false;
};

// Start of the UTF-8 character containing byte i.
size_t CharStart(const std::string& s, size_t i) {
  while (i > 0 && i < s.size() && (static_cast<unsigned char>(s[i]) & 0xC0) == 0x80) --i;
  return i;
}

std::string Snippet(const std::string& text, size_t pos, size_t len) {
  size_t from = CharStart(text, pos > 60 ? pos - 60 : 0);
  size_t to = CharStart(text, std::min(text.size(), pos + len + 60));
  std::string s = text.substr(from, to - from);
  for (char& c : s) if (c == '\n') c = ' ';
  return (from > 0 ? "…" : "") + s + (to < text.size() ? "…" : "");
}

std::string CountKey(const Case& c, const std::string& by) {
  if (by == "court_code") return c.court_code;
  if (by == "category") return c.category;
  if (by == "cause_name") return c.cause_name;
  if (by == "procedure") return c.procedure;
  return std::to_string(c.filed_date.year());
}

std::string CountField(const std::string& by) { return by == "year" ? "case.filed_date" : "case." + by; }

}  // namespace

int RunRedact(int argc, char** argv) {
  CLI::App app{"按权限读取案件 / read cases through the access guard (scope, masking, audit)", "tianping redact"};
  Options o;
  app.add_option("--as", o.as, "the user reading");
  app.add_option("--key", o.key, "or: an API key (tpk_…) identifying the reader; default $TP_API_KEY");
  app.add_option("--in", o.in, "cases.jsonl")->required();
  app.add_option("--docs", o.docs, "documents.jsonl (for --grep)");
  app.add_option("--case", o.case_id, "one case by case_id");
  app.add_option("--party", o.party, "party profile: cases of the party with this shown name, ID number or credit code");
  app.add_option("--grep", o.grep, "search the redacted document texts (needs --docs)");
  app.add_option("--count-by", o.count_by, "court_code | category | cause_name | procedure | year")
      ->check(CLI::IsMember({"court_code", "category", "cause_name", "procedure", "year"}));
  app.add_option("--format", o.format, "for --count-by: table | json | csv")->check(CLI::IsMember({"table", "json", "csv"}));
  app.add_option("--data", o.data_dir, "data folder holding security.db")->capture_default_str();
  app.add_flag("--quiet", o.quiet, "no progress on stderr");
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    return app.exit(e);
  }
  if (!o.grep.empty() && o.docs.empty()) return Fail("redact", Status::InvalidArgument("--grep needs --docs"));
  auto ctx = SecurityContext::Open(o.data_dir);
  if (!ctx.ok()) return Fail("redact", ctx.status());
  auto principal = ctx->Reader(o.as, o.key, "redact");
  if (!principal.ok()) return Fail("redact", principal.status());
  const Principal& p = *principal;
  auto ref = ReferenceData::Load(ReferenceData::DefaultRefDir());
  if (!ref.ok()) return Fail("redact", ref.status());
  AccessGuard guard(security::Catalog::Default(), *ref);
  if (!o.count_by.empty()) {
    Status s = guard.CheckFilter(p, CountField(o.count_by));
    if (!s.ok()) return Fail("redact", s);
  }

  // Audit before access: the request is on record before any row is read; the outcome follows.
  std::string object = o.in.substr(o.in.find_last_of('/') + 1);
  std::string request = !o.case_id.empty() ? "case=" + o.case_id
                        : !o.party.empty() ? "party=" + o.party
                        : !o.grep.empty()  ? "grep=" + o.grep
                        : !o.count_by.empty() ? "count_by=" + o.count_by : "all visible";
  auto started = ctx->audit->Append(p.name, "request", object, 0, request);
  if (!started.ok()) return Fail("redact", started.status());
  const int64_t bulk_limit = guard.BulkLimit(p);

  auto reader = JsonlReader::Open(o.in);
  if (!reader.ok()) return Fail("redact", reader.status());
  std::optional<Progress> progress;
  if (!o.quiet) progress.emplace("redact", "cases", 0);
  std::string_view line;
  std::string out;
  int64_t returned = 0, visible = 0;
  bool found_case = false;
  std::optional<Case> wanted;  // --case: the row as stored, visible or not
  std::map<std::string, int64_t> counts;
  std::unordered_map<std::string, Case> by_id;  // --grep: visible cases
  while ((*reader)->Next(&line)) {
    auto c = ParseCaseJson(line);
    if (!c.ok()) return Fail("redact", c.status().WithContext((*reader)->Where()));
    if (progress) progress->Add(1);
    if (!o.case_id.empty()) {
      if (c->case_id == o.case_id && !found_case) { wanted = std::move(c).value(); found_case = true; }
      continue;
    }
    if (!guard.CanSee(p, *c)) continue;
    ++visible;
    if (!o.count_by.empty()) { counts[CountKey(*c, o.count_by)]++; continue; }
    if (!o.grep.empty()) { by_id.emplace(c->case_id, std::move(c).value()); continue; }
    Case shown = guard.Redact(p, *c);
    if (!o.party.empty()) {
      bool match = false;
      for (const auto& party : shown.parties) {
        match |= party.name == o.party || (!party.id_number.empty() && party.id_number == o.party) ||
                 (!party.credit_code.empty() && party.credit_code == o.party);
      }
      if (!match) continue;
    }
    if (returned >= bulk_limit) {
      (void)ctx->audit->Append(p.name, "read", object, returned, request + " stopped: bulk limit");
      return Fail("redact", AccessGuard::BulkDenied(bulk_limit));
    }
    out.clear();
    AppendCaseJson(shown, &out);
    std::printf("%s\n", out.c_str());
    ++returned;
  }
  if (!(*reader)->status().ok()) return Fail("redact", (*reader)->status());
  if (progress) progress->Finish();

  std::string action = "read", detail = request;
  if (!o.case_id.empty()) {
    auto r = guard.Fetch(p, wanted ? &*wanted : nullptr, o.case_id);
    auto rec = ctx->audit->Append(p.name, r.ok() ? "read" : "read.notfound", object, r.ok() ? 1 : 0, request);
    if (!rec.ok()) return Fail("redact", rec.status());
    if (!r.ok()) return Fail("redact", r.status());
    out.clear();
    AppendCaseJson(*r, &out);
    std::printf("%s\n", out.c_str());
    return 0;
  }
  if (!o.grep.empty()) {
    auto docs = JsonlReader::Open(o.docs);
    if (!docs.ok()) return Fail("redact", docs.status());
    while ((*docs)->Next(&line)) {
      auto d = ParseDocumentJson(line);
      if (!d.ok()) return Fail("redact", d.status().WithContext((*docs)->Where()));
      auto it = by_id.find(d->case_id);
      if (it == by_id.end()) continue;
      // Redact first, then search and excerpt: the snippet can only contain what the reader may see.
      std::string text = guard.RedactText(p, it->second, d->text);
      size_t pos = text.find(o.grep);
      if (pos == std::string::npos) continue;
      if (returned >= bulk_limit) {
        (void)ctx->audit->Append(p.name, "read", object, returned, request + " stopped: bulk limit");
        return Fail("redact", AccessGuard::BulkDenied(bulk_limit));
      }
      Case shown = guard.Redact(p, it->second);
      std::printf("%s\t%s\n", shown.case_number.c_str(), Snippet(text, pos, o.grep.size()).c_str());
      ++returned;
    }
    if (!(*docs)->status().ok()) return Fail("redact", (*docs)->status());
  } else if (!o.count_by.empty()) {
    action = "count";
    std::vector<std::string> keys;
    std::vector<int64_t> cells;
    for (const auto& [k, n] : counts) { keys.push_back(k); cells.push_back(n); }
    auto shown = guard.SuppressCells(p, cells);
    int min_cell = security::SpecOf(p.role).min_cell;
    std::string small = "<" + std::to_string(min_cell);
    std::vector<std::vector<std::string>> rows = {{o.count_by, "cases"}};
    for (size_t i = 0; i < keys.size(); ++i) rows.push_back({keys[i], shown[i] ? std::to_string(*shown[i]) : small});
    auto total = guard.SuppressCell(p, visible);
    rows.push_back({"合计", total ? std::to_string(*total) : small});
    PrintRows(rows, o.format, {false, true});
    returned = 0;  // aggregates return no personal rows
    detail += " cells=" + std::to_string(keys.size());
  }
  auto rec = ctx->audit->Append(p.name, action, object, returned, detail);
  if (!rec.ok()) return Fail("redact", rec.status());
  if (!o.quiet) std::fprintf(stderr, "redact: %lld visible, %lld returned to %s\n", static_cast<long long>(visible),
                             static_cast<long long>(returned), p.name.c_str());
  return 0;
}

}  // namespace tianping::cli
