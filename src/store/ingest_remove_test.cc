// IngestOptions::remove_case_ids, ::remove_document_ids and ::source_state (docs/store-format.md "Removals and source state").
#include <gtest/gtest.h>
#include <unistd.h>

#include "store/file_util.h"
#include "store/test_cases.h"
#include "tianping/model/case_json.h"
#include "tianping/store/ingest.h"
#include "tianping/store/store.h"

namespace tianping::store {
namespace {

using testing::MakeCase;
using testing::MakeDocument;

class IngestRemoveTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = ::testing::TempDir() + "tp_remove_" + ::testing::UnitTest::GetInstance()->current_test_info()->name() +
           "_" + std::to_string(::getpid());
    (void)RemoveAll(dir_);
    ASSERT_TRUE(MakeDirs(dir_).ok());
    input_ = dir_ + "-input.jsonl";
    std::string text;
    for (int i = 0; i < 20; ++i) {
      AppendCaseJson(MakeCase(i), &text);
      text += "\n";
    }
    for (int i = 1; i < 20; i += 2) {  // documents of the odd cases
      AppendDocumentJson(MakeDocument(i), &text);
      text += "\n";
    }
    ASSERT_TRUE(WriteFileAtomic(input_, text).ok());
  }
  void TearDown() override {
    (void)RemoveAll(dir_);
    (void)RemoveAll(input_);
  }
  Result<IngestReport> Ingest(const std::vector<std::string>& files, std::vector<std::string> remove,
                              std::map<std::string, std::string> state) {
    IngestOptions opt;
    opt.progress = false;
    opt.threads = 2;
    opt.remove_case_ids = std::move(remove);
    opt.source_state = std::move(state);
    return IngestFiles(dir_, files, opt);
  }
  std::string dir_, input_;
};

TEST_F(IngestRemoveTest, RemovesCasesWithPartiesAndDocuments) {
  auto first = Ingest({input_}, {}, {});
  ASSERT_TRUE(first.ok()) << first.status().ToString();
  ASSERT_EQ(first->snapshot.case_count(), 20u);
  ASSERT_EQ(first->snapshot.document_count(), 10u);

  // No input files: only removals. C100003 has a document, C100004 has none, NOPE is not stored.
  auto r = Ingest({}, {"C100003", "C100004", "NOPE"}, {});
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  const SnapshotInfo& s = r->snapshot;
  EXPECT_EQ(s.id, 2u);
  EXPECT_EQ(s.case_count(), 18u);
  EXPECT_EQ(s.party_count(), 36u);
  EXPECT_EQ(s.document_count(), 9u);
  EXPECT_EQ(s.changes.cases_removed, 2);
  EXPECT_EQ(s.changes.documents_removed, 1);
  EXPECT_EQ(s.changes.removals_ignored, 1);
  EXPECT_EQ(s.changes.cases_added + s.changes.cases_changed, 0);

  auto snap = StoreSnapshot::Open(dir_);
  ASSERT_TRUE(snap.ok());
  EXPECT_FALSE((*(*snap)->FindCase("C100003")).has_value());
  EXPECT_FALSE((*(*snap)->FindCase("C100004")).has_value());
  EXPECT_TRUE((*(*snap)->FindCase("C100005")).has_value());
  EXPECT_TRUE((*snap)->DocumentsOfCase("C100003")->empty());
  EXPECT_FALSE((*(*snap)->FindDocument("D3")).has_value());
  EXPECT_EQ((*snap)->DocumentsOfCase("C100005")->size(), 1u);
  EXPECT_TRUE((*snap)->FindParties(PartyKey::kName, "原告3")->empty());
  EXPECT_EQ((*snap)->FindParties(PartyKey::kName, "原告7")->size(), 1u);

  auto diff = DiffSnapshots(dir_, 1, 2);
  ASSERT_TRUE(diff.ok());
  EXPECT_EQ(diff->cases_removed, (std::vector<std::string>{"C100003", "C100004"}));
  EXPECT_TRUE(diff->cases_added.empty());
  EXPECT_TRUE(diff->cases_changed.empty());
  EXPECT_EQ(diff->documents_removed, 1);

  // Rollback brings them back.
  ASSERT_TRUE(Rollback(dir_, 1).ok());
  auto back = StoreSnapshot::Open(dir_);
  EXPECT_TRUE((*(*back)->FindCase("C100003")).has_value());
  EXPECT_EQ((*back)->info().document_count(), 10u);
}

