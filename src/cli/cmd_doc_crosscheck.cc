// tianping doc crosscheck --cases cases.jsonl --documents documents.jsonl [--truth truth.json]
// Prints one mismatch per line (JSON, or an aligned table) and, with --truth, recall and precision per
// field against truth.json "document_mismatches" (matched on doc_id and field).
#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>

#include <cstdio>
#include <fstream>
#include <map>
#include <set>
#include <string>
#include <unordered_map>

#include "cmd_doc.h"
#include "exit_codes.h"
#include "tianping/common/json_writer.h"
#include "tianping/common/progress.h"
#include "tianping/model/case_json.h"
#include "tianping/model/jsonl_reader.h"
#include "tianping/text/crosscheck.h"

namespace tianping::cli {

int RunDocCrosscheck(int argc, char** argv) {
  CLI::App app{"文书与案件比对 / compare judgment documents with case records", "tianping doc crosscheck"};
  std::string cases_path, docs_path, truth_path, format = "json";
  bool quiet = false;
  app.add_option("--cases", cases_path, "cases.jsonl")->required();
  app.add_option("--documents", docs_path, "documents.jsonl")->required();
  app.add_option("--truth", truth_path, "truth.json: report recall/precision against document_mismatches");
  app.add_option("--format", format, "json or table")->check(CLI::IsMember({"json", "table"}));
  app.add_flag("--quiet", quiet, "no progress on stderr");
  CLI11_PARSE(app, argc, argv);

  std::unordered_map<std::string, Case> cases;
  {
    auto reader = JsonlReader::Open(cases_path);
    if (!reader.ok()) return Fail("doc crosscheck", reader.status());
    std::string_view line;
    while ((*reader)->Next(&line)) {
      auto c = ParseCaseJson(line);
      if (!c.ok()) return Fail("doc crosscheck", c.status().WithContext((*reader)->Where()));
      if (c->document_id.empty()) continue;
      std::string id = c->case_id;
      cases.emplace(std::move(id), std::move(c).value());
    }
    if (!(*reader)->status().ok()) return Fail("doc crosscheck", (*reader)->status());
  }
  auto reader = JsonlReader::Open(docs_path);
  if (!reader.ok()) return Fail("doc crosscheck", reader.status());
  std::vector<text::Mismatch> all;
  int64_t docs = 0, unmatched = 0;
  std::unique_ptr<Progress> progress;
  if (!quiet) progress = std::make_unique<Progress>("doc crosscheck", "documents", 0);
  std::string_view line;
  std::string out;
  while ((*reader)->Next(&line)) {
    auto d = ParseDocumentJson(line);
    if (!d.ok()) return Fail("doc crosscheck", d.status().WithContext((*reader)->Where()));
    ++docs;
    if (progress) progress->Add(1);
    auto it = cases.find(d->case_id);
    if (it == cases.end()) { ++unmatched; continue; }
    text::ParsedJudgment j = text::ParseJudgment(d->text);
    text::ExtractedFacts f = text::ExtractFacts(d->text, j);
    for (auto& m : text::CrossCheck(it->second, *d, j, f)) {
      if (format == "json") {
        out.clear();
        JsonWriter w(&out);
        w.BeginObject();
        w.Field("case_id", m.case_id);
        w.Field("doc_id", m.doc_id);
        w.Field("field", m.field);
        w.Field("structured", m.structured);
        w.Field("document", m.document);
        w.EndObject();
        out.push_back('\n');
        std::fwrite(out.data(), 1, out.size(), stdout);
      } else {
        std::printf("%-12s %-12s %-15s %s ≠ %s\n", m.case_id.c_str(), m.doc_id.c_str(), m.field.c_str(),
                    m.structured.c_str(), m.document.c_str());
      }
      all.push_back(std::move(m));
    }
  }
  if (!(*reader)->status().ok()) return Fail("doc crosscheck", (*reader)->status());
  if (progress) progress->Finish();
  std::fprintf(stderr, "doc crosscheck: %lld documents, %lld without a case record, %zu mismatches\n",
               static_cast<long long>(docs), static_cast<long long>(unmatched), all.size());
  if (truth_path.empty()) return 0;
  std::ifstream tin(truth_path);
  if (!tin) return Fail("doc crosscheck", Status::IoError("cannot open " + truth_path));
  nlohmann::json truth = nlohmann::json::parse(tin, nullptr, false);
  if (truth.is_discarded() || !truth.contains("document_mismatches"))
    return Fail("doc crosscheck", Status::ParseError(truth_path + ": field document_mismatches missing"));
  std::set<std::pair<std::string, std::string>> planted, reported, explained;
  for (const auto& m : truth["document_mismatches"])
    planted.insert({m.value("doc_id", ""), m.value("field", "")});
  // Planted document errors (not record mismatches) also make the text disagree with the record; a report
  // they explain is counted separately, not as a false alarm.
  static const std::multimap<std::string, std::string> kErrorFields = {
      {"case_number_malformed", "case_number"}, {"case_number_wrong_year", "case_number"},
      {"date_order", "filed_date"},             {"date_order", "closed_date"},
      {"party_name_inconsistent", "party_name"}, {"panel_procedure_mismatch", "judge_name"},
      {"missing_section", "claim_amount"},      {"missing_section", "awarded_amount"},
      {"missing_section", "closure_method"},    {"amount_words_mismatch", "claim_amount"},
      {"amount_words_mismatch", "awarded_amount"}};
  if (truth.contains("document_errors")) {
    for (const auto& e : truth["document_errors"]) {
      auto range = kErrorFields.equal_range(e.value("kind", ""));
      for (auto it = range.first; it != range.second; ++it) explained.insert({e.value("doc_id", ""), it->second});
    }
  }
  for (const auto& m : all) reported.insert({m.doc_id, m.field});
  std::map<std::string, std::array<int64_t, 4>> per_field;  // planted, reported, hit, explained by an error
  for (const auto& p : planted) per_field[p.second][0]++;
  std::array<int64_t, 4> sum{};
  sum[0] = static_cast<int64_t>(planted.size());
  for (const auto& r : reported) {
    per_field[r.second][1]++;
    sum[1]++;
    if (planted.count(r)) { per_field[r.second][2]++; sum[2]++; }
    else if (explained.count(r)) { per_field[r.second][3]++; sum[3]++; }
  }
  // precision: found / reported; precision* also counts reports explained by a planted document error.
  std::printf("field            planted  reported  found  by-error  recall  precision  precision*\n");
  auto row = [](const std::string& name, const std::array<int64_t, 4>& n) {
    std::printf("%-16s %7lld %9lld %6lld %9lld  %6.3f  %9.3f  %10.3f\n", name.c_str(), static_cast<long long>(n[0]),
                static_cast<long long>(n[1]), static_cast<long long>(n[2]), static_cast<long long>(n[3]),
                n[0] ? double(n[2]) / n[0] : 1.0, n[1] ? double(n[2]) / n[1] : 1.0,
                n[1] ? double(n[2] + n[3]) / n[1] : 1.0);
  };
  for (const auto& [field, n] : per_field) row(field, n);
  row("all", sum);
  return 0;
}

}  // namespace tianping::cli
