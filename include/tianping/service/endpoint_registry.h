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
#include "tianping/service/http_message.h"
#include "tianping/service/principal.h"

namespace tianping::service {

struct RequestContext {
  const Principal& principal;
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
  DataGrade grade = DataGrade::kPublic;
  Access access = Access::kUser;
  std::string summary;     // one line, Chinese / English
  std::vector<ParamSpec> params;
  bool paginated = false;  // accepts page/page_size and returns {"items","page","page_size","total"}
  Handler handler;
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
