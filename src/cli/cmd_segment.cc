// tianping segment [--mode exact|search|nohmm] [TEXT...]: prints the words of each TEXT (or of each stdin
// line) separated by " / ", one line per input line.
#include <cstdio>
#include <filesystem>
#include <iostream>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>

#include "commands.h"
#include "exit_codes.h"
#include "tianping/text/segmenter.h"

namespace tianping::cli {

int RunSegment(int argc, char** argv) {
  CLI::App app{"中文分词 / segment Chinese text into words (jieba dictionary + HMM + legal dictionary)"};
  app.name("tianping segment");
  std::string mode_name = "exact", dict, jieba_dir;
  std::vector<std::string> user_dicts, texts;
  bool no_user_dict = false, no_legal_rules = false, no_hmm_model = false, stats = false;
  app.add_option("--mode", mode_name, "exact (with HMM), search (plus sub-words), nohmm")
      ->check(CLI::IsMember({"exact", "search", "nohmm"}));
  app.add_option("--dict", dict,
                 "jieba dictionary file (word freq tag) or jieba directory "
                 "[default: $TP_JIEBA_DIR or /usr/lib/python3/dist-packages/jieba]");
  app.add_option("--user-dict", user_dicts, "user dictionaries, replacing data/dict/legal.dict");
  app.add_flag("--no-user-dict", no_user_dict, "load no user dictionary (plain jieba behaviour)");
  app.add_flag("--no-legal-rules", no_legal_rules, "disable the anonymised-name / ordinal / date rules");
  app.add_flag("--no-hmm-model", no_hmm_model, "do not load the HMM (exact mode then equals nohmm)");
  app.add_flag("--stats", stats, "print dictionary size and load time to stderr");
  app.add_option("text", texts, "texts to segment; stdin lines when absent");
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    return app.exit(e) == 0 ? 0 : 2;  // --help → 0; bad arguments → 2 (exit_codes.h)
  }

  auto mode = text::ParseCutMode(mode_name);
  if (!mode.ok()) return Fail("segment", mode.status());
  text::SegmenterOptions opts = text::SegmenterOptions::Default();
  if (!dict.empty()) {
    std::error_code ec;
    if (std::filesystem::is_directory(dict, ec)) opts.jieba_dir = dict;
    else opts.dict_path = dict;
  }
  if (!user_dicts.empty()) opts.user_dict_paths = user_dicts;
  if (no_user_dict) opts.user_dict_paths.clear();
  opts.legal_rules = !no_legal_rules;
  opts.load_hmm = !no_hmm_model;
  auto seg = text::Segmenter::Load(opts);
  if (!seg.ok()) return Fail("segment", seg.status());
  if (stats) {
    const auto& s = seg->stats();
    std::fprintf(stderr, "segment: %zu words, %zu trie nodes, %zu HMM characters, loaded in %.3f s\n",
                 s.words, s.trie_nodes, s.hmm_chars, s.load_seconds);
  }

  std::vector<std::string_view> words;
  std::string out;
  auto print = [&](std::string_view line) {
    words.clear();
    seg->Cut(line, *mode, &words);
    out.clear();
    for (size_t i = 0; i < words.size(); ++i) {
      if (i > 0) out += " / ";
      out += words[i];
    }
    out += '\n';
    std::fwrite(out.data(), 1, out.size(), stdout);
  };
  if (!texts.empty()) {
    for (const auto& t : texts) print(t);
  } else {
    std::string line;
    while (std::getline(std::cin, line)) {
      if (!line.empty() && line.back() == '\r') line.pop_back();
      print(line);
    }
  }
  return 0;
}

}  // namespace tianping::cli
