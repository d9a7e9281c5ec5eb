// Aggregates over the case store as a principal may see them (docs/security.md "Wiring a read path",
// rules 1 and 5): the frame holds only rows the principal may see (court scope, sealed cases, roles that
// read no cases get none), and every count shown to a role with a minimum cell size passes through
// SuppressCell. Used by `tianping indicators` / `tags` on --data and by the HTTP service's indicator
// endpoints. Thread-safety: free functions over their arguments.
#pragma once

#include <memory>

#include "tianping/analytics/case_frame.h"
#include "tianping/analytics/engine.h"
#include "tianping/security/access_guard.h"
#include "tianping/store/store.h"

namespace tianping::security {

// The cases of `snap` that CanSee(p, c), as a frame.
Result<std::shared_ptr<const analytics::CaseFrame>> LoadVisibleFrame(const StoreSnapshot& snap, const ReferenceData& ref,
                                                                     const AccessGuard& guard, const Principal& p);

// For roles with a minimum cell size: every indicator cell whose numerator or denominator is a small cell
// (0 < n < min_cell) is blanked — value, numerator and denominator NaN (shown as "-"), in_range cleared.
// Returns the number of cells blanked. No-op for other roles.
int SuppressIndicatorCells(const AccessGuard& guard, const Principal& p, analytics::IndicatorTable* table);

}  // namespace tianping::security
