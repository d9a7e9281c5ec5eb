#include "tianping/service/security_service.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>

namespace tianping::service {
namespace {

class SecurityServiceTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = std::filesystem::temp_directory_path() / ("tp-secsvc-test-" + std::to_string(::getpid()));
    std::filesystem::remove_all(dir_);
  }
  void TearDown() override { std::filesystem::remove_all(dir_); }
  std::string FileBytes(const std::string& name) {
    std::ifstream in(dir_ / name, std::ios::binary);
    return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
  }
  std::filesystem::path dir_;
};

TEST_F(SecurityServiceTest, DemoLoginsOnlyHashesStoredPasswordsInPrivateFiles) {
  std::vector<DemoLogin> logins;
  {
    auto sec = SecurityService::Open({dir_.string(), true});
    ASSERT_TRUE(sec.ok()) << sec.status().ToString();
    auto l = (*sec)->EnsureDemoUsers();
    ASSERT_TRUE(l.ok()) << l.status().ToString();
    logins = *l;
  }
  ASSERT_EQ(logins.size(), 2u);
  EXPECT_EQ(logins[0].user, "admin");
  EXPECT_EQ(logins[0].role, "admin");
  EXPECT_EQ(logins[1].user, "analyst");
  EXPECT_EQ(logins[1].role, "spc_analyst");
  std::string db = FileBytes("security.db") + FileBytes("security.db-wal");
  ASSERT_NE(db.find("analyst"), std::string::npos);  // the check below reads the right bytes
  for (const auto& l : logins) {
    EXPECT_EQ(l.password.size(), 16u);
    EXPECT_EQ(FileBytes(l.user + "-initial-password"), l.password + "\n");
    auto perms = std::filesystem::status(l.file).permissions();
    EXPECT_EQ(perms & (std::filesystem::perms::group_all | std::filesystem::perms::others_all),
              std::filesystem::perms::none);
    EXPECT_EQ(db.find(l.password), std::string::npos);
  }
  // A second start creates nothing: users exist.
  auto sec = SecurityService::Open({dir_.string(), true});
  ASSERT_TRUE(sec.ok());
  EXPECT_TRUE((*sec)->EnsureDemoUsers()->empty());
  auto token = (*sec)->Login("analyst", logins[1].password, "127.0.0.1");
  ASSERT_TRUE(token.ok());
  auto c = (*sec)->FromSession(*token);
  ASSERT_TRUE(c.ok());
  EXPECT_EQ(c->principal.role, security::Role::kSpcAnalyst);
  EXPECT_EQ(c->principal.scope.kind, security::CourtScope::Kind::kNation);
  EXPECT_EQ(c->principal.clearance, security::Grade::kImportant);
}

TEST_F(SecurityServiceTest, SharesUsersKeysAndAuditWithTheCli) {
  auto sec = SecurityService::Open({dir_.string(), true});
  ASSERT_TRUE(sec.ok());
  // A user added through the principal store (what `tianping user add` does) while the service runs.
  {
    auto store = security::PrincipalStore::Open(dir_.string(), security::KdfCost::kMinimum);
    ASSERT_TRUE(store.ok());
    security::NewUser u;
    u.name = "zhang";
    u.role = security::Role::kHighCourtAnalyst;
    u.scope = *security::CourtScope::Parse("province:粤");
    u.password = "long enough pw";
    ASSERT_TRUE((*store)->AddUser(u).ok());
  }
  EXPECT_EQ((*sec)->Login("zhang", "wrong password", "1.2.3.4").status().code(), Status::Code::kPermissionDenied);
  EXPECT_EQ((*sec)->Login("nobody", "long enough pw", "1.2.3.4").status().message(),
            (*sec)->Login("zhang", "wrong password", "1.2.3.4").status().message());
  auto token = (*sec)->Login("zhang", "long enough pw", "1.2.3.4");
  ASSERT_TRUE(token.ok());
  auto c = (*sec)->FromSession(*token);
  ASSERT_TRUE(c.ok());
  EXPECT_EQ(c->principal.scope.ToString(), "province:粤");
  EXPECT_TRUE(c->key_id.empty());
  // A role change applies to the open session at once.
  ASSERT_TRUE((*sec)->SetRole("zhang", security::Role::kResearcher, std::nullopt, std::nullopt, "boss").ok());
  EXPECT_EQ((*sec)->FromSession(*token)->principal.role, security::Role::kResearcher);
  (*sec)->Logout(*token);
  EXPECT_FALSE((*sec)->FromSession(*token).ok());

  // Keys act as their user and carry their limits.
  auto key = (*sec)->CreateApiKey("zhang", {5, 10, 1000}, "boss");
  ASSERT_TRUE(key.ok()) << key.status().ToString();
  auto k = (*sec)->FromApiKey(*key);
  ASSERT_TRUE(k.ok());
  EXPECT_EQ(k->principal.name, "key:" + key->substr(4, 12));
  EXPECT_EQ(k->principal.role, security::Role::kResearcher);
  EXPECT_EQ(k->key_id, key->substr(4, 12));
  EXPECT_EQ(k->limits.daily_quota, 1000);
  EXPECT_GT(k->LimiterId(), 0);
  EXPECT_FALSE((*sec)->FromApiKey(*key + "x").ok());
  EXPECT_EQ((*sec)->CreateApiKey("nobody", {}, "boss").status().code(), Status::Code::kNotFound);
  ASSERT_TRUE((*sec)->RevokeApiKey(k->key_id, "boss").ok());
  EXPECT_FALSE((*sec)->FromApiKey(*key).ok());

  // Everything above is in the one audit log, and the chain verifies.
  auto recs = (*sec)->QueryAudit({});
  ASSERT_TRUE(recs.ok());
  std::vector<std::string> actions;
  for (const auto& r : *recs) actions.push_back(r.action);
  EXPECT_EQ(actions, (std::vector<std::string>{"login.failed", "login.failed", "login.failed", "login", "user.role",
                                               "key.create", "key.revoke"}));
  EXPECT_EQ((*recs)[4].actor, "boss");
  auto v = (*sec)->VerifyAudit();
  ASSERT_TRUE(v.ok());
  EXPECT_TRUE(v->ok) << v->problem;
}

}  // namespace
}  // namespace tianping::service
