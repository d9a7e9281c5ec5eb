// Dispatcher with deferred audit records (RequestContext::deferred_audits, Dispatcher::HandleAsync): the
// answer leaves only after its records are durable; a failed audit gives a 500 without the data.
#include <gtest/gtest.h>

#include <thread>

#include "tianping/service/dispatcher.h"
#include "tianping/service/guarded_endpoints.h"

namespace tianping::service {
namespace {

class KeyAuth : public Authenticator {
 public:
  Result<std::string> Login(const std::string&, const std::string&, const std::string&) override {
    return Status::PermissionDenied("no");
  }
  void Logout(const std::string&) override {}
  Result<Caller> FromSession(const std::string&) override { return Status::PermissionDenied("no"); }
  Result<Caller> FromApiKey(const std::string& k) override {
    if (k != "k") return Status::PermissionDenied("unknown key");
    Caller c;
    c.principal.name = "analyst";
    c.principal.role = security::Role::kSpcAnalyst;
    c.principal.scope.kind = security::CourtScope::Kind::kNation;
    c.principal.clearance = Grade::kImportant;
    c.key_id = "k";
    c.limits = {1e6, 1e6, 0};
    c.authenticated = true;
    return c;
  }
};

struct Submission {
  std::vector<security::AuditEntry> entries;
  std::function<void(Status)> done;
};

class DispatcherAuditTest : public ::testing::Test {
 protected:
  void SetUp() override {
    // "read": audits, then returns the data; "denied": audits, then refuses (as a bulk limit does).
    ASSERT_TRUE(reg_.Add({"read", "GET", "/api/read", "m", Grade::kGeneral2, Access::kUser, "", {}, false,
                          [this](const HttpRequest&, const RequestContext& c) -> Result<HttpResponse> {
                            deferring_ = c.deferred_audits != nullptr;
                            TP_RETURN_IF_ERROR(AuditFor(nullptr, c, "read", "store snapshot 1", 2, "party x"));
                            return HttpResponse::Json(R"({"secret":"张三 110101199001011234"})");
                          }}).ok());
    ASSERT_TRUE(reg_.Add({"denied", "GET", "/api/denied", "m", Grade::kGeneral2, Access::kUser, "", {}, false,
                          [](const HttpRequest&, const RequestContext& c) -> Result<HttpResponse> {
                            TP_RETURN_IF_ERROR(AuditFor(nullptr, c, "read", "store snapshot 1", 9, "stopped"));
                            return Status::PermissionDenied("bulk limit");
                          }}).ok());
    ASSERT_TRUE(reg_.Add({"probe", "GET", "/api/probe", "m", Grade::kGeneral2, Access::kUser, "", {}, false,
                          [this](const HttpRequest&, const RequestContext& c) -> Result<HttpResponse> {
                            deferring_ = c.deferred_audits != nullptr;
                            return HttpResponse::Json("{}");
                          }}).ok());
    d_ = std::make_unique<Dispatcher>(&reg_, &auth_, &limiter_);
    d_->SetAuditSubmitter([this](std::vector<security::AuditEntry> e, std::function<void(Status)> done) {
      submitted_.push_back({std::move(e), std::move(done)});
    });
    d_->SetAccessSink([this](const AccessRecord& r) { access_.push_back(r); });
  }
  // Starts a request; the answer lands in answers_ through a poster that records it was used.
  void Start(const std::string& path) {
    HttpRequest r;
    r.method = "GET";
    r.path = r.target = path;
    r.headers["x-api-key"] = "k";
    d_->HandleAsync(
        std::move(r),
        [this](std::function<void()> fn) {
          ++posted_;
          fn();
        },
        [this](HttpResponse res) { answers_.push_back(std::move(res)); });
  }

