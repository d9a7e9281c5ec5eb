#include "tianping/analytics/frame_columns.h"

#include <gtest/gtest.h>

#include "row_eval.h"
#include "tianping/analytics/indicator.h"
#include "tianping/analytics/tag.h"

namespace tianping::analytics {
namespace {

TEST(FrameColumns, FieldsMapToTheirGroups) {
  EXPECT_EQ(FrameColumnsOfField("category"), kFrameCategory);
  EXPECT_EQ(FrameColumnsOfField("parent.cause3"), kFrameCause);
  EXPECT_EQ(FrameColumnsOfField("root.judge"), kFrameJudge);
  EXPECT_EQ(FrameColumnsOfField("filing_lag"), kFrameReceived);
  EXPECT_EQ(FrameColumnsOfField("overdue"), kFrameLimits);
  EXPECT_EQ(FrameColumnsOfField("voluntary"), kFrameExecution);
  EXPECT_EQ(FrameColumnsOfField("org_party"), kFrameParties);
  EXPECT_EQ(FrameColumnsOfField("party.role"), kFramePartyTable | kFrameParties);
  // Core columns are always loaded.
  EXPECT_EQ(FrameColumnsOfField("closure"), 0u);
  EXPECT_EQ(FrameColumnsOfField("province"), 0u);
  EXPECT_EQ(FrameColumnsOfField("first_instance"), 0u);
}

TEST(FrameColumns, QueryColumnsFollowTagsAndDimensions) {
  std::vector<TagDef> tags = {{"超审限", "case", "overdue", ""},
                              {"新标签", "case", "tag('超审限') and high_risk_cause", ""},
                              {"多次被执行人", "party", "count(party.role = '被执行人') >= 2", ""}};
  IndicatorDef d;
  d.numerator = "count(closed and closure = '调解')";
  d.denominator = "count(closed)";
  d.filter = "category = '民事'";
  EXPECT_EQ(FrameColumnsForQuery({&d}, "", {"province", "month"}, tags), kFrameCategory);
  EXPECT_EQ(FrameColumnsForQuery({&d}, "tag('新标签')", {"judge"}, tags),
            kFrameCategory | kFrameLimits | kFrameCause | kFrameJudge);
  EXPECT_EQ(FrameColumnsForQuery({}, "", {"tag:多次被执行人"}, tags), kFramePartyTable | kFrameParties);
  EXPECT_EQ(TagsNeeded(tags, {"新标签"}).size(), 2u);
  EXPECT_EQ(TagsNeeded(tags, {"多次被执行人"}).size(), 1u);
}

TEST(FrameColumns, AFieldOfAGroupNotLoadedIsAnErrorNotAZero) {
  auto ref = ReferenceData::Load(ReferenceData::DefaultRefDir());
  ASSERT_TRUE(ref.ok());
  CaseFrameBuilder b(*ref);
  Case c;
  c.case_id = "a";
  c.court_code = "京0105";
  c.type_code = "民初";
  c.category = "民事";
  c.filed_date = *Date::Parse("2024-01-01");
  b.Add(c);
  CaseFrame f = b.Finish();
  f.loaded = kFrameAllColumns & ~kFrameCategory;
  f.cache = nullptr;
  RowEvaluator ev(f, f.max_date);
  auto e = ParseExpr("category = '民事'");
  ASSERT_TRUE(e.ok());
  auto r = ev.Predicate(**e);
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.status().ToString().find("not loaded"), std::string::npos) << r.status().ToString();
  auto ok = ParseExpr("closure = '判决' or first_instance");
  ASSERT_TRUE(ok.ok());
  auto rows = ev.Predicate(**ok);
  ASSERT_TRUE(rows.ok());
  EXPECT_EQ(rows->Cardinality(), 1u);
}

}  // namespace
}  // namespace tianping::analytics
