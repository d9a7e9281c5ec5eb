#include <gtest/gtest.h>
#include <unistd.h>

#include <fstream>
#include <set>

#include "store/batch.h"
#include "store/case_fingerprint.h"
#include "store/file_util.h"
#include "store/manifest.h"
#include "store/store_writer.h"
#include "store/test_cases.h"
#include "tianping/model/case_json.h"
#include "tianping/store/ingest.h"
#include "tianping/store/store.h"

namespace tianping::store {
namespace {

using testing::MakeCase;
using testing::MakeDocument;

class StoreTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = ::testing::TempDir() + "tp_store_" + ::testing::UnitTest::GetInstance()->current_test_info()->name() +
           "_" + std::to_string(::getpid());
    (void)RemoveAll(dir_);
  }
  void TearDown() override { (void)RemoveAll(dir_); }

  // Commits cases [begin, end) (with `edit` applied) as one batch.
  SnapshotInfo CommitCases(int begin, int end, const std::function<void(Case*)>& edit = nullptr) {
    auto w = StoreWriter::Open(dir_);
    EXPECT_TRUE(w.ok()) << w.status().ToString();
    std::unique_ptr<StoreSnapshot> base =
        (*w)->current().id ? std::move(StoreSnapshot::Open(dir_)).value() : StoreSnapshot::Empty(dir_);
    Batch batch(w->get(), base.get());
    uint32_t f = batch.AddFileName("test.jsonl");
    for (int i = begin; i < end; ++i) {
      Case c = MakeCase(i);
      if (edit) edit(&c);
      batch.AddCase(c, c.court_code.substr(0, 3), SourcePos{f, i + 1}, "raw");
    }
    auto info = batch.Commit("test", 2);
    EXPECT_TRUE(info.ok()) << info.status().ToString();
    return info.ok() ? *info : SnapshotInfo{};
  }

  std::string dir_;
};

TEST_F(StoreTest, EmptyStoreOpensAsSnapshotZero) {
  auto s = StoreSnapshot::Open(dir_);
  ASSERT_TRUE(s.ok());
  EXPECT_EQ((*s)->info().id, 0u);
  EXPECT_FALSE((*(*s)->FindCase("C100001")).has_value());
  EXPECT_TRUE(ListSnapshots(dir_)->empty());
}

TEST_F(StoreTest, CommitReopenAndLookups) {
  SnapshotInfo s1 = CommitCases(0, 1000);
  EXPECT_EQ(s1.id, 1u);
  EXPECT_EQ(s1.changes.cases_added, 1000);
  ASSERT_EQ(s1.partitions.size(), 2u);  // 京 and 沪
  auto snap = StoreSnapshot::Open(dir_);
  ASSERT_TRUE(snap.ok()) << snap.status().ToString();
  EXPECT_EQ((*snap)->info().case_count(), 1000u);
  EXPECT_EQ((*snap)->info().party_count(), 2000u);
  EXPECT_TRUE((*snap)->Verify().ok());
  auto ref = (*snap)->FindCase("C100123");
  ASSERT_TRUE(ref.ok() && ref->has_value());
  auto c = (*snap)->ReadCase(**ref);
  ASSERT_TRUE(c.ok());
  EXPECT_EQ(CaseFingerprint(*c), CaseFingerprint(MakeCase(123)));
  EXPECT_EQ((*snap)->info().partitions[(*ref)->partition].name, "沪");
  auto by_number = (*snap)->FindCasesByNumber("（2023）京0105民初1124号");
  ASSERT_EQ(by_number->size(), 1u);
  auto appeals = (*snap)->FindDerivedFrom("C100122");  // case 123 derives from 122
  ASSERT_EQ(appeals->size(), 1u);
  EXPECT_EQ(appeals->front(), **ref);
  auto hits = (*snap)->FindParties(PartyKey::kName, "张三");
  EXPECT_EQ(hits->size(), 200u);
}

