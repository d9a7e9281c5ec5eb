#include "tianping/common/date.h"

#include <gtest/gtest.h>

namespace tianping {

TEST(DateTest, ParseAndFormatRoundTrip) {
  auto d = Date::Parse("2023-05-10");
  ASSERT_TRUE(d.has_value());
  EXPECT_EQ(d->year(), 2023);
  EXPECT_EQ(d->month(), 5);
  EXPECT_EQ(d->day(), 10);
  EXPECT_EQ(d->ToString(), "2023-05-10");
}

TEST(DateTest, RejectsImpossibleDates) {
  EXPECT_FALSE(Date::Parse("2023-02-29").has_value());
  EXPECT_TRUE(Date::Parse("2024-02-29").has_value());
  EXPECT_FALSE(Date::Parse("2023-13-01").has_value());
  EXPECT_FALSE(Date::Parse("2023-1-01").has_value());
  EXPECT_FALSE(Date::Parse("20230101xx").has_value());
}

TEST(DateTest, WeekdayAndArithmetic) {
  EXPECT_EQ(Date::FromYmd(1970, 1, 1).weekday(), 3);   // Thursday
  EXPECT_EQ(Date::FromYmd(2023, 5, 10).weekday(), 2);  // Wednesday
  EXPECT_EQ(Date::FromYmd(2023, 1, 31).AddMonths(1).ToString(), "2023-02-28");
  EXPECT_EQ(Date::FromYmd(2023, 11, 15).AddMonths(3).ToString(), "2024-02-15");
  EXPECT_EQ(Date::FromYmd(2024, 3, 1) - Date::FromYmd(2024, 2, 1), 29);
  EXPECT_EQ(Date::FromYmd(2024, 12, 31).day_of_year(), 366);
}

}  // namespace tianping
