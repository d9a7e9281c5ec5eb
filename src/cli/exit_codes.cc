#include "exit_codes.h"

#include <cstdio>

namespace tianping::cli {

int ExitCodeFor(const Status& s) {
  using C = Status::Code;
  switch (s.code()) {
    case C::kOk: return 0;
    case C::kInvalidArgument:
    case C::kParseError: return 2;
    case C::kNotFound: return 3;
    case C::kIoError: return 4;
    case C::kCorruption: return 5;
    case C::kPermissionDenied: return 6;
    default: return 1;
  }
}

int Fail(const std::string& command, const Status& status) {
  std::fprintf(stderr, "tianping %s: %s\n", command.c_str(), status.ToString().c_str());
  return ExitCodeFor(status);
}

}  // namespace tianping::cli