TEST_F(StoreTest, ReingestIsIdempotentAndRewritesOnlyChangedPartitions) {
  SnapshotInfo s1 = CommitCases(0, 100);
  SnapshotInfo s2 = CommitCases(0, 100);
  EXPECT_EQ(s2.id, 2u);
  EXPECT_EQ(s2.changes.cases_added, 0);
  EXPECT_EQ(s2.changes.cases_changed, 0);
  EXPECT_EQ(s2.changes.cases_unchanged, 100);
  ASSERT_EQ(s2.partitions.size(), 2u);
  for (size_t i = 0; i < 2; ++i) EXPECT_EQ(s2.partitions[i].cases.path, s1.partitions[i].cases.path);
  // Change two even (京) cases and add one more 京 case; 沪 is left alone.
  SnapshotInfo s3 = CommitCases(0, 101, [](Case* c) {
    if (c->case_id == "C100010" || c->case_id == "C100020") c->closure_method = "撤诉";
  });
  EXPECT_EQ(s3.changes.cases_added, 1);
  EXPECT_EQ(s3.changes.cases_changed, 2);
  EXPECT_EQ(s3.changes.cases_unchanged, 98);
  EXPECT_EQ(s3.case_count(), 101u);
  EXPECT_NE(s3.partitions[0].cases.path, s2.partitions[0].cases.path);  // 京 rewritten
  EXPECT_EQ(s3.partitions[1].cases.path, s2.partitions[1].cases.path);  // 沪 shared
  auto snap = StoreSnapshot::Open(dir_);
  auto c = (*snap)->ReadCase(**(*snap)->FindCase("C100020"));
  EXPECT_EQ(c->closure_method, "撤诉");
  // Every row of the rewritten partition (copied column by column) reads back intact.
  for (int i = 0; i < 101; ++i) {
    Case want = MakeCase(i);
    if (i == 10 || i == 20) want.closure_method = "撤诉";
    auto ref = (*snap)->FindCase(want.case_id);
    ASSERT_TRUE(ref.ok() && ref->has_value()) << want.case_id;
    auto got = (*snap)->ReadCase(**ref);
    ASSERT_TRUE(got.ok());
    EXPECT_EQ(CaseFingerprint(*got), CaseFingerprint(want)) << want.case_id;
  }
  EXPECT_EQ((*snap)->FindParties(PartyKey::kName, "张三")->size(), 21u);  // i = 0, 5, …, 100
  auto diff = DiffSnapshots(dir_, 1, 3);
  ASSERT_TRUE(diff.ok());
  EXPECT_EQ(diff->cases_added, std::vector<std::string>{"C100100"});
  EXPECT_EQ(diff->cases_changed, (std::vector<std::string>{"C100010", "C100020"}));
  EXPECT_TRUE(diff->cases_removed.empty());
}

TEST_F(StoreTest, ConflictingRowsInOneBatchAreQuarantined) {
  auto w = StoreWriter::Open(dir_);
  auto base = StoreSnapshot::Empty(dir_);
  Batch batch(w->get(), base.get());
  uint32_t f = batch.AddFileName("in.jsonl");
  batch.AddCase(MakeCase(1), "沪", SourcePos{f, 1}, "one");
  batch.AddCase(MakeCase(2), "京", SourcePos{f, 2}, "two");
  batch.AddCase(MakeCase(2), "京", SourcePos{f, 3}, "two again");  // duplicate: fine
  Case changed = MakeCase(1);
  changed.claim_amount += 1;
  batch.AddCase(changed, "沪", SourcePos{f, 4}, "one changed");
  auto info = batch.Commit("test", 1);
  ASSERT_TRUE(info.ok()) << info.status().ToString();
  EXPECT_EQ(info->case_count(), 1u);
  EXPECT_EQ(info->changes.quarantined, 2);
  EXPECT_EQ(info->changes.duplicates, 1);
  auto q = ReadWholeFile(dir_ + "/" + info->quarantine);
  ASSERT_TRUE(q.ok());
  EXPECT_NE(q->find("\"line\":1,\"field\":\"case_id\",\"reason\":\"conflicting content for case C100001 (see in.jsonl:4)\""),
            std::string::npos) << *q;
  EXPECT_NE(q->find("\"line\":4"), std::string::npos);
  EXPECT_NE(q->find("\"raw\":\"one changed\""), std::string::npos);
}

TEST_F(StoreTest, RollbackCommitsTheOldContent) {
  CommitCases(0, 50);
  CommitCases(0, 80, [](Case* c) { c->clerk = "钱书记"; });
  auto rolled = Rollback(dir_, 1);
  ASSERT_TRUE(rolled.ok()) << rolled.status().ToString();
  EXPECT_EQ(rolled->id, 3u);
  EXPECT_EQ(rolled->parent, 2u);
  EXPECT_EQ(rolled->changes.cases_removed, 30);
  EXPECT_EQ(rolled->changes.cases_changed, 50);
  auto snap = StoreSnapshot::Open(dir_);
  EXPECT_EQ((*snap)->info().case_count(), 50u);
  EXPECT_EQ((*snap)->ReadCase(**(*snap)->FindCase("C100007"))->clerk, "赵书记");
  auto diff = DiffSnapshots(dir_, 1, 3);
  EXPECT_TRUE(diff->cases_added.empty() && diff->cases_changed.empty() && diff->cases_removed.empty());
  auto list = ListSnapshots(dir_);
  ASSERT_EQ(list->size(), 3u);
  EXPECT_EQ((*list)[2].description, "rollback to 1");
  EXPECT_FALSE(Rollback(dir_, 9).ok());
}

