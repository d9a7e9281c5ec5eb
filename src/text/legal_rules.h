// Rules for tokens of judgment text that no dictionary lists and the HMM gets wrong: anonymised party
// names (李某, 王某某, 李某1, 张某甲, 张x1, 曹0), article/number references (第六百七十五条, 第1929号) and
// numeric dates and times (2023年, 5月, 10日, 22时, 二〇二三年). The segmenter forces each span found to be one word.
// Exact patterns and their limits: docs/segmenter.md, "Legal rules".
// Thread-safety: pure function.
#pragma once

#include <cstddef>
#include <utility>
#include <vector>

namespace tianping::text {

class Dictionary;

// Appends to *spans the non-overlapping [begin, end) spans of cps[0..n) that must be single words,
// in increasing order. Spans are at least 2 characters long. `dict` (may be null) vetoes taking a
// given-name character after 某 when it begins a dictionary word (王某明知 → 王某 / 明知).
void FindLegalSpans(const char32_t* cps, size_t n, const Dictionary* dict,
                    std::vector<std::pair<size_t, size_t>>* spans);

}  // namespace tianping::text
