// Endpoints over personal data and the security module: the case store through the AccessGuard
// (GET /api/cases/{id}, GET /api/parties — the same security::GuardedStore as `tianping case` / `party`,
// audited the same way), the data catalog, the audit log, and user administration (docs/api.md).
// Other modules reading the store (indicators, documents, …) take the same GuardedState: the guard for
// rows and fields, SecurityService::Audit for records, StoreHolder for the current snapshot.
#pragma once

#include "tianping/common/status.h"
#include "tianping/security/access_guard.h"
#include "tianping/security/guarded_store.h"
#include "tianping/service/endpoint_registry.h"
#include "tianping/service/response_cache.h"
#include "tianping/service/security_service.h"
#include "tianping/service/store_holder.h"

namespace tianping::service {

// REQUIRES: every pointer set and outliving the registry.
struct GuardedState {
  const security::AccessGuard* guard = nullptr;
  SecurityService* security = nullptr;
  StoreHolder* store = nullptr;
  // Optional: party-profile answers by (snapshot, query, page, caller scope), with the audit record each
  // hit appends again under its own caller (docs/api.md "Audited responses"). Null: no caching.
  ResponseCache* party_answers = nullptr;
};

// Appends one audit record under ctx.principal's name: into ctx.deferred_audits when the dispatcher collects
// them (it then holds the answer until they are durable), else synchronously through SecurityService::Audit.
// Either way a handler returns no data unless its record is (or will be, before the answer leaves) durable.
Status AuditFor(SecurityService* security, const RequestContext& ctx, const std::string& action,
                const std::string& object, int64_t rows, const std::string& detail);
// AuditFor as a security::AuditSink (what handlers hand to security::GuardedStore). REQUIRES: ctx outlives it.
security::AuditSink AuditAs(SecurityService* security, const RequestContext& ctx);

Status RegisterGuardedEndpoints(EndpointRegistry* registry, const GuardedState* state);   // cases, parties
Status RegisterSecurityEndpoints(EndpointRegistry* registry, const GuardedState* state);  // catalog, audit, users

}  // namespace tianping::service
