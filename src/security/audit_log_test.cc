#include "tianping/security/audit_log.h"

#include <gtest/gtest.h>
#include <sqlite3.h>

#include <filesystem>
#include <fstream>

namespace tianping::security {
namespace {

class AuditLogTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = ::testing::TempDir() + "/tp_audit_" + ::testing::UnitTest::GetInstance()->current_test_info()->name() +
           "_" + std::to_string(::getpid());
    std::filesystem::remove_all(dir_);
    auto log = AuditLog::Open(dir_);
    ASSERT_TRUE(log.ok()) << log.status().ToString();
    log_ = std::move(log).value();
    for (int i = 1; i <= 10; ++i) {
      auto r = log_->Append("user" + std::to_string(i % 3), "read", "cases.jsonl", i * 10, "detail\nline " + std::to_string(i));
      ASSERT_TRUE(r.ok()) << r.status().ToString();
      ASSERT_EQ(r->seq, i);
    }
  }
  void TearDown() override { std::filesystem::remove_all(dir_); }

  // Tampering goes around the library, straight at the SQLite file, as an attacker would.
  void Sql(const std::string& sql) {
    sqlite3* db = nullptr;
    ASSERT_EQ(sqlite3_open((dir_ + "/security.db").c_str(), &db), SQLITE_OK);
    char* err = nullptr;
    EXPECT_EQ(sqlite3_exec(db, sql.c_str(), nullptr, nullptr, &err), SQLITE_OK) << (err ? err : "");
    sqlite3_free(err);
    sqlite3_close(db);
  }
  VerifyReport Verify() {
    auto r = log_->Verify();
    EXPECT_TRUE(r.ok()) << r.status().ToString();
    return r.ok() ? *r : VerifyReport{};
  }

  std::string dir_;
  std::unique_ptr<AuditLog> log_;
};

TEST_F(AuditLogTest, IntactChainVerifies) {
  auto rep = Verify();
  EXPECT_TRUE(rep.ok) << rep.problem;
  EXPECT_EQ(rep.records, 10);
  auto all = log_->Query({});
  ASSERT_TRUE(all.ok());
  ASSERT_EQ(all->size(), 10u);
  // Hash = SHA-256 over the canonical bytes, chained through prev_hash.
  EXPECT_EQ((*all)[0].prev_hash, std::string(64, '0'));
  EXPECT_EQ((*all)[5].prev_hash, (*all)[4].hash);
  EXPECT_EQ(HashRecord((*all)[5]), (*all)[5].hash);
  EXPECT_EQ(rep.head_hash, (*all)[9].hash);
}

TEST(AuditCanonicalTest, KnownHash) {
  // Hand-built canonical bytes; the hash is SHA-256 of exactly these bytes
  // (computed independently: python3 hashlib.sha256 over the same bytes).
  AuditRecord r;
  r.prev_hash = std::string(64, '0');
  r.seq = 1;
  r.ts = "T";
  r.actor = "a";
  r.action = "read";
  r.object = "o";
  r.rows = 5;
  r.detail = "x\ny";
  EXPECT_EQ(CanonicalBytes(r), std::string(64, '0') + "\n1\nT\na\nread\no\n5\nx\\ny");
  EXPECT_EQ(HashRecord(r), "0d40d7f761e567dd48c1244ffb2cc9939c8900c133f5938a9c43243277b2bdcc");
}

TEST_F(AuditLogTest, EditDetected) {
  Sql("UPDATE audit SET rows = 0 WHERE seq = 4");
  auto rep = Verify();
  EXPECT_FALSE(rep.ok);
  EXPECT_EQ(rep.first_bad, 4);
  EXPECT_NE(rep.problem.find("edited"), std::string::npos) << rep.problem;
}

TEST_F(AuditLogTest, EditWithRehashDetectedAtNextRecord) {
  // The attacker recomputes the edited record's own hash; the next record's link breaks.
  auto all = log_->Query({});
  ASSERT_TRUE(all.ok());
  AuditRecord r = (*all)[3];
  r.actor = "someone else";
  Sql("UPDATE audit SET actor = 'someone else', hash = '" + HashRecord(r) + "' WHERE seq = 4");
  auto rep = Verify();
  EXPECT_FALSE(rep.ok);
  EXPECT_EQ(rep.first_bad, 5);
}

