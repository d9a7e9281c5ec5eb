// Wrong, missing and extra characters and homophones (docs/doc-check.md "Typos"): the confusion list
// data/check/confusions.tsv with context conditions, and doubled characters inside the fixed phrases of
// data/check/phrases.txt.
#include <string_view>

#include "text/checks/checks.h"

namespace tianping::text::checks {
namespace {

bool CharIn(std::string_view ch, std::string_view set) {
  if (ch.empty() || set.empty()) return false;
  if (set.find('#') != std::string_view::npos && ch.size() == 1 && IsAsciiDigit(ch[0])) return true;
  for (size_t i = 0; i < set.size();) {
    size_t n = CharLen(set, i);
    if (set.substr(i, n) == ch) return true;
    i += n;
  }
  return false;
}

// True when an occurrence of `correct` covers [p, p + len): the match is part of the correct phrase.
bool Covered(std::string_view t, std::string_view correct, size_t p, size_t len) {
  if (correct.empty() || correct.size() < len) return false;
  size_t from = p + len >= correct.size() ? p + len - correct.size() : 0;
  for (size_t q = t.find(correct, from); q != std::string_view::npos && q <= p; q = t.find(correct, q + 1))
    if (q + correct.size() >= p + len) return true;
  return false;
}

std::string_view Label(std::string_view kind) {
  if (kind == "wrong_character") return "错别字";
  if (kind == "missing_character") return "漏字";
  if (kind == "extra_character") return "多字";
  return "同音或形近字误用";
}

}  // namespace

void CheckTypos(const CheckContext& c, Findings* f) {
  std::string_view t = c.text;
  for (size_t p = 0; p < t.size();) {
    size_t n = CharLen(t, p);
    auto it = c.confusion_index->find(t.substr(p, n));
    if (it != c.confusion_index->end()) {
      for (size_t idx : it->second) {
        const Confusion& x = (*c.confusions)[idx];
        if (t.compare(p, x.wrong.size(), x.wrong) != 0) continue;
        std::string_view before = CharBefore(t, p), after = CharAfter(t, p + x.wrong.size());
        if (CharIn(before, x.not_before) || CharIn(after, x.not_after)) continue;
        if (!x.only_after.empty() && !CharIn(after, x.only_after)) continue;
        if (Covered(t, x.correct, p, x.wrong.size())) continue;
        f->Add(x.kind, p, p + x.wrong.size(),
               std::string(Label(x.kind)) + "：“" + x.wrong + "”应为“" + x.correct + "”", "改为“" + x.correct + "”");
      }
    }
    p += n;
  }
  // Doubled characters inside fixed phrases: 予以以支持, 判决决如下.
  for (size_t d = c.body_start; d < t.size();) {
    size_t n = CharLen(t, d);
    if (n < 3 || d < n || t.compare(d - n, n, t.substr(d, n)) != 0) { d += n; continue; }
    std::string_view ch = t.substr(d, n);
    for (const std::string& ph : *c.phrases) {
      // Not the first character: 本案 + 案件受理费 is two words, not a doubled 案.
      for (size_t i = ph.find(ch, 1); i != std::string::npos; i = ph.find(ch, i + n)) {
        std::string_view prefix = std::string_view(ph).substr(0, i + n), suffix = std::string_view(ph).substr(i + n);
        if (d < prefix.size() || t.compare(d - prefix.size(), prefix.size(), prefix) != 0) continue;
        if (t.compare(d + n, suffix.size(), suffix) != 0) continue;
        std::string wrong(t.substr(d - prefix.size(), prefix.size() + n + suffix.size()));
        f->Add("extra_character", d - prefix.size(), d + n + suffix.size(),
               "多字：“" + wrong + "”多了一个“" + std::string(ch) + "”", "改为“" + ph + "”");
        goto next;
      }
    }
  next:
    d += n;
  }
}

}  // namespace tianping::text::checks
