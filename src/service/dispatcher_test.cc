#include "tianping/service/dispatcher.h"

#include <gtest/gtest.h>

#include "tianping/service/gzip.h"

namespace tianping::service {
namespace {

Caller Make(const std::string& name, security::Role role, Grade clearance, const std::string& key_id = "") {
  Caller c;
  c.principal.name = name;
  c.principal.role = role;
  c.principal.scope.kind = security::CourtScope::Kind::kNation;
  c.principal.clearance = clearance;
  c.key_id = key_id;
  c.authenticated = true;
  return c;
}

// Sessions "analyst-token" (spc_analyst, 重要), "public-token" (public, 一般-1) and "admin-token";
// API key "k1" (an analyst) with burst 2 and a very slow refill.
class FakeAuth : public Authenticator {
 public:
  Result<std::string> Login(const std::string&, const std::string&, const std::string&) override {
    return Status::PermissionDenied("no");
  }
  void Logout(const std::string&) override {}
  Result<Caller> FromSession(const std::string& t) override {
    if (t == "analyst-token") return Make("v", security::Role::kSpcAnalyst, Grade::kImportant);
    if (t == "public-token") return Make("p", security::Role::kPublic, Grade::kGeneral1);
    if (t == "admin-token") return Make("a", security::Role::kAdmin, Grade::kGeneral1);
    return Status::PermissionDenied("unknown session");
  }
  Result<Caller> FromApiKey(const std::string& k) override {
    if (k != "k1") return Status::PermissionDenied("unknown key");
    Caller c = Make("key:00000000000a", security::Role::kSpcAnalyst, Grade::kImportant, "00000000000a");
    c.limits = {0.001, 2, 0};
    return c;
  }
};

class DispatcherTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto big = [](const HttpRequest&, const RequestContext&) -> Result<HttpResponse> {
      return HttpResponse::Json("{\"x\":\"" + std::string(4000, 'a') + "\"}");
    };
    ASSERT_TRUE(reg_.Add({"pub", "GET", "/api/pub", "m", Grade::kGeneral1, Access::kPublic, "", {}, false, big}).ok());
    ASSERT_TRUE(reg_.Add({"user", "GET", "/api/user", "m", Grade::kGeneral2, Access::kUser, "", {}, false,
                          [](const HttpRequest&, const RequestContext& c) -> Result<HttpResponse> {
                            return HttpResponse::Json("{\"who\":\"" + c.principal.name + "\"}");
                          }}).ok());
    ASSERT_TRUE(reg_.Add({"adm", "GET", "/api/adm", "m", Grade::kGeneral2, Access::kAdmin, "", {}, false, big}).ok());
    Endpoint masked{"masked", "GET", "/api/masked", "m", Grade::kCore, Access::kUser, "", {}, false, big};
    masked.redacted = true;
    ASSERT_TRUE(reg_.Add(std::move(masked)).ok());
    ASSERT_TRUE(reg_.Add({"bad", "GET", "/api/bad", "m", Grade::kGeneral1, Access::kPublic, "", {}, false,
                          [](const HttpRequest&, const RequestContext&) -> Result<HttpResponse> {
                            return Status::InvalidArgument("q is required");
                          }}).ok());
    ASSERT_TRUE(reg_.Add({"throws", "GET", "/api/throws", "m", Grade::kGeneral1, Access::kPublic, "", {}, false,
                          [](const HttpRequest&, const RequestContext&) -> Result<HttpResponse> {
                            throw std::runtime_error("boom");
                          }}).ok());
    d_ = std::make_unique<Dispatcher>(&reg_, &auth_, &limiter_);
  }
  HttpResponse Get(const std::string& path, std::map<std::string, std::string> headers = {}) {
    HttpRequest r;
    r.method = "GET";
    r.path = path;
    r.headers = std::move(headers);
    return d_->Handle(r);
  }
  static std::string HeaderOf(const HttpResponse& r, const std::string& k) {
    for (auto& [n, v] : r.headers)
      if (n == k) return v;
    return "";
  }

  EndpointRegistry reg_;
  FakeAuth auth_;
  RateLimiter limiter_;
  std::unique_ptr<Dispatcher> d_;
};

TEST_F(DispatcherTest, AuthenticationAndAccess) {
  EXPECT_EQ(Get("/api/pub").status, 200);
  auto r = Get("/api/user");
  EXPECT_EQ(r.status, 401);
  EXPECT_NE(r.body.find("\"code\":\"unauthenticated\""), std::string::npos);
  EXPECT_EQ(Get("/api/user", {{"cookie", "tp_session=nope"}}).status, 401);
  // A stale cookie or bad key does not block public endpoints (e.g. logging in again).
  EXPECT_EQ(Get("/api/pub", {{"cookie", "tp_session=nope"}}).status, 200);
  EXPECT_EQ(Get("/api/pub", {{"x-api-key", "bad"}}).status, 200);
  r = Get("/api/user", {{"cookie", "tp_session=analyst-token"}});
  EXPECT_EQ(r.status, 200);
  EXPECT_EQ(r.body, "{\"who\":\"v\"}");
  EXPECT_EQ(Get("/api/user", {{"authorization", "Bearer analyst-token"}}).status, 200);
  EXPECT_EQ(Get("/api/adm", {{"cookie", "tp_session=analyst-token"}}).status, 403);
  EXPECT_EQ(Get("/api/adm", {{"cookie", "tp_session=admin-token"}}).status, 200);
}

