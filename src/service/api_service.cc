#include "tianping/service/api_service.h"

#include <cstdio>

#include "tianping/model/dataset_summary.h"
#include "tianping/service/analytics_endpoints.h"
#include "tianping/service/component_catalog.h"
#include "tianping/service/core_endpoints.h"
#include "tianping/service/dispatcher.h"
#include "tianping/service/guarded_endpoints.h"
#include "tianping/service/gzip.h"

#include "access_log.h"

namespace tianping::service {

struct ApiService::State {
  ServiceOptions options;
  ReferenceData ref;
  std::optional<text::Segmenter> segmenter;
  std::unique_ptr<SecurityService> security;
  RateLimiter limiter;
  RateLimiter login_limiter;
  EndpointRegistry registry;
  CoreState core;
  std::unique_ptr<Dispatcher> dispatcher;
  std::unique_ptr<HttpServer> server;
  std::vector<DemoLogin> demo_logins;
  std::unique_ptr<AccessLog> access_log;
  ComponentCatalog components;
  std::unique_ptr<security::AccessGuard> guard;
  std::unique_ptr<StoreHolder> store;
  ResponseCache party_answers{16384, 64u << 20};  // before `guarded`, which points here
  GuardedState guarded;
  std::unique_ptr<AnalyticsState> analytics;  // after `guarded`: it points there
};

ApiService::ApiService(std::unique_ptr<State> state) : state_(std::move(state)) {}
ApiService::~ApiService() = default;

Result<std::unique_ptr<ApiService>> ApiService::Create(const ServiceOptions& options) {
  auto s = std::make_unique<State>();
  s->options = options;
  auto ref = ReferenceData::Load(options.ref_dir.empty() ? ReferenceData::DefaultRefDir() : options.ref_dir,
                                 options.data_dir);
  if (!ref.ok()) return ref.status();
  s->ref = std::move(ref).value();

  CoreState& core = s->core;
  core.version = "0.1.0";
  core.ref = &s->ref;
  if (options.load_segmenter) {
    auto seg = text::Segmenter::Load(text::SegmenterOptions::Default());
    if (seg.ok()) {
      s->segmenter.emplace(std::move(seg).value());
      core.segmenter = &*s->segmenter;
    } else {
      core.segmenter_status = seg.status();
      std::fprintf(stderr, "serve: segmenter unavailable (%s); /api/segment will answer 409\n",
                   seg.status().ToString().c_str());
    }
  } else {
    core.segmenter_status = Status::FailedPrecondition("segmenter disabled (--no-segmenter)");
  }
  auto summary = SummarizeDataset(options.data_dir, s->ref);
  if (summary.ok()) {
    core.summary_json = DatasetSummaryJson(*summary);
    core.summary_gzip = GzipCompress(core.summary_json, 9);
    core.summary_status = Status::Ok();
  } else {
    core.summary_status = summary.status();
    std::fprintf(stderr, "serve: no dataset summary (%s)\n", summary.status().ToString().c_str());
  }

  auto security = SecurityService::Open({options.data_dir, options.fast_password_hash});
  if (!security.ok()) return security.status();
  s->security = std::move(security).value();
  if (options.demo_users) {
    auto logins = s->security->EnsureDemoUsers();
    if (!logins.ok()) return logins.status();
    s->demo_logins = std::move(logins).value();
  }
  core.security = s->security.get();
  core.limiter = &s->limiter;
  core.login_limiter = &s->login_limiter;
  core.registry = &s->registry;
  s->guard = std::make_unique<security::AccessGuard>(security::Catalog::Default(), s->ref);
  s->store = std::make_unique<StoreHolder>(options.data_dir);
  s->guarded = {s->guard.get(), s->security.get(), s->store.get(), &s->party_answers};
  AnalyticsOptions aopt;
  aopt.data_dir = options.data_dir;
  aopt.segmenter = core.segmenter;
  aopt.guarded = &s->guarded;
  auto analytics = LoadAnalyticsState(aopt, s->ref);
  if (!analytics.ok()) return analytics.status();
  s->analytics = std::move(analytics).value();

  // Every module's endpoints: one line per module (docs/api.md "Adding a module").
  TP_RETURN_IF_ERROR(RegisterCoreEndpoints(&s->registry, &core));
  TP_RETURN_IF_ERROR(RegisterAuthEndpoints(&s->registry, &core));
  TP_RETURN_IF_ERROR(RegisterAdminEndpoints(&s->registry, &core));
  TP_RETURN_IF_ERROR(RegisterComponentEndpoints(&s->registry, &s->components));
  TP_RETURN_IF_ERROR(RegisterGuardedEndpoints(&s->registry, &s->guarded));
  TP_RETURN_IF_ERROR(RegisterSecurityEndpoints(&s->registry, &s->guarded));
  TP_RETURN_IF_ERROR(RegisterIndicatorEndpoints(&s->registry, s->analytics.get()));
  TP_RETURN_IF_ERROR(RegisterWarningEndpoints(&s->registry, s->analytics.get()));
  TP_RETURN_IF_ERROR(RegisterDocumentEndpoints(&s->registry, s->analytics.get()));

  s->dispatcher = std::make_unique<Dispatcher>(&s->registry, s->security.get(), &s->limiter);
  core.dispatcher = s->dispatcher.get();
  // Audited reads answer once their records are durable, without holding an I/O thread meanwhile.
  SecurityService* sec = s->security.get();
  s->dispatcher->SetAuditSubmitter(
      [sec](std::vector<security::AuditEntry> entries, std::function<void(Status)> done) {
        sec->AuditAsync(std::move(entries), std::move(done));
      });
  if (!options.access_log.empty()) {
    auto log = AccessLog::Open(options.access_log);
    if (!log.ok()) return log.status();
    s->access_log = std::move(log).value();
    AccessLog* raw = s->access_log.get();
    s->dispatcher->SetAccessSink([raw](const AccessRecord& r) { raw->Write(r); });
  }
  std::string web = options.web_dir.empty() ? std::string(TP_SOURCE_DIR) + "/web/dist" : options.web_dir;
  // Widget pages ship with the dashboard (web/public/widgets → dist/widgets); checked against the registry.
  TP_RETURN_IF_ERROR(s->components.Load(web + "/widgets", s->registry));
  Status st = s->dispatcher->LoadStaticFiles(web);
  if (!st.ok()) std::fprintf(stderr, "serve: dashboard not served (%s)\n", st.ToString().c_str());
  s->server = std::make_unique<HttpServer>(s->dispatcher.get(), options.server);
  return std::unique_ptr<ApiService>(new ApiService(std::move(s)));
}

Result<uint16_t> ApiService::Listen() { return state_->server->Listen(); }
void ApiService::Run() { state_->server->Run(); }
void ApiService::Stop() { state_->server->Stop(); }
const std::vector<DemoLogin>& ApiService::demo_logins() const { return state_->demo_logins; }
size_t ApiService::endpoint_count() const { return state_->registry.endpoints().size(); }
size_t ApiService::static_file_count() const { return state_->dispatcher->static_file_count(); }

}  // namespace tianping::service
