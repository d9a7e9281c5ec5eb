#include "tianping/service/endpoint_registry.h"

namespace tianping::service {
namespace {

std::vector<std::string> Split(std::string_view path) {
  std::vector<std::string> out;
  size_t i = 0;
  while (i < path.size()) {
    if (path[i] == '/') {
      ++i;
      continue;
    }
    size_t j = path.find('/', i);
    if (j == std::string_view::npos) j = path.size();
    out.emplace_back(path.substr(i, j - i));
    i = j;
  }
  return out;
}

bool IsParam(const std::string& seg) { return seg.size() > 2 && seg.front() == '{' && seg.back() == '}'; }

bool MatchSegments(const std::vector<std::string>& pattern, const std::vector<std::string>& path,
                   std::map<std::string, std::string>* params) {
  if (pattern.size() != path.size()) return false;
  for (size_t i = 0; i < pattern.size(); ++i) {
    if (IsParam(pattern[i])) {
      if (params) (*params)[pattern[i].substr(1, pattern[i].size() - 2)] = path[i];
    } else if (pattern[i] != path[i]) {
      return false;
    }
  }
  return true;
}

}  // namespace

Status EndpointRegistry::Add(Endpoint e) {
  if (e.name.empty() || !e.handler) return Status::InvalidArgument("endpoint needs a name and a handler");
  if (e.path.rfind("/api/", 0) != 0) return Status::InvalidArgument("endpoint path must start with /api/: " + e.path);
  for (const auto& x : endpoints_) {
    if (x.name == e.name) return Status::AlreadyExists("endpoint name registered twice: " + e.name);
    if (x.method == e.method && x.path == e.path)
      return Status::AlreadyExists("route registered twice: " + e.method + " " + e.path);
  }
  for (const auto& seg : Split(e.path)) {
    if (IsParam(seg)) {
      std::string name = seg.substr(1, seg.size() - 2);
      bool declared = false;
      for (const auto& p : e.params) declared |= p.name == name && p.in == "path";
      if (!declared) e.params.push_back({name, "path", "string", "", true});
    }
  }
  if (e.paginated) {
    e.params.push_back({"page", "query", "integer", "页码 page number, from 1", false});
    e.params.push_back({"page_size", "query", "integer", "每页条数 items per page (1–1000, default 50)", false});
  }
  segments_.push_back(Split(e.path));
  endpoints_.push_back(std::move(e));
  return Status::Ok();
}

EndpointRegistry::Match EndpointRegistry::Find(std::string_view method, std::string_view path) const {
  Match m;
  std::vector<std::string> segs = Split(path);
  // Literal segments win over {param} segments: first pass exact, second with parameters.
  for (int pass = 0; pass < 2; ++pass) {
    for (size_t i = 0; i < endpoints_.size(); ++i) {
      bool has_param = false;
      for (const auto& s : segments_[i]) has_param |= IsParam(s);
      if (has_param != (pass == 1)) continue;
      std::map<std::string, std::string> params;
      if (!MatchSegments(segments_[i], segs, &params)) continue;
      if (endpoints_[i].method != method) {
        m.path_exists = true;
        continue;
      }
      m.endpoint = &endpoints_[i];
      m.index = i;
      m.params = std::move(params);
      return m;
    }
  }
  return m;
}

Status EndpointRegistry::SetCachePolicy(std::string_view name, CachePolicy policy) {
  for (auto& e : endpoints_) {
    if (e.name != name) continue;
    if (e.method != "GET") return Status::InvalidArgument("only GET endpoints are cached: " + e.name);
    e.cache = policy;
    return Status::Ok();
  }
  return Status::NotFound("no endpoint named " + std::string(name));
}

}  // namespace tianping::service
