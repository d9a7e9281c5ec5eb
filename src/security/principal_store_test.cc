#include "tianping/security/principal_store.h"

#include "tianping/security/audit_log.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

namespace tianping::security {
namespace {

std::string FreshDir(const std::string& name) {
  std::string dir = ::testing::TempDir() + "/tp_sec_" + name + "_" + std::to_string(::getpid());
  std::filesystem::remove_all(dir);
  return dir;
}

// The database file and its write-ahead log, where fresh rows live until a checkpoint.
std::string FileBytes(const std::string& path) {
  std::stringstream ss;
  for (const std::string& p : {path, path + "-wal"}) {
    std::ifstream f(p, std::ios::binary);
    if (f) ss << f.rdbuf();
  }
  return ss.str();
}

NewUser Judge(const std::string& name, const std::string& password) {
  NewUser u;
  u.name = name;
  u.role = Role::kJudge;
  u.scope = CourtScope{CourtScope::Kind::kCourt, "京0105"};
  u.judge_id = "J1";
  u.password = password;
  return u;
}

TEST(PrincipalStoreTest, PasswordsVerifyWithArgon2id) {
  std::string dir = FreshDir("pw");
  auto store = PrincipalStore::Open(dir, KdfCost::kMinimum);
  ASSERT_TRUE(store.ok()) << store.status().ToString();
  ASSERT_TRUE((*store)->AddUser(Judge("zhang", "correct horse battery")).ok());
  auto hash = (*store)->PasswordHash("zhang");
  ASSERT_TRUE(hash.ok());
  EXPECT_EQ(hash->rfind("$argon2id$", 0), 0u) << *hash;
  EXPECT_EQ(FileBytes(PrincipalStore::DbPath(dir)).find("correct horse battery"), std::string::npos);

  auto ok = (*store)->Authenticate("zhang", "correct horse battery");
  ASSERT_TRUE(ok.ok());
  EXPECT_EQ(ok->role, Role::kJudge);
  EXPECT_EQ(ok->clearance, Grade::kGeneral3);  // the role's default
  EXPECT_EQ(ok->scope.ToString(), "court:京0105");
  auto wrong = (*store)->Authenticate("zhang", "correct horse battery!");
  auto unknown = (*store)->Authenticate("nobody", "correct horse battery");
  ASSERT_FALSE(wrong.ok());
  ASSERT_FALSE(unknown.ok());
  EXPECT_EQ(wrong.status().code(), Status::Code::kPermissionDenied);
  EXPECT_EQ(wrong.status().message(), unknown.status().message());  // no user enumeration
  std::filesystem::remove_all(dir);
}

TEST(PrincipalStoreTest, RejectsBadUsers) {
  std::string dir = FreshDir("bad");
  auto store = PrincipalStore::Open(dir, KdfCost::kMinimum);
  ASSERT_TRUE(store.ok());
  EXPECT_EQ((*store)->AddUser(Judge("li", "short")).code(), Status::Code::kInvalidArgument);
  NewUser over = Judge("li", "long enough pw");
  over.clearance = Grade::kImportant;  // judges top out at 一般-4
  EXPECT_EQ((*store)->AddUser(over).code(), Status::Code::kInvalidArgument);
  ASSERT_TRUE((*store)->AddUser(Judge("li", "long enough pw")).ok());
  EXPECT_EQ((*store)->AddUser(Judge("li", "long enough pw")).code(), Status::Code::kAlreadyExists);
  EXPECT_EQ((*store)->AddUser(Judge("key:x", "long enough pw")).code(), Status::Code::kInvalidArgument);
  EXPECT_EQ((*store)->UserCount(), 1);
  std::filesystem::remove_all(dir);
}

TEST(PrincipalStoreTest, SetRoleRechecksClearance) {
  std::string dir = FreshDir("role");
  auto store = PrincipalStore::Open(dir, KdfCost::kMinimum);
  ASSERT_TRUE(store.ok());
  NewUser u = Judge("wang", "long enough pw");
  u.clearance = Grade::kGeneral4;
  ASSERT_TRUE((*store)->AddUser(u).ok());
  // Becoming a researcher caps the clearance at 一般-2.
  ASSERT_TRUE((*store)->SetRole("wang", Role::kResearcher, std::nullopt,
                                CourtScope{CourtScope::Kind::kNation, ""}).ok());
  auto p = (*store)->Get("wang");
  ASSERT_TRUE(p.ok());
  EXPECT_EQ(p->role, Role::kResearcher);
  EXPECT_EQ(p->clearance, Grade::kGeneral2);
  EXPECT_EQ(p->scope.ToString(), "nation");
  EXPECT_EQ((*store)->SetRole("wang", Role::kResearcher, Grade::kGeneral3, std::nullopt).code(),
            Status::Code::kInvalidArgument);
  EXPECT_EQ((*store)->SetRole("nobody", Role::kPublic, std::nullopt, std::nullopt).code(), Status::Code::kNotFound);
  std::filesystem::remove_all(dir);
}

TEST(PrincipalStoreTest, DataVersionMovesWithPrincipalsNotWithAuditAppends) {
  std::string dir = FreshDir("version");
  auto store = PrincipalStore::Open(dir, KdfCost::kMinimum);
  ASSERT_TRUE(store.ok());
  auto other = PrincipalStore::Open(dir, KdfCost::kMinimum);  // another process, e.g. `tianping user`
  ASSERT_TRUE(other.ok());
  auto audit = AuditLog::Open(dir);
  ASSERT_TRUE(audit.ok());
  const int64_t v0 = (*store)->DataVersion();
  ASSERT_GE(v0, 0);
  ASSERT_TRUE((*audit)->Append("zhao", "read", "store snapshot 1", 3, "party name=X").ok());
  ASSERT_TRUE((*audit)->AppendBatch({AuditEntry{"zhao", "read", "store snapshot 1", 1, "case=C1"}}).ok());
  EXPECT_EQ((*store)->DataVersion(), v0);  // audit appends leave cached callers valid
  ASSERT_TRUE((*other)->AddUser(Judge("zhao", "long enough pw")).ok());
  const int64_t v1 = (*store)->DataVersion();
  EXPECT_NE(v1, v0);
  auto key = (*other)->CreateKey("zhao");
  ASSERT_TRUE(key.ok());
  const int64_t v2 = (*store)->DataVersion();
  EXPECT_NE(v2, v1);
  ASSERT_TRUE((*other)->RevokeKey(key->substr(4, 12)).ok());
  EXPECT_NE((*store)->DataVersion(), v2);  // a revocation elsewhere reaches the cache check
  std::filesystem::remove_all(dir);
}

TEST(PrincipalStoreTest, ApiKeysStoreOnlyAHash) {
  std::string dir = FreshDir("keys");
  auto store = PrincipalStore::Open(dir, KdfCost::kMinimum);
  ASSERT_TRUE(store.ok());
  ASSERT_TRUE((*store)->AddUser(Judge("zhao", "long enough pw")).ok());
  auto key = (*store)->CreateKey("zhao");
  ASSERT_TRUE(key.ok());
  ASSERT_EQ(key->size(), 65u);
  std::string key_id = key->substr(4, 12), secret = key->substr(17);
  auto stored = (*store)->KeyHash(key_id);
  ASSERT_TRUE(stored.ok());
  EXPECT_EQ(stored->find(secret), std::string::npos);
  EXPECT_EQ(FileBytes(PrincipalStore::DbPath(dir)).find(secret), std::string::npos);

  auto p = (*store)->AuthenticateKey(*key);
  ASSERT_TRUE(p.ok());
  EXPECT_EQ(p->name, "key:" + key_id);
  EXPECT_EQ(p->role, Role::kJudge);
  std::string tampered = *key;
  tampered.back() = tampered.back() == '0' ? '1' : '0';
  EXPECT_EQ((*store)->AuthenticateKey(tampered).status().message(), "invalid API key");
  EXPECT_FALSE((*store)->AuthenticateKey("tpk_short").ok());
  ASSERT_TRUE((*store)->RevokeKey(key_id).ok());
  EXPECT_FALSE((*store)->AuthenticateKey(*key).ok());
  EXPECT_EQ((*store)->Keys().size(), 1u);
  EXPECT_TRUE((*store)->Keys()[0].revoked);
  EXPECT_EQ((*store)->CreateKey("nobody").status().code(), Status::Code::kNotFound);
  std::filesystem::remove_all(dir);
}

TEST(PrincipalStoreTest, KeyLimitsPersistWithTheKey) {
  std::string dir = FreshDir("limits");
  {
    auto store = PrincipalStore::Open(dir, KdfCost::kMinimum);
    ASSERT_TRUE(store.ok());
    ASSERT_TRUE((*store)->AddUser(Judge("qian", "long enough pw")).ok());
    EXPECT_EQ((*store)->CreateKey("qian", {1, 0.5, 10}).status().code(), Status::Code::kInvalidArgument);
    EXPECT_EQ((*store)->CreateKey("qian", {-1, 5, 10}).status().code(), Status::Code::kInvalidArgument);
    ASSERT_TRUE((*store)->CreateKey("qian", {2.5, 7, 300}).ok());
    ASSERT_TRUE((*store)->CreateKey("qian").ok());
  }
  auto store = PrincipalStore::Open(dir, KdfCost::kMinimum);
  ASSERT_TRUE(store.ok());
  auto keys = (*store)->Keys();
  ASSERT_EQ(keys.size(), 2u);
  int custom = keys[0].limits.daily_quota == 300 ? 0 : 1;
  EXPECT_DOUBLE_EQ(keys[custom].limits.rate_per_sec, 2.5);
  EXPECT_DOUBLE_EQ(keys[custom].limits.burst, 7);
  EXPECT_EQ(keys[1 - custom].limits.daily_quota, KeyLimits{}.daily_quota);
  auto one = (*store)->Key(keys[custom].key_id);
  ASSERT_TRUE(one.ok());
  EXPECT_EQ(one->user, "qian");
  EXPECT_EQ(one->limits.daily_quota, 300);
  EXPECT_EQ((*store)->Key("000000000000").status().code(), Status::Code::kNotFound);
  std::filesystem::remove_all(dir);
}

TEST(PrincipalStoreTest, ScopeParsing) {
  EXPECT_EQ(CourtScope::Parse("nation")->kind, CourtScope::Kind::kNation);
  EXPECT_EQ(CourtScope::Parse("province:粤")->code, "粤");
  EXPECT_EQ(CourtScope::Parse("court:京0105")->ToString(), "court:京0105");
  EXPECT_FALSE(CourtScope::Parse("city:广州").ok());
  EXPECT_FALSE(CourtScope::Parse("court:").ok());
  EXPECT_EQ(ParseRole("execution_judge"), Role::kExecutionJudge);
  EXPECT_EQ(ParseRole("研究人员"), Role::kResearcher);
  EXPECT_FALSE(ParseRole("root").has_value());
}

}  // namespace
}  // namespace tianping::security
