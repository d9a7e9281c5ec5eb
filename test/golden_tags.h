// Golden handler for test/golden/tags/*.test (format in golden_tags.cc).
#pragma once

#include <string>

namespace tianping::golden {

std::string TagsHandler(const std::string& input);

}  // namespace tianping::golden
