// The dispatcher's cache of finished answers for endpoints whose data does not change while the service
// runs (Endpoint::cache): each entry keeps the body plain and gzip-compressed and a strong ETag, so a hit
// costs one hash look-up and a copy — no JSON building, no compression per request.
// Bounded: when an insert would exceed max_entries or max_bytes the cache is emptied (answers are cheap
// to rebuild; no LRU bookkeeping on the hot path).
// Epochs: answers are computed from the data the service serves, which changes when a new store snapshot
// is swapped in (snapshot_holder.h). Every entry records the epoch (the served data's generation) read
// before its handler ran; Get answers only entries of the epoch asked for, the first Put of a newer epoch
// empties the cache, and the ETag covers the epoch, so clients revalidating after a swap get new answers.
// Thread-safety: Get and Put may be called concurrently.
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <shared_mutex>
#include <string>
#include <unordered_map>
#include <vector>

#include "tianping/security/audit_log.h"
#include "tianping/service/http_message.h"
#include "tianping/service/principal.h"

namespace tianping::service {

struct CachedResponse {
  std::string content_type, body, gzipped;  // gzipped empty when the body is too small to compress
  std::string etag;                         // "\"<16 hex digits>\"" of the plain body and the epoch
  uint64_t epoch = 0;
  // Audited answers (personal data): the records every hit must append again, actor left empty (it is the
  // caller of each hit). Only the data is cached, never the audit.
  std::vector<security::AuditEntry> audits;
};

class ResponseCache {
 public:
  explicit ResponseCache(size_t max_entries = 4096, size_t max_bytes = 64u << 20)
      : max_entries_(max_entries), max_bytes_(max_bytes) {}
  // Null when there is no entry for `key` computed in `epoch`.
  std::shared_ptr<const CachedResponse> Get(const std::string& key, uint64_t epoch = 0) const;
  // Builds the entry (gzip, ETag) from a 200 answer computed in `epoch` (REQUIRES: the epoch was read
  // before the handler ran) and stores it, with the audit records a hit must repeat, unless a newer epoch
  // has been seen: then it is only returned.
  std::shared_ptr<const CachedResponse> Put(const std::string& key, const HttpResponse& response,
                                            uint64_t epoch = 0, std::vector<security::AuditEntry> audits = {});
  size_t size() const;

  // The answer to send: 304 when If-None-Match names the ETag, gzip body when accepted. `revalidate`
  // false (personal data): no ETag, no 304 and no Cache-Control here (the dispatcher adds no-store).
  static HttpResponse Respond(const CachedResponse& entry, const HttpRequest& request, bool revalidate = true);

 private:
  size_t max_entries_, max_bytes_;
  mutable std::shared_mutex mu_;
  std::unordered_map<std::string, std::shared_ptr<const CachedResponse>> map_;
  size_t bytes_ = 0;
  uint64_t epoch_ = 0;  // the newest epoch Put has seen
};

// The part of the principal a kPerScope answer depends on (role, scope, clearance, judge id) — never the
// user name, so users with equal rights share entries.
std::string ScopeCacheKey(const security::Principal& principal);

}  // namespace tianping::service
