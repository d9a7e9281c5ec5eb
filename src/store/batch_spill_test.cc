// Batch spill runs (IngestOptions::spill_cases): the same batch committed with and without spilling
// gives the same snapshot, including duplicates and conflicts whose first row is already on disk.
#include <gtest/gtest.h>
#include <unistd.h>

#include <map>

#include "store/batch.h"
#include "store/file_util.h"
#include "store/test_cases.h"
#include "tianping/model/case_json.h"
#include "tianping/store/ingest.h"
#include "tianping/store/store.h"

namespace tianping::store {
namespace {

using testing::MakeCase;

class BatchSpillTest : public ::testing::Test {
 protected:
  void SetUp() override {
    base_ = ::testing::TempDir() + "tp_spill_" + ::testing::UnitTest::GetInstance()->current_test_info()->name() +
            "_" + std::to_string(::getpid());
    (void)RemoveAll(base_ + "a");
    (void)RemoveAll(base_ + "b");
  }
  void TearDown() override {
    (void)RemoveAll(base_ + "a");
    (void)RemoveAll(base_ + "b");
  }
  // Commits cases [0, 100), then a second batch with spilling every `spill` cases (0 = never).
  SnapshotInfo Run(const std::string& dir, size_t spill) {
    for (int round = 0; round < 2; ++round) {
      auto w = StoreWriter::Open(dir);
      EXPECT_TRUE(w.ok());
      auto base = round == 0 ? StoreSnapshot::Empty(dir) : std::move(StoreSnapshot::Open(dir)).value();
      Batch batch(w->get(), base.get());
      batch.set_spill_cases(spill);
      uint32_t f = batch.AddFileName("in.jsonl");
      int line = 0;
      auto add = [&](Case c) {
        batch.AddCase(c, c.court_code.substr(0, 3), SourcePos{f, ++line}, "raw");
        EXPECT_TRUE(batch.MaybeSpill().ok());
      };
      if (round == 0) {
        for (int i = 0; i < 100; ++i) add(MakeCase(i));
      } else {
        for (int i = 50; i < 150; ++i) {
          Case c = MakeCase(i);
          if (i == 60) c.clerk = "钱书记";  // changed
          add(c);
        }
        add(MakeCase(120));  // identical duplicate of a row that is on disk by now
        Case other = MakeCase(130);
        other.clerk = "孙书记";
        add(other);          // conflicts with the first 130: both quarantined
      }
      auto info = batch.Commit("test", 2);
      EXPECT_TRUE(info.ok()) << info.status().ToString();
      if (round == 1) return info.ok() ? *info : SnapshotInfo{};
    }
    return {};
  }
  static std::map<std::string, uint64_t> Contents(const std::string& dir) {
    std::map<std::string, uint64_t> out;
    auto s = StoreSnapshot::Open(dir);
    EXPECT_TRUE(s.ok());
    EXPECT_TRUE((*s)->ScanCases([&](CaseRef, std::string_view id, uint64_t fp) { out[std::string(id)] = fp; }).ok());
    return out;
  }
  std::string base_;
};

TEST_F(BatchSpillTest, SpilledBatchCommitsTheSameSnapshot) {
  SnapshotInfo a = Run(base_ + "a", 0);
  SnapshotInfo b = Run(base_ + "b", 7);
  for (const SnapshotInfo* s : {&a, &b}) {
    EXPECT_EQ(s->case_count(), 149u);
    EXPECT_EQ(s->changes.cases_changed, 1);
    EXPECT_EQ(s->changes.cases_unchanged, 49);
    EXPECT_EQ(s->changes.cases_added, 49);
    EXPECT_EQ(s->changes.duplicates, 1);
    EXPECT_EQ(s->changes.quarantined, 2);
  }
  EXPECT_EQ(Contents(base_ + "a"), Contents(base_ + "b"));
  auto snap = StoreSnapshot::Open(base_ + "b");
  auto c60 = (*snap)->ReadCase(**(*snap)->FindCase("C100060"));
  ASSERT_TRUE(c60.ok());
  EXPECT_EQ(c60->clerk, "钱书记");
  EXPECT_EQ(c60->parties.size(), 2u);
  EXPECT_EQ(c60->parties[1].agents.size(), MakeCase(60).parties[1].agents.size());
  EXPECT_FALSE((*(*snap)->FindCase("C100130")).has_value());
  auto c149 = (*snap)->ReadCase(**(*snap)->FindCase("C100149"));
  ASSERT_TRUE(c149.ok());
  EXPECT_EQ(c149->parties[0].name, MakeCase(149).parties[0].name);
  EXPECT_EQ(c149->parties[0].agents.at(0).name, "刘律师");
  // No run file outlives the batch.
  for (const std::string& name : ListDir(base_ + "b/segments")) EXPECT_EQ(name.find(".run"), std::string::npos) << name;
}

TEST_F(BatchSpillTest, IngestWithTinySpillThresholdMatchesInMemoryIngest) {
  std::string in = base_ + "-in.jsonl", text;
  for (int i = 0; i < 400; ++i) {
    AppendCaseJson(MakeCase(i), &text);
    text += "\n";
  }
  ASSERT_TRUE(MakeDirs(base_ + "a").ok());
  ASSERT_TRUE(WriteFileAtomic(in, text).ok());
  for (size_t spill : {size_t{0}, size_t{1}}) {
    IngestOptions opt;
    opt.progress = false;
    opt.spill_cases = spill;
    auto r = IngestFiles(base_ + (spill ? "b" : "a"), {in}, opt);
    ASSERT_TRUE(r.ok()) << r.status().ToString();
    EXPECT_EQ(r->snapshot.case_count(), 400u);
  }
  EXPECT_EQ(Contents(base_ + "a"), Contents(base_ + "b"));
  (void)RemoveAll(in);
}

}  // namespace
}  // namespace tianping::store
