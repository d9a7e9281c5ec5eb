#include "tianping/text/segmenter.h"

#include <chrono>
#include <cstdlib>
#include <fstream>
#include <limits>
#include <sstream>

#include "dictionary.h"
#include "hmm.h"
#include "legal_rules.h"
#include "utf8_decode.h"

namespace tianping::text {

struct Segmenter::Model {
  Dictionary dict;
  Hmm hmm;
  bool has_hmm = false;
  bool legal_rules = false;
  SegmenterStats stats;
};

namespace {

constexpr const char* kDebianJiebaDir = "/usr/lib/python3/dist-packages/jieba";

Result<std::string> ReadFile(const std::string& path, const std::string& what, const std::string& hint) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::NotFound(what + " not found: " + path + hint);
  std::ostringstream ss;
  ss << in.rdbuf();
  if (in.bad()) return Status::IoError("cannot read " + path);
  return ss.str();
}

// jieba's block characters ([\u4E00-\u9FD5a-zA-Z0-9+#&._%-]): runs of them are segmented; every other
// character is a token of its own ("\r\n" stays one token).
inline bool IsBlockChar(char32_t c) {
  if (c < 0x80) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '+' ||
           c == '#' || c == '&' || c == '.' || c == '_' || c == '%' || c == '-';
  }
  return c >= 0x4E00 && c <= 0x9FD5;
}
inline bool IsHan(char32_t c) { return c >= 0x4E00 && c <= 0x9FD5; }
inline bool IsAsciiAlnum(char32_t c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

// Per-thread buffers so that Cut allocates nothing in the steady state.
struct Scratch {
  std::vector<char32_t> cps;
  std::vector<size_t> offs;         // byte offset of each cps[i] in the text, plus the end
  std::vector<double> score;        // best log probability of cps[i..n)
  std::vector<size_t> next;         // end (exclusive) of the first word of that best route
  std::vector<uint8_t> no_boundary; // no_boundary[i]: a word may not start or end at i
  std::vector<std::pair<size_t, size_t>> spans, words;
  std::vector<size_t> hmm_ends;
};

class BlockCutter {
 public:
  BlockCutter(const Segmenter::Model& m, std::string_view text, Scratch& s, std::vector<std::string_view>* out)
      : m_(m), text_(text), s_(s), out_(out) {}

  // Segments s_.cps (a block) in the given mode.
  void Cut(CutMode mode) {
    size_t n = s_.cps.size();
    Route(n);
    s_.words.clear();
    bool hmm = mode != CutMode::kExactNoHmm && m_.has_hmm;
    if (hmm) EmitWithHmm(n); else EmitNoHmm(n);
    if (mode == CutMode::kSearch) {
      for (auto [a, b] : s_.words) {
        if (b - a > 2) EmitSubWords(a, b);
        Emit(a, b);
      }
    } else {
      for (auto [a, b] : s_.words) Emit(a, b);
    }
  }

 private:
  void Emit(size_t a, size_t b) { out_->push_back(text_.substr(s_.offs[a], s_.offs[b] - s_.offs[a])); }
  void Word(size_t a, size_t b) { s_.words.emplace_back(a, b); }

  // Maximum-probability route, right to left (jieba's calc): score[i] = max over dictionary words
  // cps[i..x] of logP(word) + score[x+1]; ties go to the longer word. A position that starts no
  // dictionary word is a single character of probability 1/total. Legal-rule spans are forced words.
  void Route(size_t n) {
    const char32_t* cps = s_.cps.data();
    s_.score.assign(n + 1, 0.0);
    s_.next.assign(n + 1, 0);
    s_.no_boundary.assign(n + 1, 0);
    s_.spans.clear();
    if (m_.legal_rules) FindLegalSpans(cps, n, &m_.dict, &s_.spans);
    size_t span_idx = s_.spans.size();
    for (auto [a, b] : s_.spans)
      for (size_t k = a + 1; k < b; ++k) s_.no_boundary[k] = 1;
    const uint8_t* nb = s_.no_boundary.data();
    double unknown = m_.dict.unknown_log_prob();
    for (size_t i = n; i-- > 0;) {
      if (nb[i]) continue;
      if (span_idx > 0 && s_.spans[span_idx - 1].first == i) {
        size_t e = s_.spans[--span_idx].second;
        s_.next[i] = e;
        s_.score[i] = s_.score[e];  // every route passes through a span: its own score is irrelevant
        continue;
      }
      double best = -std::numeric_limits<double>::infinity();
      size_t best_end = 0;
      m_.dict.ForEachWordAt(cps, n, i, [&](size_t x, double lp) {
        if (nb[x + 1]) return;
        double sc = lp + s_.score[x + 1];
        if (sc > best || (sc == best && x + 1 > best_end)) {
          best = sc;
          best_end = x + 1;
        }
      });
      if (best_end == 0) {
        best = unknown + s_.score[i + 1];
        best_end = i + 1;
      }
      s_.score[i] = best;
      s_.next[i] = best_end;
    }
  }

  // jieba's __cut_DAG: single characters off the route are collected; a collected run of two or more
  // that is not itself a dictionary word goes to the HMM.
  void EmitWithHmm(size_t n) {
    size_t x = 0, buf = 0;  // buf: start of the pending single-character run
    while (x < n) {
      size_t y = s_.next[x];
      if (y - x == 1) { x = y; continue; }
      FlushBuffer(buf, x);
      Word(x, y);
      x = buf = y;
    }
    FlushBuffer(buf, n);
  }

  void FlushBuffer(size_t a, size_t b) {
    if (b - a == 0) return;
    if (b - a == 1) { Word(a, b); return; }
    if (m_.dict.Contains(s_.cps.data() + a, b - a)) {
      for (size_t k = a; k < b; ++k) Word(k, k + 1);
      return;
    }
    // jieba's finalseg.cut: Han runs through the Viterbi HMM; other pieces split into
    // [a-zA-Z0-9]+(\.\d+)?%? tokens and the text between them.
    const char32_t* cps = s_.cps.data();
    size_t k = a;
    while (k < b) {
      if (IsHan(cps[k])) {
        size_t e = k;
        while (e < b && IsHan(cps[e])) ++e;
        m_.hmm.Cut(cps + k, e - k, &s_.hmm_ends);
        size_t start = k;
        for (size_t end : s_.hmm_ends) {
          // Words removed with freq 0 are split back into characters (jieba's Force_Split_Words).
          if (k + end - start > 1 && m_.dict.IsRemoved(cps + start, k + end - start)) {
            for (size_t c = start; c < k + end; ++c) Word(c, c + 1);
          } else {
            Word(start, k + end);
          }
          start = k + end;
        }
        k = e;
      } else if (IsAsciiAlnum(cps[k])) {
        size_t e = k;
        while (e < b && IsAsciiAlnum(cps[e])) ++e;
        if (e + 1 < b && cps[e] == '.' && cps[e + 1] >= '0' && cps[e + 1] <= '9') {
          e += 1;
          while (e < b && cps[e] >= '0' && cps[e] <= '9') ++e;
        }
        if (e < b && cps[e] == '%') ++e;
        Word(k, e);
        k = e;
      } else {
        size_t e = k;
        while (e < b && !IsHan(cps[e]) && !IsAsciiAlnum(cps[e])) ++e;
        Word(k, e);
        k = e;
      }
    }
  }

  // jieba's __cut_DAG_NO_HMM: route words, with consecutive single ASCII letters/digits joined.
  void EmitNoHmm(size_t n) {
    const char32_t* cps = s_.cps.data();
    size_t x = 0, buf = 0;
    bool in_buf = false;
    while (x < n) {
      size_t y = s_.next[x];
      if (y - x == 1 && IsAsciiAlnum(cps[x])) {
        if (!in_buf) { buf = x; in_buf = true; }
        x = y;
        continue;
      }
      if (in_buf) { Word(buf, x); in_buf = false; }
      Word(x, y);
      x = y;
    }
    if (in_buf) Word(buf, n);
  }

  // Search mode: every dictionary word of 2 or more characters strictly inside cps[a..b), by start then
  // length (jieba's cut_for_search emits only the 2- and 3-character ones).
  void EmitSubWords(size_t a, size_t b) {
    for (size_t i = a; i + 1 < b; ++i) {
      m_.dict.ForEachWordAt(s_.cps.data(), b, i, [&](size_t x, double) {
        size_t len = x + 1 - i;
        if (len >= 2 && len < b - a) Emit(i, x + 1);
      });
    }
  }

  const Segmenter::Model& m_;
  std::string_view text_;
  Scratch& s_;
  std::vector<std::string_view>* out_;
};

}  // namespace

