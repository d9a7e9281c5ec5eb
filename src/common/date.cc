#include "tianping/common/date.h"

#include <chrono>
#include <cstdio>

namespace tianping {
namespace {
namespace ch = std::chrono;

ch::year_month_day Ymd(int32_t days) { return ch::year_month_day{ch::sys_days{ch::days{days}}}; }
ch::year_month_day MakeYmd(int y, int m, int d) {
  return ch::year{y} / ch::month{static_cast<unsigned>(m)} / ch::day{static_cast<unsigned>(d)};
}
}  // namespace

Date Date::FromYmd(int y, int m, int d) {
  return FromDays(static_cast<int32_t>(ch::sys_days{MakeYmd(y, m, d)}.time_since_epoch().count()));
}

bool Date::IsValidYmd(int y, int m, int d) {
  if (y < 1 || y > 9999 || m < 1 || m > 12 || d < 1) return false;
  return d <= DaysInMonth(y, m);
}

int Date::DaysInMonth(int y, int m) {
  return static_cast<int>(
      static_cast<unsigned>((ch::year{y} / ch::month{static_cast<unsigned>(m)} / ch::last).day()));
}

std::optional<Date> Date::Parse(std::string_view s) {
  if (s.size() != 10 || s[4] != '-' || s[7] != '-') return std::nullopt;
  auto digits = [&](size_t pos, size_t n, int* out) {
    int v = 0;
    for (size_t i = pos; i < pos + n; ++i) {
      if (s[i] < '0' || s[i] > '9') return false;
      v = v * 10 + (s[i] - '0');
    }
    *out = v;
    return true;
  };
  int y, m, d;
  if (!digits(0, 4, &y) || !digits(5, 2, &m) || !digits(8, 2, &d)) return std::nullopt;
  if (!IsValidYmd(y, m, d)) return std::nullopt;
  return FromYmd(y, m, d);
}

int Date::year() const { return static_cast<int>(Ymd(days_).year()); }
int Date::month() const { return static_cast<int>(static_cast<unsigned>(Ymd(days_).month())); }
int Date::day() const { return static_cast<int>(static_cast<unsigned>(Ymd(days_).day())); }

int Date::weekday() const {
  // 1970-01-01 was a Thursday (index 3 with Monday = 0).
  int w = (days_ + 3) % 7;
  return w < 0 ? w + 7 : w;
}

int Date::day_of_year() const { return days_ - FromYmd(year(), 1, 1).days_ + 1; }

std::string Date::ToString() const {
  auto ymd = Ymd(days_);
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02u-%02u", static_cast<int>(ymd.year()),
                static_cast<unsigned>(ymd.month()), static_cast<unsigned>(ymd.day()));
  return buf;
}

Date Date::AddMonths(int n) const {
  int y = year(), m = month(), d = day();
  int total = y * 12 + (m - 1) + n;
  int ny = total / 12, nm = total % 12 + 1;
  int dim = DaysInMonth(ny, nm);
  return FromYmd(ny, nm, d > dim ? dim : d);
}

}  // namespace tianping
