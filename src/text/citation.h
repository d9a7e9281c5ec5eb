// Statute citations in judgment text: 《中华人民共和国民法典》第六百七十五条, chains (第一百零八条、第一百零九条),
// 之一 / 第…款 / 第…项, short names declared with 以下简称 and common short names (刑法第二百六十四条).
// Thread-safety: pure function.
#pragma once

#include <string_view>
#include <vector>

#include "tianping/text/judgment.h"

namespace tianping::text {

// Every citation in `text`, in order of position. Spans are byte offsets into `text`.
std::vector<Citation> ExtractCitations(std::string_view text);

// Full statute name for a short name (刑法 → 中华人民共和国刑法); the input itself when unknown.
std::string_view ResolveLawShortName(std::string_view name);

}  // namespace tianping::text
