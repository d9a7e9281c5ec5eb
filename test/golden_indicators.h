// Golden handler for test/golden/indicators/*.test (format in golden_indicators.cc).
#pragma once

#include <string>

namespace tianping::golden {

std::string IndicatorsHandler(const std::string& input);

}  // namespace tianping::golden
