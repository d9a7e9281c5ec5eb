#include "gen/chinese_numerals.h"

#include <gtest/gtest.h>

namespace tianping::gen {
namespace {

TEST(ChineseNumerals, Integers) {
  EXPECT_EQ(ChineseInt(0), "零");
  EXPECT_EQ(ChineseInt(7), "七");
  EXPECT_EQ(ChineseInt(10), "十");
  EXPECT_EQ(ChineseInt(15), "十五");
  EXPECT_EQ(ChineseInt(20), "二十");
  EXPECT_EQ(ChineseInt(31), "三十一");
  EXPECT_EQ(ChineseInt(110), "一百一十");
  EXPECT_EQ(ChineseInt(105), "一百零五");
  EXPECT_EQ(ChineseInt(1005), "一千零五");
  EXPECT_EQ(ChineseInt(1010), "一千零一十");
  EXPECT_EQ(ChineseInt(10000), "一万");
  EXPECT_EQ(ChineseInt(10005), "一万零五");
  EXPECT_EQ(ChineseInt(100000), "十万");
  EXPECT_EQ(ChineseInt(120000), "十二万");
  EXPECT_EQ(ChineseInt(1010000), "一百零一万");
  EXPECT_EQ(ChineseInt(100001000), "一亿零一千");
  EXPECT_EQ(ChineseInt(12345), "一万二千三百四十五");
  EXPECT_EQ(ChineseInt(125000), "十二万五千");
  EXPECT_EQ(ChineseInt(105000), "十万零五千");
  EXPECT_EQ(ChineseInt(1005000), "一百万零五千");
}

TEST(ChineseNumerals, Articles) {
  EXPECT_EQ(ArticleNumber(675), "第六百七十五条");
  EXPECT_EQ(ArticleNumber(264), "第二百六十四条");
  EXPECT_EQ(ArticleNumber(1079), "第一千零七十九条");
  EXPECT_EQ(ArticleNumber(1208), "第一千二百零八条");
  EXPECT_EQ(ArticleNumber(10), "第十条");
  EXPECT_EQ(ArticleNumber(119), "第一百一十九条");
  EXPECT_EQ(ArticleNumber(206), "第二百零六条");
}

TEST(ChineseNumerals, Dates) {
  EXPECT_EQ(ChineseDate(Date::FromYmd(2023, 5, 10)), "二〇二三年五月十日");
  EXPECT_EQ(ChineseDate(Date::FromYmd(2020, 12, 31)), "二〇二〇年十二月三十一日");
  EXPECT_EQ(ChineseDate(Date::FromYmd(2019, 1, 1)), "二〇一九年一月一日");
  EXPECT_EQ(ChineseDate(Date::FromYmd(2024, 11, 21)), "二〇二四年十一月二十一日");
  EXPECT_EQ(ArabicDate(Date::FromYmd(2023, 3, 1)), "2023年3月1日");
}

TEST(ChineseNumerals, CapitalAmounts) {
  EXPECT_EQ(CapitalAmount(1200000), "壹万贰仟元整");
  EXPECT_EQ(CapitalAmount(1000), "壹拾元整");
  EXPECT_EQ(CapitalAmount(10050), "壹佰元伍角");
  EXPECT_EQ(CapitalAmount(10005), "壹佰元零伍分");
  EXPECT_EQ(CapitalAmount(10000000), "壹拾万元整");
  EXPECT_EQ(CapitalAmount(100500000), "壹佰万零伍仟元整");
  EXPECT_EQ(CapitalAmount(8000000), "捌万元整");
  EXPECT_EQ(CapitalAmount(80000000), "捌拾万元整");
  EXPECT_EQ(CapitalAmount(123456789), "壹佰贰拾叁万肆仟伍佰陆拾柒元捌角玖分");
  EXPECT_EQ(CapitalAmount(50), "伍角");
}

TEST(ChineseNumerals, YuanFigures) {
  EXPECT_EQ(YuanFigures(1200000), "12000");
  EXPECT_EQ(YuanFigures(1200050), "12000.5");
  EXPECT_EQ(YuanFigures(1200005), "12000.05");
  EXPECT_EQ(YuanFigures(0), "0");
}

}  // namespace
}  // namespace tianping::gen
