// Chinese numerals in court text: integers (article numbers 第六百七十五条, 大写 壹拾贰万), dates
// (二〇二三年五月十日 with 〇 ○ O 零 for zero, or 2023年5月10日) and money (壹拾贰万叁仟肆佰伍拾陆元柒角捌分,
// 1.5万元, 人民币50,000元, 五万元). Money is in fen (分). See docs/judgment-parser.md.
// Thread-safety: pure functions.
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>

#include "tianping/common/date.h"
#include "tianping/model/case.h"

namespace tianping::text {

// Value of a numeral string made only of numeral characters: 十五 → 15, 一百零五 → 105, 二〇二三 → 2023
// (digit by digit when there are no unit characters), 壹拾贰万叁仟 → 123000, 两千 → 2000, "123" → 123,
// mixed "3万" → 30000. nullopt for empty input, any other character, or overflow past 10^15.
std::optional<int64_t> ParseChineseInteger(std::string_view s);

// True when the code point is a numeral character (Chinese digit, unit, 大写, zero form, ASCII or
// full-width digit) that ParseChineseInteger accepts.
bool IsNumeralCp(char32_t c);

// A date at the start of `s`: YEAR年MONTH月DAY日 (日 or 号), each part in Chinese or Arabic digits; the
// year is four digits (二〇二三, 二○二三, 二O二三, 2023). *consumed gets the byte length matched.
// nullopt when there is no well-formed, valid calendar date at the start.
std::optional<Date> ParseDateAt(std::string_view s, size_t* consumed = nullptr);

// Money at the start of `s` ("人民币" optional, then a number, an optional 万/亿 multiplier, then 元/圆,
// optionally 角 and 分, optionally 整). 50,000 and 50，000 separators are accepted in Arabic numbers.
// *consumed gets the byte length matched. nullopt when no amount starts at s[0].
std::optional<Fen> ParseAmountAt(std::string_view s, size_t* consumed = nullptr);

}  // namespace tianping::text
