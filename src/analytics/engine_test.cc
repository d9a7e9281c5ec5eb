// Engine tests on hand-built cases with hand-computed values.
#include "tianping/analytics/engine.h"

#include <gtest/gtest.h>

#include <cmath>

#include "tianping/analytics/tag.h"

namespace tianping::analytics {
namespace {

Date D(const char* s) { return *Date::Parse(s); }

class EngineTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    ref_ = new ReferenceData(std::move(ReferenceData::Load(ReferenceData::DefaultRefDir())).value());
    reg_ = new IndicatorRegistry(std::move(IndicatorRegistry::LoadDir(IndicatorRegistry::DefaultDir())).value());
  }
  Case& Add(const std::string& id, const char* court, const char* type, const char* filed, const char* closed = nullptr,
            const char* closure = "判决") {
    Case c;
    c.case_id = id;
    c.court_code = court;
    c.type_code = type;
    c.category = std::string(type).find("刑") == 0 ? "刑事" : std::string(type).find("执") == 0 ? "执行" : "民事";
    c.procedure = std::string(type) == "民终" ? "二审" : "简易程序";
    c.filed_date = D(filed);
    if (closed) { c.closed_date = D(closed); c.closure_method = closure; }
    c.statutory_limit_days = 90;
    c.judge_id = std::string(court) + "-J1";
    c.judge_name = "张三";
    cases_.push_back(c);
    return cases_.back();
  }
  Case& Derive(Case& child, const std::string& parent_id, const char* relation) {
    child.derived_from = CaseLink{relation, parent_id, ""};
    return child;
  }
  IndicatorTable Run(const std::vector<std::string>& names, const std::vector<std::string>& by, const char* from,
                     const char* to, const std::string& where = "") {
    CaseFrameBuilder b(*ref_);
    for (const auto& c : cases_) b.Add(c);
    frame_ = b.Finish();
    IndicatorQuery q;
    for (const auto& n : names) {
      const IndicatorDef* d = reg_->Find(n);
      EXPECT_NE(d, nullptr) << n;
      q.indicators.push_back(d);
    }
    q.by = by;
    q.from = D(from);
    q.to = D(to);
    q.where = where;
    auto t = EvaluateIndicators(frame_, q);
    EXPECT_TRUE(t.ok()) << t.status().ToString();
    return t.ok() ? std::move(t).value() : IndicatorTable{};
  }
  static ReferenceData* ref_;
  static IndicatorRegistry* reg_;
  std::vector<Case> cases_;
  CaseFrame frame_;
};
ReferenceData* EngineTest::ref_ = nullptr;
IndicatorRegistry* EngineTest::reg_ = nullptr;

TEST_F(EngineTest, RegistryHasEveryIndicatorOfDomainSection1) {
  EXPECT_GE(reg_->all().size(), 25u);
  for (const char* n : {"结案率", "结收比", "审限内结案率", "一审服判息诉率", "案件比", "执行到位率", "法官人均结案数"})
    EXPECT_NE(reg_->Find(n), nullptr) << n;
}

TEST_F(EngineTest, OfficialCloseRateExample) {
  // 旧存 10 (filed 2023, pending on 2024-01-01), 新收 99 in 2024, 93 closed in 2024 → 93 / (10 + 99).
  for (int i = 0; i < 10; ++i) Add("old" + std::to_string(i), "京0105", "民初", "2023-11-20", i < 8 ? "2024-02-01" : nullptr);
  for (int i = 0; i < 99; ++i) Add("new" + std::to_string(i), "京0105", "民初", "2024-03-05", i < 85 ? "2024-07-01" : nullptr);
  Add("done2023", "京0105", "民初", "2023-01-05", "2023-12-31");   // closed before the period: not 旧存
  Add("next", "京0105", "民初", "2025-01-02");                     // after the period: nothing
  Add("late", "京0105", "民初", "2024-12-31", "2025-01-03");       // 新收, closed after: pending at the end
  auto t = Run({"结案率"}, {}, "2024-01-01", "2024-12-31");
  ASSERT_EQ(t.rows.size(), 1u);
  const IndicatorCell& c = t.rows[0].cells[0];
  EXPECT_EQ(c.numerator, 93);
  EXPECT_EQ(c.denominator, 10 + 99 + 1);
  // Without "late" it is the official figure.
  cases_.pop_back();
  t = Run({"结案率"}, {}, "2024-01-01", "2024-12-31");
  EXPECT_EQ(t.rows[0].cells[0].numerator, 93);
  EXPECT_EQ(t.rows[0].cells[0].denominator, 109);
  EXPECT_EQ(FormatValue(*reg_->Find("结案率"), t.rows[0].cells[0].value), "85.32");
  EXPECT_EQ(t.rows[0].cells[0].in_range, true);
}

