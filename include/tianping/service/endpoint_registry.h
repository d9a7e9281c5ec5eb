// Interface management (接口管理): the ONE table of every HTTP endpoint — name, method, path pattern,
// module, grade of the data it returns, access level, parameters and handler. Modules plug in by adding
// rows at start-up (RegisterXxxEndpoints(registry, ...)); the dispatcher, the OpenAPI document and the
// admin statistics are all generated from it. See docs/api.md "The registry".
// Thread-safety: Add() only before serving starts; afterwards all const methods are safe concurrently.
#pragma once

#include <functional>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "tianping/common/status.h"
#include "tianping/security/audit_log.h"
#include "tianping/service/http_message.h"
#include "tianping/service/principal.h"

namespace tianping::service {

// What a handler knows about its caller. For Access::kPublic endpoints without credentials the caller
// is not authenticated and the principal is empty: public endpoints must not read case data.
struct RequestContext {
  const security::Principal& principal;  // role, court scope, clearance (docs/security.md)
  const Caller& caller;                  // how it authenticated (API key id), for audit records
  // When set (the dispatcher has an audit submitter), audit records go here instead of being appended
  // synchronously: the dispatcher submits them after the handler and releases the response — success or
  // error alike — only once they are durable (a 500 without the data when they fail). Handlers append
  // through AuditFor() (guarded_endpoints.h), which picks the path. docs/api.md "Audited responses".
  std::vector<security::AuditEntry>* deferred_audits = nullptr;
};

using Handler = std::function<Result<HttpResponse>(const HttpRequest&, const RequestContext&)>;

struct ParamSpec {
  std::string name;
  std::string in = "query";         // query | path | body
  std::string type = "string";      // string | integer | number | boolean | object
  std::string description;
  bool required = false;
};

// Whether the dispatcher may answer from its response cache (docs/api.md "Compression and caching").
// kShared: the 200 answer depends on the request target only; kPerScope: also on the principal's role,
// scope and clearance (ScopeCacheKey). Cached answers are kept plain and gzip-compressed with an ETag.
enum class CachePolicy { kNone, kShared, kPerScope };

struct Endpoint {
  std::string name;        // unique, "ref.courts"
  std::string method;      // GET | POST | DELETE
  std::string path;        // "/api/ref/courts", segments "{id}" match one path segment
  std::string module;      // "ref" — the OpenAPI tag and admin grouping
  // The grade (security::Grade, 一般-1 … 核心) of the most sensitive data the endpoint returns. Unless
  // `redacted`, the dispatcher requires EffectiveClearance(principal) >= grade (admin endpoints are
  // gated by role instead: they return no case data).
  Grade grade = Grade::kGeneral1;
  Access access = Access::kUser;
  std::string summary;     // one line, Chinese / English
  std::vector<ParamSpec> params;
  bool paginated = false;  // accepts page/page_size and returns {"items","page","page_size","total"}
  Handler handler;
  // The handler reads through the AccessGuard: rows outside the caller's scope are invisible and fields
  // above its clearance are masked or removed, so `grade` is the ceiling of what it may show, not a
  // gate. Such handlers audit every read of personal data.
  bool redacted = false;
  CachePolicy cache = CachePolicy::kNone;  // only for GET endpoints whose data is fixed while serving
};

class EndpointRegistry {
 public:
  // Errors: InvalidArgument (missing name/handler, path not under /api/), AlreadyExists (same name, or
  // same method + path pattern).
  Status Add(Endpoint endpoint);
  // Marks a registered GET endpoint cacheable. Errors: NotFound, InvalidArgument (not GET).
  Status SetCachePolicy(std::string_view name, CachePolicy policy);

  struct Match {
    const Endpoint* endpoint = nullptr;  // null: no route
    size_t index = 0;                    // position in endpoints(), the statistics slot
    bool path_exists = false;            // the path matches under another method (→ 405)
    std::map<std::string, std::string> params;
  };
  Match Find(std::string_view method, std::string_view path) const;

  const std::vector<Endpoint>& endpoints() const { return endpoints_; }

 private:
  std::vector<Endpoint> endpoints_;
  std::vector<std::vector<std::string>> segments_;  // split path patterns
};

}  // namespace tianping::service
