// Shared output of store commands: rows (first row = header) as an aligned table (CJK counted as two
// columns), CSV (RFC 4180 quoting) or a JSON array of objects.
#pragma once

#include <string>
#include <vector>

#include "tianping/common/money.h"
#include "tianping/common/status.h"

namespace tianping::cli {

using Rows = std::vector<std::vector<std::string>>;

// How numeric columns look, where a command wants other than the defaults.
struct RowsStyle {
  bool right_align_numeric = false;  // table: numeric columns right-aligned (padded even when last)
  int json_decimals = 2;             // json: most decimals of a non-integer number (trailing zeros dropped)
};

// Returns InvalidArgument for a format other than table, json or csv.
Status CheckFormat(const std::string& format);
// `numeric[i]` marks columns written as JSON numbers (empty cells become null).
void PrintRows(const Rows& rows, const std::string& format, const std::vector<bool>& numeric = {},
               const RowsStyle& style = {});
// Columns separated by two spaces, padded to the widest cell; `right_aligned[i]` pads column i on the left.
std::string RenderTable(const Rows& rows, const std::vector<bool>& right_aligned = {});
size_t DisplayWidth(const std::string& s);

}  // namespace tianping::cli
