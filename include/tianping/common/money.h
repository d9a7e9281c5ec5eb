// Money as text. Amounts are kept in fen (分, 1/100 yuan) as int64; these are the two printed forms.
// Thread-safety: pure functions.
#pragma once

#include <cstdint>
#include <string>

namespace tianping {

// Shortest form, as documents write it: 123400 → "1234", 123450 → "1234.5", 123456 → "1234.56".
std::string FormatYuan(int64_t fen);
// Two decimals, for tables and exports: 123400 → "1234.00", -5 → "-0.05".
std::string FormatYuanFixed(int64_t fen);

}  // namespace tianping