TEST_F(AuditLogTest, DeleteDetected) {
  Sql("DELETE FROM audit WHERE seq = 6");
  auto rep = Verify();
  EXPECT_FALSE(rep.ok);
  EXPECT_EQ(rep.first_bad, 6);
  EXPECT_NE(rep.problem.find("sequence number 7"), std::string::npos) << rep.problem;
}

TEST_F(AuditLogTest, ReorderDetected) {
  // Swap the storage positions of records 3 and 8.
  Sql("UPDATE audit SET rowid = -3 WHERE seq = 3; UPDATE audit SET rowid = 3 WHERE seq = 8; "
      "UPDATE audit SET rowid = 8 WHERE rowid = -3;");
  auto rep = Verify();
  EXPECT_FALSE(rep.ok);
  EXPECT_EQ(rep.first_bad, 3);
}

TEST_F(AuditLogTest, TruncateDetected) {
  Sql("DELETE FROM audit WHERE seq > 7");
  auto rep = Verify();
  EXPECT_FALSE(rep.ok);
  EXPECT_EQ(rep.first_bad, 8);
  EXPECT_NE(rep.problem.find("truncated"), std::string::npos) << rep.problem;
}

TEST_F(AuditLogTest, TruncateWithForgedHeadRowStillDetected) {
  auto all = log_->Query({});
  ASSERT_TRUE(all.ok());
  Sql("DELETE FROM audit WHERE seq > 7; UPDATE audit_head SET seq = 7, hash = '" + (*all)[6].hash + "'");
  auto rep = Verify();
  EXPECT_FALSE(rep.ok);
  EXPECT_EQ(rep.first_bad, 8);
  EXPECT_NE(rep.problem.find("audit.head"), std::string::npos) << rep.problem;
  std::filesystem::remove(AuditLog::HeadPath(dir_));
  EXPECT_FALSE(Verify().ok);
}

TEST_F(AuditLogTest, AppendAfterVerifyContinuesChain) {
  auto r = log_->Append("admin", "user.add", "user zhang", 0, "");
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->seq, 11);
  EXPECT_TRUE(Verify().ok);
}

TEST_F(AuditLogTest, QueryFilters) {
  AuditFilter f;
  f.actor = "user1";
  auto r = log_->Query(f);
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->size(), 4u);  // i = 1, 4, 7, 10
  f.limit = 2;
  EXPECT_EQ(log_->Query(f)->size(), 2u);
}

TEST(AuditVolumesTest, UnusualVolumeFlagged) {
  std::vector<AuditRecord> recs;
  auto add = [&](const std::string& actor, int64_t rows) {
    AuditRecord r;
    r.actor = actor;
    r.action = "read";
    r.rows = rows;
    recs.push_back(r);
  };
  for (const char* a : {"li", "wang", "zhao"}) for (int i = 0; i < 5; ++i) add(a, 20);  // 100 rows each
  for (int i = 0; i < 30; ++i) add("zhou", 200);                                      // 6000 rows
  AuditRecord admin;
  admin.actor = "root";
  admin.action = "user.add";
  recs.push_back(admin);
  auto v = Volumes(recs, 3.0, 500);
  ASSERT_EQ(v.size(), 4u);  // administrative actions are not reads
  EXPECT_EQ(v[0].actor, "zhou");
  EXPECT_EQ(v[0].rows, 6000);
  EXPECT_EQ(v[0].requests, 30);
  EXPECT_TRUE(v[0].flagged);
  for (size_t i = 1; i < v.size(); ++i) EXPECT_FALSE(v[i].flagged) << v[i].actor;
  // Below min_rows nothing is flagged, however lopsided.
  EXPECT_FALSE(Volumes(recs, 3.0, 10000)[0].flagged);
}

}  // namespace
}  // namespace tianping::security
