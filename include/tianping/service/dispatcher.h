// The request pipeline every request passes through (docs/api.md): route → authenticate (session cookie
// or X-API-Key) → access and grade check → rate limit / quota → handler → (wait for its audit records to
// be durable) → error mapping → statistics → gzip. Non-/api paths are served from the static web bundle (single-page app fallback to index.html).
// Thread-safety: Handle() / HandleAsync() may be called concurrently; construction and Set* before serving.
#pragma once

#include <condition_variable>
#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "tianping/service/authenticator.h"
#include "tianping/service/endpoint_registry.h"
#include "tianping/service/endpoint_stats.h"
#include "tianping/service/http_message.h"
#include "tianping/service/rate_limiter.h"
#include "tianping/service/response_cache.h"

namespace tianping::service {

// One record per API request: the hook where the audit trail plugs in (today `serve --access-log`; the
// security module's audit log later). Query strings are kept: they are part of what was asked.
struct AccessRecord {
  std::string principal;  // user name, "key:<key_id>", or "" when anonymous / not authenticated
  std::string method, target, endpoint;  // endpoint: registry name, "" when no route matched
  int status = 0;
  uint64_t micros = 0;
  std::string remote;
};
using AccessSink = std::function<void(const AccessRecord&)>;

// The data API answers are computed from (snapshot_holder.h): `generation` is the response cache's
// epoch, `snapshot` is sent as X-Tianping-Snapshot on every /api/ answer.
struct DataVersion {
  uint64_t generation = 0, snapshot = 0;
};
// Queues audit records without blocking and calls `done` once, from any thread, when they are durable (Ok)
// or failed (SecurityService::AuditAsync over security::AuditWriter::AppendAsync).
using AuditSubmitter =
    std::function<void(std::vector<security::AuditEntry> entries, std::function<void(Status)> done)>;
// Runs a closure on the caller's executor (the HTTP session's strand), never inline in the audit writer.
using Poster = std::function<void(std::function<void()>)>;
using ResponseCallback = std::function<void(HttpResponse)>;

class Dispatcher {
 public:
  // REQUIRES: registry is complete (no Add after this); all pointers outlive the dispatcher.
  Dispatcher(const EndpointRegistry* registry, Authenticator* auth, RateLimiter* limiter);

  // Loads every file under web_dir into memory (with a gzip copy). A missing dir only logs: the API
  // works without the dashboard.
  Status LoadStaticFiles(const std::string& web_dir);

  // Answers `request` by calling `done` exactly once: inline when the handler deferred no audit records,
  // else through `post` after the records are durable (the latency in the statistics and the access log
  // includes that wait). A failed audit turns the answer into a 500 "audit_failed" without the data.
  void HandleAsync(HttpRequest request, Poster post, ResponseCallback done);
  // Blocking form (tests, tools): HandleAsync with an inline poster, waiting for the answer.
  HttpResponse Handle(HttpRequest request);

  // Makes handlers defer their audit records (RequestContext::deferred_audits) to `submit`. Without it
  // handlers append synchronously. Before serving.
  void SetAuditSubmitter(AuditSubmitter submit) { audit_ = std::move(submit); }
  // Blocks until every audit submission made by HandleAsync has completed and been posted (the HTTP
  // server calls it after its I/O threads stopped, before its executor goes away).
  void WaitForAudits();

  // Called after every /api/ request, on the I/O thread: must be thread-safe and quick. Before serving.
  void SetAccessSink(AccessSink sink) { sink_ = std::move(sink); }
  // Read once per /api/ request, before its handler: must be thread-safe and quick. Before serving.
  void SetDataVersion(std::function<DataVersion()> version) { version_ = std::move(version); }

  const EndpointStats& stats() const { return stats_; }
  const ResponseCache& response_cache() const { return cache_; }
  size_t static_file_count() const { return files_.size(); }

  static constexpr const char* kSessionCookie = "tp_session";

 private:
  struct StaticFile {
    std::string content_type, body, gzipped;
  };
  struct Finishing;  // what Finish() needs of a request whose answer may wait for its audit records
  HttpResponse Route(HttpRequest& request, uint64_t epoch, size_t* stat_slot, std::string* principal,
                     std::vector<security::AuditEntry>* deferred);
  HttpResponse Finish(Finishing& f);
  HttpResponse ServeStatic(const HttpRequest& request) const;
  Result<Caller> Authenticate(const HttpRequest& request, bool* rate_limited, HttpResponse* limited);

  const EndpointRegistry* registry_;
  Authenticator* auth_;
  RateLimiter* limiter_;
  EndpointStats stats_;
  size_t unmatched_slot_;
  std::map<std::string, StaticFile> files_;
  AccessSink sink_;
  std::function<DataVersion()> version_;
  AuditSubmitter audit_;
  ResponseCache cache_;
  std::mutex audits_mu_;
  std::condition_variable audits_done_;
  int64_t audits_in_flight_ = 0;  // guarded by audits_mu_
};

// The gate before the handler: admin endpoints need the admin role; other non-public endpoints need
// EffectiveClearance(principal) >= grade unless the endpoint is `redacted` (it masks per clearance).
// REQUIRES: caller.authenticated unless e.access == kPublic.
Status CheckEndpointAccess(const Endpoint& e, const Caller& caller);

// True if the Accept-Encoding header value accepts gzip.
bool AcceptsGzip(const std::string& accept_encoding);

}  // namespace tianping::service
