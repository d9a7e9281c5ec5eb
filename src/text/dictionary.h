// The segmenter's word dictionary: a prefix trie keyed by Unicode code points, with the log probability
// log(freq / total) of every word. Built once from jieba-format text ("word freq [tag]" per line).
//
// Layout (docs/segmenter.md): nodes in breadth-first order; the children of a node are contiguous and
// sorted by code point, so a lookup is one direct-table read for the first character (BMP) and a short
// scan / binary search per further character.
// Thread-safety: immutable after Build(); all const methods are thread-safe.
#pragma once

#include <cmath>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "tianping/common/status.h"

namespace tianping::text {

class Dictionary {
 public:
  // One dictionary text. Lines: "word freq [tag]" or "word [tag]" (then default_freq); blank lines and
  // lines starting with '#' are skipped. freq 0 removes a word: it stays a prefix only, and the HMM
  // output is split into characters where it would form it (jieba's del_word).
  struct Source {
    std::string name;  // for error messages ("legal.dict:12: ...")
    std::string_view text;
    long default_freq = 0;  // 0: a line without a frequency is a parse error
  };

  // Later sources override the frequency of words from earlier ones; total = sum of all frequencies read.
  static Result<Dictionary> Build(const std::vector<Source>& sources);

  static constexpr double kNotWord = 1.0;  // log probabilities are <= 0
  static constexpr double kRemoved = 2.0;  // listed with freq 0: not a word, and split if the HMM forms it

  // Calls f(end, log_prob) for every dictionary word cps[start..end] (end inclusive, end < n), in
  // increasing end order. REQUIRES: start < n.
  template <typename F>
  void ForEachWordAt(const char32_t* cps, size_t n, size_t start, F&& f) const {
    uint32_t node = RootChild(cps[start]);
    size_t k = start;
    while (node != 0) {
      double lp = nodes_[node].log_prob;
      if (lp <= 0) f(k, lp);
      if (++k == n) break;
      node = Child(node, cps[k]);
    }
  }

  // log(freq/total) of the word cps[0..n), or kNotWord / kRemoved.
  double LogProb(const char32_t* cps, size_t n) const;
  bool Contains(const char32_t* cps, size_t n) const { return LogProb(cps, n) <= 0; }
  // True if cps[0..n) was listed with frequency 0 (jieba's del_word / force-split words).
  bool IsRemoved(const char32_t* cps, size_t n) const { return LogProb(cps, n) == kRemoved; }
  // The log probability of a frequency-1 word: used for characters not in the dictionary.
  double unknown_log_prob() const { return -log_total_; }
  size_t word_count() const { return word_count_; }
  size_t node_count() const { return nodes_.size(); }

 private:
  // 24 bytes; the label lives in the node so that scanning a node's children also loads the child found.
  struct Node {
    char32_t label = 0;  // the code point on the edge into this node
    uint32_t first_child = 0;
    uint32_t child_count = 0;
    double log_prob = kNotWord;
  };

  uint32_t RootChild(char32_t c) const {
    if (c < kDirect) return root_direct_[c];
    return Child(0, c);
  }
  // The child of `node` labelled c, or 0 (the root is never a child).
  uint32_t Child(uint32_t node, char32_t c) const {
    const Node& n = nodes_[node];
    const Node* kids = nodes_.data() + n.first_child;
    uint32_t count = n.child_count;
    if (count <= 8) {
      for (uint32_t i = 0; i < count; ++i)
        if (kids[i].label == c) return n.first_child + i;
      return 0;
    }
    uint32_t lo = 0, hi = count;
    while (lo < hi) {
      uint32_t mid = (lo + hi) / 2;
      if (kids[mid].label < c) lo = mid + 1; else hi = mid;
    }
    return lo < count && kids[lo].label == c ? n.first_child + lo : 0;
  }

  static constexpr char32_t kDirect = 0x10000;
  std::vector<Node> nodes_;         // nodes_[0] is the root
  std::vector<uint32_t> root_direct_;  // BMP code point -> root child, 0 if none
  double log_total_ = 0;
  size_t word_count_ = 0;
};

}  // namespace tianping::text
