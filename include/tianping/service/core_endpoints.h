// Endpoints over what every deployment has: health, reference data, 案号 parsing and segmentation; plus login/session, user and API-key management and the admin views (endpoint
// statistics, OpenAPI). Each Register* function adds its rows to the one EndpointRegistry (docs/api.md).
#pragma once

#include <functional>
#include <mutex>
#include <string>

#include "tianping/common/status.h"
#include "tianping/model/reference.h"
#include "tianping/service/security_service.h"
#include "tianping/service/endpoint_registry.h"
#include "tianping/service/rate_limiter.h"
#include "tianping/service/snapshot_holder.h"
#include "tianping/text/segmenter.h"

namespace tianping::service {

class Dispatcher;

// Shared, read-only state of the core endpoints. REQUIRES: outlives the registry; set before serving.
struct CoreState {
  std::string version;
  const ReferenceData* ref = nullptr;
  const text::Segmenter* segmenter = nullptr;  // null: /api/segment answers 409 with segmenter_status
  Status segmenter_status;
  std::function<bool()> dataset;               // health: whether cases are loaded; null = none
  SecurityService* security = nullptr;         // principals, sessions, keys, the audit log
  RateLimiter* limiter = nullptr;
  RateLimiter* login_limiter = nullptr;        // login attempts per remote address (kLoginLimits)
  const EndpointRegistry* registry = nullptr;
  const Dispatcher* dispatcher = nullptr;      // set after the dispatcher is built (admin statistics)
  const SnapshotHolder* served = nullptr;      // the served store snapshot (health); may be null
  mutable std::once_flag openapi_once;         // the OpenAPI document, generated on first request
  mutable std::string openapi_json;
};

// Login attempts per remote address: bursts of 10, then one every 6 s (→ 429 with Retry-After).
inline constexpr KeyLimits kLoginLimits{1.0 / 6, 10, 0};

Status RegisterCoreEndpoints(EndpointRegistry* registry, const CoreState* state);
Status RegisterAuthEndpoints(EndpointRegistry* registry, const CoreState* state);
Status RegisterAdminEndpoints(EndpointRegistry* registry, const CoreState* state);
// GET /api/snapshot: the served store snapshot and the state of reloading (snapshot_endpoints.cc).
Status RegisterSnapshotEndpoints(EndpointRegistry* registry, const SnapshotHolder* served);

// The OpenAPI 3.0 document generated from the registry.
std::string OpenApiJson(const EndpointRegistry& registry, const std::string& version);

}  // namespace tianping::service
