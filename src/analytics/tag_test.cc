#include "tianping/analytics/tag.h"

#include <gtest/gtest.h>

namespace tianping::analytics {
namespace {

TEST(TagSet, RulesBecomeBitmapsAsOfADate) {
  auto ref = ReferenceData::Load(ReferenceData::DefaultRefDir());
  ASSERT_TRUE(ref.ok());
  auto defs = LoadTagDefs(DefaultTagDir());
  ASSERT_TRUE(defs.ok()) << defs.status().ToString();
  CaseFrameBuilder b(*ref);
  auto add = [&](const char* id, const char* filed, const char* closed, int limit, int ext, const char* kind) {
    Case c;
    c.case_id = id;
    c.court_code = "京0105";
    c.type_code = "民初";
    c.category = "民事";
    c.filed_date = *Date::Parse(filed);
    if (closed) { c.closed_date = Date::Parse(closed); c.closure_method = "判决"; }
    c.statutory_limit_days = limit;
    c.extension_days = ext;
    Party p;
    p.kind = kind;
    c.parties.push_back(p);
    b.Add(c);
  };
  add("a", "2024-01-01", "2024-03-01", 90, 0, "自然人");   // 60 days: in time
  add("b", "2024-01-01", "2024-05-01", 90, 0, "法人");     // 121 days: 超审限, 涉企
  add("c", "2024-01-01", "2024-05-01", 90, 60, "自然人");  // 121 ≤ 150 with the extension
  add("d", "2023-01-01", nullptr, 180, 0, "非法人组织");  // pending: 长期未结 and 超审限 as of 2024-06-30
  add("e", "2024-06-01", nullptr, 90, 0, "自然人");        // pending 29 days
  CaseFrame f = b.Finish();
  auto tags = TagSet::Compute(f, *defs, Date::FromYmd(2024, 6, 30).days());
  ASSERT_TRUE(tags.ok()) << tags.status().ToString();
  EXPECT_EQ(tags->Find("超审限")->ToVector(), (std::vector<uint32_t>{1, 3}));
  EXPECT_EQ(tags->Find("长期未结")->ToVector(), (std::vector<uint32_t>{3}));
  EXPECT_EQ(tags->Find("涉企")->ToVector(), (std::vector<uint32_t>{1, 3}));
  EXPECT_EQ(tags->Find("延长审限")->ToVector(), (std::vector<uint32_t>{2}));
  EXPECT_EQ(tags->Find("不存在"), nullptr);
  // As of 2023-06-30 the pending d is neither long-pending nor over its 180 days (180 days exactly).
  auto early = TagSet::Compute(f, *defs, Date::FromYmd(2023, 6, 30).days());
  ASSERT_TRUE(early.ok());
  EXPECT_EQ(early->Find("长期未结")->Cardinality(), 0u);
  EXPECT_FALSE(early->Find("超审限")->Contains(3));

  std::vector<TagDef> bad = {{"坏", "case", "age >", ""}};
  EXPECT_EQ(TagSet::Compute(f, bad, 0).status().message(), "tag 坏: position 6: unexpected end of input, expected a value");
}

}  // namespace
}  // namespace tianping::analytics
