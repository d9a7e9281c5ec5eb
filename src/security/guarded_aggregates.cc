#include "tianping/security/guarded_aggregates.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace tianping::security {

int64_t VisibleRows::Count(const analytics::CaseFrame& f) const {
  if (all) return f.rows;
  int64_t n = 0;
  for (uint32_t i = 0; i < f.rows; ++i) n += Contains(f, i);
  return n;
}

Result<VisibleRows> VisibleRowsOf(const analytics::CaseFrame& f, const AccessGuard& guard, const Principal& p) {
  const RoleSpec& spec = SpecOf(p.role);
  if (!spec.reads_cases) return Status::PermissionDenied(std::string("role ") + spec.name + " reads no case data");
  VisibleRows v;
  std::vector<std::string> terms;
  v.sealed_visible = p.clearance >= Grade::kCore && spec.max_clearance >= Grade::kCore;
  if (!v.sealed_visible) {
    if (!(f.loaded & kVisibilityColumns))
      return Status::Internal("the frame was loaded without the sealed flag the access check needs");
    terms.push_back("not sealed");
  }
  if (p.scope.kind != CourtScope::Kind::kNation) {
    v.court_mask.assign(std::max<size_t>(f.courts.size(), 1), 0);
    std::string list;
    for (uint32_t code = 1; code < f.courts.size(); ++code) {
      if (!guard.InScope(p, f.courts.Value(code))) continue;
      v.court_mask[code] = 1;
      list += (list.empty() ? "'" : ", '") + f.courts.Value(code) + "'";
    }
    // No court of the data in scope: a condition no row meets.
    terms.push_back(list.empty() ? "court in ('-')" : "court in (" + list + ")");
  }
  for (const auto& t : terms) v.where += (v.where.empty() ? "" : " and ") + t;
  v.all = terms.empty();
  return v;
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
