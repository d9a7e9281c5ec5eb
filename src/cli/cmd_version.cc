#include <cstdio>

#include "commands.h"

namespace tianping::cli {

int RunVersion(int, char**) {
  std::printf("tianping 0.1.0\n");
  return 0;
}

}  // namespace tianping::cli
