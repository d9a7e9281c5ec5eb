// Data-driven golden tests: test/golden/<module>/<name>.test files, one runner for all.
// File format (docs/testing.md): cases separated by a line "====". Each case is input lines, a line
// "----", then the expected output lines. Lines starting with "# " before the input are comments.
// A handler turns the input text of one case into output text; handlers are registered by module
// folder name in golden_handlers.cc (explicitly, never by static initialisers).
#pragma once

#include <functional>
#include <map>
#include <string>

namespace tianping::golden {

using Handler = std::function<std::string(const std::string& input)>;
void RegisterHandlers(std::map<std::string, Handler>* handlers);

}  // namespace tianping::golden
