// Shared output of store commands: rows (first row = header) as an aligned table (CJK counted as two
// columns), CSV (RFC 4180 quoting) or a JSON array of objects.
#pragma once

#include <string>
#include <vector>

#include "tianping/common/money.h"
#include "tianping/common/status.h"

namespace tianping::cli {

using Rows = std::vector<std::vector<std::string>>;

// Returns InvalidArgument for a format other than table, json or csv.
Status CheckFormat(const std::string& format);
// `numeric[i]` marks columns written as JSON numbers (empty cells become null).
void PrintRows(const Rows& rows, const std::string& format, const std::vector<bool>& numeric = {});
std::string RenderTable(const Rows& rows);
size_t DisplayWidth(const std::string& s);

}  // namespace tianping::cli
