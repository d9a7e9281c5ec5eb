#include "tianping/security/audit_writer.h"

#include <gtest/gtest.h>
#include <sqlite3.h>
#include <unistd.h>

#include <atomic>
#include <condition_variable>
#include <filesystem>
#include <map>
#include <mutex>
#include <thread>
#include <vector>

namespace tianping::security {
namespace {

class AuditWriterTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = ::testing::TempDir() + "/tp_auditw_" + ::testing::UnitTest::GetInstance()->current_test_info()->name() +
           "_" + std::to_string(::getpid());
    std::filesystem::remove_all(dir_);
    auto w = AuditWriter::Open(dir_);
    ASSERT_TRUE(w.ok()) << w.status().ToString();
    writer_ = std::move(w).value();
    auto log = AuditLog::Open(dir_);  // a second connection, as the CLI would have
    ASSERT_TRUE(log.ok()) << log.status().ToString();
    log_ = std::move(log).value();
  }
  void TearDown() override {
    writer_.reset();
    log_.reset();
    std::filesystem::remove_all(dir_);
  }

  std::vector<AuditRecord> All() {
    auto all = log_->Query({});
    EXPECT_TRUE(all.ok()) << all.status().ToString();
    return all.ok() ? *all : std::vector<AuditRecord>{};
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
};

// Detail "t<thread> i<i>" names each entry uniquely.
AuditEntry Entry(int t, int i) {
  std::string detail = "t";  // (not "t" + ...: GCC 12 raises a false -Wrestrict there)
  detail += std::to_string(t) + " i" + std::to_string(i);
  return AuditEntry{"user" + std::to_string(t), "read", "store snapshot 1", i, detail};
}

TEST_F(AuditWriterTest, ConcurrentAppendsFormOneChainWithEveryRecordOnce) {
  constexpr int kThreads = 16, kPerThread = 50;
  std::vector<std::vector<AuditRecord>> got(kThreads);
  std::atomic<int> errors{0};
  std::vector<std::thread> threads;
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([&, t] {
      for (int i = 0; i < kPerThread; ++i) {
        auto r = writer_->Append(Entry(t, i));
        if (!r.ok()) { ++errors; continue; }
        got[t].push_back(*r);
      }
    });
  }
  for (auto& th : threads) th.join();
  EXPECT_EQ(errors.load(), 0);
  ExpectVerifies(kThreads * kPerThread);
  auto all = All();
  ASSERT_EQ(all.size(), static_cast<size_t>(kThreads * kPerThread));
  std::map<std::string, int> seen;
  for (size_t k = 0; k < all.size(); ++k) {
    EXPECT_EQ(all[k].seq, static_cast<int64_t>(k + 1));  // no gaps, storage order
    ++seen[all[k].detail];
  }
  for (int t = 0; t < kThreads; ++t) {
    ASSERT_EQ(got[t].size(), static_cast<size_t>(kPerThread));
    for (int i = 0; i < kPerThread; ++i) {
      const AuditRecord& r = got[t][i];
      EXPECT_EQ(seen[r.detail], 1) << r.detail;
      EXPECT_EQ(r.detail, Entry(t, i).detail);  // each caller got its own record back
      EXPECT_EQ(r.actor, "user" + std::to_string(t));
      EXPECT_EQ(r.rows, i);
      EXPECT_EQ(all[r.seq - 1].hash, r.hash);
      // One thread's appends are sequential, so its records are in its own order.
      if (i) {
        EXPECT_GT(r.seq, got[t][i - 1].seq);
      }
    }
  }
  auto st = writer_->stats();
  EXPECT_EQ(st.records, kThreads * kPerThread);
  EXPECT_EQ(st.failed, 0);
  EXPECT_LE(st.batches, kThreads * kPerThread);
}

TEST_F(AuditWriterTest, WaitingEntriesGoIntoOneBatch) {
  // Another connection holds the write lock, so the writer's first batch waits in BEGIN IMMEDIATE while the
  // other entries queue up; once the lock is released they must be committed together.
  sqlite3* db = nullptr;
  ASSERT_EQ(sqlite3_open((dir_ + "/security.db").c_str(), &db), SQLITE_OK);
  ASSERT_EQ(sqlite3_exec(db, "BEGIN IMMEDIATE", nullptr, nullptr, nullptr), SQLITE_OK);
  constexpr int kThreads = 8;
  std::vector<std::thread> threads;
  std::atomic<int> ok{0};
  threads.emplace_back([&] { ok += writer_->Append(Entry(0, 0)).ok(); });
  while (writer_->stats().committing != 1) std::this_thread::yield();  // the writer took entry 0
  for (int t = 1; t < kThreads; ++t) threads.emplace_back([&, t] { ok += writer_->Append(Entry(t, 0)).ok(); });
  while (writer_->stats().queued != kThreads - 1) std::this_thread::yield();
  ASSERT_EQ(sqlite3_exec(db, "COMMIT", nullptr, nullptr, nullptr), SQLITE_OK);
  sqlite3_close(db);
  for (auto& th : threads) th.join();
  EXPECT_EQ(ok.load(), kThreads);
  auto st = writer_->stats();
  EXPECT_EQ(st.batches, 2);
  EXPECT_EQ(st.max_batch, kThreads - 1);
  ExpectVerifies(kThreads);
}