TEST_F(IngestRemoveTest, RemovesDocumentsAloneKeepingTheirCases) {
  ASSERT_TRUE(Ingest({input_}, {}, {}).ok());
  IngestOptions opt;
  opt.progress = false;
  opt.threads = 2;
  opt.remove_document_ids = {"D3", "D5", "D999"};  // D999 is not stored
  auto r = IngestFiles(dir_, {}, opt);
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  const SnapshotInfo& s = r->snapshot;
  EXPECT_EQ(s.case_count(), 20u);
  EXPECT_EQ(s.document_count(), 8u);
  EXPECT_EQ(s.changes.documents_removed, 2);
  EXPECT_EQ(s.changes.removals_ignored, 1);
  EXPECT_EQ(s.changes.cases_removed + s.changes.cases_changed + s.changes.cases_added, 0);
  EXPECT_NE(s.description.find("remove-documents 3"), std::string::npos) << s.description;
  auto snap = StoreSnapshot::Open(dir_);
  ASSERT_TRUE(snap.ok());
  EXPECT_TRUE((*(*snap)->FindCase("C100003")).has_value());
  EXPECT_FALSE((*(*snap)->FindDocument("D3")).has_value());
  EXPECT_TRUE((*snap)->DocumentsOfCase("C100003")->empty());
  EXPECT_FALSE((*(*snap)->FindDocument("D5")).has_value());
  EXPECT_EQ((*snap)->DocumentsOfCase("C100007")->size(), 1u);
  auto diff = DiffSnapshots(dir_, 1, 2);
  ASSERT_TRUE(diff.ok());
  EXPECT_EQ(diff->documents_removed, 2);
  EXPECT_TRUE(diff->cases_removed.empty());

  // A document the input holds again is upserted, not removed.
  opt.remove_document_ids = {"D7"};
  auto again = IngestFiles(dir_, {input_}, opt);
  ASSERT_TRUE(again.ok()) << again.status().ToString();
  EXPECT_EQ(again->snapshot.changes.documents_removed, 0);
  EXPECT_EQ(again->snapshot.changes.removals_ignored, 0);
  EXPECT_EQ(again->snapshot.changes.documents_added, 2);  // D3 and D5 come back
  EXPECT_EQ(again->snapshot.document_count(), 10u);
}

TEST_F(IngestRemoveTest, InputRowWinsOverRemovalAndEmptyPartitionDisappears) {
  ASSERT_TRUE(Ingest({input_}, {}, {}).ok());
  // Re-ingest the same file while asking to remove C100005 (in the input) and every 沪 case but 5.
  std::vector<std::string> remove = {"C100005"};
  auto r = Ingest({input_}, remove, {});
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_EQ(r->snapshot.changes.cases_removed, 0);
  EXPECT_EQ(r->snapshot.changes.removals_ignored, 0);
  EXPECT_EQ(r->snapshot.changes.cases_unchanged, 20);
  EXPECT_EQ(r->snapshot.case_count(), 20u);

  remove.clear();
  for (int i = 1; i < 20; i += 2) remove.push_back("C" + std::to_string(100000 + i));  // all of 沪
  auto gone = Ingest({}, remove, {});
  ASSERT_TRUE(gone.ok()) << gone.status().ToString();
  EXPECT_EQ(gone->snapshot.changes.cases_removed, 10);
  EXPECT_EQ(gone->snapshot.changes.documents_removed, 10);
  ASSERT_EQ(gone->snapshot.partitions.size(), 1u);
  EXPECT_EQ(gone->snapshot.partitions[0].name, "京");
  EXPECT_EQ(gone->snapshot.document_count(), 0u);
}

TEST_F(IngestRemoveTest, DocumentOfRemovedCaseIsQuarantined) {
  ASSERT_TRUE(Ingest({input_}, {}, {}).ok());
  std::string docs = dir_ + "-docs.jsonl";
  Document d = MakeDocument(7);
  d.doc_id = "D7b";
  std::string text;
  AppendDocumentJson(d, &text);
  text += "\n";
  ASSERT_TRUE(WriteFileAtomic(docs, text).ok());
  auto r = Ingest({docs}, {"C100007"}, {});
  (void)RemoveAll(docs);
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_EQ(r->snapshot.changes.quarantined, 1);
  EXPECT_EQ(r->snapshot.changes.cases_removed, 1);
  auto q = ReadWholeFile(dir_ + "/" + r->snapshot.quarantine);
  ASSERT_TRUE(q.ok());
  EXPECT_NE(q->find("unknown case C100007"), std::string::npos) << *q;
}

TEST_F(IngestRemoveTest, SourceStateIsCarriedForwardOverwrittenAndRolledBack) {
  auto a = Ingest({input_}, {}, {{"pg.watermark", "2026-01-01T00:00:00Z"}, {"pg.table", "cases"}});
  ASSERT_TRUE(a.ok()) << a.status().ToString();
  // A snapshot that changes no data still records the new state.
  auto b = Ingest({}, {}, {{"pg.watermark", "2026-02-01T00:00:00Z"}});
  ASSERT_TRUE(b.ok()) << b.status().ToString();
  EXPECT_EQ(b->snapshot.case_count(), 20u);
  auto c = Ingest({input_}, {}, {});  // carries the state forward unchanged
  ASSERT_TRUE(c.ok());

  auto snap = StoreSnapshot::Open(dir_);
  ASSERT_TRUE(snap.ok());
  std::map<std::string, std::string> want = {{"pg.table", "cases"}, {"pg.watermark", "2026-02-01T00:00:00Z"}};
  EXPECT_EQ((*snap)->info().source_state, want);
  auto first = StoreSnapshot::Open(dir_, 1);
  EXPECT_EQ((*first)->info().source_state.at("pg.watermark"), "2026-01-01T00:00:00Z");

  ASSERT_TRUE(Rollback(dir_, 1).ok());
  auto rolled = StoreSnapshot::Open(dir_);
  EXPECT_EQ((*rolled)->info().source_state.at("pg.watermark"), "2026-01-01T00:00:00Z");
  auto listed = ListSnapshots(dir_);
  ASSERT_TRUE(listed.ok());
  ASSERT_EQ(listed->size(), 4u);
  EXPECT_EQ((*listed)[1].source_state.at("pg.watermark"), "2026-02-01T00:00:00Z");
}

TEST_F(IngestRemoveTest, NothingToDoIsAnError) {
  auto r = Ingest({}, {}, {});
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), Status::Code::kInvalidArgument);
}

}  // namespace
}  // namespace tianping::store
