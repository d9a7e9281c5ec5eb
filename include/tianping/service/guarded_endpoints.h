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
#include "tianping/service/security_service.h"
#include "tianping/service/store_holder.h"

namespace tianping::service {

// REQUIRES: every pointer set and outliving the registry.
struct GuardedState {
  const security::AccessGuard* guard = nullptr;
  SecurityService* security = nullptr;
  StoreHolder* store = nullptr;
};

// An audit sink appending under `principal`'s name (what handlers hand to security::GuardedStore).
security::AuditSink AuditAs(SecurityService* security, const security::Principal& principal);

Status RegisterGuardedEndpoints(EndpointRegistry* registry, const GuardedState* state);   // cases, parties
Status RegisterSecurityEndpoints(EndpointRegistry* registry, const GuardedState* state);  // catalog, audit, users

}  // namespace tianping::service
