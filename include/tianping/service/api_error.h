// The ONE place that maps failures to HTTP: a Status becomes an HTTP status and the JSON error body
//   {"error":{"code":"not_found","message":"..."}}
// (docs/api.md lists the codes). Service-level conditions without a Status (401, 429, 405) use
// ErrorResponse directly with the same body shape.
#pragma once

#include <string_view>

#include "tianping/common/status.h"
#include "tianping/service/http_message.h"

namespace tianping::service {

// InvalidArgument/ParseError → 400, PermissionDenied → 403, NotFound → 404, AlreadyExists and
// FailedPrecondition → 409, IoError/Corruption/Internal → 500. REQUIRES: !status.ok().
int HttpStatusFor(const Status& status);
// The error code string for a Status: invalid_argument, parse_error, not_found, ...
const char* ErrorCodeFor(const Status& status);

HttpResponse ErrorResponse(int http_status, std::string_view code, std::string_view message);
HttpResponse ErrorFromStatus(const Status& status);

}  // namespace tianping::service