TEST_F(DispatcherTest, GradeGateUsesTheSecurityModulesClearance) {
  // /api/user returns 一般-2 data: the public role (一般-1) and the admin (一般-1, no case data) are
  // refused; the analyst (重要) passes.
  auto r = Get("/api/user", {{"cookie", "tp_session=public-token"}});
  EXPECT_EQ(r.status, 403);
  EXPECT_NE(r.body.find("一般-2"), std::string::npos) << r.body;
  EXPECT_EQ(Get("/api/user", {{"cookie", "tp_session=admin-token"}}).status, 403);
  // A redacted endpoint masks per clearance itself: its grade is a ceiling, not a gate.
  EXPECT_EQ(Get("/api/masked", {{"cookie", "tp_session=public-token"}}).status, 200);
  EXPECT_EQ(Get("/api/masked", {{"cookie", "tp_session=analyst-token"}}).status, 200);
}

TEST_F(DispatcherTest, ErrorsAreJsonInOneShape) {
  auto r = Get("/api/nowhere");
  EXPECT_EQ(r.status, 404);
  EXPECT_EQ(r.body.rfind("{\"error\":{\"code\":\"not_found\",\"message\":", 0), 0u) << r.body;
  HttpRequest post;
  post.method = "POST";
  post.path = "/api/pub";
  EXPECT_EQ(d_->Handle(post).status, 405);
  r = Get("/api/bad");
  EXPECT_EQ(r.status, 400);
  EXPECT_EQ(r.body, "{\"error\":{\"code\":\"invalid_argument\",\"message\":\"q is required\"}}");
  r = Get("/api/throws");
  EXPECT_EQ(r.status, 500);
  EXPECT_NE(r.body.find("boom"), std::string::npos);
}

TEST_F(DispatcherTest, ApiKeyRateLimitGives429WithRetryAfter) {
  EXPECT_EQ(Get("/api/user", {{"x-api-key", "k1"}}).status, 200);
  EXPECT_EQ(Get("/api/user", {{"x-api-key", "k1"}}).status, 200);
  auto r = Get("/api/user", {{"x-api-key", "k1"}});
  EXPECT_EQ(r.status, 429);
  EXPECT_NE(r.body.find("rate_limited"), std::string::npos);
  EXPECT_GE(std::stoi(HeaderOf(r, "Retry-After")), 1);
  EXPECT_EQ(Get("/api/user", {{"x-api-key", "bad"}}).status, 401);
  size_t user_slot = 1;  // registration order: pub, user, ...
  EXPECT_EQ(d_->stats().Snapshot(user_slot).rate_limited, 1u);
  EXPECT_EQ(d_->stats().Snapshot(user_slot).calls, 4u);
}

TEST_F(DispatcherTest, EveryApiRequestReachesTheAccessSink) {
  std::vector<AccessRecord> seen;
  d_->SetAccessSink([&](const AccessRecord& r) { seen.push_back(r); });
  Get("/api/user", {{"cookie", "tp_session=analyst-token"}});
  Get("/api/user");
  Get("/api/nowhere");
  Get("/index.html");  // static files are not API requests
  ASSERT_EQ(seen.size(), 3u);
  EXPECT_EQ(seen[0].principal, "v");
  EXPECT_EQ(seen[0].endpoint, "user");
  EXPECT_EQ(seen[0].status, 200);
  EXPECT_EQ(seen[1].principal, "");
  EXPECT_EQ(seen[1].status, 401);
  EXPECT_EQ(seen[2].endpoint, "");
  EXPECT_EQ(seen[2].status, 404);
}

TEST_F(DispatcherTest, GzipWhenAcceptedAndLargeEnough) {
  auto plain = Get("/api/pub");
  EXPECT_EQ(HeaderOf(plain, "Content-Encoding"), "");
  auto z = Get("/api/pub", {{"accept-encoding", "gzip, deflate, br"}});
  EXPECT_EQ(HeaderOf(z, "Content-Encoding"), "gzip");
  auto body = GzipDecompress(z.body);
  ASSERT_TRUE(body.ok());
  EXPECT_EQ(*body, plain.body);
  EXPECT_EQ(HeaderOf(Get("/api/pub", {{"accept-encoding", "gzip;q=0"}}), "Content-Encoding"), "");
  // Small bodies are not worth it.
  EXPECT_EQ(HeaderOf(Get("/api/bad", {{"accept-encoding", "gzip"}}), "Content-Encoding"), "");
}

}  // namespace
}  // namespace tianping::service