TEST_F(EngineTest, MonthlyOldStockAndPendingAtEnd) {
  Add("a", "京0105", "民初", "2024-01-10", "2024-03-15");
  Add("b", "京0105", "民初", "2024-02-01");
  Add("c", "京0105", "民初", "2023-12-31", "2024-01-01");
  auto t = Run({"结案率", "超12个月未结案件比"}, {"month"}, "2024-01-01", "2024-03-31");
  ASSERT_EQ(t.rows.size(), 3u);
  // January: 旧存 c (filed 2023-12-31, closed on 01-01 ≥ period start) + 新收 a; closed c.
  EXPECT_EQ(t.rows[0].key[0], "2024-01");
  EXPECT_EQ(t.rows[0].cells[0].numerator, 1);
  EXPECT_EQ(t.rows[0].cells[0].denominator, 2);
  // February: 旧存 a, 新收 b; closed none. Pending at end: a, b.
  EXPECT_EQ(t.rows[1].cells[0].numerator, 0);
  EXPECT_EQ(t.rows[1].cells[0].denominator, 2);
  EXPECT_EQ(t.rows[1].cells[1].denominator, 2);
  // March: 旧存 a, b; closed a.
  EXPECT_EQ(t.rows[2].cells[0].numerator, 1);
  EXPECT_EQ(t.rows[2].cells[0].denominator, 2);
  EXPECT_EQ(t.rows[2].cells[1].numerator, 0);
}

TEST_F(EngineTest, AppealAttributedToFirstInstanceCourtAndAcceptanceRate) {
  // The appeal (at 京02) that changed f1 counts for f1's court, 朝阳; 京02 itself contributes to none of
  // these indicators (its only case is a second-instance one) and so has no row.
  Add("f1", "京0105", "民初", "2024-01-05", "2024-02-01");
  Add("f2", "京0105", "民初", "2024-01-05", "2024-02-01");
  Add("f3", "京0106", "民初", "2024-01-05", "2024-02-01");
  Derive(Add("a1", "京02", "民终", "2024-03-01", "2024-05-01", "改判"), "f1", "上诉");
  auto t = Run({"一审裁判被改判率", "一审服判息诉率", "上诉率"}, {"court"}, "2024-01-01", "2024-12-31");
  ASSERT_EQ(t.rows.size(), 2u);
  for (const auto& r : t.rows) {
    if (r.key[0] == "北京市朝阳区人民法院") {
      EXPECT_EQ(r.cells[0].numerator, 1);
      EXPECT_EQ(r.cells[0].denominator, 2);
      EXPECT_EQ(r.cells[1].numerator, 1);   // f2 not appealed
      EXPECT_EQ(r.cells[2].numerator, 1);   // one appeal filed in the period
    } else if (r.key[0] == "北京市丰台区人民法院") {
      EXPECT_EQ(r.cells[0].numerator, 0);
      EXPECT_EQ(r.cells[0].denominator, 1);
      EXPECT_EQ(r.cells[1].numerator, 1);
    } else {
      ADD_FAILURE() << "unexpected row " << r.key[0];
    }
  }
}

