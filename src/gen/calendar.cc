#include "calendar.h"

namespace tianping::gen {

std::optional<Date> SpringFestival(int year) {
  static const int kTable[][2] = {{2, 19}, {2, 8}, {1, 28}, {2, 16}, {2, 5}, {1, 25}, {2, 12},
                                  {2, 1},  {1, 22}, {2, 10}, {1, 29}, {2, 17}, {2, 6}};  // 2015..2027
  if (year < 2015 || year > 2027) return std::nullopt;
  return Date::FromYmd(year, kTable[year - 2015][0], kTable[year - 2015][1]);
}

bool IsHoliday(Date d) {
  int m = d.month(), day = d.day();
  if (m == 1 && day == 1) return true;
  if (m == 4 && (day == 4 || day == 5)) return true;
  if (m == 5 && day <= 5) return true;
  if (m == 10 && day <= 7) return true;
  if (auto sf = SpringFestival(d.year())) {
    int off = d - *sf;
    if (off >= -1 && off <= 5) return true;
  }
  return false;
}

double FilingWeight(Date d) {
  if (IsHoliday(d)) return 0.03;
  double w = 1.0;
  int wd = d.weekday();
  if (wd == 5) w = 0.07;
  if (wd == 6) w = 0.04;
  if (auto sf = SpringFestival(d.year())) {
    int off = d - *sf;
    if (off >= -12 && off < -1) w *= 0.7 - 0.04 * (off + 12);   // 0.70 .. 0.30 just before the holiday
    if (off > 5 && off <= 16) w *= 0.4 + 0.05 * (off - 5);      // slow return after it
  }
  static const double kMonth[] = {0, 1.0, 0.95, 1.12, 1.08, 1.05, 1.08, 1.0, 0.92, 1.0, 0.95, 1.02, 0.98};
  return w * kMonth[d.month()];
}

Date ToWorkingDay(Date d, Date not_before) {
  Date x = d;
  while (x > not_before && (x.weekday() >= 5 || IsHoliday(x))) x = x.AddDays(-1);
  return x;
}

}  // namespace tianping::gen
