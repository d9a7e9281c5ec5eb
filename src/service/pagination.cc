#include "tianping/service/pagination.h"

#include <charconv>

namespace tianping::service {

Result<long long> IntParam(const HttpRequest& request, const char* name, long long fallback, long long min,
                           long long max) {
  auto v = request.Param(name);
  if (!v) return fallback;
  long long x = 0;
  auto [p, ec] = std::from_chars(v->data(), v->data() + v->size(), x);
  if (ec != std::errc() || p != v->data() + v->size() || x < min || x > max) {
    return Status::InvalidArgument(std::string("参数 ") + name + " 须为 " + std::to_string(min) + "–" +
                                   std::to_string(max) + " 之间的整数 / " + name + " must be an integer in [" +
                                   std::to_string(min) + ", " + std::to_string(max) + "], got '" + *v + "'");
  }
  return x;
}

Result<Page> ParsePage(const HttpRequest& request, size_t default_size) {
  auto page = IntParam(request, "page", 1, 1, 1000000000);
  if (!page.ok()) return page.status();
  auto size = IntParam(request, "page_size", static_cast<long long>(default_size), 1, 1000);
  if (!size.ok()) return size.status();
  return Page{static_cast<size_t>(*page), static_cast<size_t>(*size)};
}

std::string PagedJson(const Page& page, size_t total, const std::function<void(JsonWriter&, size_t)>& item) {
  std::string out;
  JsonWriter w(&out);
  w.BeginObject();
  w.Key("items");
  w.BeginArray();
  for (size_t i = page.offset(); i < total && i < page.offset() + page.page_size; ++i) item(w, i);
  w.EndArray();
  w.FieldInt("page", static_cast<int64_t>(page.page));
  w.FieldInt("page_size", static_cast<int64_t>(page.page_size));
  w.FieldInt("total", static_cast<int64_t>(total));
  w.EndObject();
  return out;
}

}  // namespace tianping::service
