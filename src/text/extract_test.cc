#include "text/extract.h"

#include <gtest/gtest.h>

namespace tianping::text {
namespace {

TEST(Extract, AmountsWithContext) {
  std::string t = "判令被告偿还借款本金200000元及利息3.5万元，共计人民币贰拾叁万伍仟元整；受理费4,750元";
  ParsedJudgment j;
  auto a = ExtractAmounts(t, j);
  ASSERT_EQ(a.size(), 4u);
  EXPECT_EQ(a[0].fen, 20000000);
  EXPECT_EQ(a[0].context, "本金");
  EXPECT_EQ(a[1].fen, 3500000);
  EXPECT_EQ(a[1].context, "利息");
  EXPECT_EQ(a[2].fen, 23500000);
  EXPECT_EQ(a[2].context, "合计");
  EXPECT_EQ(a[3].fen, 475000);
  EXPECT_EQ(a[3].context, "受理费");
}

TEST(Extract, Rates) {
  auto r = ExtractRates("约定年利率24%，后改为月息2分，逾期按年利率百分之十五点四，日利率万分之五，不超过LPR四倍");
  ASSERT_EQ(r.size(), 5u);
  EXPECT_EQ(r[0].kind, "年利率");
  EXPECT_DOUBLE_EQ(r[0].value, 24);
  EXPECT_EQ(r[1].kind, "月利率");
  EXPECT_DOUBLE_EQ(r[1].value, 2);
  EXPECT_DOUBLE_EQ(r[1].annual_percent, 24);
  EXPECT_NEAR(r[2].value, 15.4, 1e-9);
  EXPECT_EQ(r[3].kind, "日利率");
  EXPECT_NEAR(r[3].value, 0.05, 1e-12);
  EXPECT_EQ(r[4].kind, "LPR倍数");
  EXPECT_DOUBLE_EQ(r[4].value, 4);
}

TEST(Extract, PerMilleRate) {
  auto r = ExtractRates("承诺按月利率20‰支付利息");
  ASSERT_EQ(r.size(), 1u);
  EXPECT_DOUBLE_EQ(r[0].value, 2);
  EXPECT_DOUBLE_EQ(r[0].annual_percent, 24);
}

TEST(Extract, DeliveryMethods) {
  auto m = ExtractDeliveryMethods("原告通过支付宝转账10000元，另以现金交付5000元，后经银行转账");
  ASSERT_EQ(m.size(), 3u);
  EXPECT_EQ(m[0], "支付宝");
  EXPECT_EQ(m[1], "现金");
  EXPECT_EQ(m[2], "转账");
}

TEST(Extract, DatesWithRoles) {
  std::string t = "2021年6月1日，被告向原告借款。本院于2023年5月10日立案。";
  ParsedJudgment j;
  auto d = ExtractDates(t, j);
  ASSERT_EQ(d.size(), 2u);
  EXPECT_EQ(d[0].role, "借款日");
  EXPECT_EQ(d[1].role, "立案");
  EXPECT_EQ(d[1].date.ToString(), "2023-05-10");
}

}  // namespace
}  // namespace tianping::text
