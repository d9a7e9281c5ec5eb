#include "legal_rules.h"

#include <gtest/gtest.h>

#include <string>

#include "dictionary.h"

namespace tianping::text {
namespace {

// Returns the spans of s as UTF-32 substrings joined by "|".
std::u32string Spans(const std::u32string& s, const Dictionary* dict = nullptr) {
  std::vector<std::pair<size_t, size_t>> spans;
  FindLegalSpans(s.data(), s.size(), dict, &spans);
  std::u32string out;
  for (auto [a, b] : spans) {
    if (!out.empty()) out += U'|';
    out += s.substr(a, b - a);
  }
  return out;
}

TEST(LegalRulesTest, AnonymisedNames) {
  EXPECT_EQ(Spans(U"原告李某1与被告张x1"), U"李某1|张x1");
  EXPECT_EQ(Spans(U"被告人王某某犯盗窃罪"), U"王某某");
  EXPECT_EQ(Spans(U"证人张某甲、欧阳某到庭"), U"张某甲|欧阳某");
  EXPECT_EQ(Spans(U"原告曹0与被告李XX"), U"曹0|李XX");
  EXPECT_EQ(Spans(U"被告人李2某与董某某"), U"李2某|董某某");
  EXPECT_EQ(Spans(U"上诉人潘×及其辩护人、周××"), U"潘×|周××");
  EXPECT_EQ(Spans(U"银川市××区"), U"");  // 市 is not a surname
}

TEST(LegalRulesTest, GivenNameCharacterAfterMou) {
  EXPECT_EQ(Spans(U"被告人刘某江、吉某华到案"), U"刘某江|吉某华");
  EXPECT_EQ(Spans(U"王某在家"), U"王某");  // 在 is not a given-name character
  auto d = Dictionary::Build({{"t", "明知 100\n", 0}});
  ASSERT_TRUE(d.ok());
  EXPECT_EQ(Spans(U"王某明知", &*d), U"王某");  // 明 begins the word 明知
  EXPECT_EQ(Spans(U"王某明知"), U"王某明");     // without a dictionary the rule cannot tell
}

TEST(LegalRulesTest, NamesDoNotSwallowQuantitiesOrWords) {
  EXPECT_EQ(Spans(U"本院于某日"), U"");            // 于 is not taken as a surname
  EXPECT_EQ(Spans(U"借款余5000元"), U"");          // 余 + digits is an amount
  EXPECT_EQ(Spans(U"张3000元"), U"");              // digits + unit: a quantity
  EXPECT_EQ(Spans(U"王x1abc"), U"");               // part of a Latin token
  EXPECT_EQ(Spans(U"给原告一张404，"), U"");        // 一张: 张 is a measure word here
}

TEST(LegalRulesTest, OrdinalsAndDates) {
  EXPECT_EQ(Spans(U"第六百七十五条"), U"第六百七十五条");
  EXPECT_EQ(Spans(U"第二十四条第一款"), U"第二十四条|第一款");
  EXPECT_EQ(Spans(U"第三人"), U"");  // 第三人 (third party) is a dictionary word, not an ordinal
  EXPECT_EQ(Spans(U"2023年5月10日"), U"2023年|5月|10日");
  EXPECT_EQ(Spans(U"二〇二三年五月十日"), U"二〇二三年");
  EXPECT_EQ(Spans(U"一二三年"), U"");
  EXPECT_EQ(Spans(U"12345年"), U"");   // too long for a year
  EXPECT_EQ(Spans(U"1.5年"), U"");     // a duration with a decimal is left to the dictionary
}

}  // namespace
}  // namespace tianping::text
