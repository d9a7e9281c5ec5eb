#include "tianping/security/guarded_aggregates.h"

#include <gtest/gtest.h>

#include <cmath>

namespace tianping::security {
namespace {

const AccessGuard& Guard() {
  static const auto* ref = new ReferenceData(ReferenceData::Load(ReferenceData::DefaultRefDir()).value());
  static const auto* g = new AccessGuard(Catalog::Default(), *ref);
  return *g;
}

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

}  // namespace
}  // namespace tianping::security
