#include "hmm.h"

#include <algorithm>
#include <fstream>
#include <sstream>

#include "py_literal.h"
#include "utf8_decode.h"

namespace tianping::text {
namespace {

int StateIndex(std::string_view key) {
  if (key == "B") return Hmm::kB;
  if (key == "E") return Hmm::kE;
  if (key == "M") return Hmm::kM;
  if (key == "S") return Hmm::kS;
  return -1;
}

Result<std::string> ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::NotFound("cannot open HMM file " + path);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

// Reads a "{'B': x, ...}" or "{'B': {key: x, ...}, ...}" file into per-state entries.
Result<PyValue> LoadDict(const std::string& path) {
  auto text = ReadFile(path);
  if (!text.ok()) return text.status();
  auto v = ParsePyDict(*text, path);
  if (!v.ok()) return v.status();
  if (!v->is_dict) return Status::ParseError(path + ": expected a dict");
  for (const auto& [k, _] : v->items)
    if (StateIndex(k) < 0) return Status::ParseError(path + ": unknown state '" + k + "' (want B E M S)");
  return v;
}

// The previous states allowed before each state (jieba's PrevStatus), in the order jieba tries them.
constexpr Hmm::State kPrev[4][2] = {
    /*B*/ {Hmm::kE, Hmm::kS}, /*E*/ {Hmm::kB, Hmm::kM}, /*M*/ {Hmm::kM, Hmm::kB}, /*S*/ {Hmm::kS, Hmm::kE}};
// Tie-breaking follows Python's max over (score, state letter): the larger letter wins; 'B'<'E'<'M'<'S'
// is also the numeric order of State.

}  // namespace

Hmm::Hmm(const Params& p) : start_(p.start), trans_(p.trans) {
  bmp_row_.assign(0x10000, 0);
  for (const auto& [cp, row] : p.emit) {
    uint32_t idx = static_cast<uint32_t>(emit_.size());
    emit_.push_back(row);
    if (cp < 0x10000) bmp_row_[cp] = idx + 1;
    else astral_rows_.emplace_back(cp, idx + 1);
  }
  std::sort(astral_rows_.begin(), astral_rows_.end());
}

Result<Hmm> Hmm::LoadJiebaDir(const std::string& dir) {
  Params p;
  auto start = LoadDict(dir + "/prob_start.py");
  if (!start.ok()) return start.status();
  for (const auto& [k, v] : start->items) p.start[StateIndex(k)] = v.number;

  auto trans = LoadDict(dir + "/prob_trans.py");
  if (!trans.ok()) return trans.status();
  for (auto& row : p.trans) row.fill(kMinLogProb);
  for (const auto& [from, row] : trans->items)
    for (const auto& [to, v] : row.items) {
      int t = StateIndex(to);
      if (t < 0) return Status::ParseError(dir + "/prob_trans.py: unknown state '" + to + "'");
      p.trans[StateIndex(from)][t] = v.number;
    }

  auto emit = LoadDict(dir + "/prob_emit.py");
  if (!emit.ok()) return emit.status();
  std::vector<std::pair<char32_t, std::array<double, 4>>> rows;
  std::vector<uint32_t> row_of(0x110000, UINT32_MAX);
  for (const auto& [state, chars] : emit->items) {
    int s = StateIndex(state);
    for (const auto& [key, v] : chars.items) {
      size_t len;
      char32_t cp = key.empty() ? kInvalidCodePoint : DecodeUtf8At(key, 0, &len);
      if (cp == kInvalidCodePoint || len != key.size())
        return Status::ParseError(dir + "/prob_emit.py: key is not one character: '" + key + "'");
      if (row_of[cp] == UINT32_MAX) {
        row_of[cp] = static_cast<uint32_t>(rows.size());
        rows.push_back({cp, {kMinLogProb, kMinLogProb, kMinLogProb, kMinLogProb}});
      }
      rows[row_of[cp]].second[s] = v.number;
    }
  }
  p.emit = std::move(rows);
  return Hmm(p);
}

double Hmm::Emit(State s, char32_t c) const {
  uint32_t row = 0;
  if (c < 0x10000) {
    row = bmp_row_.empty() ? 0 : bmp_row_[c];
  } else {
    auto it = std::lower_bound(astral_rows_.begin(), astral_rows_.end(), std::make_pair(c, uint32_t{0}));
    if (it != astral_rows_.end() && it->first == c) row = it->second;
  }
  return row == 0 ? kMinLogProb : emit_[row - 1][s];
}

void Hmm::Viterbi(const char32_t* cps, size_t n, std::vector<State>* states) const {
  std::vector<std::array<uint8_t, 4>> back(n);
  std::array<double, 4> v;
  for (int y = 0; y < 4; ++y) v[y] = start_[y] + Emit(State(y), cps[0]);
  for (size_t t = 1; t < n; ++t) {
    std::array<double, 4> nv;
    for (int y = 0; y < 4; ++y) {
      double em = Emit(State(y), cps[t]);
      double best = 0;
      int best_prev = -1;
      for (State y0 : kPrev[y]) {
        double score = v[y0] + trans_[y0][y] + em;
        if (best_prev < 0 || score > best || (score == best && y0 > best_prev)) {
          best = score;
          best_prev = y0;
        }
      }
      nv[y] = best;
      back[t][y] = static_cast<uint8_t>(best_prev);
    }
    v = nv;
  }
  // The last state is E or S; on a tie 'S' wins.
  State last = v[kS] >= v[kE] ? kS : kE;
  states->assign(n, kS);
  for (size_t t = n; t-- > 0;) {
    (*states)[t] = last;
    if (t > 0) last = State(back[t][last]);
  }
}

void Hmm::Cut(const char32_t* cps, size_t n, std::vector<size_t>* ends) const {
  ends->clear();
  if (n == 0) return;
  std::vector<State> states;
  Viterbi(cps, n, &states);
  size_t next = 0;
  for (size_t i = 0; i < n; ++i) {
    if (states[i] == kE || states[i] == kS) {
      ends->push_back(i + 1);
      next = i + 1;
    }
  }
  if (next < n) ends->push_back(n);
}

}  // namespace tianping::text
