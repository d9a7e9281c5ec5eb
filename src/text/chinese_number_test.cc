#include "text/chinese_number.h"

#include <gtest/gtest.h>

namespace tianping::text {
namespace {

TEST(ChineseNumber, Integers) {
  EXPECT_EQ(ParseChineseInteger("十五"), 15);
  EXPECT_EQ(ParseChineseInteger("二十"), 20);
  EXPECT_EQ(ParseChineseInteger("一百零五"), 105);
  EXPECT_EQ(ParseChineseInteger("六百七十五"), 675);
  EXPECT_EQ(ParseChineseInteger("二百六十四"), 264);
  EXPECT_EQ(ParseChineseInteger("一千二百六十"), 1260);
  EXPECT_EQ(ParseChineseInteger("两千"), 2000);
  EXPECT_EQ(ParseChineseInteger("壹拾贰万叁仟肆佰伍拾陆"), 123456);
  EXPECT_EQ(ParseChineseInteger("三亿零五万"), 300050000);
  EXPECT_EQ(ParseChineseInteger("二〇二三"), 2023);
  EXPECT_EQ(ParseChineseInteger("二○二三"), 2023);
  EXPECT_EQ(ParseChineseInteger("二O二三"), 2023);
  EXPECT_EQ(ParseChineseInteger("3万"), 30000);
  EXPECT_EQ(ParseChineseInteger("123"), 123);
  EXPECT_FALSE(ParseChineseInteger(""));
  EXPECT_FALSE(ParseChineseInteger("十五条"));
}

TEST(ChineseNumber, Dates) {
  size_t used = 0;
  auto d = ParseDateAt("二〇二三年五月十日作出", &used);
  ASSERT_TRUE(d);
  EXPECT_EQ(d->ToString(), "2023-05-10");
  EXPECT_EQ(used, std::string_view("二〇二三年五月十日").size());
  EXPECT_EQ(ParseDateAt("二○一九年十二月三十一日")->ToString(), "2019-12-31");
  EXPECT_EQ(ParseDateAt("二O二O年二月二十九日")->ToString(), "2020-02-29");
  EXPECT_EQ(ParseDateAt("2021年8月3日立案")->ToString(), "2021-08-03");
  EXPECT_FALSE(ParseDateAt("二〇二三年二月三十日"));   // no such day
  EXPECT_FALSE(ParseDateAt("二〇二三年五月"));         // no day
  EXPECT_FALSE(ParseDateAt("同年五月十日"));
}

TEST(ChineseNumber, Amounts) {
  size_t used = 0;
  EXPECT_EQ(ParseAmountAt("壹拾贰万叁仟肆佰伍拾陆元柒角捌分", &used), 12345678);
  EXPECT_EQ(used, std::string_view("壹拾贰万叁仟肆佰伍拾陆元柒角捌分").size());
  EXPECT_EQ(ParseAmountAt("1.5万元"), 1500000);
  EXPECT_EQ(ParseAmountAt("人民币50,000元"), 5000000);
  EXPECT_EQ(ParseAmountAt("五万元"), 5000000);
  EXPECT_EQ(ParseAmountAt("262.5元"), 26250);
  EXPECT_EQ(ParseAmountAt("732.05元"), 73205);
  EXPECT_EQ(ParseAmountAt("人民币贰拾万元整"), 20000000);
  EXPECT_EQ(ParseAmountAt("壹佰元零伍分"), 10005);
  EXPECT_FALSE(ParseAmountAt("五万"));      // no 元
  EXPECT_FALSE(ParseAmountAt("元"));
}

}  // namespace
}  // namespace tianping::text
