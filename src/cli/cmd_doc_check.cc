// tianping doc check FILE|- [--jsonl] [--format json|table]
// tianping doc check --documents documents.jsonl [--cases cases.jsonl] [--truth truth.json]
// Checks judgment documents for the error kinds of domain.md §7 (rules: docs/doc-check.md). JSON form: one
// object per document {"id", "findings": [...]}; table form: one aligned row per finding. With --truth,
// prints per-kind recall and precision against truth.json "document_errors" instead.
#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>

#include <chrono>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>
#include <unordered_map>

#include "cmd_doc.h"
#include "exit_codes.h"
#include "tianping/common/json_writer.h"
#include "tianping/common/progress.h"
#include "tianping/model/case_json.h"
#include "tianping/model/jsonl_reader.h"
#include "tianping/text/doc_check.h"
#include "tianping/text/segmenter.h"

namespace tianping::cli {
namespace {

struct Totals {
  int64_t docs = 0, findings = 0, bytes = 0;
};

void Emit(const std::string& id, std::string_view text, const std::vector<text::DocFinding>& fs,
          const std::string& format) {
  if (format == "table") {
    for (const auto& f : fs) {
      std::string snippet(text.substr(f.start, std::min<size_t>(f.end - f.start, 60)));
      for (char& ch : snippet) if (ch == '\n') ch = ' ';
      std::printf("%-10s %-34s %6zu-%-6zu %s | %s | %s\n", id.c_str(), f.kind.c_str(), f.char_start, f.char_end,
                  snippet.c_str(), f.message.c_str(), f.suggestion.c_str());
    }
    return;
  }
  std::string out = "{\"id\":";
  AppendJsonString(&out, id);
  out += ",\"findings\":[";
  for (size_t i = 0; i < fs.size(); ++i) {
    if (i) out += ",";
    text::AppendFindingJson(fs[i], text, &out);
  }
  out += "]}\n";
  std::fwrite(out.data(), 1, out.size(), stdout);
}

Result<std::string> ReadAllInput(const std::string& path) {
  std::ostringstream ss;
  if (path == "-") {
    ss << std::cin.rdbuf();
    return ss.str();
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::IoError("cannot open " + path);
  ss << in.rdbuf();
  return ss.str();
}

}  // namespace

int RunDocCheck(int argc, char** argv) {
  CLI::App app{"文书纠错 / check judgment documents for errors", "tianping doc check"};
  std::string input, docs_path, truth_path, ref_dir, format = "json";
  bool jsonl = false, quiet = false, internal = false;
  app.add_option("input", input, "text file, or - for stdin (with --jsonl: one {id|doc_id, text} per line)");
  app.add_flag("--jsonl", jsonl, "input is JSONL (documents.jsonl or {id,text} lines)");
  app.add_option("--documents", docs_path, "documents.jsonl to score against --truth");
  std::string cases_path;
  app.add_option("--cases", cases_path, "cases.jsonl: case records whose procedure fills what a document does not state");
  app.add_option("--truth", truth_path, "truth.json: per-kind recall and precision against document_errors");
  app.add_option("--ref", ref_dir, "reference data directory (default: data/ref of the source tree)");
  app.add_option("--format", format, "json or table")->check(CLI::IsMember({"json", "table"}));
  app.add_flag("--internal", internal, "internal version: full ID and phone numbers are allowed");
  app.add_flag("--quiet", quiet, "no progress on stderr");
  CLI11_PARSE(app, argc, argv);
  if (input.empty() == docs_path.empty())
    return Fail("doc check", Status::InvalidArgument("give either FILE|- or --documents"));
  if (!truth_path.empty() && docs_path.empty())
    return Fail("doc check", Status::InvalidArgument("--truth needs --documents"));

  auto ref = ReferenceData::Load(ref_dir.empty() ? ReferenceData::DefaultRefDir() : ref_dir);
  if (!ref.ok()) return Fail("doc check", ref.status());
  text::DocCheckOptions options;
  options.ref = &*ref;
  options.public_version = !internal;
  // The jieba dictionary, when installed, keeps common words from passing for misspelt names.
  auto segmenter = text::Segmenter::Load(text::SegmenterOptions::Default());
  if (segmenter.ok()) options.segmenter = &*segmenter;
  else if (!quiet) std::fprintf(stderr, "doc check: no segmenter dictionary (%s); name checks use rules only\n",
                                segmenter.status().message().c_str());
  auto checker = text::DocChecker::Create(options);
  if (!checker.ok()) return Fail("doc check", checker.status());

  auto t0 = std::chrono::steady_clock::now();
  Totals totals;
  auto check = [&](const std::string& id, std::string_view body, bool emit, const text::DocHints* hints = nullptr) {
    auto fs = (*checker)->Check(body, hints);
    totals.docs++;
    totals.findings += static_cast<int64_t>(fs.size());
    totals.bytes += static_cast<int64_t>(body.size());
    if (emit) Emit(id, body, fs, format);
    return fs;
  };

  if (!docs_path.empty()) {
    std::unordered_map<std::string, std::vector<text::ExpectedError>> planted;
    bool scoring = !truth_path.empty();
    if (scoring) {
      std::ifstream tin(truth_path);
      if (!tin) return Fail("doc check", Status::IoError("cannot open " + truth_path));
      nlohmann::json truth = nlohmann::json::parse(tin, nullptr, false);
      if (truth.is_discarded() || !truth.contains("document_errors") || !truth["document_errors"].is_array())
        return Fail("doc check", Status::ParseError(truth_path + ": field document_errors missing or not an array"));
      for (const auto& e : truth["document_errors"])
        planted[e.value("doc_id", "")].push_back(
            {e.value("kind", ""), e.value("start", size_t{0}), e.value("end", size_t{0})});
    }
    std::unordered_map<std::string, text::DocHints> hints;  // by case_id
    if (!cases_path.empty()) {
      auto cr = JsonlReader::Open(cases_path);
      if (!cr.ok()) return Fail("doc check", cr.status());
      std::string_view cl;
      while ((*cr)->Next(&cl)) {
        auto c = ParseCaseJson(cl);
        if (!c.ok()) return Fail("doc check", c.status().WithContext((*cr)->Where()));
        if (!c->document_id.empty()) hints[c->case_id].procedure = c->procedure;
      }
      if (!(*cr)->status().ok()) return Fail("doc check", (*cr)->status());
    }
    auto reader = JsonlReader::Open(docs_path);
    if (!reader.ok()) return Fail("doc check", reader.status());
    std::unique_ptr<Progress> progress;
    if (!quiet) progress = std::make_unique<Progress>("doc check", "documents", 0);
    std::vector<std::pair<std::string, text::KindScore>> scores;
    for (const std::string& k : text::DocCheckKinds()) scores.push_back({k, {}});
    std::string_view line;
    static const std::vector<text::ExpectedError> kNone;
    while ((*reader)->Next(&line)) {
      auto d = ParseDocumentJson(line);
      if (!d.ok()) return Fail("doc check", d.status().WithContext((*reader)->Where()));
      auto h = hints.find(d->case_id);
      auto fs = check(d->doc_id, d->text, !scoring, h == hints.end() ? nullptr : &h->second);
      if (progress) progress->Add(1);
      if (scoring) {
        auto it = planted.find(d->doc_id);
        text::ScoreFindings(fs, it == planted.end() ? kNone : it->second, &scores);
      }
    }
    if (!(*reader)->status().ok()) return Fail("doc check", (*reader)->status());
    if (progress) progress->Finish();
    if (scoring) {
      text::KindScore all;
      std::printf("kind                              planted  found  reported  correct  recall  precision\n");
      for (const auto& [k, s] : scores) {
        std::printf("%-33s %8lld %6lld %9lld %8lld  %6.3f  %9.3f\n", k.c_str(), static_cast<long long>(s.planted),
                    static_cast<long long>(s.found), static_cast<long long>(s.reported),
                    static_cast<long long>(s.correct), s.recall(), s.precision());
        all.planted += s.planted; all.found += s.found; all.reported += s.reported; all.correct += s.correct;
      }
      std::printf("%-33s %8lld %6lld %9lld %8lld  %6.3f  %9.3f\n", "all", static_cast<long long>(all.planted),
                  static_cast<long long>(all.found), static_cast<long long>(all.reported),
                  static_cast<long long>(all.correct), all.recall(), all.precision());
    }
  } else {
    auto data = ReadAllInput(input);
    if (!data.ok()) return Fail("doc check", data.status());
    if (!jsonl) {
      check(input, *data, true);
    } else {
      std::string_view all = *data;
      int64_t line_no = 0;
      for (size_t pos = 0; pos < all.size();) {
        size_t nl = all.find('\n', pos);
        if (nl == std::string_view::npos) nl = all.size();
        std::string_view line = all.substr(pos, nl - pos);
        pos = nl + 1;
        ++line_no;
        if (line.find_first_not_of(" \t\r") == std::string_view::npos) continue;
        auto rec = ParseTextRecord(line, input, line_no);
        if (!rec.ok()) return Fail("doc check", rec.status());
        check(rec->id, rec->text, true);
      }
    }
  }
  double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  std::fprintf(stderr, "doc check: %lld documents, %lld findings (%.2f per document), %.1f MB in %.2f s (%.1f MB/s)\n",
               static_cast<long long>(totals.docs), static_cast<long long>(totals.findings),
               totals.docs ? static_cast<double>(totals.findings) / totals.docs : 0.0, totals.bytes / 1e6, secs,
               secs > 0 ? totals.bytes / 1e6 / secs : 0.0);
  return 0;
}

}  // namespace tianping::cli
