#include "calendar.h"

#include <gtest/gtest.h>

namespace tianping::gen {
namespace {

TEST(Calendar, SpringFestivalTable) {
  // Checked against the published lunar calendar.
  EXPECT_EQ(*SpringFestival(2019), Date::FromYmd(2019, 2, 5));
  EXPECT_EQ(*SpringFestival(2020), Date::FromYmd(2020, 1, 25));
  EXPECT_EQ(*SpringFestival(2023), Date::FromYmd(2023, 1, 22));
  EXPECT_EQ(*SpringFestival(2024), Date::FromYmd(2024, 2, 10));
  EXPECT_EQ(*SpringFestival(2025), Date::FromYmd(2025, 1, 29));
  EXPECT_FALSE(SpringFestival(2014).has_value());
  EXPECT_FALSE(SpringFestival(2028).has_value());
}

TEST(Calendar, HolidaysAndWeights) {
  EXPECT_TRUE(IsHoliday(Date::FromYmd(2023, 10, 3)));
  EXPECT_TRUE(IsHoliday(Date::FromYmd(2023, 1, 24)));   // 春节 holiday
  EXPECT_FALSE(IsHoliday(Date::FromYmd(2023, 3, 15)));
  Date wednesday = Date::FromYmd(2023, 3, 15), saturday = Date::FromYmd(2023, 3, 18);
  EXPECT_GT(FilingWeight(wednesday), 10 * FilingWeight(saturday));
  // The week before the festival is quieter than an ordinary March weekday.
  EXPECT_LT(FilingWeight(Date::FromYmd(2023, 1, 18)), 0.6 * FilingWeight(wednesday));
}

TEST(Calendar, ToWorkingDay) {
  Date sunday = Date::FromYmd(2023, 3, 19);
  EXPECT_EQ(ToWorkingDay(sunday, Date::FromYmd(2023, 1, 1)), Date::FromYmd(2023, 3, 17));
  EXPECT_EQ(ToWorkingDay(sunday, Date::FromYmd(2023, 3, 19)), sunday);  // never before not_before
}

}  // namespace
}  // namespace tianping::gen
