#include "tianping/store/clean.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <algorithm>

#include "store/batch.h"
#include "store/clean_checks.h"
#include "store/file_util.h"
#include "store/store_writer.h"
#include "store/test_cases.h"
#include "tianping/store/store.h"

namespace tianping::store {
namespace {

// A clean case i: MakeCase without its appeal link, closed, plaintiff ID consistent with gender/birth.
Case CleanCase(int i) {
  Case c = testing::MakeCase(i);
  c.derived_from.reset();
  if (!c.closed_date) {
    c.closed_date = c.filed_date.AddDays(30);
    c.closure_method = "撤诉";
  }
  c.parties[0].id_number = MakeIdNumber("110105", Date::FromYmd(1980, 1, 1), 2 * i + 1);  // odd: 男
  return c;
}

// One planted instance of each problem on cases 101…115, plus clean cases 0…19 with documents.
std::vector<Case> PlantedCases() {
  std::vector<Case> cases;
  for (int i = 0; i < 20; ++i) cases.push_back(CleanCase(i));
  auto plant = [&](int i, const std::function<void(Case*)>& edit) {
    Case c = CleanCase(i);
    edit(&c);
    cases.push_back(c);
  };
  plant(101, [](Case* c) { c->case_number = CleanCase(1).case_number; });                  // duplicate
  plant(102, [](Case* c) { c->derived_from = CaseLink{"上诉", "C999999", "（2022）京0105民初9号"}; });  // orphan
  plant(103, [](Case* c) {                                                                  // before parent
    c->derived_from = CaseLink{"上诉", "C100002", CleanCase(2).case_number};
    c->received_date = CleanCase(2).filed_date.AddDays(-1);
    c->filed_date = *c->received_date;
  });
  plant(104, [](Case* c) { c->closure_method.clear(); });
  plant(105, [](Case* c) {
    c->closed_date.reset();
    c->statutory_limit_days = 0;
  });
  plant(106, [](Case* c) {  // 案号 says 京0105
    c->court_code = "京0108";
    c->court_name = "北京市海淀区人民法院";
  });
  plant(107, [](Case* c) { c->case_number = "（2022）沪0115民初1107号"; });
  plant(108, [](Case* c) { c->procedure = "二审"; });
  plant(109, [](Case* c) {  // pending since 2023-01-02 (as of ≈ 2023-08: > 2 × 90 days), no extension
    c->received_date = Date::FromYmd(2023, 1, 2);
    c->filed_date = *c->received_date;
    c->closed_date.reset();
    c->closure_method.clear();
  });
  plant(110, [](Case* c) {  // case 3's plaintiff ID under another name
    c->parties[0].id_number = CleanCase(3).parties[0].id_number;
    c->parties[0].name = "李四";
  });
  plant(111, [](Case* c) { c->parties[0].birth_date = Date::FromYmd(1981, 2, 2); });
  plant(112, [](Case* c) { c->court_name = "北京市朝阳区法院"; });
  plant(113, [](Case* c) { c->case_number = "(2023)沪0115民初１１１３号"; });
  plant(114, [](Case* c) { c->parties[0].name = " 王 五 "; });
  return cases;
}

class CleanTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = ::testing::TempDir() + "tp_clean_" + ::testing::UnitTest::GetInstance()->current_test_info()->name() +
           "_" + std::to_string(::getpid());
    (void)RemoveAll(dir_);
    auto ref = ReferenceData::Load(ReferenceData::DefaultRefDir());
    ASSERT_TRUE(ref.ok()) << ref.status().ToString();
    ref_ = std::move(*ref);
    // Committed without ingest validation, so even rows ingest would reject (court_code_mismatch) are there.
    auto w = StoreWriter::Open(dir_);
    ASSERT_TRUE(w.ok()) << w.status().ToString();
    auto base = StoreSnapshot::Empty(dir_);
    Batch batch(w->get(), base.get());
    uint32_t f = batch.AddFileName("planted.jsonl");
    int line = 0;
    for (const Case& c : PlantedCases()) batch.AddCase(c, c.court_code.substr(0, 3), SourcePos{f, ++line}, "raw");
    for (int i = 0; i < 20; ++i) batch.AddDocument(testing::MakeDocument(i), SourcePos{f, ++line}, "raw");
    // An orphan document cannot be planted: the batch quarantines documents of unknown cases.
    auto info = batch.Commit("planted", 1);
    ASSERT_TRUE(info.ok()) << info.status().ToString();
  }
  void TearDown() override { (void)RemoveAll(dir_); }

  CleanReport Report() {
    auto snap = StoreSnapshot::Open(dir_);
    EXPECT_TRUE(snap.ok());
    CleanOptions o;
    o.ref = &ref_;
    auto r = CleanStore(**snap, o);
    EXPECT_TRUE(r.ok()) << r.status().ToString();
    return r.ok() ? *r : CleanReport{};
  }

  std::string dir_;
  ReferenceData ref_;
};

