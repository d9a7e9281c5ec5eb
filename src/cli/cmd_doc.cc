// tianping doc <subcommand>: judgment documents (docs/judgment-parser.md).
//   parse FILE|-        parse a text file (or stdin), or JSONL ({id,text} / documents.jsonl) with --jsonl
//   crosscheck          compare document facts with the structured cases (and planted truth)
// Subcommands are dispatched from kSubcommands below: add one line (and a Run function) per subcommand.
#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>

#include <cstdio>
#include <cstring>
#include <fstream>
#include <iostream>
#include <memory>
#include <sstream>
#include <string>

#include "cmd_doc.h"
#include "commands.h"
#include "exit_codes.h"
#include "tianping/common/json_writer.h"
#include "tianping/common/progress.h"
#include "tianping/text/extract.h"
#include "tianping/text/judgment.h"

namespace tianping::cli {

Result<TextRecord> ParseTextRecord(std::string_view line, const std::string& input, int64_t line_no) {
  nlohmann::json obj = nlohmann::json::parse(line, nullptr, false);
  std::string where = input + ":" + std::to_string(line_no) + ": ";
  if (obj.is_discarded() || !obj.is_object()) return Status::ParseError(where + "not a JSON object");
  if (!obj.contains("text") || !obj["text"].is_string())
    return Status::ParseError(where + "field text: missing or not a string");
  TextRecord r;
  for (const char* key : {"doc_id", "id"}) {
    if (!obj.contains(key)) continue;
    r.id = obj[key].is_string() ? obj[key].get<std::string>() : obj[key].dump();
    break;
  }
  if (r.id.empty()) r.id = std::to_string(line_no);
  r.text = std::move(obj["text"].get_ref<std::string&>());
  return r;
}
namespace {

struct Subcommand {
  const char* name;
  const char* summary;
  int (*run)(int argc, char** argv);
};

Result<std::string> ReadAll(const std::string& path) {
  if (path == "-") {
    std::ostringstream ss;
    ss << std::cin.rdbuf();
    return ss.str();
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::IoError("cannot open " + path);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

// Display width: CJK and full-width characters take two columns.
size_t DisplayWidth(std::string_view s) {
  size_t w = 0;
  for (size_t i = 0; i < s.size();) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    size_t n = c < 0x80 ? 1 : (c >> 5) == 0x6 ? 2 : (c >> 4) == 0xE ? 3 : 4;
    w += n >= 3 ? 2 : 1;
    i += n;
  }
  return w;
}

void PrintTableRow(const std::string& id, const text::ParsedJudgment& j) {
  auto row = [](const std::string& key, const std::string& value) {
    std::printf("  %s%s %s\n", key.c_str(), std::string(14 - std::min<size_t>(14, DisplayWidth(key)), ' ').c_str(),
                value.c_str());
  };
  std::printf("%s\n", id.c_str());
  row("法院 court", j.court);
  row("文书 kind", j.kind);
  row("案号 number", j.case_number);
  if (!j.first_instance_case_number.empty()) row("原审案号", j.first_instance_case_number);
  for (const auto& p : j.parties) {
    std::string v = p.role + (p.original_role.empty() ? "" : "（" + p.original_role + "）") + " " + p.name;
    for (const auto& a : p.agents) v += " | " + a.role + " " + a.name + (a.law_firm.empty() ? "" : " " + a.law_firm);
    row("当事人 party", v);
  }
  std::string secs;
  for (size_t k = 0; k < text::kSectionCount; ++k)
    if (!j.sections[k].empty()) secs += std::string(secs.empty() ? "" : " ") + text::SectionName(static_cast<text::SectionKind>(k));
  row("段落 sections", secs);
  std::string cites;
  for (const auto& c : j.citations) cites += (cites.empty() ? "" : "；") + c.law + "第" + std::to_string(c.article) + "条";
  row("引用 citations", cites);
  std::string panel;
  for (const auto& m : j.panel) panel += (panel.empty() ? "" : " ") + m.role + " " + m.name;
  row("合议庭 panel", panel);
  row("日期 date", j.date ? j.date->ToString() : "");
  row("书记员 clerk", j.clerk);
}

void EmitOne(const std::string& id, std::string_view body, const std::string& format, bool with_text) {
  text::ParsedJudgment j = text::ParseJudgment(body);
  if (format == "table") {
    PrintTableRow(id, j);
    return;
  }
  std::string out = "{\"id\":";
  AppendJsonString(&out, id);
  out += ",\"judgment\":";
  text::AppendJudgmentJson(j, with_text ? body : std::string_view(), &out);
  out += ",\"extracted\":";
  text::AppendExtractionJson(text::ExtractFacts(body, j), &out);
  out += "}\n";
  std::fwrite(out.data(), 1, out.size(), stdout);
}

int RunParse(int argc, char** argv) {
  CLI::App app{"解析裁判文书 / parse judgment documents", "tianping doc parse"};
  std::string input;
  std::string format = "json";
  bool jsonl = false, with_text = false, quiet = false;
  app.add_option("input", input, "text file, or - for stdin")->required();
  app.add_flag("--jsonl", jsonl, "input is JSONL: one {id|doc_id, text} object per line");
  app.add_flag("--with-text", with_text, "include each section's text in the JSON output");
  app.add_option("--format", format, "json (one object per document) or table")->check(CLI::IsMember({"json", "table"}));
  app.add_flag("--quiet", quiet, "no progress on stderr (JSONL input)");
  CLI11_PARSE(app, argc, argv);
  if (!jsonl) {
    auto data = ReadAll(input);
    if (!data.ok()) return Fail("doc parse", data.status());
    EmitOne(input, *data, format, with_text);
    return 0;
  }
  // JSONL: streamed line by line, so inputs larger than memory work.
  std::ifstream file;
  if (input != "-") {
    file.open(input, std::ios::binary);
    if (!file) return Fail("doc parse", Status::IoError("cannot open " + input));
  }
  std::istream& in = input == "-" ? std::cin : file;
  std::unique_ptr<Progress> progress;
  if (!quiet) progress = std::make_unique<Progress>("doc parse", "documents", 0);
  std::string line;
  int64_t line_no = 0;
  while (std::getline(in, line)) {
    ++line_no;
    if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
    auto rec = ParseTextRecord(line, input, line_no);
    if (!rec.ok()) return Fail("doc parse", rec.status());
    EmitOne(rec->id, rec->text, format, with_text);
    if (progress) progress->Add(1);
  }
  if (progress) progress->Finish();
  return 0;
}

constexpr Subcommand kSubcommands[] = {
    {"parse", "解析裁判文书 / parse judgments into fields and sections", RunParse},
    {"crosscheck", "文书与案件比对 / compare documents with case records", RunDocCrosscheck},
    {"check", "文书纠错 / find errors in judgment documents (docs/doc-check.md)", RunDocCheck},
    {"generate", "制式文书 / render a standard document from a template (docs/templates.md)", RunDocGenerate},
};

}  // namespace

int RunDoc(int argc, char** argv) {
  if (argc < 2 || std::strcmp(argv[1], "--help") == 0 || std::strcmp(argv[1], "-h") == 0) {
    std::printf("usage: tianping doc <subcommand> [options]\n\nsubcommands:\n");
    for (const auto& s : kSubcommands) std::printf("  %-12s %s\n", s.name, s.summary);
    return argc < 2 ? 2 : 0;
  }
  for (const auto& s : kSubcommands)
    if (std::strcmp(s.name, argv[1]) == 0) return s.run(argc - 1, argv + 1);
  std::fprintf(stderr, "tianping doc: unknown subcommand '%s'\n", argv[1]);
  return 2;
}

}  // namespace tianping::cli
