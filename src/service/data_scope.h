// The rows and cells a principal may see in aggregate answers (indicators, tags, warnings): its court
// scope as a row condition and a per-court-code mask, and the minimum cell size of its role
// (AccessGuard::SuppressCell). docs/security.md "Wiring a read path" rules 1 and 5.
// Thread-safety: values.
#pragma once

#include <cstdint>
#include <map>
#include <set>
#include <optional>
#include <string>
#include <vector>

#include "tianping/common/status.h"
#include "tianping/service/analytics_endpoints.h"
#include "tianping/service/endpoint_registry.h"

namespace tianping::service {

struct DataScope {
  bool nation = true;                // no court restriction
  std::string where;                 // row condition restricting to the scope; empty for the nation
  std::vector<uint8_t> court_mask;   // by frame court code: 1 when in scope (empty for the nation)
  int min_cell = 0;                  // counts in (0, min_cell) are suppressed; 0 = never
  bool case_ids = true;              // may see case ids (samples in warnings)
  bool sealed_visible = true;        // sealed cases are counted (核心 clearance); `where` excludes them otherwise

  bool InScope(uint32_t frame_court_code) const {
    return nation || (frame_court_code < court_mask.size() && court_mask[frame_court_code]);
  }
  // Rule 1 of the AccessGuard contract: a row is counted when its court is in scope and it is not a sealed
  // case the caller may not see. REQUIRES: `f` is the frame the scope was computed for.
  bool Counts(const analytics::CaseFrame& f, uint32_t row) const {
    return InScope(f.court[row]) && (sealed_visible || !f.sealed.Contains(row));
  }
  // nullopt when the count must not be shown.
  std::optional<int64_t> Suppress(int64_t count) const {
    if (min_cell > 0 && count > 0 && count < min_cell) return std::nullopt;
    return count;
  }
  // The cells of one breakdown whose cells add up to a number the caller sees: the small cells and — when
  // exactly one is small — the smallest other non-empty cell too, so that no hidden count follows by
  // subtraction (complementary suppression).
  std::set<std::string> HiddenCells(const std::map<std::string, uint64_t>& counts) const;
};

// Errors: PermissionDenied when the principal's role reads no case data.
Result<DataScope> ScopeOf(const AnalyticsState& state, const RequestContext& ctx);

// The store snapshot the state was built over, so a request reads cases, documents and the frame from one
// snapshot. FailedPrecondition (409) without a store.
Result<std::shared_ptr<const StoreSnapshot>> StoreOf(const AnalyticsState& state);

// One case for one caller: `original` for computing, `shown` (redacted) for answering.
struct CaseView {
  Case original, shown;
};
// From StoreOf(state) through AccessGuard::Fetch. Errors: NotFound "case <id> not found"
// for missing and invisible cases alike (audited read.notfound); FailedPrecondition without a case store.
Result<CaseView> FetchCase(const AnalyticsState& state, const RequestContext& ctx, std::string_view id);
// Free text about `original` (a document, a compared value) as the caller may see it.
std::string ShowText(const AnalyticsState& state, const RequestContext& ctx, const Case& original, std::string_view text);
Document ShowDocument(const AnalyticsState& state, const RequestContext& ctx, const Case& original, const Document& d);
// One audit record (action "read") under the caller's name. A failure must stop the request.
Status AuditRead(const AnalyticsState& state, const RequestContext& ctx, const std::string& object, int64_t rows,
                 const std::string& detail);

}  // namespace tianping::service
