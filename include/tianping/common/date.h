// Calendar dates as days since 1970-01-01 (proleptic Gregorian). Cheap to store in columns.
// Thread-safety: values.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace tianping {

class Date {
 public:
  Date() = default;
  static Date FromDays(int32_t days) { Date d; d.days_ = days; return d; }
  // REQUIRES: a valid calendar date.
  static Date FromYmd(int year, int month, int day);
  // Parses "YYYY-MM-DD"; nullopt for malformed or impossible dates (2023-02-30).
  static std::optional<Date> Parse(std::string_view text);
  static bool IsValidYmd(int year, int month, int day);
  static int DaysInMonth(int year, int month);

  int32_t days() const { return days_; }
  int year() const;
  int month() const;
  int day() const;
  // 0 = Monday ... 6 = Sunday.
  int weekday() const;
  int day_of_year() const;  // 1-based
  std::string ToString() const;  // YYYY-MM-DD
  // Same day n months later, clamped to the month's end (2023-01-31 + 1 = 2023-02-28).
  Date AddMonths(int n) const;
  Date AddDays(int n) const { return FromDays(days_ + n); }

  friend bool operator==(Date a, Date b) { return a.days_ == b.days_; }
  friend auto operator<=>(Date a, Date b) { return a.days_ <=> b.days_; }
  friend int operator-(Date a, Date b) { return a.days_ - b.days_; }

 private:
  int32_t days_ = 0;
};

}  // namespace tianping
