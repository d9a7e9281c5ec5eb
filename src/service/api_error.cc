#include "tianping/service/api_error.h"

#include "tianping/common/json_writer.h"

namespace tianping::service {

int HttpStatusFor(const Status& status) {
  switch (status.code()) {
    case Status::Code::kOk: return 200;
    case Status::Code::kInvalidArgument:
    case Status::Code::kParseError: return 400;
    case Status::Code::kPermissionDenied: return 403;
    case Status::Code::kNotFound: return 404;
    case Status::Code::kAlreadyExists:
    case Status::Code::kFailedPrecondition: return 409;
    case Status::Code::kIoError:
    case Status::Code::kCorruption:
    case Status::Code::kInternal: return 500;
  }
  return 500;
}

const char* ErrorCodeFor(const Status& status) {
  switch (status.code()) {
    case Status::Code::kOk: return "ok";
    case Status::Code::kInvalidArgument: return "invalid_argument";
    case Status::Code::kParseError: return "parse_error";
    case Status::Code::kPermissionDenied: return "permission_denied";
    case Status::Code::kNotFound: return "not_found";
    case Status::Code::kAlreadyExists: return "already_exists";
    case Status::Code::kFailedPrecondition: return "failed_precondition";
    case Status::Code::kIoError: return "io_error";
    case Status::Code::kCorruption: return "corruption";
    case Status::Code::kInternal: return "internal";
  }
  return "internal";
}

HttpResponse ErrorResponse(int http_status, std::string_view code, std::string_view message) {
  std::string body;
  JsonWriter w(&body);
  w.BeginObject();
  w.Key("error");
  w.BeginObject();
  w.Field("code", code);
  w.Field("message", message);
  w.EndObject();
  w.EndObject();
  return HttpResponse::Json(std::move(body), http_status);
}

HttpResponse ErrorFromStatus(const Status& status) {
  // Server-side failures do not leak internal detail beyond the message the module chose.
  return ErrorResponse(HttpStatusFor(status), ErrorCodeFor(status), status.message());
}

}  // namespace tianping::service
