#include "golden_doccheck.h"

#include <fstream>
#include <memory>
#include <sstream>

#include "tianping/model/case_json.h"
#include "tianping/model/reference.h"
#include "tianping/text/doc_check.h"
#include "tianping/text/doc_template.h"

namespace tianping::golden {
namespace {

// doccheck: kind [char_start,char_end) «text» → suggestion
std::string DocCheckHandler(const std::string& input) {
  static const ReferenceData* ref = [] {
    auto r = ReferenceData::Load(ReferenceData::DefaultRefDir());
    return r.ok() ? new ReferenceData(std::move(r).value()) : nullptr;
  }();
  text::DocCheckOptions o;
  o.ref = ref;
  auto checker = text::DocChecker::Create(o);
  if (!checker.ok()) return "error: " + checker.status().message() + "\n";
  std::string out;
  for (const auto& f : (*checker)->Check(input)) {
    out += f.kind + " [" + std::to_string(f.char_start) + "," + std::to_string(f.char_end) + ") «" +
           input.substr(f.start, f.end - f.start) + "» → " + f.suggestion + "\n";
  }
  return out.empty() ? "no findings\n" : out;
}

std::string TemplateHandler(const std::string& input) {
  std::istringstream in(input);
  std::string line, name, party, case_json;
  Date date = Date::FromYmd(2024, 3, 1);
  text::TemplateRecord extra;
  while (std::getline(in, line)) {
    auto value = [&](std::string_view key) { return line.substr(key.size()); };
    if (line.starts_with("template: ")) name = value("template: ");
    else if (line.starts_with("date: ")) { if (auto d = Date::Parse(value("date: "))) date = *d; }
    else if (line.starts_with("party: ")) party = value("party: ");
    else if (line.starts_with("set: ")) {
      std::string kv = value("set: ");
      size_t eq = kv.find('=');
      if (eq != std::string::npos) extra[kv.substr(0, eq)] = kv.substr(eq + 1);
    } else if (line.starts_with("case: ")) case_json = value("case: ");
  }
  auto c = ParseCaseJson(case_json);
  if (!c.ok()) return "bad case: " + c.status().message() + "\n";
  for (const Party& p : c->parties)
    if (p.name == party) {
      extra["summoned_name"] = p.name;
      if (!p.address.empty()) extra["summoned_address"] = p.address;
    }
  std::ifstream t(std::string(TP_SOURCE_DIR) + "/data/templates/" + name + ".tpl");
  if (!t) return "no template " + name + "\n";
  std::ostringstream tmpl;
  tmpl << t.rdbuf();
  auto out = text::RenderTemplate(tmpl.str(), text::CaseTemplateData(*c, date, extra));
  if (!out.ok()) return "error: " + out.status().message() + "\n";
  return *out;
}

}  // namespace

void RegisterDocCheckHandlers(std::map<std::string, Handler>* handlers) {
  (*handlers)["doccheck"] = DocCheckHandler;
  (*handlers)["templates"] = TemplateHandler;
}

}  // namespace tianping::golden
