// Case input lines shared by the golden handlers that build a CaseFrame (indicators, tags): a line is one
// case in its JSONL form, or "xN JSON" for N copies where "{n}" in JSON becomes 1..N.
#pragma once

#include <string>

#include "tianping/analytics/case_frame.h"
#include "tianping/common/status.h"

namespace tianping::golden {

// Adds the case(s) of `line` to `builder`. Errors: "input line L: …" when a case does not parse.
Status AddCaseLine(const std::string& line, int line_no, analytics::CaseFrameBuilder* builder);

}  // namespace tianping::golden