TEST_F(CleanTest, FindsEachPlantedProblemOnce) {
  CleanReport r = Report();
  EXPECT_EQ(r.cases, 34);
  EXPECT_EQ(r.documents, 20);
  EXPECT_EQ(r.Find("orphan_document")->count, 0);
  const std::pair<const char*, const char*> expected[] = {
      {"duplicate_case_number", "C100101"}, {"orphan_derived_from", "C100102"},
      {"derived_before_parent", "C100103"}, {"closed_without_method", "C100104"},
      {"method_without_closed", "C100105"}, {"court_code_mismatch", "C100106"}, {"year_mismatch", "C100107"},
      {"type_inconsistent", "C100108"},     {"overdue_pending", "C100109"},     {"id_number_disagrees", "C100111"},
      {"court_name_mismatch", "C100112"},   {"case_number_format", "C100113"},  {"name_format", "C100114"},
  };
  ASSERT_EQ(r.results.size(), CleanRules().size());
  for (const auto& [rule, id] : expected) {
    const CleanRuleResult* res = r.Find(rule);
    ASSERT_NE(res, nullptr) << rule;
    EXPECT_EQ(res->count, 1) << rule;
    ASSERT_EQ(res->samples.size(), 1u) << rule;
    EXPECT_EQ(res->samples[0].case_id, id) << rule << ": " << res->samples[0].detail;
  }
  const CleanRuleResult* conflict = r.Find("party_identity_conflict");
  ASSERT_EQ(conflict->count, 1);
  // Whichever of the two cases is scanned second is the finding; the other is named in the detail.
  std::string id = conflict->samples[0].case_id, detail = conflict->samples[0].detail;
  EXPECT_TRUE((id == "C100110" && detail.find("C100003") != std::string::npos) ||
              (id == "C100003" && detail.find("C100110") != std::string::npos))
      << id << " " << detail;
  EXPECT_NE(r.Find("duplicate_case_number")->samples[0].detail.find("C100001"), std::string::npos);
  EXPECT_NE(r.Find("case_number_format")->samples[0].detail.find("（2023）沪0115民初1113号"), std::string::npos);
}

TEST_F(CleanTest, SamplesAreCapped) {
  auto snap = StoreSnapshot::Open(dir_);
  ASSERT_TRUE(snap.ok());
  CleanOptions o;
  o.ref = &ref_;
  o.samples = 0;
  auto r = CleanStore(**snap, o);
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->Find("name_format")->count, 1);
  EXPECT_TRUE(r->Find("name_format")->samples.empty());
}

TEST_F(CleanTest, FixCommitsOnlyTheSafeFixesAndRollsBack) {
  CleanOptions o;
  o.ref = &ref_;
  auto fix = CleanFix(dir_, o);
  ASSERT_TRUE(fix.ok()) << fix.status().ToString();
  ASSERT_TRUE(fix->committed);
  EXPECT_EQ(fix->snapshot.id, 2u);
  std::vector<std::string> changed = fix->changed;
  std::sort(changed.begin(), changed.end());
  EXPECT_EQ(changed, (std::vector<std::string>{"C100112", "C100113", "C100114"}));
  EXPECT_EQ(fix->snapshot.changes.cases_changed, 3);
  EXPECT_EQ(fix->snapshot.changes.cases_removed, 0);
  EXPECT_EQ(fix->snapshot.case_count(), 34u);
  EXPECT_EQ(fix->snapshot.document_count(), 20u);

  auto snap = StoreSnapshot::Open(dir_);
  ASSERT_TRUE(snap.ok());
  auto ref = (*snap)->FindCase("C100113");
  ASSERT_TRUE(ref.ok() && ref->has_value());
  EXPECT_EQ((*snap)->ReadCase(**ref)->case_number, "（2023）沪0115民初1113号");
  ref = (*snap)->FindCase("C100114");
  EXPECT_EQ((*snap)->ReadCase(**ref)->parties[0].name, "王五");
  ref = (*snap)->FindCase("C100112");
  EXPECT_EQ((*snap)->ReadCase(**ref)->court_name, "北京市朝阳区人民法院");

  CleanReport after = Report();
  for (const CleanRuleResult& res : after.results) {
    int64_t before = std::string(res.rule->id) == "orphan_document" ? 0 : 1;
    EXPECT_EQ(res.count, res.rule->safe_fix ? 0 : before) << res.rule->id << " as of " << after.as_of.ToString();
  }
  auto diff = DiffSnapshots(dir_, 1, 2);
  ASSERT_TRUE(diff.ok());
  EXPECT_EQ(diff->cases_changed, (std::vector<std::string>{"C100112", "C100113", "C100114"}));
  EXPECT_TRUE(diff->cases_added.empty());
  EXPECT_TRUE(diff->cases_removed.empty());

  auto again = CleanFix(dir_, o);  // nothing left to fix: no new snapshot
  ASSERT_TRUE(again.ok());
  EXPECT_FALSE(again->committed);

  ASSERT_TRUE(Rollback(dir_, 1).ok());
  CleanReport restored = Report();
  EXPECT_EQ(restored.Find("name_format")->count, 1);
  EXPECT_EQ(restored.Find("court_name_mismatch")->count, 1);
}

TEST(CleanNormalizeTest, Names) {
  EXPECT_EQ(NormalizeName("张 三"), "张三");
  EXPECT_EQ(NormalizeName("\u3000张三 "), "张三");
  EXPECT_EQ(NormalizeName(" John  Smith "), "John Smith");
  EXPECT_EQ(NormalizeName("某某公司第１分店"), "某某公司第1分店");
  EXPECT_EQ(NormalizeName("ＡＢＣ有限公司"), "ABC有限公司");
  EXPECT_EQ(NormalizeName("王芳"), "王芳");
}

TEST(CleanNormalizeTest, CaseNumbers) {
  EXPECT_EQ(NormalizedCaseNumberIfDifferent("（2023）京0105民初1号"), "");
  EXPECT_EQ(NormalizedCaseNumberIfDifferent("（2023）京0105民初 1号"), "（2023）京0105民初1号");
  EXPECT_EQ(NormalizedCaseNumberIfDifferent("not a number"), "");
}

TEST(CleanRulesTest, TableIsComplete) {
  ASSERT_EQ(CleanRules().size(), static_cast<size_t>(kCleanRuleCount));
  int safe = 0;
  for (const CleanRule& r : CleanRules()) safe += r.safe_fix;
  EXPECT_EQ(safe, 3);
}

}  // namespace
}  // namespace tianping::store
