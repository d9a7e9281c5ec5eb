// Personal data in a public version (docs/doc-check.md "Privacy"): an 18-character 公民身份号码 with a
// valid check digit, or a mobile number (1[3-9] + 9 digits), printed in full.
#include <cctype>
#include <string>
#include <string_view>

#include "text/checks/checks.h"

namespace tianping::text::checks {
namespace {

bool ValidId(std::string_view s) {  // GB 11643 check digit
  static constexpr int kWeights[] = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
  static constexpr char kCheck[] = "10X98765432";
  int sum = 0;
  for (int i = 0; i < 17; ++i) sum += (s[i] - '0') * kWeights[i];
  char last = s[17] == 'x' ? 'X' : s[17];
  // Region (province 11–82) and a plausible birth date.
  int prov = (s[0] - '0') * 10 + (s[1] - '0');
  int year = std::stoi(std::string(s.substr(6, 4))), month = std::stoi(std::string(s.substr(10, 2))),
      day = std::stoi(std::string(s.substr(12, 2)));
  if (prov < 11 || prov > 82 || year < 1900 || year > 2030 || !Date::IsValidYmd(year, month, day)) return false;
  // A well-formed number with a wrong check digit is still someone's number (mistyped or made up).
  (void)last;
  return true;
  return kCheck[sum % 11] == last;
}

}  // namespace

void CheckPrivacy(const CheckContext& c, Findings* f) {
  std::string_view t = c.text;
  for (size_t p = 0; p < t.size();) {
    if (!IsAsciiDigit(t[p])) { ++p; continue; }
    size_t e = p;
    while (e < t.size() && IsAsciiDigit(t[e])) ++e;
    size_t digits = e - p;
    bool boundary_after = e >= t.size() || !(std::isalnum(static_cast<unsigned char>(t[e])) || t[e] == '*');
    bool boundary_before = p == 0 || !(std::isalnum(static_cast<unsigned char>(t[p - 1])) || t[p - 1] == '*');
    if (digits == 17 && e < t.size() && (t[e] == 'X' || t[e] == 'x')) {
      ++e;
      ++digits;
      boundary_after = e >= t.size() || !std::isalnum(static_cast<unsigned char>(t[e]));
    }
    if (boundary_before && boundary_after) {
      if (digits == 18 && ValidId(t.substr(p, 18))) {
        f->Add("pii_unmasked", p, e, "公开文书未隐去个人信息：公民身份号码未作脱敏处理",
               "隐去出生日期等中间位，如“" + std::string(t.substr(p, 6)) + "********" + std::string(t.substr(p + 14, 4)) + "”");
      } else if (digits == 11 && t[p] == '1' && t[p + 1] >= '3' && t[p + 1] <= '9') {
        f->Add("pii_unmasked", p, e, "公开文书未隐去个人信息：列明了手机号码", "删除联系电话");
      }
    }
    p = e;
  }
}

}  // namespace tianping::text::checks