TEST_F(StoreTest, InterruptedCommitLeavesPreviousSnapshotAndIsCleanedUp) {
  CommitCases(0, 20);
  {
    auto w = StoreWriter::Open(dir_);
    std::unique_ptr<StoreSnapshot> base = std::move(StoreSnapshot::Open(dir_)).value();
    Batch batch(w->get(), base.get());
    batch.AddCase(MakeCase(30), "京", SourcePos{0, 1}, "");
    (*w)->set_fail_before_current_for_testing(true);
    EXPECT_FALSE(batch.Commit("t", 1).ok());
  }
  EXPECT_TRUE(PathExists(dir_ + "/snapshots/000002/MANIFEST.json"));
  auto snap = StoreSnapshot::Open(dir_);
  EXPECT_EQ((*snap)->info().id, 1u);
  EXPECT_EQ((*snap)->info().case_count(), 20u);
  auto w = StoreWriter::Open(dir_);  // collects the leftovers
  ASSERT_TRUE(w.ok());
  EXPECT_FALSE(PathExists(dir_ + "/snapshots/000002"));
  std::set<std::string> files;
  for (const auto& n : ListDir(dir_ + "/segments")) files.insert("segments/" + n);
  std::set<std::string> live;
  for (const auto& p : (*snap)->info().partitions) live.insert(p.cases.path);
  EXPECT_EQ(files, live);
}

TEST_F(StoreTest, SecondWriterIsRefused) {
  auto a = StoreWriter::Open(dir_);
  ASSERT_TRUE(a.ok());
  auto b = StoreWriter::Open(dir_);
  ASSERT_FALSE(b.ok());
  EXPECT_EQ(b.status().code(), Status::Code::kFailedPrecondition);
}

TEST_F(StoreTest, CorruptionIsDetectedAndNamed) {
  SnapshotInfo s1 = CommitCases(0, 200);
  std::string seg = dir_ + "/" + s1.partitions[0].cases.path;
  {
    std::fstream f(seg, std::ios::in | std::ios::out | std::ios::binary);
    f.seekp(40);
    f.put('\x7f');
  }
  auto snap = StoreSnapshot::Open(dir_);
  ASSERT_TRUE(snap.ok());
  Status v = (*snap)->Verify();
  EXPECT_EQ(v.code(), Status::Code::kCorruption);
  EXPECT_NE(v.message().find(seg), std::string::npos);
  bool any_error = false;
  for (int i = 0; i < 200; i += 2) {
    auto ref = (*snap)->FindCase(MakeCase(i).case_id);
    if (!ref.ok()) { any_error = true; EXPECT_EQ(ref.status().code(), Status::Code::kCorruption); continue; }
    ASSERT_TRUE(ref->has_value());
    auto c = (*snap)->ReadCase(**ref);
    if (!c.ok()) { any_error = true; EXPECT_EQ(c.status().code(), Status::Code::kCorruption); continue; }
    EXPECT_EQ(CaseFingerprint(*c), CaseFingerprint(MakeCase(i)));  // never silently wrong
  }
  EXPECT_TRUE(any_error);
  // A damaged manifest is refused at open.
  std::string manifest = ManifestPath(dir_, 1);
  auto text = ReadWholeFile(manifest);
  std::string bad = *text;
  bad[bad.find("\"cases\"") + 1] = 'C';
  ASSERT_TRUE(WriteFileAtomic(manifest, bad).ok());
  auto reopened = StoreSnapshot::Open(dir_);
  ASSERT_FALSE(reopened.ok());
  EXPECT_EQ(reopened.status().code(), Status::Code::kCorruption);
  EXPECT_NE(reopened.status().message().find("MANIFEST.json"), std::string::npos);
}