TEST_F(EngineTest, ClosureBalanceIsOneMinusMonthlyCoefficientOfVariation) {
  // Q1 2024: 3 closures in January, 0 in February, 3 in March → mean 2, population sd √2 → 1 − √2/2.
  for (int i = 0; i < 3; ++i) Add("j" + std::to_string(i), "京0105", "民初", "2023-12-01", "2024-01-15");
  for (int i = 0; i < 3; ++i) Add("m" + std::to_string(i), "京0105", "民初", "2023-12-01", "2024-03-15");
  auto t = Run({"结案均衡度"}, {"quarter"}, "2024-01-01", "2024-06-30");
  ASSERT_EQ(t.rows.size(), 1u);  // Q2 has no closures: no row
  EXPECT_EQ(t.rows[0].key[0], "2024Q1");
  EXPECT_NEAR(t.rows[0].cells[0].value, 1 - std::sqrt(2.0) / 2, 1e-12);
  EXPECT_EQ(t.rows[0].cells[0].denominator, 6);
}

TEST_F(EngineTest, CaseItemRatioTracesDerivedProceedings) {
  Add("r1", "京0105", "民初", "2024-01-05", "2024-02-01");
  Derive(Add("r1a", "京02", "民终", "2024-03-01", "2024-04-01", "发回重审"), "r1", "上诉");
  Derive(Add("r1b", "京0105", "民初", "2024-04-10", "2024-06-01"), "r1a", "重审");
  Derive(Add("r1c", "京0105", "执", "2024-07-01"), "r1b", "执行");
  Add("r2", "京0105", "民初", "2024-01-05", "2024-02-01");
  Add("r3", "京0105", "民初", "2023-01-05", "2023-02-01");          // 案 of another period
  Derive(Add("r3a", "京0105", "执", "2024-03-01"), "r3", "执行");     // traced to r3: not in 2024's 件
  auto t = Run({"案件比"}, {}, "2024-01-01", "2024-12-31");
  ASSERT_EQ(t.rows.size(), 1u);
  EXPECT_EQ(t.rows[0].cells[0].numerator, 5);    // 件: r1, r1a, r1b, r1c, r2
  EXPECT_EQ(t.rows[0].cells[0].denominator, 2);  // 案: r1, r2
}

TEST_F(EngineTest, WhereTagsAndErrors) {
  Add("a", "京0105", "民初", "2024-01-10", "2024-03-15", "调解");
  Add("b", "京0105", "民初", "2024-02-01", "2024-03-01", "撤诉");
  Add("c", "京0105", "刑初", "2024-02-01", "2024-03-01", "判决");
  auto t = Run({"调解率", "撤诉率", "调撤率"}, {}, "2024-01-01", "2024-12-31", "category = '民事'");
  ASSERT_EQ(t.rows.size(), 1u);
  EXPECT_EQ(t.rows[0].cells[0].numerator, 1);
  EXPECT_EQ(t.rows[0].cells[2].numerator, 2);
  EXPECT_EQ(t.rows[0].cells[2].denominator, 2);
  EXPECT_EQ(t.aggregates, 3u);  // count(closed) shared by the three

  IndicatorDef bad;
  bad.name = "坏";
  bad.numerator = "count(closed or filed)";
  Status s = ValidateIndicator(bad, nullptr);
  EXPECT_EQ(s.message(), "坏: position 14: a period condition (filed, closed, pending_start, …) must be a top-level 'and' term of the aggregate, not inside or/not");
  bad.numerator = "count(closure = '调解')";
  EXPECT_EQ(ValidateIndicator(bad, nullptr).message(),
            "坏: position 15: the aggregate needs one period condition: filed, closed, pending_start (旧存), pending_end, pending_over(N), effective or root_filed");
  bad.numerator = "count(closed and closur = '调解')";
  EXPECT_EQ(ValidateIndicator(bad, nullptr).message(), "坏: position 18: unknown field 'closur'");
  bad.numerator = "count(closed and duration > '调解')";
  EXPECT_EQ(ValidateIndicator(bad, nullptr).message(), "坏: position 29: expected a number, found '调解'");
}

}  // namespace
}  // namespace tianping::analytics
