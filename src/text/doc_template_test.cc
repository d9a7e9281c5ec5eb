#include "tianping/text/doc_template.h"

#include <gtest/gtest.h>

namespace tianping::text {
namespace {

TemplateData Sample() {
  TemplateData d;
  d.fields = {{"court", "北京市朝阳区人民法院"}, {"num", "（2023）京0105民初1号"}};
  d.lists["parties"] = {{{"role", "原告"}, {"name", "张伟"}}, {{"role", "被告"}, {"name", "刘强"}, {"addr", "朝阳区"}}};
  return d;
}

TEST(DocTemplate, FieldsListsAndOptionalSections) {
  auto out = RenderTemplate("{{!c}}{{court}}\n{{#parties}}{{role}}：{{name}}{{?addr}}，住{{addr}}{{/addr}}（{{num}}）\n{{/parties}}",
                            Sample());
  ASSERT_TRUE(out.ok()) << out.status().message();
  EXPECT_EQ(*out, "北京市朝阳区人民法院\n原告：张伟（（2023）京0105民初1号）\n被告：刘强，住朝阳区（（2023）京0105民初1号）\n");
}

TEST(DocTemplate, EveryMissingFieldIsReportedOnce) {
  std::vector<std::string> missing;
  auto out = RenderTemplate("{{court}}{{hearing_time}}{{#agents}}{{name}}{{/agents}}{{hearing_time}}{{place}}", Sample(),
                            &missing);
  ASSERT_FALSE(out.ok());
  EXPECT_EQ(missing, (std::vector<std::string>{"hearing_time", "agents", "place"}));
  EXPECT_NE(out.status().message().find("hearing_time, agents, place"), std::string::npos);
}

TEST(DocTemplate, MalformedTemplates) {
  EXPECT_FALSE(RenderTemplate("{{#parties}}{{name}}", Sample()).ok());
  EXPECT_FALSE(RenderTemplate("{{#parties}}{{/court}}", Sample()).ok());
  EXPECT_FALSE(RenderTemplate("{{court", Sample()).ok());
  EXPECT_FALSE(RenderTemplate("{{/court}}", Sample()).ok());
}

TEST(DocTemplate, ChineseNumbersAndDates) {
  EXPECT_EQ(ChineseNumberText(15), "十五");
  EXPECT_EQ(ChineseNumberText(68), "六十八");
  EXPECT_EQ(ChineseNumberText(105), "一百零五");
  EXPECT_EQ(ChineseNumberText(110), "一百一十");
  EXPECT_EQ(ChineseNumberText(264), "二百六十四");
  EXPECT_EQ(ChineseDateText(Date::FromYmd(2023, 5, 10)), "二〇二三年五月十日");
  EXPECT_EQ(ChineseDateText(Date::FromYmd(2020, 10, 31)), "二〇二〇年十月三十一日");
}

TEST(DocTemplate, CaseFieldsAreNeverInvented) {
  Case c;
  c.case_number = "（2023）京0105民初1号";
  c.filed_date = Date::FromYmd(2023, 3, 1);
  c.procedure = "普通程序";
  TemplateData d = CaseTemplateData(c, Date::FromYmd(2024, 1, 2));
  EXPECT_EQ(d.fields.count("court_name"), 0u);
  EXPECT_EQ(d.fields.count("closed_date"), 0u);
  EXPECT_EQ(d.fields.count("hearing_time"), 0u);
  EXPECT_EQ(d.lists.count("panel"), 0u);
  EXPECT_EQ(d.fields.at("evidence_days"), "三十");
  // Articles in force on the issue date: 2023 revision from 2024-01-01.
  EXPECT_EQ(d.fields.at("cpl_execution_notice_article"), "二百五十一");
  EXPECT_EQ(d.fields.at("cpl_late_interest_article"), "二百六十四");
  EXPECT_EQ(CaseTemplateData(c, Date::FromYmd(2021, 6, 1)).fields.at("cpl_late_interest_article"), "二百五十三");
  EXPECT_EQ(CaseTemplateData(c, Date::FromYmd(2022, 6, 1)).fields.at("cpl_execution_notice_article"), "二百四十七");
  // The caller's values are added.
  EXPECT_EQ(CaseTemplateData(c, Date::FromYmd(2024, 1, 2), {{"hearing_time", "上午九时"}}).fields.at("hearing_time"), "上午九时");
}

}  // namespace
}  // namespace tianping::text