TEST_F(StoreTest, IngestJsonlWithQuarantineAndDocuments) {
  ASSERT_TRUE(MakeDirs(dir_).ok());
  std::string in = dir_ + "-input.jsonl";
  std::string text;
  for (int i = 0; i < 300; ++i) {
    AppendCaseJson(MakeCase(i), &text);
    text += "\n";
  }
  for (int i = 1; i < 300; i += 2) {
    AppendDocumentJson(MakeDocument(i), &text);
    text += "\n";
  }
  text += "\n";  // blank line 451
  auto bad = [&](const std::function<void(Case*)>& edit) {
    Case c = MakeCase(1000 + static_cast<int>(text.size() % 7) * 2);
    c.case_id = "BAD" + std::to_string(text.size());
    edit(&c);
    AppendCaseJson(c, &text);
    text += "\n";
  };
  bad([](Case* c) { c->case_number = "（2023）京0105民初号"; });                  // line 452
  bad([](Case* c) { c->closed_date = c->filed_date.AddDays(-3); });             // line 453
  bad([](Case* c) { c->parties[0].id_number.back() = c->parties[0].id_number.back() == '1' ? '2' : '1'; });  // 454
  bad([](Case* c) { c->court_code = "京0106"; });                                // line 455
  text += "{\"case_id\": \"X\", \"filed_date\": \"2023-02-30\"}\n";              // line 456
  text += "not json\n";                                                          // line 457
  AppendDocumentJson(Document{"D999", "C999999", "民事判决书", "t", "x"}, &text);  // line 458: unknown case
  text += "\n";
  ASSERT_TRUE(WriteFileAtomic(in, text).ok());
  IngestOptions opt;
  opt.progress = false;
  opt.threads = 2;
  auto r = IngestFiles(dir_, {in}, opt);
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_EQ(r->snapshot.case_count(), 300u);
  EXPECT_EQ(r->snapshot.document_count(), 150u);
  EXPECT_EQ(r->snapshot.changes.quarantined, 7);
  auto q = ReadWholeFile(dir_ + "/" + r->snapshot.quarantine);
  ASSERT_TRUE(q.ok());
  for (const char* want : {"\"line\":452,\"field\":\"case_number\"", "\"line\":453,\"field\":\"closed_date\"",
                           "\"line\":454,\"field\":\"parties[0].id_number\"", "\"line\":455,\"field\":\"court_code\"",
                           "\"line\":456,", "\"line\":457,", "\"line\":458,\"field\":\"case_id\""}) {
    EXPECT_NE(q->find(want), std::string::npos) << want << "\n" << *q;
  }
  auto snap = StoreSnapshot::Open(dir_);
  auto docs = (*snap)->DocumentsOfCase("C100077");
  ASSERT_EQ(docs->size(), 1u);
  EXPECT_EQ(docs->front().text, MakeDocument(77).text);
  // Re-ingesting the same file changes nothing.
  auto again = IngestFiles(dir_, {in}, opt);
  ASSERT_TRUE(again.ok());
  EXPECT_EQ(again->snapshot.changes.cases_unchanged, 300);
  EXPECT_EQ(again->snapshot.changes.documents_unchanged, 150);
  EXPECT_EQ(again->snapshot.changes.cases_added + again->snapshot.changes.cases_changed, 0);
  (void)RemoveAll(in);
}

TEST_F(StoreTest, IngestCsvWithJsonCellsAndQuarantine) {
  ASSERT_TRUE(MakeDirs(dir_).ok());
  std::string in = dir_ + "-input.csv";
  const std::string parties =
      "\"[{\"\"role\"\":\"\"原告\"\",\"\"name\"\":\"\"张三\"\"},{\"\"role\"\":\"\"被告\"\",\"\"name\"\":\"\"李四\"\"}]\"";
  std::string text =
      "case_id,case_number,court_code,type_code,category,court_name,filed_date,closed_date,claim_amount,parties\n"
      "K1,（2023）京0105民初1号,京0105,民初,民事,北京市朝阳区人民法院,2023-03-01,,1200.50," + parties + "\n"
      "K2,（2023）京0105民初2号,京0105,民初,民事,\"多行\n名称\",2023-03-02,2023-03-01,," + parties + "\n"   // lines 3-4
      "K3,（2023）沪0115民初3号,沪0115,民初,民事,上海市浦东新区人民法院,2023-03-03,,," + parties + "\n"      // line 5
      "K4,（2023）沪0115民初4号,沪0115,民初,民事,x,2023-03-04,,,[],extra\n";                              // line 6
  ASSERT_TRUE(WriteFileAtomic(in, text).ok());
  IngestOptions opt;
  opt.progress = false;
  auto r = IngestFiles(dir_, {in}, opt);
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_EQ(r->snapshot.case_count(), 2u);
  EXPECT_EQ(r->snapshot.changes.quarantined, 2);
  auto q = ReadWholeFile(dir_ + "/" + r->snapshot.quarantine);
  EXPECT_NE(q->find("\"line\":3,\"field\":\"closed_date\""), std::string::npos) << *q;
  EXPECT_NE(q->find("\"line\":6,\"field\":\"\",\"reason\":\"more fields than the header\""), std::string::npos) << *q;
  auto snap = StoreSnapshot::Open(dir_);
  auto c = (*snap)->ReadCase(**(*snap)->FindCase("K1"));
  ASSERT_TRUE(c.ok());
  EXPECT_EQ(c->claim_amount, 120050);
  ASSERT_EQ(c->parties.size(), 2u);
  EXPECT_EQ(c->parties[1].name, "李四");
  EXPECT_EQ((*snap)->info().partitions.size(), 2u);
  (void)RemoveAll(in);
}

}  // namespace
}  // namespace tianping::store
