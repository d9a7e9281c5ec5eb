#include "tianping/text/crosscheck.h"

#include <gtest/gtest.h>

#include <algorithm>

#include "model/sample_case_test_util.h"

namespace tianping::text {
namespace {

const char* kDoc =
    "北京市朝阳区人民法院\n民事判决书\n（2023）京0105民初12号\n原告：李某1，女，1990年1月1日出生。\n被告：张x1，男。\n"
    "原告李某1与被告张x1民间借贷纠纷一案，本院于2023年1月5日立案后，依法适用简易程序进行了审理。\n"
    "原告李某1向本院提出诉讼请求：1.判令被告偿还借款本金40000元及利息10000元，共计50000元；2.本案诉讼费用由被告负担。\n"
    "本院认为，应予支持。依照《中华人民共和国民法典》第六百七十五条之规定，判决如下：\n"
    "一、被告张x1于本判决生效之日起十日内偿还原告李某1借款本金40000元、利息8000元，共计48000元；\n"
    "二、驳回原告李某1的其他诉讼请求。\n案件受理费1050元，由被告张x1负担。\n审判员　王五\n二〇二三年三月一日\n书记员　赵六\n";

Case Record() {
  Case c = tianping::samples::BeijingLoanCase("C1", 2023, 12);
  c.filed_date = Date::FromYmd(2023, 1, 5);
  c.closed_date = Date::FromYmd(2023, 3, 1);
  c.claim_amount = 5000000;
  c.awarded_amount = 4800000;
  c.judge_name = "王五";
  c.panel = {"王五"};
  Party a, b;
  a.name = "李某1";
  b.name = "张x1";
  c.parties = {a, b};
  return c;
}

std::vector<Mismatch> CheckRecord(const Case& c) {
  Document d;
  d.doc_id = "D1";
  d.case_id = "C1";
  d.text = kDoc;
  ParsedJudgment j = ParseJudgment(d.text);
  return CrossCheck(c, d, j, ExtractFacts(d.text, j));
}

TEST(CrossCheck, AgreeingRecordHasNoMismatch) { EXPECT_TRUE(CheckRecord(Record()).empty()); }

TEST(CrossCheck, EachFieldReportedWithBothValues) {
  Case c = Record();
  c.case_number = "（2023）京0105民初13号";
  c.parties[1].name = "张x2";
  c.filed_date = Date::FromYmd(2023, 1, 6);
  c.closed_date = Date::FromYmd(2023, 3, 2);
  c.closure_method = "调解";
  c.claim_amount = 6000000;
  c.awarded_amount = 4000000;
  c.judge_name = "钱七";
  auto m = CheckRecord(c);
  auto find = [&](const std::string& f) {
    return std::find_if(m.begin(), m.end(), [&](const Mismatch& x) { return x.field == f; });
  };
  ASSERT_EQ(m.size(), 8u);
  EXPECT_EQ(find("case_number")->document, "（2023）京0105民初12号");
  EXPECT_EQ(find("party_name")->structured, "张x2");
  EXPECT_EQ(find("party_name")->document, "张x1");
  EXPECT_EQ(find("filed_date")->document, "2023-01-05");
  EXPECT_EQ(find("closed_date")->document, "2023-03-01");
  EXPECT_EQ(find("closure_method")->document, "判决");
  EXPECT_EQ(find("claim_amount")->document, "50000元");
  EXPECT_EQ(find("awarded_amount")->document, "48000元");
  EXPECT_EQ(find("judge_name")->structured, "钱七");
}

}  // namespace
}  // namespace tianping::text
