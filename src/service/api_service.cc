#include "tianping/service/api_service.h"

#include <cstdio>

#include "tianping/service/analytics_endpoints.h"
#include "tianping/service/component_catalog.h"
#include "tianping/service/core_endpoints.h"
#include "tianping/service/dispatcher.h"
#include "tianping/service/guarded_endpoints.h"
#include "tianping/service/gzip.h"
#include "tianping/service/snapshot_holder.h"

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
  std::shared_ptr<const AnalyticsDefinitions> definitions;
  AnalyticsOptions analytics_options;
  // After `guarded`, `ref` and `definitions`: the served data points there. Destroyed first (members are
  // destroyed in reverse order), which stops its poll thread before anything it uses goes away.
  std::unique_ptr<SnapshotHolder> served;
};

namespace {

// The data for one DIR/CURRENT text: the store snapshot it names and the analytics state over it.
Result<std::shared_ptr<ServedData>> LoadServedData(const ApiService::State& s, const std::string& current) {
  auto data = std::make_shared<ServedData>();
  if (!current.empty()) {
    auto snap = StoreSnapshot::Open(s.options.data_dir);
    if (!snap.ok()) return snap.status();
    data->store = std::move(snap).value();
    data->snapshot_id = data->store->info().id;
  }
  auto analytics = LoadAnalyticsState(s.analytics_options, s.ref, *s.definitions, data->store.get());
  if (!analytics.ok()) return analytics.status();
  (*analytics)->store = data->store;
  data->analytics = std::move(analytics).value();
  return data;
}

}  // namespace

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
  AnalyticsOptions& aopt = s->analytics_options;
  aopt.data_dir = options.data_dir;
  aopt.segmenter = core.segmenter;
  aopt.guarded = &s->guarded;
  auto definitions = LoadAnalyticsDefinitions(aopt, s->ref);
  if (!definitions.ok()) return definitions.status();
  s->definitions = std::move(definitions).value();
  // The served snapshot: loaded now (a broken store fails the start), then followed (docs/api.md
  // "Snapshot reload").
  const State* raw_state = s.get();
  s->served = std::make_unique<SnapshotHolder>(
      options.data_dir, [raw_state](const std::string& current) { return LoadServedData(*raw_state, current); });
  TP_RETURN_IF_ERROR(s->served->Refresh(/*force=*/true));
  core.served = s->served.get();
  core.dataset = [served = s->served.get()] { return served->Current()->analytics->frame != nullptr; };
  s->store = std::make_unique<StoreHolder>(s->served.get());
  s->guarded = {s->guard.get(), s->security.get(), s->store.get(), &s->party_answers};
  const SnapshotHolder* served = s->served.get();
  AnalyticsSource analytics = [served] { return served->Current()->analytics; };

  // Every module's endpoints: one line per module (docs/api.md "Adding a module").
  TP_RETURN_IF_ERROR(RegisterCoreEndpoints(&s->registry, &core));
  TP_RETURN_IF_ERROR(RegisterAuthEndpoints(&s->registry, &core));
  TP_RETURN_IF_ERROR(RegisterAdminEndpoints(&s->registry, &core));
  TP_RETURN_IF_ERROR(RegisterComponentEndpoints(&s->registry, &s->components));
  TP_RETURN_IF_ERROR(RegisterGuardedEndpoints(&s->registry, &s->guarded));
  TP_RETURN_IF_ERROR(RegisterSecurityEndpoints(&s->registry, &s->guarded));
  TP_RETURN_IF_ERROR(RegisterIndicatorEndpoints(&s->registry, analytics));
  TP_RETURN_IF_ERROR(RegisterSummaryEndpoint(&s->registry, analytics));
  TP_RETURN_IF_ERROR(RegisterWarningEndpoints(&s->registry, analytics));
  TP_RETURN_IF_ERROR(RegisterDocumentEndpoints(&s->registry, analytics));
  TP_RETURN_IF_ERROR(RegisterSnapshotEndpoints(&s->registry, served));

  s->dispatcher = std::make_unique<Dispatcher>(&s->registry, s->security.get(), &s->limiter);
  core.dispatcher = s->dispatcher.get();
  s->dispatcher->SetDataVersion([served] {
    auto d = served->Current();
    return DataVersion{d->generation, d->snapshot_id};
  });
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
  if (options.reload_interval_ms > 0) s->served->Start(std::chrono::milliseconds(options.reload_interval_ms));
  return std::unique_ptr<ApiService>(new ApiService(std::move(s)));
}

Result<uint16_t> ApiService::Listen() { return state_->server->Listen(); }
void ApiService::Run() { state_->server->Run(); }
void ApiService::Stop() { state_->server->Stop(); }
const std::vector<DemoLogin>& ApiService::demo_logins() const { return state_->demo_logins; }
size_t ApiService::endpoint_count() const { return state_->registry.endpoints().size(); }
size_t ApiService::static_file_count() const { return state_->dispatcher->static_file_count(); }

}  // namespace tianping::service
