// Internal extractors behind ExtractFacts (include/tianping/text/extract.h), one per kind of fact.
// Thread-safety: pure functions.
#pragma once

#include <string_view>
#include <vector>

#include "tianping/text/extract.h"

namespace tianping::text {

// Every amount in text (元 / 圆 with a number before it); context and section filled from `j`.
std::vector<AmountMention> ExtractAmounts(std::string_view text, const ParsedJudgment& j);
std::vector<DateMention> ExtractDates(std::string_view text, const ParsedJudgment& j);
std::vector<RateMention> ExtractRates(std::string_view text);
std::vector<std::string> ExtractDeliveryMethods(std::string_view text);

}  // namespace tianping::text
