// 公民身份号码 (citizen ID number), GB 11643-1999: 6-digit region code, 8-digit birth date, 3-digit sequence
// (odd = 男, even = 女) and an ISO 7064 MOD 11-2 check character (0-9 or X for 10).
// Public so the generator can make valid numbers. Thread-safety: pure functions.
#pragma once

#include <string>
#include <string_view>

#include "tianping/common/date.h"
#include "tianping/common/status.h"

namespace tianping {

struct IdNumberInfo {
  std::string region;  // 110105
  Date birth_date;
  int sequence = 0;    // 0-999
  bool male = false;   // odd sequence
};

// Check character for the first 17 digits. REQUIRES: body17 is 17 ASCII digits.
char IdNumberCheckCharacter(std::string_view body17);

// Validates length, charset, the province part of the region (11-65, 71, 81-83), the birth date
// (1800-2099, a real calendar day) and the check character (lower-case x accepted).
Result<IdNumberInfo> ParseIdNumber(std::string_view id);

// Builds a valid number. REQUIRES: region is 6 digits, 0 <= sequence <= 999, birth year 1800-2099.
std::string MakeIdNumber(std::string_view region, Date birth_date, int sequence);

}  // namespace tianping
