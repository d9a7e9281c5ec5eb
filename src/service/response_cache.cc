#include "tianping/service/response_cache.h"

#include <cstdint>
#include <cstdio>
#include <mutex>

#include "tianping/service/dispatcher.h"
#include "tianping/service/gzip.h"

namespace tianping::service {
namespace {

constexpr size_t kMinGzipBytes = 512;

std::string Etag(const std::string& body, uint64_t epoch) {
  uint64_t h = 1469598103934665603ull;  // FNV-1a 64 over the epoch's 8 bytes, then the body
  for (int i = 0; i < 8; ++i) h = (h ^ ((epoch >> (8 * i)) & 0xff)) * 1099511628211ull;
  for (unsigned char c : body) h = (h ^ c) * 1099511628211ull;
  char buf[24];
  std::snprintf(buf, sizeof buf, "\"%016llx\"", static_cast<unsigned long long>(h));
  return buf;
}

}  // namespace

std::shared_ptr<const CachedResponse> ResponseCache::Get(const std::string& key, uint64_t epoch) const {
  std::shared_lock lock(mu_);
  auto it = map_.find(key);
  return it == map_.end() || it->second->epoch != epoch ? nullptr : it->second;
}

std::shared_ptr<const CachedResponse> ResponseCache::Put(const std::string& key, const HttpResponse& response,
                                                         uint64_t epoch, std::vector<security::AuditEntry> audits) {
  auto e = std::make_shared<CachedResponse>();
  e->audits = std::move(audits);
  e->content_type = response.content_type;
  e->body = response.body;
  if (e->body.size() >= kMinGzipBytes) e->gzipped = GzipCompress(e->body, 6);
  e->etag = Etag(e->body, epoch);
  e->epoch = epoch;
  size_t bytes = key.size() + e->body.size() + e->gzipped.size();
  std::unique_lock lock(mu_);
  if (epoch < epoch_) return e;  // computed from data that is no longer served
  if (epoch > epoch_ || map_.size() + 1 > max_entries_ || bytes_ + bytes > max_bytes_) {
    map_.clear();
    bytes_ = 0;
    epoch_ = epoch;
  }
  auto [it, inserted] = map_.emplace(key, e);
  if (inserted) bytes_ += bytes;
  return it->second;
}

size_t ResponseCache::size() const {
  std::shared_lock lock(mu_);
  return map_.size();
}

HttpResponse ResponseCache::Respond(const CachedResponse& e, const HttpRequest& request, bool revalidate) {
  HttpResponse r;
  r.content_type = e.content_type;
  if (revalidate) {
    r.headers.emplace_back("ETag", e.etag);
    r.headers.emplace_back("Cache-Control", "private, no-cache");
  }
  r.headers.emplace_back("Vary", "Accept-Encoding");
  std::string inm = revalidate ? request.Header("if-none-match") : std::string();
  if (!inm.empty() && inm.find(e.etag) != std::string::npos) {
    r.status = 304;
    return r;
  }
  if (!e.gzipped.empty() && AcceptsGzip(request.Header("accept-encoding"))) {
    r.body = e.gzipped;
    r.headers.emplace_back("Content-Encoding", "gzip");
  } else {
    r.body = e.body;
  }
  return r;
}

std::string ScopeCacheKey(const security::Principal& p) {
  return std::string(security::SpecOf(p.role).name) + "/" + p.scope.ToString() + "/" +
         std::to_string(static_cast<int>(p.clearance)) + "/" + p.judge_id;
}

}  // namespace tianping::service