  EndpointRegistry reg_;
  KeyAuth auth_;
  RateLimiter limiter_;
  std::unique_ptr<Dispatcher> d_;
  std::vector<Submission> submitted_;
  std::vector<HttpResponse> answers_;
  std::vector<AccessRecord> access_;
  int posted_ = 0;
  bool deferring_ = false;
};

TEST_F(DispatcherAuditTest, TheAnswerWaitsUntilItsRecordIsDurable) {
  Start("/api/read");
  EXPECT_TRUE(deferring_);
  ASSERT_EQ(submitted_.size(), 1u);
  ASSERT_EQ(submitted_[0].entries.size(), 1u);
  const security::AuditEntry& e = submitted_[0].entries[0];
  EXPECT_EQ(e.actor, "analyst");
  EXPECT_EQ(e.action, "read");
  EXPECT_EQ(e.rows, 2);
  EXPECT_EQ(e.detail, "party x");
  EXPECT_TRUE(answers_.empty());  // nothing sent before the commit
  EXPECT_EQ(d_->stats().Snapshot(0).calls, 0u);
  EXPECT_TRUE(access_.empty());
  // The writer completes from its own thread; the answer goes through the poster.
  std::thread writer([&] { submitted_[0].done(Status::Ok()); });
  writer.join();
  d_->WaitForAudits();
  EXPECT_EQ(posted_, 1);
  ASSERT_EQ(answers_.size(), 1u);
  EXPECT_EQ(answers_[0].status, 200);
  EXPECT_NE(answers_[0].body.find("110101199001011234"), std::string::npos);
  EXPECT_EQ(d_->stats().Snapshot(0).calls, 1u);
  ASSERT_EQ(access_.size(), 1u);
  EXPECT_EQ(access_[0].status, 200);
  EXPECT_EQ(access_[0].endpoint, "read");
  EXPECT_EQ(access_[0].principal, "analyst");
}

TEST_F(DispatcherAuditTest, AFailedAuditAnswers500WithoutTheData) {
  Start("/api/read");
  ASSERT_EQ(submitted_.size(), 1u);
  submitted_[0].done(Status::IoError("disk full"));
  ASSERT_EQ(answers_.size(), 1u);
  EXPECT_EQ(answers_[0].status, 500);
  EXPECT_NE(answers_[0].body.find("audit_failed"), std::string::npos) << answers_[0].body;
  EXPECT_EQ(answers_[0].body.find("110101199001011234"), std::string::npos);
  EXPECT_EQ(answers_[0].body.find("张三"), std::string::npos);
  EXPECT_EQ(d_->stats().Snapshot(0).server_errors, 1u);
  ASSERT_EQ(access_.size(), 1u);
  EXPECT_EQ(access_[0].status, 500);
}

TEST_F(DispatcherAuditTest, AnErrorAfterAnAuditedReadWaitsForTheRecordToo) {
  Start("/api/denied");
  ASSERT_EQ(submitted_.size(), 1u);
  EXPECT_EQ(submitted_[0].entries[0].detail, "stopped");
  EXPECT_TRUE(answers_.empty());
  submitted_[0].done(Status::Ok());
  ASSERT_EQ(answers_.size(), 1u);
  EXPECT_EQ(answers_[0].status, 403);
}

TEST_F(DispatcherAuditTest, RequestsWithoutRecordsAnswerInlineAndWithoutASubmitterNothingIsDeferred) {
  Start("/api/probe");  // no record: answered at once, without the poster
  EXPECT_TRUE(deferring_);
  EXPECT_TRUE(submitted_.empty());
  ASSERT_EQ(answers_.size(), 1u);
  EXPECT_EQ(answers_[0].status, 200);
  EXPECT_EQ(posted_, 0);
  Dispatcher plain(&reg_, &auth_, &limiter_);  // no submitter: handlers append synchronously (AuditFor)
  HttpRequest r;
  r.method = "GET";
  r.path = "/api/probe";
  r.headers["x-api-key"] = "k";
  EXPECT_EQ(plain.Handle(r).status, 200);
  EXPECT_FALSE(deferring_);
}

}  // namespace
}  // namespace tianping::service
