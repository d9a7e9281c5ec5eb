#include "data_scope.h"

namespace tianping::service {

// Until the security module's principals reach the service, every principal reads the nation.
Result<DataScope> ScopeOf(const AnalyticsState& state, const RequestContext& ctx) {
  (void)state;
  (void)ctx;
  return DataScope{};
}

Result<CaseView> FetchCase(const AnalyticsState& state, const RequestContext& ctx, std::string_view id) {
  (void)ctx;
  if (!state.snapshot) return Status::FailedPrecondition("no case store in " + state.data_dir + " (tianping ingest)");
  auto ref = state.snapshot->FindCase(id);
  if (!ref.ok()) return ref.status();
  if (!*ref) return Status::NotFound("case " + std::string(id) + " not found");
  auto c = state.snapshot->ReadCase(**ref);
  if (!c.ok()) return c.status();
  return CaseView{*c, *c};
}

std::string ShowText(const AnalyticsState&, const RequestContext&, const Case&, std::string_view text) {
  return std::string(text);
}

Document ShowDocument(const AnalyticsState&, const RequestContext&, const Case&, const Document& d) { return d; }

}  // namespace tianping::service
