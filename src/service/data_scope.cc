#include "data_scope.h"

#include "tianping/security/access_guard.h"
#include "tianping/security/guarded_aggregates.h"

namespace tianping::service {
namespace {

Status Audit(const AnalyticsState& s, const RequestContext& ctx, const std::string& object, int64_t rows,
             const std::string& detail) {
  return AuditFor(s.guarded->security, ctx, "read", object, rows, detail);
}

}  // namespace

std::set<std::string> DataScope::HiddenCells(const std::map<std::string, uint64_t>& counts) const {
  std::set<std::string> hidden;
  const std::string* smallest_shown = nullptr;
  uint64_t smallest = UINT64_MAX;
  for (const auto& [name, n] : counts) {
    if (!Suppress(static_cast<int64_t>(n))) {
      hidden.insert(name);
    } else if (n > 0 && n < smallest) {
      smallest = n;
      smallest_shown = &name;
    }
  }
  if (hidden.size() == 1 && smallest_shown) hidden.insert(*smallest_shown);
  return hidden;
}

Result<DataScope> ScopeOf(const AnalyticsState& state, const RequestContext& ctx) {
  const security::Principal& p = ctx.principal;
  const security::RoleSpec& spec = security::SpecOf(p.role);
  if (!spec.reads_cases)
    return Status::PermissionDenied(std::string("role ") + spec.name + " reads no case data");
  const security::AccessGuard& guard = *state.guarded->guard;
  DataScope d;
  d.min_cell = spec.min_cell;
  d.case_ids = guard.CheckFilter(p, "case.case_id").ok();
  if (!state.frame) {  // no data loaded: nothing to see, and nothing sealed shown
    d.sealed_visible = false;
    return d;
  }
  // One definition of the visible rows for the CLI and the service (security/guarded_aggregates.h).
  auto v = security::VisibleRowsOf(*state.frame, guard, p);
  if (!v.ok()) return v.status();
  d.nation = v->court_mask.empty();
  d.court_mask = std::move(v->court_mask);
  d.where = std::move(v->where);
  d.sealed_visible = v->sealed_visible;
  return d;
}

Result<std::shared_ptr<const StoreSnapshot>> StoreOf(const AnalyticsState& state) {
  if (state.store) return state.store;
  return state.guarded->store->Current();  // its FailedPrecondition names no server path
}

Result<CaseView> FetchCase(const AnalyticsState& state, const RequestContext& ctx, std::string_view id) {
  auto snap = StoreOf(state);
  if (!snap.ok()) return snap.status();
  auto ref = (*snap)->FindCase(id);
  if (!ref.ok()) return ref.status();
  std::optional<Case> found;
  if (*ref) {
    auto c = (*snap)->ReadCase(**ref);
    if (!c.ok()) return c.status();
    found = std::move(c).value();
  }
  auto shown = state.guarded->guard->Fetch(ctx.principal, found ? &*found : nullptr, id);
  if (!shown.ok()) {
    TP_RETURN_IF_ERROR(AuditFor(state.guarded->security, ctx, "read.notfound", "case " + std::string(id), 0, "http"));
    return shown.status();
  }
  return CaseView{std::move(*found), std::move(shown).value()};
}

std::string ShowText(const AnalyticsState& state, const RequestContext& ctx, const Case& original, std::string_view text) {
  return state.guarded->guard->RedactText(ctx.principal, original, text);
}

Document ShowDocument(const AnalyticsState& state, const RequestContext& ctx, const Case& original, const Document& d) {
  return state.guarded->guard->RedactDocument(ctx.principal, original, d);
}

Status AuditRead(const AnalyticsState& state, const RequestContext& ctx, const std::string& object, int64_t rows,
                 const std::string& detail) {
  return Audit(state, ctx, object, rows, detail);
}

}  // namespace tianping::service
