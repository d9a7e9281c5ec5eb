#include "tianping/common/money.h"

#include <cinttypes>
#include <cstdio>

namespace tianping {

std::string FormatYuanFixed(int64_t fen) {
  char buf[48];
  int64_t a = fen < 0 ? -fen : fen;
  std::snprintf(buf, sizeof buf, "%s%" PRId64 ".%02" PRId64, fen < 0 ? "-" : "", a / 100, a % 100);
  return buf;
}

std::string FormatYuan(int64_t fen) {
  std::string s = FormatYuanFixed(fen);
  if (s.back() == '0') s.pop_back();
  if (s.back() == '0') s.pop_back();
  if (s.back() == '.') s.pop_back();
  return s;
}

}  // namespace tianping
