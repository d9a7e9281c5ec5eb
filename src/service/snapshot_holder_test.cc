// SnapshotHolder: swap on a new DIR/CURRENT, in-flight data kept alive, failed loads keep the old data
// and back off; ResponseCache epochs (docs/api.md "Snapshot reload").
#include "tianping/service/snapshot_holder.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <thread>

#include "tianping/service/response_cache.h"

namespace tianping::service {
namespace {

namespace fs = std::filesystem;

class SnapshotHolderTest : public testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::path(testing::TempDir()) / ("tp_snapshot_holder_" + std::to_string(::getpid()));
    fs::remove_all(dir_);
    fs::create_directories(dir_);
  }
  void TearDown() override { fs::remove_all(dir_); }

  void Commit(const std::string& current) { std::ofstream(dir_ / "CURRENT") << current; }

  // Loads "<id> <crc>" into a ServedData with that id; "fail" in `failing` makes the load fail.
  SnapshotHolder::Loader Loader() {
    return [this](const std::string& current) -> Result<std::shared_ptr<ServedData>> {
      ++loads_;
      if (current == failing_) return Status::Corruption("segment checksum mismatch");
      auto d = std::make_shared<ServedData>();
      d->snapshot_id = current.empty() ? 0 : std::stoull(current);
      return d;
    };
  }

  fs::path dir_;
  int loads_ = 0;
  std::string failing_ = "-";
};

TEST_F(SnapshotHolderTest, LoadsOnceAndSwapsWhenCurrentMoves) {
  SnapshotHolder h(dir_.string(), Loader());
  EXPECT_EQ(h.Current(), nullptr);
  ASSERT_TRUE(h.Refresh().ok());  // no CURRENT: the empty data
  ASSERT_NE(h.Current(), nullptr);
  EXPECT_EQ(h.Current()->snapshot_id, 0u);
  EXPECT_EQ(h.generation(), 1u);

  Commit("3 abc\n");
  ASSERT_TRUE(h.Refresh().ok());
  std::shared_ptr<const ServedData> in_flight = h.Current();  // a request that started on snapshot 3
  EXPECT_EQ(in_flight->snapshot_id, 3u);
  EXPECT_EQ(in_flight->generation, 2u);
  ASSERT_TRUE(h.Refresh().ok());  // CURRENT unchanged: no load
  EXPECT_EQ(loads_, 2);

  Commit("4 def\n");
  ASSERT_TRUE(h.Refresh().ok());
  EXPECT_EQ(h.Current()->snapshot_id, 4u);
  EXPECT_EQ(h.generation(), 3u);
  EXPECT_EQ(in_flight->snapshot_id, 3u);  // still alive and unchanged for the request holding it
  EXPECT_EQ(h.status().snapshot_id, 4u);
  EXPECT_TRUE(h.status().last_error.ok());

  Commit("3 abc\n");  // rollback: back to an older snapshot is a new generation too
  ASSERT_TRUE(h.Refresh().ok());
  EXPECT_EQ(h.Current()->snapshot_id, 3u);
  EXPECT_EQ(h.generation(), 4u);
}

TEST_F(SnapshotHolderTest, FailedLoadKeepsOldDataReportsAndBacksOff) {
  SnapshotHolder h(dir_.string(), Loader());
  h.retry_base = std::chrono::hours(1);  // no retry within the test unless forced
  Commit("5 aaa\n");
  ASSERT_TRUE(h.Refresh().ok());
  failing_ = "6 bbb\n";
  Commit(failing_);
  Status st = h.Refresh();
  EXPECT_EQ(st.code(), Status::Code::kCorruption);
  EXPECT_EQ(h.Current()->snapshot_id, 5u);  // the old data keeps serving
  EXPECT_EQ(h.generation(), 1u);
  SnapshotHolder::Report r = h.status();
  EXPECT_EQ(r.snapshot_id, 5u);
  EXPECT_EQ(r.failures, 1);
  EXPECT_EQ(r.failed_current, failing_);
  EXPECT_NE(r.last_error.message().find("checksum"), std::string::npos);

  int loads = loads_;
  EXPECT_FALSE(h.Refresh().ok());  // within the back-off: no new attempt, same error
  EXPECT_EQ(loads_, loads);
  EXPECT_FALSE(h.Refresh(/*force=*/true).ok());
  EXPECT_EQ(loads_, loads + 1);
  EXPECT_EQ(h.status().failures, 2);

  failing_ = "-";  // repaired (or a newer commit): the next forced attempt swaps
  ASSERT_TRUE(h.Refresh(/*force=*/true).ok());
  EXPECT_EQ(h.Current()->snapshot_id, 6u);
  EXPECT_EQ(h.status().failures, 0);
  EXPECT_TRUE(h.status().last_error.ok());
}

TEST_F(SnapshotHolderTest, NewCommitIsTriedAtOnceAfterAFailure) {
  SnapshotHolder h(dir_.string(), Loader());
  h.retry_base = std::chrono::hours(1);
  ASSERT_TRUE(h.Refresh().ok());
  failing_ = "7 x\n";
  Commit(failing_);
  EXPECT_FALSE(h.Refresh().ok());
  Commit("8 y\n");  // another CURRENT text is not subject to the back-off
  ASSERT_TRUE(h.Refresh().ok());
  EXPECT_EQ(h.Current()->snapshot_id, 8u);
}

TEST_F(SnapshotHolderTest, PollThreadPicksUpCommits) {
  SnapshotHolder h(dir_.string(), Loader());
  ASSERT_TRUE(h.Refresh().ok());
  h.Start(std::chrono::milliseconds(5));
  Commit("9 z\n");
  for (int i = 0; i < 2000 && h.Current()->snapshot_id != 9; ++i) std::this_thread::sleep_for(std::chrono::milliseconds(5));
  EXPECT_EQ(h.Current()->snapshot_id, 9u);
  h.Stop();
}

TEST(ResponseCacheEpochTest, EntriesBelongToTheirEpoch) {
  ResponseCache cache;
  std::string body = "{\"n\":1}";
  auto e1 = cache.Put("k", HttpResponse::Json(body), 1);
  ASSERT_NE(cache.Get("k", 1), nullptr);
  EXPECT_EQ(cache.Get("k", 2), nullptr);  // after a swap: a miss
  auto e2 = cache.Put("k", HttpResponse::Json(body), 2);
  EXPECT_NE(e1->etag, e2->etag);          // same body, new snapshot: clients revalidate
  EXPECT_EQ(cache.Get("k", 1), nullptr);  // the newer epoch emptied the older entries
  ASSERT_NE(cache.Get("k", 2), nullptr);
  // A slow request computed on the old data: returned to its caller, never stored.
  auto late = cache.Put("late", HttpResponse::Json(body), 1);
  EXPECT_EQ(late->body, body);
  EXPECT_EQ(cache.Get("late", 1), nullptr);
  EXPECT_EQ(cache.Get("late", 2), nullptr);
}

}  // namespace
}  // namespace tianping::service
