#include "tianping/model/case_number.h"

#include <gtest/gtest.h>

namespace tianping {
namespace {

ParsedCaseNumber MustParse(std::string_view s) {
  auto r = ParseCaseNumber(s);
  EXPECT_TRUE(r.ok()) << s << ": " << r.status().message();
  return r.ok() ? r.value() : ParsedCaseNumber{};
}

CaseNumberError MustFail(std::string_view s) {
  CaseNumberError e;
  auto r = ParseCaseNumber(s, &e);
  EXPECT_FALSE(r.ok()) << s;
  if (!r.ok()) {
    EXPECT_EQ(r.status().code(), Status::Code::kParseError);
  }
  return e;
}

TEST(CaseNumber, BasicCourt) {
  auto p = MustParse("（2023）京0105民初12345号");
  EXPECT_EQ(p.normalized, "（2023）京0105民初12345号");
  EXPECT_EQ(p.year, 2023);
  EXPECT_EQ(p.court_code, "京0105");
  EXPECT_EQ(p.court_level, CourtLevel::kBasic);
  EXPECT_EQ(p.province, "京");
  EXPECT_EQ(p.division_code, "110105");
  EXPECT_EQ(p.type_code, "民初");
  EXPECT_EQ(p.category, "民事");
  EXPECT_EQ(p.stage, "一审");
  EXPECT_EQ(p.sequence, 12345);
  EXPECT_FALSE(p.legacy);
}

TEST(CaseNumber, BracketStylesAndSpacesNormalise) {
  for (const char* s : {"(2023)粤07民终8号", "〔2023〕粤07民终8号", "[2023]粤07民终8号", "［2023］粤07民终8号",
                        "【2023】粤07民终8号", " ( 2023 ) 粤07 民终 8 号 ", "（２０２３）粤０７民终８号", "\xEF\xBB\xBF(2023)粤07民终8号"}) {
    auto p = MustParse(s);
    EXPECT_EQ(p.normalized, "（2023）粤07民终8号") << s;
    EXPECT_EQ(p.court_level, CourtLevel::kIntermediate) << s;
  }
}

TEST(CaseNumber, SupremeHighAndSpecialCourts) {
  EXPECT_EQ(MustParse("（2019）最高法民申1234号").court_level, CourtLevel::kSupreme);
  EXPECT_EQ(MustParse("（2019）最高法民申1234号").province, "");
  EXPECT_EQ(MustParse("（2020）浙民终77号").court_level, CourtLevel::kHigh);
  auto ip = MustParse("（2021）京73民初100号");
  EXPECT_EQ(ip.special_code, 73);
  EXPECT_EQ(ip.special_kind, "知识产权");
  EXPECT_EQ(ip.division_code, "");
  EXPECT_EQ(MustParse("（2021）沪7101刑初5号").special_kind, "铁路运输");
  EXPECT_EQ(MustParse("（2021）沪7101刑初5号").court_level, CourtLevel::kBasic);
  EXPECT_EQ(MustParse("（2021）黑76民初5号").special_kind, "森林");
  EXPECT_EQ(MustParse("（2021）黑81民初5号").special_kind, "农垦");
  EXPECT_EQ(MustParse("（2021）京87民初5号").special_kind, "跨行政区划");
  EXPECT_EQ(MustParse("（2016）琼97刑终22号").special_kind, "特定区域");
  EXPECT_EQ(MustParse("（2021）兵0102民初5号").division_code, "660102");
  EXPECT_EQ(MustParse("（2021）军民终5号").province, "军");
}

TEST(CaseNumber, LongestTypeCodeAndTrialCharacter) {
  EXPECT_EQ(MustParse("（2023）京0105民督监3号").type_code, "民督监");
  EXPECT_EQ(MustParse("（2023）京0105民督3号").type_code, "民督");
  EXPECT_EQ(MustParse("（2023）京0105执恢3号").type_code, "执恢");
  EXPECT_EQ(MustParse("（2023）京0105执3号").type_code, "执");
  auto p = MustParse("（2023）京73知民初3号");
  EXPECT_EQ(p.trial_character, "知");
  EXPECT_EQ(p.type_code, "民初");
  EXPECT_EQ(MustParse("（2023）沪74金民终3号").trial_character, "金");
  // 执恢 is a whole code: 执 must not be read as a trial character followed by 恢.
  EXPECT_EQ(MustParse("（2023）京0105执恢3号").trial_character, "");
}

TEST(CaseNumber, CriminalReviewNeedsEightDigits) {
  EXPECT_EQ(MustParse("（2020）最高法刑核12345678号").sequence, 12345678);
  auto e = MustFail("（2020）最高法刑核1234号");
  EXPECT_EQ(e.position, 11u);
}

TEST(CaseNumber, Legacy) {
  auto p = MustParse("（2015）吴江商初字第01894号");
  EXPECT_TRUE(p.legacy);
  EXPECT_EQ(p.court_code, "吴江");
  EXPECT_EQ(p.legacy_type, "商初");
  EXPECT_EQ(p.type_code, "民初");
  EXPECT_EQ(p.sequence_text, "01894");
  EXPECT_EQ(p.sequence, 1894);
  EXPECT_FALSE(p.court_level.has_value());
  EXPECT_EQ(p.normalized, "（2015）吴江商初字第01894号");
  auto q = MustParse("（2013）浙甬刑二终字第544号");
  EXPECT_EQ(q.court_code, "浙甬");
  EXPECT_EQ(q.type_code, "刑终");
  EXPECT_EQ(MustParse("(2014)渝二中法刑终字第00273号").court_code, "渝二中法");
  EXPECT_EQ(MustParse("（2012）西执字第5号").type_code, "执");
}

TEST(CaseNumber, SuffixAfterHao) {
  auto p = MustParse("（2019）京01民终123号之一");
  EXPECT_EQ(p.suffix, "之一");
  EXPECT_EQ(p.normalized, "（2019）京01民终123号之一");
}

TEST(CaseNumber, ErrorsCarryPositions) {
  // Character positions: （=0 2023=1..4 ）=5 京=6 0105=7..10 then the type code at 11.
  EXPECT_EQ(MustFail("（2023）京0105民x12号").position, 11u);
  EXPECT_EQ(MustFail("（2023）京0105民x12号").reason, "unknown type code '民x'");
  EXPECT_EQ(MustFail("（1890）京0105民初1号").reason, "year 1890 out of range 1949-2099");
  EXPECT_EQ(MustFail("（2023）京0105民初1").reason, "missing 号");
  EXPECT_EQ(MustFail("（2023）京0105民初1").position, 14u);  // the input length
  EXPECT_EQ(MustFail("（2023）民初1号").reason, "missing court code");
  EXPECT_EQ(MustFail("").reason, "empty input");
  EXPECT_EQ(MustFail("2023京0105民初1号").position, 0u);
  EXPECT_EQ(MustFail("（2023京0105民初1号").position, 5u);
  EXPECT_EQ(MustFail("（2023）京010民初1号").reason, "court code needs 0, 2 or 4 digits after '京', got 3");
  EXPECT_EQ(MustFail("（2023）京0105X民初1号").reason, "unknown specialised-trial character 'X'");
  EXPECT_EQ(MustFail("（2023）京0105民初1号x").position, 15u);
  EXPECT_EQ(MustFail("\xE4\xBD").reason, "invalid UTF-8 at byte 0");
}

TEST(CaseNumber, ResolveCourtUsesLookup) {
  auto p = MustParse("（2023）京0105民初1号");
  ResolveCourt(&p, [](std::string_view code) { return code == "京0105" ? std::string("北京市朝阳区人民法院") : ""; });
  EXPECT_EQ(p.court_name, "北京市朝阳区人民法院");
  auto q = MustParse("（2015）吴江商初字第01894号");
  ResolveCourt(&q, [](std::string_view) { return std::string("x"); });
  EXPECT_EQ(q.court_name, "");  // legacy court text is a place name, never looked up
}

}  // namespace
}  // namespace tianping
