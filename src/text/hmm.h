// The BMES hidden Markov model that segments runs of characters unknown to the dictionary (mostly
// personal and place names): states B (begin), M (middle), E (end), S (single); Viterbi decoding.
// Parameters are jieba's finalseg/prob_{start,trans,emit}.py, Python dict literals parsed at load time
// by a small tolerant parser (ParsePyDict). Log probabilities; a missing entry is kMinLogProb.
// Thread-safety: immutable after construction; Cut() is thread-safe.
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "tianping/common/status.h"

namespace tianping::text {

class Hmm {
 public:
  enum State : uint8_t { kB = 0, kE = 1, kM = 2, kS = 3 };
  static constexpr double kMinLogProb = -3.14e100;

  struct Params {
    std::array<double, 4> start{kMinLogProb, kMinLogProb, kMinLogProb, kMinLogProb};
    std::array<std::array<double, 4>, 4> trans{};  // trans[from][to]; fill with kMinLogProb if absent
    std::vector<std::pair<char32_t, std::array<double, 4>>> emit;  // per character, per state
  };

  Hmm() = default;
  explicit Hmm(const Params& params);

  // Reads <dir>/prob_start.py, prob_trans.py, prob_emit.py.
  static Result<Hmm> LoadJiebaDir(const std::string& finalseg_dir);

  // Most probable state sequence for cps[0..n) (jieba's tie-breaking: on equal scores the later state
  // letter wins; the last state is E or S). REQUIRES: n > 0.
  void Viterbi(const char32_t* cps, size_t n, std::vector<State>* states) const;

  // Segments cps[0..n) (all Han characters): word end offsets (exclusive), increasing, last == n.
  void Cut(const char32_t* cps, size_t n, std::vector<size_t>* ends) const;

  size_t char_count() const { return emit_.size(); }

 private:
  double Emit(State s, char32_t c) const;

  std::array<double, 4> start_{};
  std::array<std::array<double, 4>, 4> trans_{};
  std::vector<uint32_t> bmp_row_;                 // code point -> 1 + row in emit_, 0 if absent
  std::vector<std::array<double, 4>> emit_;
  std::vector<std::pair<char32_t, uint32_t>> astral_rows_;  // sorted, for code points > U+FFFF
};

}  // namespace tianping::text