SegmenterOptions SegmenterOptions::Default() {
  SegmenterOptions o;
  const char* data = std::getenv("TP_DATA_DIR");
  std::string dir = data && *data ? std::string(data) : std::string(TP_SOURCE_DIR) + "/data";
  o.user_dict_paths.push_back(dir + "/dict/legal.dict");
  return o;
}

Result<Segmenter> Segmenter::Load(const SegmenterOptions& options) {
  auto t0 = std::chrono::steady_clock::now();
  std::string dir = options.jieba_dir;
  if (dir.empty()) {
    const char* env = std::getenv("TP_JIEBA_DIR");
    dir = env && *env ? env : kDebianJiebaDir;
  }
  const std::string hint =
      " (install the Debian package python3-jieba, or point --dict / $TP_JIEBA_DIR at a jieba directory)";
  std::string main_text;
  std::string main_name = "<dict_text>";
  if (options.dict_text.empty()) {
    main_name = options.dict_path.empty() ? dir + "/dict.txt" : options.dict_path;
    auto text = ReadFile(main_name, "jieba dictionary", hint);
    if (!text.ok()) return text.status();
    main_text = std::move(*text);
  }
  std::vector<std::string> user_texts;
  for (const auto& p : options.user_dict_paths) {
    auto text = ReadFile(p, "user dictionary", "");
    if (!text.ok()) return text.status();
    user_texts.push_back(std::move(*text));
  }
  std::vector<Dictionary::Source> sources;
  sources.push_back({main_name, options.dict_text.empty() ? std::string_view(main_text)
                                                           : std::string_view(options.dict_text), 0});
  for (size_t i = 0; i < user_texts.size(); ++i)
    sources.push_back({options.user_dict_paths[i], user_texts[i], SegmenterOptions::kDefaultUserFreq});
  auto dict = Dictionary::Build(sources);
  if (!dict.ok()) return dict.status();

  auto model = std::make_shared<Model>();
  model->dict = std::move(*dict);
  model->legal_rules = options.legal_rules;
  if (options.load_hmm) {
    auto hmm = Hmm::LoadJiebaDir(dir + "/finalseg");
    if (!hmm.ok()) return Status::NotFound(hmm.status().message() + hint);
    model->hmm = std::move(*hmm);
    model->has_hmm = true;
  }
  model->stats.words = model->dict.word_count();
  model->stats.trie_nodes = model->dict.node_count();
  model->stats.hmm_chars = model->hmm.char_count();
  model->stats.load_seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  return Segmenter(std::move(model));
}

