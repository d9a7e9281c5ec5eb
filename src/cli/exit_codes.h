// The one place that maps a Status to a CLI exit code and message.
#pragma once

#include <string>

#include "tianping/common/status.h"

namespace tianping::cli {

// 0 ok, 2 invalid argument / parse error, 3 not found, 4 I/O, 5 corruption, 6 permission denied,
// 1 anything else.
int ExitCodeFor(const Status& status);
// Prints "tianping <command>: <status>" to stderr and returns ExitCodeFor(status).
int Fail(const std::string& command, const Status& status);

}  // namespace tianping::cli
