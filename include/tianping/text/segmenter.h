// Chinese word segmenter for judgment text (分词): prefix-dictionary DAG + maximum-probability route over
// the jieba dictionary shipped by Debian's python3-jieba, a BMES HMM for runs of unknown characters
// (personal names), a legal user dictionary (data/dict/legal.dict) and rules for anonymised names
// (李某1, 张x1), ordinals (第六百七十五条) and numeric dates (2023年). Design: docs/segmenter.md.
//
// Thread-safety: Load() builds an immutable model; every const method may be called concurrently from
// any number of threads. A Segmenter is cheap to copy (the model is shared).
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "tianping/common/status.h"

namespace tianping::text {

enum class CutMode {
  kExact,       // maximum-probability route, unknown runs re-segmented by the HMM (jieba "精确模式")
  kExactNoHmm,  // maximum-probability route only; consecutive single ASCII letters/digits are joined
  kSearch,      // kExact, and before each word longer than 2 characters its dictionary sub-words (indexing)
};

struct SegmenterOptions {
  // Directory of the jieba package (dict.txt, finalseg/prob_*.py). Empty: $TP_JIEBA_DIR, else
  // /usr/lib/python3/dist-packages/jieba (Debian python3-jieba).
  std::string jieba_dir;
  // Main dictionary "word freq [tag]" per line. Empty: <jieba_dir>/dict.txt.
  std::string dict_path;
  // If non-empty, used as the main dictionary text instead of reading dict_path (tests, embedding).
  std::string dict_text;
  // User dictionaries loaded after the main one, in order; a later entry overrides an earlier freq.
  // Same line format; a line without a frequency gets kDefaultUserFreq; frequency 0 removes a word.
  std::vector<std::string> user_dict_paths;
  // Load the HMM (<jieba_dir>/finalseg/prob_{start,trans,emit}.py). Without it kExact behaves as
  // kExactNoHmm.
  bool load_hmm = true;
  // Legal-text rules: anonymised names, 第…条 ordinals, 2023年/5月/10日 dates (docs/segmenter.md).
  bool legal_rules = true;

  static constexpr long kDefaultUserFreq = 10000;

  // The defaults used by the CLI: Debian jieba directory (or $TP_JIEBA_DIR), the HMM, the legal rules
  // and <source tree>/data/dict/legal.dict (or $TP_DATA_DIR/dict/legal.dict).
  static SegmenterOptions Default();
};

// Counts from Load, for diagnostics and the benchmark.
struct SegmenterStats {
  size_t words = 0;        // distinct dictionary words (main + user)
  size_t trie_nodes = 0;   // prefix-trie nodes
  size_t hmm_chars = 0;    // characters with an emission probability
  double load_seconds = 0;
};

class Segmenter {
 public:
  // Errors: NotFound (missing dictionary or HMM file, message says which and how to configure it),
  // ParseError (malformed line: "file:line: ...").
  static Result<Segmenter> Load(const SegmenterOptions& options);

  // Splits `text` (UTF-8) into words: the returned views point into `text` and cover it completely, in
  // order (search mode additionally emits overlapping sub-words). Invalid UTF-8 bytes come out as
  // one-byte tokens; never fails.
  std::vector<std::string_view> Cut(std::string_view text, CutMode mode) const;
  // Same, appending to *out (reuses its capacity).
  void Cut(std::string_view text, CutMode mode, std::vector<std::string_view>* out) const;

  // True if `word` is in the dictionary with a positive frequency.
  bool Contains(std::string_view word) const;
  const SegmenterStats& stats() const;

  struct Model;  // defined in segmenter.cc

 private:
  explicit Segmenter(std::shared_ptr<const Model> model) : model_(std::move(model)) {}
  std::shared_ptr<const Model> model_;
};

// Parses "exact" | "search" | "nohmm".
Result<CutMode> ParseCutMode(std::string_view name);

}  // namespace tianping::text
