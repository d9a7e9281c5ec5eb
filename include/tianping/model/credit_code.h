// 统一社会信用代码 (unified social credit code), GB 32100-2015: 18 characters from the 31-character set
// 0-9 A-Z without I O Z S V:
//   1      登记管理部门代码 (registration authority: 1 机构编制, 5 民政, 9 工商, Y 其他, …)
//   2      机构类别代码 (type within that authority: 9+1 企业, 9+2 个体工商户, 9+3 农民专业合作社, …)
//   3-8    登记管理机关行政区划码 (six digits)
//   9-17   组织机构代码 (GB 11714: 8 characters + its own MOD 11 check character, 0-9 or X)
//   18     check character: 31 - (Σ value·3^(i-1) mod 31) mod 31, mapped back through the set.
// Public so the generator can make valid codes. Thread-safety: pure functions.
#pragma once

#include <string>
#include <string_view>

#include "tianping/common/status.h"

namespace tianping {

struct CreditCodeInfo {
  char authority = 0;          // '9'
  char type = 0;               // '1'
  std::string region;          // 110105
  std::string organization;    // 9-character GB 11714 code
};

// GB 11714 check character for an 8-character body (digits and upper-case letters).
// REQUIRES: body8 has 8 characters in [0-9A-Z].
char OrganizationCodeCheckCharacter(std::string_view body8);
// GB 32100 check character for the first 17 characters. REQUIRES: body17 uses the 31-character set.
char CreditCodeCheckCharacter(std::string_view body17);

Result<CreditCodeInfo> ParseCreditCode(std::string_view code);

// Builds a valid code: authority + type + region + org body (8 chars) + both check characters.
// REQUIRES: a valid (authority, type) pair, region 6 digits, org_body8 from the 31-character set.
std::string MakeCreditCode(char authority, char type, std::string_view region, std::string_view org_body8);

}  // namespace tianping
