#include "tianping/model/case_type_table.h"

#include <gtest/gtest.h>

namespace tianping {
namespace {

TEST(CaseTypeTable, DefaultHasEveryGroup) {
  const auto& t = CaseTypeTable::Default();
  ASSERT_TRUE(t.load_status().ok()) << t.load_status().message();
  EXPECT_EQ(t.types().size(), 125u);  // 123 codes of domain.md §5 + 诉前调确 + 诉前调书
  EXPECT_EQ(t.Find("民督监")->category, "民事");
  EXPECT_EQ(t.Find("行保")->category, "保全");
  EXPECT_EQ(t.Find("执")->stage, "执行");
  EXPECT_EQ(t.Find("司惩复")->category, "司法制裁");
  EXPECT_EQ(t.Find("诉前调确")->category, "诉前调解");
  EXPECT_EQ(t.Find("民x"), nullptr);
}

TEST(CaseTypeTable, LongestPrefixFirst) {
  const auto& t = CaseTypeTable::Default();
  EXPECT_EQ(t.LongestPrefix("民督监12号")->code, "民督监");
  EXPECT_EQ(t.LongestPrefix("民督12号")->code, "民督");
  EXPECT_EQ(t.LongestPrefix("执恢3号")->code, "执恢");
  EXPECT_EQ(t.LongestPrefix("执3号")->code, "执");
  EXPECT_EQ(t.LongestPrefix("刑医解1号")->code, "刑医解");
  EXPECT_EQ(t.LongestPrefix("刑医1号")->code, "刑医");
  EXPECT_EQ(t.LongestPrefix("知民初"), nullptr);
  EXPECT_TRUE(t.IsFirstCharacter("民"));
  EXPECT_FALSE(t.IsFirstCharacter("知"));
}

TEST(CaseTypeTable, LoadErrorsNameFileAndLine) {
  auto r = CaseTypeTable::Load("/nonexistent/case_types.csv");
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.status().message().find("/nonexistent/case_types.csv"), std::string::npos);
}

}  // namespace
}  // namespace tianping
