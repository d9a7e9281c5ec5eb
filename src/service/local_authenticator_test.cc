#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>

#include "tianping/service/authenticator.h"

namespace tianping::service {
namespace {

class LocalAuthenticatorTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = std::filesystem::temp_directory_path() / ("tp-auth-test-" + std::to_string(::getpid()));
    std::filesystem::remove_all(dir_);
  }
  void TearDown() override { std::filesystem::remove_all(dir_); }
  std::filesystem::path dir_;
};

TEST_F(LocalAuthenticatorTest, BootstrapAdminLoginSessionsAndKeysPersist) {
  std::string password;
  {
    auto auth = OpenLocalAuthenticator({dir_.string(), true}, &password);
    ASSERT_TRUE(auth.ok()) << auth.status().ToString();
    ASSERT_EQ(password.size(), 16u);
    std::ifstream in(dir_ / "admin-initial-password");
    std::string from_file;
    in >> from_file;
    EXPECT_EQ(from_file, password);
    EXPECT_EQ(std::filesystem::status(dir_ / "admin-initial-password").permissions() & std::filesystem::perms::others_read,
              std::filesystem::perms::none);

    EXPECT_EQ((*auth)->Login("admin", "wrong").status().code(), Status::Code::kPermissionDenied);
    EXPECT_FALSE((*auth)->Login("nobody", password).ok());
    auto token = (*auth)->Login("admin", password);
    ASSERT_TRUE(token.ok());
    auto p = (*auth)->FromSession(*token);
    ASSERT_TRUE(p.ok());
    EXPECT_EQ(p->name, "admin");
    EXPECT_EQ(p->role, Role::kAdmin);
    (*auth)->Logout(*token);
    EXPECT_FALSE((*auth)->FromSession(*token).ok());

    auto key = (*auth)->CreateApiKey("etl", "admin", Role::kViewer, KeyLimits{5, 10, 1000});
    ASSERT_TRUE(key.ok());
    EXPECT_EQ(key->rfind("tpk_", 0), 0u);
    auto info = (*auth)->FromApiKey(*key);
    ASSERT_TRUE(info.ok());
    EXPECT_EQ(info->principal.name, "key:etl");
    EXPECT_EQ(info->principal.role, Role::kViewer);
    EXPECT_DOUBLE_EQ(info->limits.rate_per_sec, 5);
    EXPECT_EQ(info->limits.daily_quota, 1000);
    EXPECT_FALSE((*auth)->FromApiKey(*key + "x").ok());
    // Only hashes are stored: neither the password nor the key appears in the database file.
    std::string bytes;
    for (const char* f : {"service.db", "service.db-wal"}) {
      std::ifstream db(dir_ / f, std::ios::binary);
      bytes.append(std::istreambuf_iterator<char>(db), std::istreambuf_iterator<char>());
    }
    ASSERT_NE(bytes.find("etl"), std::string::npos);  // the check below looks at the right bytes
    EXPECT_EQ(bytes.find(password), std::string::npos);
    EXPECT_EQ(bytes.find(*key), std::string::npos);
  }
  // Reopening keeps the administrator (no new password) and the keys.
  std::string again;
  auto auth = OpenLocalAuthenticator({dir_.string(), true}, &again);
  ASSERT_TRUE(auth.ok());
  EXPECT_TRUE(again.empty());
  EXPECT_TRUE((*auth)->Login("admin", password).ok());
  auto keys = (*auth)->ListApiKeys();
  ASSERT_TRUE(keys.ok());
  ASSERT_EQ(keys->size(), 1u);
  EXPECT_EQ((*keys)[0].name, "etl");
  EXPECT_EQ((*keys)[0].prefix.size(), 8u);
}

}  // namespace
}  // namespace tianping::service
