// Aggregates over the case store as a principal may see them (docs/security.md "Wiring a read path",
// rules 1 and 5): the frame holds only rows the principal may see (court scope, sealed cases, roles that
// read no cases get none), and every count shown to a role with a minimum cell size passes through
// SuppressCell. Used by `tianping indicators` / `tags` on --data and by the HTTP service's indicator
// endpoints. Thread-safety: free functions over their arguments.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "tianping/analytics/case_frame.h"
#include "tianping/analytics/engine.h"
#include "tianping/security/access_guard.h"
#include "tianping/store/store.h"

namespace tianping::security {

// The rows of a frame a principal may see in aggregates (rule 1): cases of the courts in its scope, and
// sealed cases only with a 核心 clearance (a judge's own sealed cases are not singled out in aggregates).
// The same set as a row mask (Contains) and as a row condition of the expression language (`where`,
// empty for every row) that a query ANDs with its own --where.
struct VisibleRows {
  bool all = true;                   // every row is visible
  bool sealed_visible = true;
  std::vector<uint8_t> court_mask;   // by frame court code: 1 when in scope; empty = every court
  std::string where;
  bool InScope(uint32_t court_code) const {
    return court_mask.empty() || (court_code < court_mask.size() && court_mask[court_code]);
  }
  bool Contains(const analytics::CaseFrame& f, uint32_t row) const {
    return all || (InScope(f.court[row]) && (sealed_visible || !f.sealed.Contains(row)));
  }
  int64_t Count(const analytics::CaseFrame& f) const;
};
// The frame columns VisibleRowsOf reads besides the core ones.
inline constexpr uint32_t kVisibilityColumns = analytics::kFrameFlags;
// Errors: PermissionDenied when the role reads no case data. REQUIRES: `frame` has kVisibilityColumns.
Result<VisibleRows> VisibleRowsOf(const analytics::CaseFrame& frame, const AccessGuard& guard, const Principal& p);

// For roles with a minimum cell size: every indicator cell whose numerator or denominator is a small cell
// (0 < n < min_cell) is blanked — value, numerator and denominator NaN (shown as "-"), in_range cleared.
// Returns the number of cells blanked. No-op for other roles.
int SuppressIndicatorCells(const AccessGuard& guard, const Principal& p, analytics::IndicatorTable* table);

}  // namespace tianping::security
