// Pagination for list endpoints: ?page=1&page_size=50 (page_size 1–1000) → a JSON envelope
//   {"items":[...],"page":1,"page_size":50,"total":1234}
#pragma once

#include <cstddef>
#include <functional>
#include <string>

#include "tianping/common/json_writer.h"
#include "tianping/common/status.h"
#include "tianping/service/http_message.h"

namespace tianping::service {

struct Page {
  size_t page = 1, page_size = 50;
  size_t offset() const { return (page - 1) * page_size; }
};

// Errors: InvalidArgument naming the bad parameter.
Result<Page> ParsePage(const HttpRequest& request, size_t default_size = 50);

// Writes the envelope; item(w, i) writes element i of the full list, for i in the page's range.
std::string PagedJson(const Page& page, size_t total, const std::function<void(JsonWriter&, size_t)>& item);

// Parses an integer query parameter; absent → fallback. Errors: InvalidArgument.
Result<long long> IntParam(const HttpRequest& request, const char* name, long long fallback, long long min,
                           long long max);

}  // namespace tianping::service
