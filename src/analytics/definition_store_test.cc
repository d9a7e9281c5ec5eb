#include "tianping/analytics/definition_store.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>

namespace tianping::analytics {
namespace {

TEST(DefinitionStore, SavesVersionsAndReadsThemBack) {
  std::string dir = (std::filesystem::temp_directory_path() / ("tp_defs_" + std::to_string(::getpid()))).string();
  std::filesystem::remove_all(dir);
  {
    auto store = DefinitionStore::Open(dir);
    ASSERT_TRUE(store.ok()) << store.status().ToString();
    IndicatorDef d;
    d.name = "民事调解率";
    d.numerator = "count(closed and closure = '调解')";
    d.denominator = "count(closed)";
    d.filter = "category = '民事'";
    d.unit = "%";
    d.scale = 100;
    auto v1 = (*store)->Save(d, "count(closed and closure = '调解') / count(closed)");
    ASSERT_TRUE(v1.ok());
    EXPECT_EQ(*v1, 1);
    d.filter = "category = '民事' and first_instance";
    auto v2 = (*store)->Save(d, "…");
    ASSERT_TRUE(v2.ok());
    EXPECT_EQ(*v2, 2);
  }
  auto store = DefinitionStore::Open(dir);  // reopened: persisted
  ASSERT_TRUE(store.ok());
  auto latest = (*store)->Get("民事调解率");
  ASSERT_TRUE(latest.ok());
  EXPECT_EQ(latest->version, 2);
  EXPECT_EQ(latest->filter, "category = '民事' and first_instance");
  EXPECT_EQ(latest->denominator, "count(closed)");
  EXPECT_EQ(latest->scale, 100);
  auto first = (*store)->Get("民事调解率@1");
  ASSERT_TRUE(first.ok());
  EXPECT_EQ(first->version, 1);
  EXPECT_EQ(first->filter, "category = '民事'");
  EXPECT_EQ((*store)->Get("民事调解率@3").status().code(), Status::Code::kNotFound);
  EXPECT_EQ((*store)->Get("民事调解率@x").status().code(), Status::Code::kInvalidArgument);
  auto all = (*store)->List();
  ASSERT_TRUE(all.ok());
  ASSERT_EQ(all->size(), 1u);
  EXPECT_EQ((*all)[0].version, 2);
  std::filesystem::remove_all(dir);
}

TEST(SplitFormula, CutsAtTheTopLevelDivisionAsTyped) {
  auto p = SplitFormula("count(closed and closure = 'a/b') / (count(closed) + count(filed))");
  ASSERT_TRUE(p.ok());
  EXPECT_EQ(p->first, "count(closed and closure = 'a/b')");
  EXPECT_EQ(p->second, "(count(closed) + count(filed))");
  p = SplitFormula("count(closed) / count(filed) / 2");  // left-associative: (a / b) / 2
  ASSERT_TRUE(p.ok());
  EXPECT_EQ(p->first, "count(closed) / count(filed)");
  EXPECT_EQ(p->second, "2");
  p = SplitFormula(" count(pending_over(12)) ");
  ASSERT_TRUE(p.ok());
  EXPECT_EQ(p->first, "count(pending_over(12))");
  EXPECT_EQ(p->second, "");
}

}  // namespace
}  // namespace tianping::analytics
