// Golden handler for test/golden/judgment: a whole document in, compact parsed fields out.
#pragma once

#include <string>

namespace tianping::golden {

std::string JudgmentHandler(const std::string& input);

}  // namespace tianping::golden
