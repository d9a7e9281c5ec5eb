#include "dictionary.h"

#include <algorithm>
#include <charconv>
#include <deque>

#include "utf8_decode.h"

namespace tianping::text {
namespace {

struct Entry {
  std::string_view word;  // UTF-8, points into a Source text
  double freq;
  uint32_t order;         // input order, so a later entry wins
};

bool IsSpace(char c) { return c == ' ' || c == '\t' || c == '\r'; }

bool IsTag(std::string_view t) {
  if (t.empty()) return false;
  for (char c : t)
    if (!(c >= 'a' && c <= 'z')) return false;
  return true;
}

bool ParseFreq(std::string_view t, double* freq) {
  if (t.empty()) return false;
  long v = 0;
  auto [p, ec] = std::from_chars(t.data(), t.data() + t.size(), v);
  if (ec != std::errc() || p != t.data() + t.size() || v < 0) return false;
  *freq = static_cast<double>(v);
  return true;
}

bool ValidUtf8(std::string_view s) {
  for (size_t i = 0; i < s.size();) {
    size_t len;
    if (DecodeUtf8At(s, i, &len) == kInvalidCodePoint) return false;
    i += len;
  }
  return true;
}

// Parses one line into *e. Returns false with *error set on a malformed line.
bool ParseLine(std::string_view line, long default_freq, Entry* e, std::string* error) {
  // Split on spaces/tabs; the last token may be a tag, the one before (or the last) a frequency;
  // the rest is the word (jieba's user-dictionary rule, which allows spaces inside a word).
  std::vector<std::string_view> tok;
  size_t i = 0;
  while (i < line.size()) {
    while (i < line.size() && IsSpace(line[i])) ++i;
    size_t j = i;
    while (j < line.size() && !IsSpace(line[j])) ++j;
    if (j > i) tok.push_back(line.substr(i, j - i));
    i = j;
  }
  if (tok.empty()) { *error = "empty entry"; return false; }
  size_t n = tok.size();
  if (n >= 2 && IsTag(tok[n - 1])) --n;
  bool has_freq = n >= 2 && ParseFreq(tok[n - 1], &e->freq);
  if (has_freq) --n;
  if (!has_freq) {
    if (default_freq <= 0) { *error = "missing frequency (expected \"word freq [tag]\")"; return false; }
    e->freq = static_cast<double>(default_freq);
  }
  const char* begin = tok[0].data();
  const char* end = tok[n - 1].data() + tok[n - 1].size();
  e->word = std::string_view(begin, end - begin);
  if (!ValidUtf8(e->word)) { *error = "invalid UTF-8 in word"; return false; }
  return true;
}

}  // namespace

Result<Dictionary> Dictionary::Build(const std::vector<Source>& sources) {
  std::vector<Entry> entries;
  double total = 0;
  uint32_t order = 0;
  for (const Source& src : sources) {
    std::string_view text = src.text;
    size_t pos = 0;
    int lineno = 0;
    while (pos < text.size()) {
      size_t nl = text.find('\n', pos);
      if (nl == std::string_view::npos) nl = text.size();
      std::string_view line = text.substr(pos, nl - pos);
      pos = nl + 1;
      ++lineno;
      while (!line.empty() && IsSpace(line.back())) line.remove_suffix(1);
      size_t first = 0;
      while (first < line.size() && IsSpace(line[first])) ++first;
      line.remove_prefix(first);
      if (line.empty() || line[0] == '#') continue;
      Entry e;
      std::string error;
      if (!ParseLine(line, src.default_freq, &e, &error))
        return Status::ParseError(src.name + ":" + std::to_string(lineno) + ": " + error);
      e.order = order++;
      total += e.freq;
      entries.push_back(e);
    }
  }
  if (total <= 0) return Status::InvalidArgument("dictionary has no word with a positive frequency");

  // UTF-8 byte order is code-point order, so sorting the bytes sorts the code-point sequences.
  std::sort(entries.begin(), entries.end(), [](const Entry& a, const Entry& b) {
    int c = a.word.compare(b.word);
    return c != 0 ? c < 0 : a.order < b.order;
  });
  size_t w = 0;
  for (size_t r = 0; r < entries.size(); ++r) {
    if (w > 0 && entries[w - 1].word == entries[r].word) entries[w - 1] = entries[r];
    else entries[w++] = entries[r];
  }
  entries.resize(w);

  Dictionary d;
  d.log_total_ = std::log(total);
  d.nodes_.reserve(entries.size() * 2);
  d.nodes_.emplace_back();
  // Breadth-first: each queue item is a node and the range of sorted entries that share its prefix
  // (byte_depth bytes long). The shortest entry of a range, if it equals the prefix, is the node's word.
  struct Item { uint32_t node; size_t lo, hi, byte_depth; };
  std::deque<Item> queue;
  queue.push_back({0, 0, entries.size(), 0});
  while (!queue.empty()) {
    Item it = queue.front();
    queue.pop_front();
    size_t lo = it.lo;
    if (lo < it.hi && entries[lo].word.size() == it.byte_depth) {
      if (it.node != 0 && entries[lo].freq > 0) {
        d.nodes_[it.node].log_prob = std::log(entries[lo].freq) - d.log_total_;
        ++d.word_count_;
      } else if (it.node != 0) {
        d.nodes_[it.node].log_prob = kRemoved;
      }
      ++lo;
    }
    uint32_t first = static_cast<uint32_t>(d.nodes_.size());
    d.nodes_[it.node].first_child = first;
    size_t r = lo;
    while (r < it.hi) {
      size_t len;
      char32_t c = DecodeUtf8At(entries[r].word, it.byte_depth, &len);
      size_t s = r + 1;
      while (s < it.hi) {
        size_t len2;
        if (DecodeUtf8At(entries[s].word, it.byte_depth, &len2) != c) break;
        ++s;
      }
      uint32_t child = static_cast<uint32_t>(d.nodes_.size());
      d.nodes_.emplace_back();
      d.nodes_.back().label = c;
      queue.push_back({child, r, s, it.byte_depth + len});
      r = s;
    }
    d.nodes_[it.node].child_count = static_cast<uint32_t>(d.nodes_.size() - first);
  }
  d.root_direct_.assign(kDirect, 0);
  const Node& root = d.nodes_[0];
  for (uint32_t i = root.first_child; i < root.first_child + root.child_count; ++i)
    if (d.nodes_[i].label < kDirect) d.root_direct_[d.nodes_[i].label] = i;
  return d;
}

double Dictionary::LogProb(const char32_t* cps, size_t n) const {
  if (n == 0) return kNotWord;
  uint32_t node = RootChild(cps[0]);
  for (size_t k = 1; k < n && node != 0; ++k) node = Child(node, cps[k]);
  return node == 0 ? kNotWord : nodes_[node].log_prob;
}

}  // namespace tianping::text
