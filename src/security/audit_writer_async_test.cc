// AuditWriter::AppendAsync: completion, ordering, batching, failure and shutdown (audit_writer.h).
#include <gtest/gtest.h>
#include <sqlite3.h>
#include <unistd.h>

#include <condition_variable>
#include <filesystem>
#include <mutex>
#include <thread>
#include <vector>

#include "tianping/security/audit_writer.h"

namespace tianping::security {
namespace {

class AuditWriterAsyncTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = ::testing::TempDir() + "/tp_auditwa_" + ::testing::UnitTest::GetInstance()->current_test_info()->name() +
           "_" + std::to_string(::getpid());
    std::filesystem::remove_all(dir_);
    Open(4096);
    auto log = AuditLog::Open(dir_);
    ASSERT_TRUE(log.ok()) << log.status().ToString();
    log_ = std::move(log).value();
  }
  void TearDown() override {
    writer_.reset();
    log_.reset();
    std::filesystem::remove_all(dir_);
  }
  void Open(size_t max_batch) {
    writer_.reset();
    auto w = AuditWriter::Open(dir_, max_batch);
    ASSERT_TRUE(w.ok()) << w.status().ToString();
    writer_ = std::move(w).value();
  }

  // Submits `entries` and records what the completion gets under results_[slot].
  void Submit(size_t slot, std::vector<AuditEntry> entries) {
    writer_->AppendAsync(std::move(entries), [this, slot](Result<std::vector<AuditRecord>> r) {
      std::lock_guard<std::mutex> lock(mu_);
      results_[slot] = std::move(r);
      ++completed_;
      cv_.notify_all();
    });
  }
  void WaitFor(size_t n) {
    std::unique_lock<std::mutex> lock(mu_);
    cv_.wait(lock, [&] { return completed_ >= n; });
  }
  void ExpectVerifies(int64_t records) {
    auto rep = log_->Verify();
    ASSERT_TRUE(rep.ok()) << rep.status().ToString();
    EXPECT_TRUE(rep->ok) << rep->problem;
    EXPECT_EQ(rep->records, records);
  }

  std::string dir_;
  std::unique_ptr<AuditWriter> writer_;
  std::unique_ptr<AuditLog> log_;
  std::mutex mu_;
  std::condition_variable cv_;
  size_t completed_ = 0;
  std::vector<Result<std::vector<AuditRecord>>> results_;
};

AuditEntry Entry(int s, int i) {
  return AuditEntry{"user" + std::to_string(s), "read", "store snapshot 1", i, "s" + std::to_string(s) + " i" + std::to_string(i)};
}

TEST_F(AuditWriterAsyncTest, EverySubmissionCompletesWithItsRecordsInSubmissionOrder) {
  constexpr int kSubmissions = 300;
  results_.assign(kSubmissions, Status::Internal("not completed"));
  int64_t total = 0;
  for (int s = 0; s < kSubmissions; ++s) {
    std::vector<AuditEntry> entries;
    for (int i = 0; i <= s % 3; ++i) entries.push_back(Entry(s, i));  // 1 to 3 entries
    total += static_cast<int64_t>(entries.size());
    Submit(s, std::move(entries));
  }
  WaitFor(kSubmissions);
  int64_t next_seq = 1;
  for (int s = 0; s < kSubmissions; ++s) {
    ASSERT_TRUE(results_[s].ok()) << s << ": " << results_[s].status().ToString();
    const auto& recs = *results_[s];
    ASSERT_EQ(recs.size(), static_cast<size_t>(s % 3 + 1));
    for (size_t i = 0; i < recs.size(); ++i) {
      EXPECT_EQ(recs[i].seq, next_seq++);  // one submission's records are consecutive, submissions in order
      EXPECT_EQ(recs[i].detail, Entry(s, static_cast<int>(i)).detail);
      EXPECT_EQ(recs[i].actor, "user" + std::to_string(s));
    }
  }
  ExpectVerifies(total);
  auto st = writer_->stats();
  EXPECT_EQ(st.records, total);
  EXPECT_EQ(st.submissions, kSubmissions);
  EXPECT_EQ(st.failed, 0);
  EXPECT_EQ(st.queued, 0);
}

