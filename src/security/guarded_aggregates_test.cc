#include "tianping/security/guarded_aggregates.h"

#include <gtest/gtest.h>

#include <cmath>

#include "test_cases.h"
#include "tianping/common/date.h"

namespace tianping::security {
namespace {

const AccessGuard& Guard() { return testing::TestGuard(); }

analytics::IndicatorCell Cell(double num, double den, bool has_den = true) {
  analytics::IndicatorCell c;
  c.numerator = num;
  c.denominator = den;
  c.has_denominator = has_den;
  c.value = has_den ? (den == 0 ? std::nan("") : num / den) : num;
  c.in_range = true;
  return c;
}

// One row of cells checked by hand against the rule "blank when the numerator or the denominator is
// 0 < n < 10 (sums: non-integral numerators are judged by the denominator)".
analytics::IndicatorTable Table() {
  analytics::IndicatorTable t;
  analytics::IndicatorRow r;
  r.key = {"北京市"};
  r.cells = {Cell(3, 20), Cell(15, 20), Cell(12, 9), Cell(0, 0), Cell(0, 40), Cell(7, 0, false), Cell(1234.5, 50),
             Cell(12.5, 5)};
  t.rows.push_back(r);
  return t;
}

TEST(GuardedAggregatesTest, SmallCellsBlankedForResearcherAndPublicOnly) {
  Principal res;
  res.role = Role::kResearcher;
  auto t = Table();
  EXPECT_EQ(SuppressIndicatorCells(Guard(), res, &t), 4);
  const auto& c = t.rows[0].cells;
  std::vector<bool> blank;
  for (const auto& cell : c) blank.push_back(std::isnan(cell.numerator));
  EXPECT_EQ(blank, (std::vector<bool>{true, false, true, false, false, true, false, true}));
  EXPECT_TRUE(std::isnan(c[0].value) && std::isnan(c[0].denominator) && !c[0].in_range.has_value());
  EXPECT_DOUBLE_EQ(c[1].value, 0.75);
  EXPECT_TRUE(c[1].in_range.has_value());

  Principal pub;
  pub.role = Role::kPublic;
  auto t2 = Table();
  EXPECT_EQ(SuppressIndicatorCells(Guard(), pub, &t2), 4);

  Principal spc;
  spc.role = Role::kSpcAnalyst;
  auto t3 = Table();
  EXPECT_EQ(SuppressIndicatorCells(Guard(), spc, &t3), 0);
  EXPECT_DOUBLE_EQ(t3.rows[0].cells[0].numerator, 3);
}

const ReferenceData& Ref() {
  static const auto* ref = new ReferenceData(ReferenceData::Load(ReferenceData::DefaultRefDir()).value());
  return *ref;
}

// Four cases: two in 北京 (one sealed), one in 上海, one in 北京海淀.
analytics::CaseFrame FourCases() {
  analytics::CaseFrameBuilder b(Ref());
  auto add = [&](const char* id, const char* court, bool sealed) {
    Case c;
    c.case_id = id;
    c.court_code = court;
    c.filed_date = *Date::Parse("2024-03-01");
    c.is_sealed = sealed;
    b.Add(c);
  };
  add("A", "京0107", false);
  add("B", "京0107", true);
  add("C", "沪0115", false);
  add("D", "京0108", false);
  return b.Finish();
}

TEST(GuardedAggregatesTest, VisibleRowsFollowScopeAndSealedCases) {
  analytics::CaseFrame f = FourCases();
  Principal spc;
  spc.role = Role::kSpcAnalyst;
  spc.scope = CourtScope::Parse("nation").value();
  spc.clearance = Grade::kImportant;  // below 核心: sealed cases are not counted
  auto v = VisibleRowsOf(f, Guard(), spc);
  ASSERT_TRUE(v.ok()) << v.status().ToString();
  EXPECT_FALSE(v->all);
  EXPECT_EQ(v->where, "not sealed");
  EXPECT_EQ(v->Count(f), 3);
  EXPECT_FALSE(v->Contains(f, 1));

  Principal jing = spc;
  jing.role = Role::kHighCourtAnalyst;
  jing.scope = CourtScope::Parse("court:京0107").value();
  v = VisibleRowsOf(f, Guard(), jing);
  ASSERT_TRUE(v.ok());
  EXPECT_EQ(v->Count(f), 1);  // A only: B sealed, C and D other courts
  EXPECT_TRUE(v->Contains(f, 0));
  EXPECT_NE(v->where.find("court in ('京0107')"), std::string::npos) << v->where;

  Principal admin;
  admin.role = Role::kAdmin;
  EXPECT_EQ(VisibleRowsOf(f, Guard(), admin).status().code(), Status::Code::kPermissionDenied);
}

}  // namespace
}  // namespace tianping::security