TEST_F(AuditWriterTest, FailedCommitReportsTheErrorToEveryWaiterAndAppendsNothing) {
  ASSERT_TRUE(writer_->Append(Entry(0, 0)).ok());
  // The head file cannot be replaced: a directory sits where its temporary file goes.
  std::filesystem::create_directory(AuditLog::HeadPath(dir_) + ".tmp");
  constexpr int kThreads = 8;
  std::vector<Status> results(kThreads);
  std::vector<std::thread> threads;
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([&, t] {
      auto r = writer_->Append(Entry(t, 1));
      results[t] = r.ok() ? Status::Ok() : r.status();
    });
  }
  for (auto& th : threads) th.join();
  for (int t = 0; t < kThreads; ++t) {
    EXPECT_FALSE(results[t].ok()) << t;
    EXPECT_NE(results[t].ToString().find("audit.head.tmp"), std::string::npos) << results[t].ToString();
  }
  EXPECT_EQ(writer_->stats().failed, kThreads);
  ExpectVerifies(1);  // rolled back: the chain and both heads still end at record 1
  // Once the fault is gone the chain continues without a gap.
  std::filesystem::remove(AuditLog::HeadPath(dir_) + ".tmp");
  auto r = writer_->Append(Entry(9, 9));
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_EQ(r->seq, 2);
  ExpectVerifies(2);
}

TEST_F(AuditWriterTest, CliAppendsInterleavedWithBatchesVerify) {
  constexpr int kThreads = 4, kPerThread = 40, kCli = 30;
  std::vector<std::thread> threads;
  std::atomic<int> errors{0};
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([&, t] {
      for (int i = 0; i < kPerThread; ++i) errors += !writer_->Append(Entry(t, i)).ok();
    });
  }
  // The "CLI": its own connection appending one record at a time while the writer commits batches.
  auto cli = AuditLog::Open(dir_);
  ASSERT_TRUE(cli.ok());
  for (int i = 0; i < kCli; ++i) errors += !(*cli)->Append("local:cli", "user.add", "user u" + std::to_string(i), 0, "").ok();
  for (auto& th : threads) th.join();
  EXPECT_EQ(errors.load(), 0);
  ExpectVerifies(kThreads * kPerThread + kCli);
  int cli_seen = 0;
  for (const auto& r : All()) cli_seen += r.actor == "local:cli";
  EXPECT_EQ(cli_seen, kCli);
}

TEST_F(AuditWriterTest, AppendBatchIsOneChainSegmentWithOneHead) {
  auto recs = log_->AppendBatch({Entry(1, 1), Entry(1, 2), Entry(1, 3)});
  ASSERT_TRUE(recs.ok()) << recs.status().ToString();
  ASSERT_EQ(recs->size(), 3u);
  EXPECT_EQ((*recs)[0].seq, 1);
  EXPECT_EQ((*recs)[0].prev_hash, std::string(64, '0'));
  EXPECT_EQ((*recs)[1].prev_hash, (*recs)[0].hash);
  EXPECT_EQ((*recs)[2].prev_hash, (*recs)[1].hash);
  EXPECT_EQ(HashRecord((*recs)[2]), (*recs)[2].hash);
  ExpectVerifies(3);
  EXPECT_TRUE(log_->AppendBatch({}).ok());
  ExpectVerifies(3);
}

// AppendAsync: completions record what they got in results_[slot].
class AuditWriterAsyncTest : public AuditWriterTest {
 protected:
  void Reopen(size_t max_batch) {
    writer_.reset();
    auto w = AuditWriter::Open(dir_, max_batch);
    ASSERT_TRUE(w.ok()) << w.status().ToString();
    writer_ = std::move(w).value();
  }
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

  std::mutex mu_;
  std::condition_variable cv_;
  size_t completed_ = 0;
  std::vector<Result<std::vector<AuditRecord>>> results_;
};

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
  Reopen(2);
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
