// Prints rows (first row = header) as an aligned table (CJK counted as two columns), CSV or a JSON
// array of objects. Used by the security commands.
#pragma once

#include <string>
#include <vector>

namespace tianping::cli {

// `numeric[i]` right-aligns column i in tables and writes it as a JSON number when it parses as one.
void PrintRows(const std::vector<std::vector<std::string>>& rows, const std::string& format,
               const std::vector<bool>& numeric);

}  // namespace tianping::cli
