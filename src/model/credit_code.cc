#include "tianping/model/credit_code.h"

#include <cassert>
#include <cstring>

namespace tianping {
namespace {

constexpr char kCharset[] = "0123456789ABCDEFGHJKLMNPQRTUWXY";  // 31 characters: no I O Z S V
constexpr int kWeights[17] = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};  // 3^(i-1) mod 31
constexpr int kOrgWeights[8] = {3, 7, 9, 10, 5, 8, 4, 2};

int CharsetValue(char c) {
  const char* p = c ? std::strchr(kCharset, c) : nullptr;
  return p ? static_cast<int>(p - kCharset) : -1;
}

// GB 11714 character value: 0-9, then A = 10 … Z = 35.
int OrgValue(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'A' && c <= 'Z') return c - 'A' + 10;
  return -1;
}

// Registration authorities and their type codes (GB 32100-2015 appendix A).
struct Authority {
  char code;
  const char* types;
};
constexpr Authority kAuthorities[] = {{'1', "1239"},   {'2', "19"},  {'3', "123459"}, {'4', "19"},
                                      {'5', "1239"},   {'6', "129"}, {'7', "129"},    {'8', "19"},
                                      {'9', "123"},    {'A', "19"},  {'N', "1239"},   {'Y', "1"}};

bool ValidAuthorityType(char a, char t) {
  for (const auto& au : kAuthorities) {
    if (au.code == a) return t && std::strchr(au.types, t) != nullptr;
  }
  return false;
}

}  // namespace

char OrganizationCodeCheckCharacter(std::string_view body8) {
  assert(body8.size() == 8);
  int sum = 0;
  for (int i = 0; i < 8; ++i) sum += OrgValue(body8[i]) * kOrgWeights[i];
  int c = 11 - sum % 11;
  return c == 10 ? 'X' : c == 11 ? '0' : static_cast<char>('0' + c);
}

char CreditCodeCheckCharacter(std::string_view body17) {
  assert(body17.size() == 17);
  int sum = 0;
  for (int i = 0; i < 17; ++i) sum += CharsetValue(body17[i]) * kWeights[i];
  return kCharset[(31 - sum % 31) % 31];
}

Result<CreditCodeInfo> ParseCreditCode(std::string_view code) {
  if (code.size() != 18) {
    return Status::InvalidArgument("credit code must have 18 characters, got " + std::to_string(code.size()));
  }
  for (size_t i = 0; i < 18; ++i) {
    if (CharsetValue(code[i]) < 0) {
      return Status::InvalidArgument("credit code: character " + std::to_string(i + 1) + " '" +
                                     std::string(1, code[i]) + "' is not in 0-9 A-Z without I O Z S V");
    }
  }
  if (!ValidAuthorityType(code[0], code[1])) {
    return Status::InvalidArgument("credit code: unknown authority/type " + std::string(code.substr(0, 2)));
  }
  for (size_t i = 2; i < 8; ++i) {
    if (code[i] < '0' || code[i] > '9') return Status::InvalidArgument("credit code: region code must be 6 digits");
  }
  char org_check = OrganizationCodeCheckCharacter(code.substr(8, 8));
  if (code[16] != org_check) {
    return Status::InvalidArgument(std::string("credit code: organisation code check character is ") + code[16] +
                                   ", expected " + org_check);
  }
  char check = CreditCodeCheckCharacter(code.substr(0, 17));
  if (code[17] != check) {
    return Status::InvalidArgument(std::string("credit code: check character is ") + code[17] + ", expected " + check);
  }
  CreditCodeInfo info;
  info.authority = code[0];
  info.type = code[1];
  info.region = std::string(code.substr(2, 6));
  info.organization = std::string(code.substr(8, 9));
  return info;
}

std::string MakeCreditCode(char authority, char type, std::string_view region, std::string_view org_body8) {
  assert(ValidAuthorityType(authority, type) && region.size() == 6 && org_body8.size() == 8);
  std::string s;
  s.push_back(authority);
  s.push_back(type);
  s.append(region);
  s.append(org_body8);
  s.push_back(OrganizationCodeCheckCharacter(org_body8));
  s.push_back(CreditCodeCheckCharacter(s));
  return s;
}

}  // namespace tianping
