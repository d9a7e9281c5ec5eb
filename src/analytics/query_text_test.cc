#include "tianping/analytics/query_text.h"

#include <gtest/gtest.h>

namespace tianping::analytics {
namespace {

TEST(QueryTextTest, ParseMonth) {
  EXPECT_EQ(ParseMonth("2024-02", false)->ToString(), "2024-02-01");
  EXPECT_EQ(ParseMonth("2024-02", true)->ToString(), "2024-02-29");
  EXPECT_EQ(ParseMonth("2023-12", true)->ToString(), "2023-12-31");
  EXPECT_FALSE(ParseMonth("2024-13", false).ok());
  EXPECT_FALSE(ParseMonth("2024-1x", false).ok());
  EXPECT_FALSE(ParseMonth("", false).ok());
}

TEST(QueryTextTest, DrillAddsConditionAndNextLevel) {
  IndicatorQuery q;
  q.by = {"year"};
  ASSERT_TRUE(ApplyDrill("province=广东省", &q).ok());
  EXPECT_EQ(q.where, "province = '广东省'");
  EXPECT_EQ(q.by, (std::vector<std::string>{"region", "year"}));

  IndicatorQuery c;
  c.where = "category = '民事'";
  ASSERT_TRUE(ApplyDrill("court=北京市朝阳区人民法院", &c).ok());
  EXPECT_EQ(c.where, "(category = '民事') and court_name = '北京市朝阳区人民法院'");
  EXPECT_EQ(c.by, (std::vector<std::string>{"judge"}));

  IndicatorQuery r;
  ASSERT_TRUE(ApplyDrill("region=x'y", &r).ok());
  EXPECT_EQ(r.where, "region = \"x'y\"");
  EXPECT_EQ(r.by.front(), "court");

  EXPECT_FALSE(ApplyDrill("judge=张三", &r).ok());
  EXPECT_FALSE(ApplyDrill("nowhere", &r).ok());
  EXPECT_FALSE(ApplyDrill("court=a'b\"c", &r).ok());
}

TEST(QueryTextTest, NextLevelAndSplit) {
  EXPECT_EQ(NextDrillLevel("province"), "region");
  EXPECT_EQ(NextDrillLevel("court"), "judge");
  EXPECT_EQ(NextDrillLevel("judge"), "");
  EXPECT_EQ(NextDrillLevel("year"), "");
  EXPECT_EQ(SplitList("a,,b,"), (std::vector<std::string>{"a", "b"}));
}

}  // namespace
}  // namespace tianping::analytics
