#include "gen/litigation_fee.h"

#include <gtest/gtest.h>

namespace tianping::gen {
namespace {

constexpr Fen kYuan = 100;

// Hand-computed from 诉讼费用交纳办法 art. 13(1).
TEST(LitigationFee, PropertyBrackets) {
  EXPECT_EQ(PropertyCaseFee(5000 * kYuan), 50 * kYuan);
  EXPECT_EQ(PropertyCaseFee(10000 * kYuan), 50 * kYuan);
  EXPECT_EQ(PropertyCaseFee(20000 * kYuan), 300 * kYuan);         // 50 + 10000*2.5%
  EXPECT_EQ(PropertyCaseFee(100000 * kYuan), 2300 * kYuan);       // 50 + 90000*2.5%
  EXPECT_EQ(PropertyCaseFee(200000 * kYuan), 4300 * kYuan);       // + 100000*2%
  EXPECT_EQ(PropertyCaseFee(500000 * kYuan), 8800 * kYuan);       // + 300000*1.5%
  EXPECT_EQ(PropertyCaseFee(1000000 * kYuan), 13800 * kYuan);     // + 500000*1%
  EXPECT_EQ(PropertyCaseFee(2000000 * kYuan), 22800 * kYuan);     // + 1000000*0.9%
  EXPECT_EQ(PropertyCaseFee(12345 * kYuan), 10863);               // 50 + 2345*2.5% = 108.625 → 108.63
}

TEST(LitigationFee, Halving) {
  EXPECT_EQ(HalveFee(PropertyCaseFee(100000 * kYuan)), 1150 * kYuan);
  EXPECT_EQ(HalveFee(50 * kYuan), 25 * kYuan);
  EXPECT_EQ(HalveFee(10863), 5432);
}

TEST(LitigationFee, ByCause) {
  EXPECT_EQ(CaseAcceptanceFee("民事", "民间借贷纠纷", 100000 * kYuan), 2300 * kYuan);
  EXPECT_EQ(CaseAcceptanceFee("民事", "离婚纠纷", 100000 * kYuan), 300 * kYuan);
  EXPECT_EQ(CaseAcceptanceFee("民事", "离婚纠纷", 300000 * kYuan), 800 * kYuan);  // 300 + 100000*0.5%
  EXPECT_EQ(CaseAcceptanceFee("民事", "劳动合同纠纷", 50000 * kYuan), 10 * kYuan);
  EXPECT_EQ(CaseAcceptanceFee("行政", "行政处罚", 0), 50 * kYuan);
  EXPECT_EQ(CaseAcceptanceFee("刑事", "盗窃罪", 100000 * kYuan), 0);
}

TEST(LitigationFee, Execution) {
  EXPECT_EQ(ExecutionFee(10000 * kYuan), 50 * kYuan);
  EXPECT_EQ(ExecutionFee(100000 * kYuan), 1400 * kYuan);  // 50 + 90000*1.5%
}

}  // namespace
}  // namespace tianping::gen
