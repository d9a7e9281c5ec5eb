// Filing calendar of the generator: Spring Festival dates (2015–2027), legal holidays, weekly cycle and
// per-day filing weights. Bands and rates: docs/generator.md ("Seasonality"). Thread-safety: pure functions.
#pragma once

#include <optional>
#include <vector>

#include "tianping/common/date.h"

namespace tianping::gen {

// 春节 (first day of the lunar year) for 2015–2027; nullopt outside that table.
std::optional<Date> SpringFestival(int year);
// True on a statutory public holiday (元旦, 春节 7 days, 清明, 劳动节, 国庆 7 days; approximate for 清明).
bool IsHoliday(Date d);
// Relative filing weight of a day: weekday 1, Saturday 0.07, Sunday 0.04, holidays 0.03, a dip of
// 0.3–0.7 in the fortnight around the Spring Festival, a mild March–June high and a slower August.
double FilingWeight(Date d);
// Moves a closing date that fell on a weekend or holiday to the nearest earlier working day not before
// `not_before`.
Date ToWorkingDay(Date d, Date not_before);

}  // namespace tianping::gen
