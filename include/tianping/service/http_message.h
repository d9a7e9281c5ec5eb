// Transport-independent HTTP request and response used by the service pipeline and every handler, so
// handlers and the dispatcher are testable without sockets (the Beast server converts at the edge).
// Thread-safety: values.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "tianping/common/status.h"

namespace tianping::service {

struct HttpRequest {
  std::string method;                              // GET POST ...
  std::string target;                              // path + "?" + query, as received
  std::string path;                                // decoded path without the query
  std::multimap<std::string, std::string> query;   // decoded query parameters
  std::map<std::string, std::string> headers;      // lower-case names
  std::string body;
  std::string remote;                              // peer address, for the audit trail
  // Filled by the dispatcher: values of {name} segments of the matched path pattern.
  std::map<std::string, std::string> path_params;

  std::string Header(std::string_view name) const;  // name in lower case; "" when absent
  std::optional<std::string> Param(std::string_view name) const;  // first query value
  std::string Cookie(std::string_view name) const;
};

struct HttpResponse {
  int status = 200;
  std::string content_type = "application/json; charset=utf-8";
  std::string body;
  std::vector<std::pair<std::string, std::string>> headers;  // extra headers (Set-Cookie, Retry-After...)

  static HttpResponse Json(std::string body, int status = 200);
};

// Splits "a/b?x=1&y=%E4%B8%AD" into path and decoded parameters. Returns false on a malformed escape.
bool ParseTarget(std::string_view target, std::string* path, std::multimap<std::string, std::string>* query);
std::string UrlDecode(std::string_view s, bool plus_is_space, bool* ok);

}  // namespace tianping::service
