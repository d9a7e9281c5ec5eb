// tianping doc generate --template NAME --case ID [--data DIR [--as USER | --key KEY] | --cases cases.jsonl]
//                       [--date YYYY-MM-DD] [--party NAME] [--set key=value ...] [--templates DIR]
// Renders a standard court document (制式文书) from data/templates/NAME.tpl with the fields of one case
// (docs/templates.md). Missing data is reported, never invented: every missing field is listed on
// stderr, nothing is written to stdout and the exit code is non-zero.
#include <CLI/CLI.hpp>

#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <fstream>
#include <sstream>
#include <string>

#include "cmd_doc.h"
#include "exit_codes.h"
#include "guarded_reader.h"
#include "tianping/model/case_json.h"
#include "tianping/model/jsonl_reader.h"
#include "tianping/security/guarded_store.h"
#include "tianping/store/store.h"
#include "tianping/text/doc_template.h"

namespace tianping::cli {
namespace {

// Where case records come from: the case store's current snapshot (--data DIR), read through the
// AccessGuard as `tianping case` reads it (security::GuardedStore: the reader of --as/--key, audited,
// the case as the reader may see it — masked fields are rendered masked; an invisible case is "case ID
// not found" like a missing one), or a cases.jsonl the operator holds (--cases). `id` is a case_id or
// a 案号 (the first case with that 案号 the reader may see).
Result<Case> FindCaseInStore(const std::string& data_dir, const std::string& id, const ReaderOptions& who) {
  auto snap = StoreSnapshot::Open(data_dir);
  if (!snap.ok()) return snap.status();
  auto gr = GuardedReader::Open(data_dir, who, "doc generate");
  if (!gr.ok()) return gr.status();
  security::GuardedStore store(**snap, (*gr)->guard(), (*gr)->principal(), (*gr)->Sink());
  auto view = store.ReadCase(id);
  if (!view.ok()) return view.status();
  return std::move(view->shown);
}

Result<Case> FindCase(const std::string& cases_path, const std::string& data_dir, const std::string& id,
                      const ReaderOptions& who) {
  if (cases_path.empty()) return FindCaseInStore(data_dir, id, who);
  auto reader = JsonlReader::Open(cases_path);
  if (!reader.ok()) return reader.status();
  std::string_view line;
  while ((*reader)->Next(&line)) {
    if (line.find(id) == std::string_view::npos) continue;  // cheap filter before parsing
    auto c = ParseCaseJson(line);
    if (!c.ok()) return c.status().WithContext((*reader)->Where());
    if (c->case_id == id || c->case_number == id) return c;
  }
  if (!(*reader)->status().ok()) return (*reader)->status();
  return Status::NotFound("case " + id + " not in " + cases_path);
}

std::string DefaultTemplateDir() {
  const char* data = std::getenv("TP_DATA_DIR");
  return (data && *data ? std::string(data) : std::string(TP_SOURCE_DIR) + "/data") + "/templates";
}

}  // namespace

int RunDocGenerate(int argc, char** argv) {
  CLI::App app{"生成制式文书 / render a standard court document for a case", "tianping doc generate"};
  std::string name, id, cases_path, data_dir, date_text, party, template_dir;
  std::vector<std::string> sets;
  bool list = false;
  app.add_option("--template", name, "template name: 受理通知书 举证通知书 传票 民事调解书 执行通知书 结案通知书");
  app.add_option("--case", id, "case_id or 案号");
  app.add_option("--cases", cases_path, "cases.jsonl holding the case");
  app.add_option("--data", data_dir, "case store directory (default ./tianping-data or $TIANPING_DATA)");
  app.add_option("--date", date_text, "issue date YYYY-MM-DD (default: today)");
  app.add_option("--party", party, "the party a 传票 summons (name as in the case record)");
  app.add_option("--set", sets, "key=value supplied by the caller (hearing_time, hearing_place, agreement …)");
  app.add_option("--templates", template_dir, "template folder (default data/templates)");
  app.add_flag("--list", list, "list the templates and exit");
  ReaderOptions who;
  who.AddTo(app);
  CLI11_PARSE(app, argc, argv);
  if (template_dir.empty()) template_dir = DefaultTemplateDir();
  if (list) {
    for (const char* t : {"受理通知书", "举证通知书", "传票", "民事调解书", "执行通知书", "结案通知书"}) std::printf("%s\n", t);
    return 0;
  }
  if (name.empty() || id.empty())
    return Fail("doc generate", Status::InvalidArgument("--template and --case are required"));
  if (!cases_path.empty() && !data_dir.empty())
    return Fail("doc generate", Status::InvalidArgument("give --cases or --data, not both"));
  if (cases_path.empty() && data_dir.empty()) data_dir = DefaultDataDir();
  std::ifstream in(template_dir + "/" + name + ".tpl", std::ios::binary);
  if (!in) return Fail("doc generate", Status::NotFound("no template " + template_dir + "/" + name + ".tpl"));
  std::ostringstream tmpl;
  tmpl << in.rdbuf();
  Date issue;
  if (date_text.empty()) {
    std::time_t now = std::time(nullptr);
    std::tm tm{};
    gmtime_r(&now, &tm);
    issue = Date::FromYmd(tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday);
  } else {
    auto d = Date::Parse(date_text);
    if (!d) return Fail("doc generate", Status::InvalidArgument("--date: expected YYYY-MM-DD, got " + date_text));
    issue = *d;
  }
  auto c = FindCase(cases_path, data_dir, id, who);
  if (!c.ok()) return Fail("doc generate", c.status());
  text::TemplateRecord extra;
  if (!party.empty()) {
    bool found = false;
    for (const Party& p : c->parties) {
      if (p.name != party) continue;
      found = true;
      extra["summoned_name"] = p.name;
      if (!p.address.empty()) extra["summoned_address"] = p.address;
    }
    if (!found) return Fail("doc generate", Status::NotFound("--party: no party named " + party + " in case " + id));
  }
  for (const std::string& kv : sets) {
    size_t eq = kv.find('=');
    if (eq == std::string::npos || eq == 0)
      return Fail("doc generate", Status::InvalidArgument("--set: expected key=value, got " + kv));
    extra[kv.substr(0, eq)] = kv.substr(eq + 1);
  }
  text::TemplateData data = text::CaseTemplateData(*c, issue, extra);
  auto out = text::RenderTemplate(tmpl.str(), data);
  if (!out.ok())
    return Fail("doc generate", out.status().WithContext(name + " for " + id + ": "));
  std::fwrite(out->data(), 1, out->size(), stdout);
  return 0;
}

}  // namespace tianping::cli