TEST_F(AuditWriterAsyncTest, SubmissionsQueuedDuringACommitShareTheNextBatch) {
  sqlite3* db = nullptr;
  ASSERT_EQ(sqlite3_open((dir_ + "/security.db").c_str(), &db), SQLITE_OK);
  ASSERT_EQ(sqlite3_exec(db, "BEGIN IMMEDIATE", nullptr, nullptr, nullptr), SQLITE_OK);
  constexpr int kSubmissions = 200;
  results_.assign(kSubmissions, Status::Internal("not completed"));
  Submit(0, {Entry(0, 0)});
  while (writer_->stats().committing != 1) std::this_thread::yield();  // the writer waits for the lock
  for (int s = 1; s < kSubmissions; ++s) Submit(s, {Entry(s, 0)});     // no caller blocks meanwhile
  EXPECT_EQ(writer_->stats().queued, kSubmissions - 1);
  ASSERT_EQ(sqlite3_exec(db, "COMMIT", nullptr, nullptr, nullptr), SQLITE_OK);
  sqlite3_close(db);
  WaitFor(kSubmissions);
  for (const auto& r : results_) EXPECT_TRUE(r.ok()) << r.status().ToString();
  auto st = writer_->stats();
  EXPECT_EQ(st.batches, 2);
  EXPECT_EQ(st.max_batch, kSubmissions - 1);
  ExpectVerifies(kSubmissions);
}

TEST_F(AuditWriterAsyncTest, AFailedBatchFailsEverySubmissionAndAppendsNothing) {
  ASSERT_TRUE(writer_->Append(Entry(0, 0)).ok());
  std::filesystem::create_directory(AuditLog::HeadPath(dir_) + ".tmp");  // the head cannot be replaced
  constexpr int kSubmissions = 20;
  results_.assign(kSubmissions, std::vector<AuditRecord>{});
  for (int s = 0; s < kSubmissions; ++s) Submit(s, {Entry(s, 1), Entry(s, 2)});
  WaitFor(kSubmissions);
  for (const auto& r : results_) {
    ASSERT_FALSE(r.ok());
    EXPECT_NE(r.status().ToString().find("audit.head.tmp"), std::string::npos) << r.status().ToString();
  }
  EXPECT_EQ(writer_->stats().failed, 2 * kSubmissions);
  ExpectVerifies(1);
  std::filesystem::remove(AuditLog::HeadPath(dir_) + ".tmp");
  auto r = writer_->Append(Entry(9, 9));
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_EQ(r->seq, 2);
  ExpectVerifies(2);
}

TEST_F(AuditWriterAsyncTest, ASubmissionIsNeverSplitAcrossBatches) {
  Open(2);
  results_.assign(2, Status::Internal("not completed"));
  Submit(0, {Entry(0, 0), Entry(0, 1), Entry(0, 2), Entry(0, 3), Entry(0, 4)});
  Submit(1, {Entry(1, 0)});
  WaitFor(2);
  ASSERT_TRUE(results_[0].ok());
  ASSERT_EQ(results_[0]->size(), 5u);
  EXPECT_EQ(results_[0]->back().seq, 5);
  ASSERT_TRUE(results_[1].ok());
  EXPECT_EQ(results_[1]->front().seq, 6);
  EXPECT_EQ(writer_->stats().max_batch, 5);
  ExpectVerifies(6);
}

TEST_F(AuditWriterAsyncTest, DestructionCommitsAndCompletesWhatIsQueued) {
  constexpr int kSubmissions = 100;
  results_.assign(kSubmissions, Status::Internal("not completed"));
  for (int s = 0; s < kSubmissions; ++s) Submit(s, {Entry(s, 0)});
  writer_.reset();  // drains: every queued submission is committed and completed
  EXPECT_EQ(completed_, static_cast<size_t>(kSubmissions));
  for (const auto& r : results_) EXPECT_TRUE(r.ok()) << r.status().ToString();
  ExpectVerifies(kSubmissions);
}

}  // namespace
}  // namespace tianping::security
