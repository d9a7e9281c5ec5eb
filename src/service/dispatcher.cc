#include "tianping/service/dispatcher.h"

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <future>
#include <sstream>

#include "tianping/service/api_error.h"
#include "tianping/service/gzip.h"

namespace tianping::service {
namespace {

std::string ContentTypeFor(const std::string& path) {
  auto ext = std::filesystem::path(path).extension().string();
  if (ext == ".html") return "text/html; charset=utf-8";
  if (ext == ".js" || ext == ".mjs") return "text/javascript; charset=utf-8";
  if (ext == ".css") return "text/css; charset=utf-8";
  if (ext == ".json") return "application/json; charset=utf-8";
  if (ext == ".svg") return "image/svg+xml";
  if (ext == ".png") return "image/png";
  if (ext == ".ico") return "image/x-icon";
  if (ext == ".woff2") return "font/woff2";
  return "application/octet-stream";
}

bool Compressible(const std::string& content_type) {
  return content_type.rfind("application/json", 0) == 0 || content_type.rfind("text/", 0) == 0 ||
         content_type.rfind("image/svg", 0) == 0;
}

constexpr size_t kMinGzipBytes = 512;

}  // namespace

bool AcceptsGzip(const std::string& accept_encoding) {
  // "gzip", "gzip, deflate, br", "gzip;q=0.8" accept; "gzip;q=0" refuses.
  size_t p = accept_encoding.find("gzip");
  if (p == std::string::npos) return false;
  size_t q = accept_encoding.find_first_not_of(' ', p + 4);
  if (q == std::string::npos || accept_encoding.compare(q, 3, ";q=") != 0) return true;
  return std::strtod(accept_encoding.c_str() + q + 3, nullptr) > 0;
}

Dispatcher::Dispatcher(const EndpointRegistry* registry, Authenticator* auth, RateLimiter* limiter)
    : registry_(registry),
      auth_(auth),
      limiter_(limiter),
      stats_(registry->endpoints().size() + 1),
      unmatched_slot_(registry->endpoints().size()) {}

Status Dispatcher::LoadStaticFiles(const std::string& web_dir) {
  namespace fs = std::filesystem;
  std::error_code ec;
  if (!fs::is_directory(web_dir, ec)) return Status::NotFound(web_dir + ": no web bundle (run make build)");
  for (auto it = fs::recursive_directory_iterator(web_dir, ec); it != fs::recursive_directory_iterator();
       it.increment(ec)) {
    if (ec) break;
    if (!it->is_regular_file()) continue;
    std::ifstream in(it->path(), std::ios::binary);
    std::stringstream ss;
    ss << in.rdbuf();
    StaticFile f;
    f.body = ss.str();
    f.content_type = ContentTypeFor(it->path().string());
    if (Compressible(f.content_type) && f.body.size() >= kMinGzipBytes) f.gzipped = GzipCompress(f.body, 9);
    std::string key = "/";  // (not "/" + ...: GCC 12 raises a false -Wrestrict there)
    key += fs::relative(it->path(), web_dir).generic_string();
    files_[key] = std::move(f);
  }
  return Status::Ok();
}

HttpResponse Dispatcher::ServeStatic(const HttpRequest& request) const {
  if (request.method != "GET" && request.method != "HEAD")
    return ErrorResponse(405, "method_not_allowed", "static files accept GET only");
  auto it = files_.find(request.path == "/" ? "/index.html" : request.path);
  // Single-page app: unknown paths without an extension get index.html (client-side routes).
  if (it == files_.end() && std::filesystem::path(request.path).extension().empty()) it = files_.find("/index.html");
  if (it == files_.end()) return ErrorResponse(404, "not_found", "no such file: " + request.path);
  HttpResponse r;
  r.content_type = it->second.content_type;
  bool hashed_asset = request.path.rfind("/assets/", 0) == 0;
  r.headers.emplace_back("Cache-Control", hashed_asset ? "public, max-age=31536000, immutable" : "no-cache");
  if (!it->second.gzipped.empty() && AcceptsGzip(request.Header("accept-encoding"))) {
    r.body = it->second.gzipped;
    r.headers.emplace_back("Content-Encoding", "gzip");
  } else {
    r.body = it->second.body;
  }
  r.headers.emplace_back("Vary", "Accept-Encoding");
  return r;
}

Result<Caller> Dispatcher::Authenticate(const HttpRequest& request, bool* rate_limited, HttpResponse* limited) {
  std::string key = request.Header("x-api-key");
  if (!key.empty()) {
    auto caller = auth_->FromApiKey(key);
    if (!caller.ok()) return caller.status();
    auto d = limiter_->Acquire(caller->LimiterId(), caller->limits);
    if (!d.allowed) {
      *rate_limited = true;
      *limited = ErrorResponse(429, d.reason == "quota" ? "quota_exceeded" : "rate_limited",
                               d.reason == "quota" ? "今日配额已用尽 / daily quota exhausted"
                                                   : "请求过于频繁 / too many requests");
      limited->headers.emplace_back("Retry-After", std::to_string(d.retry_after_seconds));
    }
    return caller;
  }
  std::string token = request.Cookie(kSessionCookie);
  std::string authz = request.Header("authorization");
  if (token.empty() && authz.rfind("Bearer ", 0) == 0) token = authz.substr(7);
  if (token.empty()) return Caller{};
  return auth_->FromSession(token);
}

Status CheckEndpointAccess(const Endpoint& e, const Caller& caller) {
  if (e.access == Access::kPublic) return Status::Ok();
  const security::Principal& p = caller.principal;
  if (e.access == Access::kAdmin) {
    if (p.role != security::Role::kAdmin) return Status::PermissionDenied("需要管理员权限 / administrators only");
    return Status::Ok();
  }
  if (!e.redacted && EffectiveClearance(p) < e.grade) {
    return Status::PermissionDenied(std::string("数据密级不足 / clearance below ") + security::GradeName(e.grade) +
                                    " (role " + security::SpecOf(p.role).name + ")");
  }
  return Status::Ok();
}

HttpResponse Dispatcher::Route(HttpRequest& request, uint64_t epoch, size_t* slot, std::string* who,
                                std::vector<security::AuditEntry>* deferred) {
  auto m = registry_->Find(request.method, request.path);
  if (!m.endpoint) {
    if (m.path_exists) return ErrorResponse(405, "method_not_allowed", request.method + " not allowed on " + request.path);
    return ErrorResponse(404, "not_found", "no such endpoint: " + request.path);
  }
  *slot = m.index;
  const Endpoint& e = *m.endpoint;
  request.path_params = std::move(m.params);
  bool limited = false;
  HttpResponse limited_response;
  auto caller = Authenticate(request, &limited, &limited_response);
  // Public endpoints ignore bad credentials (a stale session cookie must not block /api/login).
  if (!caller.ok() && e.access == Access::kPublic) caller = Caller{};
  if (!caller.ok()) return ErrorResponse(401, "unauthenticated", caller.status().message());
  if (caller->authenticated) *who = caller->principal.name;
  if (limited) return limited_response;
  if (e.access != Access::kPublic && !caller->authenticated)
    return ErrorResponse(401, "unauthenticated", "请先登录 / login or X-API-Key required");
  if (Status st = CheckEndpointAccess(e, *caller); !st.ok()) return ErrorFromStatus(st);
  RequestContext ctx{caller->principal, *caller, audit_ ? deferred : nullptr};
  // Cached answers (Endpoint::cache): keyed by route, target and, per scope, the principal's scope.
  std::string cache_key;
  if (e.cache != CachePolicy::kNone && request.method == "GET") {
    cache_key = std::to_string(m.index) + '\n' + request.target;
    if (e.cache == CachePolicy::kPerScope) cache_key += '\n' + ScopeCacheKey(caller->principal);
    if (auto hit = cache_.Get(cache_key, epoch)) return ResponseCache::Respond(*hit, request);
  }
  try {
    auto r = e.handler(request, ctx);
    if (!r.ok()) return ErrorFromStatus(r.status());
    if (!cache_key.empty() && r->status == 200 && r->headers.empty() && deferred->empty())
      return ResponseCache::Respond(*cache_.Put(cache_key, *r, epoch), request);
    return std::move(r).value();
  } catch (const std::exception& ex) {
    return ErrorResponse(500, "internal", std::string("handler failed: ") + ex.what());
  }
}

struct Dispatcher::Finishing {
  std::chrono::steady_clock::time_point start;
  bool api = false;
  size_t slot = 0;
  std::string who, method, target, accept_encoding, remote;
  HttpResponse response;
  std::optional<DataVersion> version;  // /api/ requests when a data version is set
};

HttpResponse Dispatcher::Finish(Finishing& f) {
  HttpResponse r = std::move(f.response);
  if (!f.api) return r;
  bool encoded = false, cache_control = false;
  for (auto& [k, v] : r.headers) {
    encoded |= k == "Content-Encoding";
    cache_control |= k == "Cache-Control";
  }
  if (f.version) r.headers.emplace_back("X-Tianping-Snapshot", std::to_string(f.version->snapshot));
  if (!cache_control) r.headers.emplace_back("Cache-Control", "no-store");
  if (!encoded && r.body.size() >= kMinGzipBytes && Compressible(r.content_type) && AcceptsGzip(f.accept_encoding)) {
    r.body = GzipCompress(r.body, 1);
    r.headers.emplace_back("Content-Encoding", "gzip");
    r.headers.emplace_back("Vary", "Accept-Encoding");
  }
  auto us = std::chrono::duration_cast<std::chrono::microseconds>(std::chrono::steady_clock::now() - f.start);
  stats_.Record(f.slot, r.status, static_cast<uint64_t>(us.count()));
  if (sink_) {
    sink_({std::move(f.who), std::move(f.method), std::move(f.target),
           f.slot < registry_->endpoints().size() ? registry_->endpoints()[f.slot].name : std::string(), r.status,
           static_cast<uint64_t>(us.count()), std::move(f.remote)});
  }
  return r;
}

void Dispatcher::HandleAsync(HttpRequest request, Poster post, ResponseCallback done) {
  auto f = std::make_shared<Finishing>();
  f->start = std::chrono::steady_clock::now();
  f->api = request.path.rfind("/api/", 0) == 0 || request.path == "/api";
  f->slot = unmatched_slot_;
  std::vector<security::AuditEntry> deferred;
  if (f->api && version_) f->version = version_();  // read once, before the handler (response cache epoch)
  f->response = f->api ? Route(request, f->version ? f->version->generation : 0, &f->slot, &f->who, &deferred)
                       : ServeStatic(request);
  if (f->api) {
    f->method = request.method;
    f->target = request.target.empty() ? request.path : request.target;
    f->accept_encoding = request.Header("accept-encoding");
    f->remote = request.remote;
  }
  if (deferred.empty()) return done(Finish(*f));
  {
    std::lock_guard<std::mutex> lock(audits_mu_);
    ++audits_in_flight_;
  }
  // The answer (data or error) stays here until its records are durable: no record, no data.
  audit_(std::move(deferred), [this, f, post = std::move(post), done = std::move(done)](Status st) mutable {
    post([this, f, st, done = std::move(done)] {
      if (!st.ok()) {
        f->response = ErrorResponse(500, "audit_failed", "审计记录写入失败 / audit record not written: " + st.ToString());
      }
      done(Finish(*f));
    });
    std::lock_guard<std::mutex> lock(audits_mu_);
    if (--audits_in_flight_ == 0) audits_done_.notify_all();
  });
}

void Dispatcher::WaitForAudits() {
  std::unique_lock<std::mutex> lock(audits_mu_);
  audits_done_.wait(lock, [&] { return audits_in_flight_ == 0; });
}

HttpResponse Dispatcher::Handle(HttpRequest request) {
  std::promise<HttpResponse> answered;
  auto answer = answered.get_future();
  HandleAsync(std::move(request), [](std::function<void()> fn) { fn(); },
              [&answered](HttpResponse r) { answered.set_value(std::move(r)); });
  return answer.get();
}

}  // namespace tianping::service
