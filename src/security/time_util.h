// Wall-clock timestamps for security.db rows and audit records. Thread-safety: reentrant.
#pragma once

#include <string>

namespace tianping::security {

// Current UTC time as ISO 8601 with milliseconds: 2026-11-29T10:04:24.123Z. $TP_FAKE_NOW, when set,
// is returned instead (tests).
std::string NowUtc();

}  // namespace tianping::security
