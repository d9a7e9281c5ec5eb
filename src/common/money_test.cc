#include "tianping/common/money.h"

#include <gtest/gtest.h>

namespace tianping {

TEST(MoneyTest, ShortAndFixedForms) {
  EXPECT_EQ(FormatYuan(123400), "1234");
  EXPECT_EQ(FormatYuan(123450), "1234.5");
  EXPECT_EQ(FormatYuan(123456), "1234.56");
  EXPECT_EQ(FormatYuan(5), "0.05");
  EXPECT_EQ(FormatYuan(-150), "-1.5");
  EXPECT_EQ(FormatYuan(0), "0");
  EXPECT_EQ(FormatYuanFixed(123400), "1234.00");
  EXPECT_EQ(FormatYuanFixed(-5), "-0.05");
}

}  // namespace tianping
