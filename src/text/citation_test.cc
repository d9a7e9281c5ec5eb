#include "text/citation.h"

#include <gtest/gtest.h>

namespace tianping::text {
namespace {

TEST(Citation, ChainWithSubunits) {
  auto c = ExtractCitations("依照《中华人民共和国民法典》第六百七十五条、第六百七十六条第一款第（二）项之规定");
  ASSERT_EQ(c.size(), 2u);
  EXPECT_EQ(c[0].law, "中华人民共和国民法典");
  EXPECT_EQ(c[0].article, 675);
  EXPECT_EQ(c[1].article, 676);
  EXPECT_EQ(c[1].paragraph, 1);
  EXPECT_EQ(c[1].item, 2);
}

TEST(Citation, SuffixAndSameArticleParagraphs) {
  auto c = ExtractCitations("《中华人民共和国刑法》第一百三十三条之一第一款、第二款");
  ASSERT_EQ(c.size(), 2u);
  EXPECT_EQ(c[0].article, 133);
  EXPECT_EQ(c[0].article_suffix, 1);
  EXPECT_EQ(c[0].paragraph, 1);
  EXPECT_EQ(c[1].article, 133);
  EXPECT_EQ(c[1].paragraph, 2);
}

TEST(Citation, ShortNames) {
  auto c = ExtractCitations(
      "《最高人民法院关于适用〈中华人民共和国民事诉讼法〉的解释》（以下简称《民诉法解释》）第九十条，"
      "民诉法解释第一百零八条；另依刑法第二百六十四条");
  ASSERT_EQ(c.size(), 3u);
  EXPECT_EQ(c[0].article, 90);
  EXPECT_EQ(c[1].law, "最高人民法院关于适用〈中华人民共和国民事诉讼法〉的解释");
  EXPECT_EQ(c[1].written_name, "民诉法解释");
  EXPECT_EQ(c[1].article, 108);
  EXPECT_EQ(c[2].law, "中华人民共和国刑法");
  EXPECT_EQ(c[2].article, 264);
}

TEST(Citation, NotCitations) {
  EXPECT_TRUE(ExtractCitations("《借条》一份，《常住人口信息表》").empty());
  EXPECT_TRUE(ExtractCitations("第三人到庭").empty());
}

}  // namespace
}  // namespace tianping::text
