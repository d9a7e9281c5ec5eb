#include "tianping/model/id_number.h"

#include <cassert>
#include <cstdio>

namespace tianping {
namespace {

constexpr int kWeights[17] = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};  // 2^(17-i) mod 11
constexpr char kCheck[11] = {'1', '0', 'X', '9', '8', '7', '6', '5', '4', '3', '2'};  // by sum mod 11

bool AllDigits(std::string_view s) {
  for (char c : s) {
    if (c < '0' || c > '9') return false;
  }
  return true;
}

int Num(std::string_view s) {
  int v = 0;
  for (char c : s) v = v * 10 + (c - '0');
  return v;
}

bool ValidProvince(int p) {
  return (p >= 11 && p <= 15) || (p >= 21 && p <= 23) || (p >= 31 && p <= 37) || (p >= 41 && p <= 46) ||
         (p >= 50 && p <= 54) || (p >= 61 && p <= 65) || p == 71 || (p >= 81 && p <= 83);
}

}  // namespace

char IdNumberCheckCharacter(std::string_view body17) {
  assert(body17.size() == 17 && AllDigits(body17));
  int sum = 0;
  for (int i = 0; i < 17; ++i) sum += (body17[i] - '0') * kWeights[i];
  return kCheck[sum % 11];
}

Result<IdNumberInfo> ParseIdNumber(std::string_view id) {
  if (id.size() != 18) return Status::InvalidArgument("ID number must have 18 characters, got " + std::to_string(id.size()));
  if (!AllDigits(id.substr(0, 17))) return Status::InvalidArgument("ID number: the first 17 characters must be digits");
  char last = id[17] == 'x' ? 'X' : id[17];
  if (!((last >= '0' && last <= '9') || last == 'X')) return Status::InvalidArgument("ID number: bad check character");
  if (!ValidProvince(Num(id.substr(0, 2)))) {
    return Status::InvalidArgument("ID number: unknown province code " + std::string(id.substr(0, 2)));
  }
  int y = Num(id.substr(6, 4)), m = Num(id.substr(10, 2)), d = Num(id.substr(12, 2));
  if (y < 1800 || y > 2099 || !Date::IsValidYmd(y, m, d)) {
    return Status::InvalidArgument("ID number: invalid birth date " + std::string(id.substr(6, 8)));
  }
  char want = IdNumberCheckCharacter(id.substr(0, 17));
  if (want != last) {
    return Status::InvalidArgument(std::string("ID number: check character is ") + last + ", expected " + want);
  }
  IdNumberInfo info;
  info.region = std::string(id.substr(0, 6));
  info.birth_date = Date::FromYmd(y, m, d);
  info.sequence = Num(id.substr(14, 3));
  info.male = info.sequence % 2 == 1;
  return info;
}

std::string MakeIdNumber(std::string_view region, Date birth_date, int sequence) {
  assert(region.size() == 6 && AllDigits(region) && sequence >= 0 && sequence <= 999);
  char buf[32];
  std::snprintf(buf, sizeof buf, "%04d%02d%02d%03d", birth_date.year(), birth_date.month(), birth_date.day(), sequence);
  std::string body = std::string(region) + buf;
  body.push_back(IdNumberCheckCharacter(body));
  return body;
}

}  // namespace tianping