void Segmenter::Cut(std::string_view text, CutMode mode, std::vector<std::string_view>* out) const {
  thread_local Scratch scratch;
  Scratch& s = scratch;
  BlockCutter cutter(*model_, text, s, out);
  // With the legal rules, 〇 (U+3007, as in 二〇二三年) and the masks × (U+00D7) and ＊ (U+FF0A), as in
  // 潘× or 158××××615, join blocks so that the rules can see them.
  const bool legal = model_->legal_rules;
  auto IsBlock = [legal](char32_t c) {
    return IsBlockChar(c) || (legal && (c == 0x3007 || c == 0xD7 || c == 0xFF0A));
  };
  size_t i = 0;
  while (i < text.size()) {
    size_t len;
    char32_t c = DecodeUtf8At(text, i, &len);
    if (!IsBlock(c)) {
      if (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n') len = 2;
      out->push_back(text.substr(i, len));
      i += len;
      continue;
    }
    s.cps.clear();
    s.offs.clear();
    while (true) {
      s.cps.push_back(c);
      s.offs.push_back(i);
      i += len;
      if (i >= text.size()) break;
      c = DecodeUtf8At(text, i, &len);
      if (!IsBlock(c)) break;
    }
    s.offs.push_back(i);
    cutter.Cut(mode);
  }
}

std::vector<std::string_view> Segmenter::Cut(std::string_view text, CutMode mode) const {
  std::vector<std::string_view> out;
  Cut(text, mode, &out);
  return out;
}

bool Segmenter::Contains(std::string_view word) const {
  std::vector<char32_t> cps;
  std::vector<size_t> offs;
  DecodeUtf8(word, &cps, &offs);
  return model_->dict.Contains(cps.data(), cps.size());
}

const SegmenterStats& Segmenter::stats() const { return model_->stats; }

Result<CutMode> ParseCutMode(std::string_view name) {
  if (name == "exact") return CutMode::kExact;
  if (name == "search") return CutMode::kSearch;
  if (name == "nohmm") return CutMode::kExactNoHmm;
  return Status::InvalidArgument("unknown segment mode '" + std::string(name) +
                                 "' (expected exact, search or nohmm)");
}

}  // namespace tianping::text
