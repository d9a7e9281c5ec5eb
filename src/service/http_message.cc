#include "tianping/service/http_message.h"

namespace tianping::service {

std::string HttpRequest::Header(std::string_view name) const {
  auto it = headers.find(std::string(name));
  return it == headers.end() ? std::string() : it->second;
}

std::optional<std::string> HttpRequest::Param(std::string_view name) const {
  auto it = query.find(std::string(name));
  if (it == query.end()) return std::nullopt;
  return it->second;
}

std::string HttpRequest::Cookie(std::string_view name) const {
  std::string_view all = headers.count("cookie") ? std::string_view(headers.at("cookie")) : std::string_view();
  while (!all.empty()) {
    size_t semi = all.find(';');
    std::string_view item = all.substr(0, semi);
    while (!item.empty() && item.front() == ' ') item.remove_prefix(1);
    size_t eq = item.find('=');
    if (eq != std::string_view::npos && item.substr(0, eq) == name) return std::string(item.substr(eq + 1));
    if (semi == std::string_view::npos) break;
    all.remove_prefix(semi + 1);
  }
  return {};
}

HttpResponse HttpResponse::Json(std::string body, int status) {
  HttpResponse r;
  r.status = status;
  r.body = std::move(body);
  return r;
}

namespace {
int Hex(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}
}  // namespace

std::string UrlDecode(std::string_view s, bool plus_is_space, bool* ok) {
  std::string out;
  out.reserve(s.size());
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '%') {
      int h = i + 2 < s.size() ? Hex(s[i + 1]) : -1, l = i + 2 < s.size() ? Hex(s[i + 2]) : -1;
      if (h < 0 || l < 0) {
        *ok = false;
        return out;
      }
      out.push_back(static_cast<char>(h * 16 + l));
      i += 2;
    } else if (s[i] == '+' && plus_is_space) {
      out.push_back(' ');
    } else {
      out.push_back(s[i]);
    }
  }
  return out;
}

bool ParseTarget(std::string_view target, std::string* path, std::multimap<std::string, std::string>* query) {
  bool ok = true;
  size_t q = target.find('?');
  *path = UrlDecode(target.substr(0, q), false, &ok);
  if (q == std::string_view::npos) return ok;
  std::string_view rest = target.substr(q + 1);
  while (!rest.empty()) {
    size_t amp = rest.find('&');
    std::string_view item = rest.substr(0, amp);
    if (!item.empty()) {
      size_t eq = item.find('=');
      std::string k = UrlDecode(item.substr(0, eq), true, &ok);
      std::string v = eq == std::string_view::npos ? "" : UrlDecode(item.substr(eq + 1), true, &ok);
      query->emplace(std::move(k), std::move(v));
    }
    if (amp == std::string_view::npos) break;
    rest.remove_prefix(amp + 1);
  }
  return ok;
}

}  // namespace tianping::service
