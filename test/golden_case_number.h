// Golden handler for 案号 (test/golden/case_number/*.test). Input: one case number per line ("<empty>" for
// an empty string); output format documented in golden_case_number.cc.
#pragma once

#include <string>

namespace tianping::golden {

std::string CaseNumberHandler(const std::string& input);

}  // namespace tianping::golden
