// A tolerant parser for the Python dict literals jieba ships its HMM parameters in
// (finalseg/prob_*.py): "P={'B': {'\u4e00': -3.65, ...}, ...}".
// Thread-safety: pure functions.
#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "tianping/common/status.h"

namespace tianping::text {

// A parsed Python literal: a number or a dict with string keys (the only forms jieba's files use).
struct PyValue {
  bool is_dict = false;
  double number = 0;
  std::vector<std::pair<std::string, PyValue>> items;  // keys decoded to UTF-8
};
// Parses "[preamble] NAME = <literal>": skips lines before the assignment (imports, comments), accepts
// '...' or "..." keys with \uXXXX / \UXXXXXXXX / \x.. / simple escapes, ints, floats (1e+100), trailing
// commas, '#' comments. Errors: ParseError "<name>: byte N: ...".
Result<PyValue> ParsePyDict(std::string_view text, const std::string& name);

}  // namespace tianping::text
