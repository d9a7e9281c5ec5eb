#include "tianping/security/guarded_aggregates.h"

#include <cmath>
#include <limits>

namespace tianping::security {

Result<std::shared_ptr<const analytics::CaseFrame>> LoadVisibleFrame(const StoreSnapshot& snap, const ReferenceData& ref,
                                                                     const AccessGuard& guard, const Principal& p) {
  return analytics::LoadCaseFrameStore(snap, ref, [&](const Case& c) { return guard.CanSee(p, c); });
}

int SuppressIndicatorCells(const AccessGuard& guard, const Principal& p, analytics::IndicatorTable* table) {
  if (SpecOf(p.role).min_cell <= 0) return 0;
  // Numerators and denominators are counts or sums over cases; a non-integral or huge value is a sum
  // (days, amounts) and is judged by its denominator alone.
  auto small = [&](double v) {
    if (std::isnan(v) || v != std::floor(v) || std::fabs(v) > 1e15) return false;
    return !guard.SuppressCell(p, static_cast<int64_t>(v)).has_value();
  };
  const double nan = std::numeric_limits<double>::quiet_NaN();
  int blanked = 0;
  for (auto& row : table->rows) {
    for (auto& cell : row.cells) {
      if (!small(cell.numerator) && !(cell.has_denominator && small(cell.denominator))) continue;
      cell.value = cell.numerator = cell.denominator = nan;
      cell.in_range.reset();
      ++blanked;
    }
  }
  return blanked;
}

}  // namespace tianping::security
