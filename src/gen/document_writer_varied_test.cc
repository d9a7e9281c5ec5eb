#include <cstdio>
#include <cstdlib>

#include <gtest/gtest.h>

#include "gen/chinese_numerals.h"
#include "gen/doc_test_helpers_test_util.h"
#include "gen/document_writer.h"
#include "gen/error_tables.h"
#include "gen/legal_citations.h"
#include "gen/sample_cases_test_util.h"

namespace tianping::gen {
namespace {

using namespace testing;  // NOLINT: test helpers

// Every generated variant is well formed and free of the patterns the error planter uses.
TEST(DocumentWriter, VariedCasesAreWellFormed) {
  const std::vector<Case> cases = VariedCases();
  ASSERT_GT(cases.size(), 200u);
  for (const Case& c : cases) {
    for (uint64_t seed = 1; seed <= 3; ++seed) {
      RenderedDocument r = Render(c, seed);
      const std::string& t = r.doc.text;
      if (seed == 1 && std::getenv("TP_DUMP_DOCS")) std::printf("%s\n%s\n==========\n", r.doc.title.c_str(), t.c_str());
      SCOPED_TRACE(c.category + "/" + c.procedure + "/" + c.cause_name + "/" + c.closure_method + "\n" + t);
      EXPECT_TRUE(t.starts_with(c.court_name + "\n" + r.doc.kind + "\n" + c.case_number + "\n"));
      EXPECT_TRUE(r.doc.kind.ends_with("判决书") || r.doc.kind.ends_with("裁定书") || r.doc.kind.ends_with("调解书"))
          << r.doc.kind;
      EXPECT_TRUE(r.doc.title.ends_with(r.doc.kind));
      EXPECT_TRUE(Has(t, "本院认为，") || Has(t, "本院予以确认"));
      EXPECT_TRUE(Has(t, "\n本件与原本核对无异\n书记员　"));
      EXPECT_FALSE(Has(t, "我院"));
      EXPECT_FALSE(Has(t, "○"));
      EXPECT_FALSE(Has(t, "。。"));
      EXPECT_FALSE(Has(t, ","));
      EXPECT_FALSE(Has(t, "与对方当事人"));
      EXPECT_FALSE(Has(t, "\n对方当事人"));
      EXPECT_FALSE(Has(t, "驳回对方当事人"));
      EXPECT_FALSE(Has(t, "\n\n"));
      EXPECT_EQ(CountOf(t, "《"), CountOf(t, "》"));
      EXPECT_EQ(CountOf(t, "（"), CountOf(t, "）"));
      EXPECT_EQ(CountOf(t, "〈"), CountOf(t, "〉"));
      for (const PhrasePair& p : kWrongChar) EXPECT_FALSE(Has(t, p.second)) << p.second;
      for (const PhrasePair& p : kHomophones) EXPECT_FALSE(Has(t, p.second)) << p.second;
      for (const PhrasePair& p : kMissingChar) EXPECT_FALSE(Has(t, p.second)) << p.second;
      for (const PhrasePair& p : kExtraChar) EXPECT_FALSE(Has(t, p.second)) << p.second;
      if (*c.closed_date >= Date::FromYmd(2021, 1, 1)) {
        for (std::string_view law : RepealedLawNames()) EXPECT_FALSE(Has(t, law)) << law;
      }
      ExpectWordsMatchFigures(t);
      EXPECT_FALSE(Has(t, "零元"));
      EXPECT_FALSE(Has(t, "支付0元"));
      EXPECT_FALSE(Has(t, "共计0元"));
      bool sole = c.procedure == "简易程序" || c.procedure == "小额诉讼程序" || c.procedure == "速裁程序";
      EXPECT_EQ(Has(t, "\n审判长　"), !sole);
      if (Has(t, "加倍支付迟延履行期间的债务利息")) {
        int expected = *c.closed_date >= Date::FromYmd(2024, 1, 1)   ? 264
                       : *c.closed_date >= Date::FromYmd(2022, 1, 1) ? 260
                                                                     : 253;
        EXPECT_TRUE(Has(t, "《中华人民共和国民事诉讼法》" + ArticleNumber(expected) + "规定"));
      }
    }
  }
}

}  // namespace
}  // namespace tianping::gen
