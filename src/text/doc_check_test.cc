// Unit tests of the document checks on small hand-written texts: each rule fires on the error and stays
// quiet on the correct form.
#include "tianping/text/doc_check.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <memory>
#include <string>

namespace tianping::text {
namespace {

const ReferenceData& Ref() {
  static const ReferenceData ref = [] {
    auto r = ReferenceData::Load(ReferenceData::DefaultRefDir());
    return r.ok() ? std::move(r).value() : ReferenceData();
  }();
  return ref;
}

const DocChecker& Checker() {
  static const std::unique_ptr<DocChecker> checker = [] {
    DocCheckOptions o;
    o.ref = &Ref();
    auto c = DocChecker::Create(o);
    EXPECT_TRUE(c.ok()) << c.status().message();
    return std::move(c).value();
  }();
  return *checker;
}

// A clean civil first-instance judgment (simple procedure, dated 2023-05-10).
std::string Clean() {
  return "北京市朝阳区人民法院\n民事判决书\n（2023）京0105民初12345号\n"
         "原告：张伟，男，1980年1月2日出生，汉族，公民身份号码110105********1234，住北京市朝阳区建国路1号。\n"
         "被告：刘强，男，1985年3月4日出生，汉族，住北京市朝阳区工体北路2号。\n"
         "原告张伟与被告刘强民间借贷纠纷一案，本院于2023年3月1日立案后，依法适用简易程序，公开开庭进行了审理。原告张伟、被告刘强到庭参加诉讼。本案现已审理终结。\n"
         "原告张伟向本院提出诉讼请求：判令被告刘强偿还借款本金80000元、利息20000元，合计100000元。事实和理由：被告刘强向原告借款人民币捌万元整（80000元），到期未还。\n"
         "被告刘强辩称，借款属实，但利息过高。\n"
         "经审理查明，2022年1月5日，被告刘强向原告张伟借款80000元，原告通过转账交付。\n"
         "本院认为，合法的借贷关系受法律保护。被告刘强应当偿还借款本金。依照《中华人民共和国民法典》第六百七十五条之规定，判决如下：\n"
         "一、被告刘强于本判决生效之日起十日内偿还原告张伟借款本金80000元及利息10000元，共计90000元；\n"
         "二、驳回原告张伟的其他诉讼请求。\n"
         "如果未按本判决指定的期间履行给付金钱义务，应当依照《中华人民共和国民事诉讼法》第二百六十条规定，加倍支付迟延履行期间的债务利息。\n"
         "案件受理费2300元，减半收取1150元，由被告刘强负担。\n"
         "如不服本判决，可以在判决书送达之日起十五日内，向本院递交上诉状，上诉于北京市第三中级人民法院。\n"
         "审判员　李明\n二〇二三年五月十日\n本件与原本核对无异\n书记员　王芳\n";
}

std::string Replace(std::string s, std::string_view from, std::string_view to, size_t nth = 0) {
  size_t p = s.find(from);
  for (size_t i = 0; i < nth && p != std::string::npos; ++i) p = s.find(from, p + from.size());
  EXPECT_NE(p, std::string::npos) << from;
  if (p != std::string::npos) s.replace(p, from.size(), to);
  return s;
}

std::vector<DocFinding> Of(const std::string& text, std::string_view kind) {
  std::vector<DocFinding> out;
  for (auto& f : Checker().Check(text))
    if (f.kind == kind) out.push_back(f);
  return out;
}

std::string At(const std::string& text, const DocFinding& f) { return text.substr(f.start, f.end - f.start); }

TEST(DocCheck, CleanDocumentHasNoFindings) {
  std::string t = Clean();
  auto fs = Checker().Check(t);
  for (const auto& f : fs) ADD_FAILURE() << f.kind << " " << At(t, f) << " " << f.message;
}

TEST(DocCheck, KindsMatchTheGeneratorIds) {
  EXPECT_EQ(DocCheckKinds().size(), 21u);
  EXPECT_EQ(DocCheckLabel("wo_yuan"), "自称“我院”");
  EXPECT_TRUE(DocCheckLabel("nonsense").empty());
}

TEST(DocCheck, CharacterSpansCountCodePoints) {
  std::string t = Replace(Clean(), "本院认为，合法", "我院认为，合法");
  auto fs = Of(t, "wo_yuan");
  ASSERT_EQ(fs.size(), 1u);
  EXPECT_EQ(At(t, fs[0]), "我院");
  EXPECT_EQ(fs[0].char_end - fs[0].char_start, 2u);
  // Characters before the span: count code points of the prefix.
  size_t chars = 0;
  for (size_t i = 0; i < fs[0].start; ++i) chars += (static_cast<unsigned char>(t[i]) & 0xC0) != 0x80;
  EXPECT_EQ(fs[0].char_start, chars);
  EXPECT_FALSE(fs[0].suggestion.empty());
}

TEST(DocCheck, PartyName) {
  std::string t = Replace(Clean(), "被告刘强应当偿还", "被告刘墙应当偿还");
  auto fs = Of(t, "party_name_inconsistent");
  ASSERT_EQ(fs.size(), 1u);
  EXPECT_EQ(At(t, fs[0]), "刘墙");
  EXPECT_TRUE(Of(Clean(), "party_name_inconsistent").empty());
}

TEST(DocCheck, PartyRole) {
  std::string t = Replace(Clean(), "被告刘强应当偿还", "原告刘强应当偿还");
  auto fs = Of(t, "party_role_inconsistent");
  ASSERT_EQ(fs.size(), 1u);
  EXPECT_EQ(At(t, fs[0]), "原告");
}

TEST(DocCheck, Typos) {
  std::string t = Replace(Clean(), "被告刘强辩称", "被告刘强辨称");
  t = Replace(t, "本案现已审理终结", "本案现已审终结");
  t = Replace(t, "驳回原告张伟的其他", "驳回原告张伟的其它");
  t = Replace(t, "到庭参加诉讼", "到庭参加加诉讼");
  EXPECT_EQ(At(t, Of(t, "wrong_character").at(0)), "辨称");
  EXPECT_EQ(At(t, Of(t, "missing_character").at(0)), "审终结");
  EXPECT_EQ(At(t, Of(t, "homophone").at(0)), "其它");
  EXPECT_EQ(At(t, Of(t, "extra_character").at(0)), "到庭参加加诉讼");
  // 截止 is wrong before a date only; 二审终结 is not a missing 理.
  EXPECT_EQ(Of("截止2023年1月1日，尚欠借款。", "homophone").size(), 1u);
  EXPECT_TRUE(Of("申报截止日期已过。", "homophone").empty());
  EXPECT_TRUE(Of("本案二审终结。", "missing_character").empty());
}

TEST(DocCheck, Punctuation) {
  std::string t = Replace(Clean(), "借款属实，但", "借款属实,但");
  t = Replace(t, "第六百七十五条之规定", "第六百七十五条之规定");
  t = Replace(t, "《中华人民共和国民法典》", "《中华人民共和国民法典〉");
  t = Replace(t, "利息过高。", "利息过高。。");
  auto fs = Of(t, "punctuation");
  ASSERT_EQ(fs.size(), 3u);
  EXPECT_EQ(At(t, fs[0]), ",");
  EXPECT_EQ(At(t, fs[1]), "。。");
  EXPECT_EQ(At(t, fs[2]), "〉");
  // 50,000 and nested 〈〉 are fine.
  EXPECT_TRUE(Of("借款50,000元，依照《最高人民法院关于适用〈中华人民共和国民法典〉时间效力的若干规定》。", "punctuation").empty());
}

TEST(DocCheck, MissingSections) {
  std::string t = Replace(Clean(), "被告刘强辩称，借款属实，但利息过高。\n", "");
  auto fs = Of(t, "missing_section");
  ASSERT_EQ(fs.size(), 1u);
  size_t hole = Clean().find("被告刘强辩称");
  EXPECT_LE(fs[0].start, hole);
  EXPECT_GE(fs[0].end, hole);
  std::string r = Replace(Clean(), "本院认为，合法的借贷关系受法律保护。被告刘强应当偿还借款本金。", "");
  EXPECT_EQ(Of(r, "missing_section").size(), 1u);
  // An absent defendant needs no defence paragraph.
  std::string absent = Replace(Clean(), "被告刘强辩称，借款属实，但利息过高。", "被告刘强未到庭参加诉讼，亦未提交书面答辩意见。");
  EXPECT_TRUE(Of(absent, "missing_section").empty());
}

TEST(DocCheck, CostsOmitted) {
  std::string t = Replace(Clean(), "案件受理费2300元，减半收取1150元，由被告刘强负担。\n", "");
  auto fs = Of(t, "costs_omitted");
  ASSERT_EQ(fs.size(), 1u);
  size_t hole = Clean().find("案件受理费");
  EXPECT_LE(fs[0].start, hole);
  EXPECT_GE(fs[0].end, hole);
  // Criminal judgments carry no costs.
  std::string criminal = Replace(Replace(t, "民事判决书", "刑事判决书"), "民初", "刑初");
  EXPECT_TRUE(Of(criminal, "costs_omitted").empty());
}

TEST(DocCheck, Amounts) {
  std::string t = Replace(Clean(), "人民币捌万元整", "人民币捌万陆仟元整");
  auto fs = Of(t, "amount_words_mismatch");
  ASSERT_EQ(fs.size(), 1u);
  EXPECT_EQ(At(t, fs[0]), "捌万陆仟元整");
  EXPECT_EQ(Of("借款人民币50000元（大写：伍万元）。", "amount_words_mismatch").size(), 0u);
  EXPECT_EQ(Of("借款人民币50000元（大写：伍万陆仟元）。", "amount_words_mismatch").size(), 1u);
  std::string s = Replace(Clean(), "合计100000元", "合计110000元");
  auto a = Of(s, "interest_arithmetic");
  ASSERT_EQ(a.size(), 1u);
  EXPECT_EQ(At(s, a[0]), "110000");
}

TEST(DocCheck, Dates) {
  std::string t = Replace(Clean(), "本院于2023年3月1日立案", "本院于2023年6月1日立案");
  auto fs = Of(t, "date_order");
  ASSERT_EQ(fs.size(), 1u);
  EXPECT_EQ(At(t, fs[0]), "2023年6月1日");
  std::string z = Replace(Clean(), "二〇二三年五月十日", "二○二三年五月十日");
  auto m = Of(z, "mixed_zero");
  ASSERT_EQ(m.size(), 1u);
  EXPECT_EQ(At(z, m[0]), "二○二三");
}

TEST(DocCheck, AddressProvince) {
  if (Ref().courts().empty()) GTEST_SKIP() << "no reference data";
  std::string t = Replace(Clean(), "住北京市朝阳区工体北路", "住山东省朝阳区工体北路");
  auto fs = Of(t, "address_province_mismatch");
  ASSERT_EQ(fs.size(), 1u);
  EXPECT_EQ(At(t, fs[0]), "山东省");
}

TEST(DocCheck, Citations) {
  std::string t = Replace(Clean(), "《中华人民共和国民法典》第六百七十五条", "《中华人民共和国合同法》第二百零六条");
  auto fs = Of(t, "repealed_law");
  ASSERT_EQ(fs.size(), 1u);
  EXPECT_EQ(At(t, fs[0]), "《中华人民共和国合同法》第二百零六条");
  // Before 2021 the old law was in force.
  std::string old = Replace(Replace(t, "二〇二三年五月十日", "二〇二〇年五月十日"), "（2023）", "（2020）");
  old = Replace(old, "2023年3月1日", "2020年3月1日");
  old = Replace(old, "第二百六十条", "第二百五十三条");
  EXPECT_TRUE(Of(old, "repealed_law").empty());
  EXPECT_TRUE(Of(old, "civil_procedure_article_outdated").empty());
  std::string late = Replace(Clean(), "第二百六十条规定", "第二百五十三条规定");
  auto l = Of(late, "civil_procedure_article_outdated");
  ASSERT_EQ(l.size(), 1u);
  EXPECT_EQ(At(late, l[0]), "第二百五十三条");
  EXPECT_NE(l[0].suggestion.find("第二百六十条"), std::string::npos);
}

TEST(DocCheck, Panel) {
  std::string t = Replace(Clean(), "审判员　李明\n", "审判长　李明\n审判员　周杰\n人民陪审员　吴敏\n");
  EXPECT_EQ(Of(t, "panel_procedure_mismatch").size(), 1u);
  std::string ordinary = Replace(Clean(), "依法适用简易程序", "依法适用普通程序");
  EXPECT_EQ(Of(ordinary, "panel_procedure_mismatch").size(), 1u);
  EXPECT_TRUE(Of(Replace(ordinary, "审判员　李明\n", "审判长　李明\n审判员　周杰\n审判员　吴敏\n"), "panel_procedure_mismatch").empty());
}

TEST(DocCheck, CaseNumber) {
  std::string t = Replace(Clean(), "（2023）京0105", "(2023）京0105");
  auto fs = Of(t, "case_number_malformed");
  ASSERT_EQ(fs.size(), 1u);
  EXPECT_EQ(At(t, fs[0]), "(");
  std::string y = Replace(Clean(), "（2023）京0105", "（2022）京0105");
  auto w = Of(y, "case_number_wrong_year");
  ASSERT_EQ(w.size(), 1u);
  EXPECT_EQ(At(y, w[0]), "2022");
}

TEST(DocCheck, Privacy) {
  std::string t = Replace(Clean(), "110105********1234", "11010519800102123X");
  // Make the check digit right: compute it rather than trusting a constant.
  static constexpr int kW[] = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
  std::string id = "11010519800102123";
  int sum = 0;
  for (int i = 0; i < 17; ++i) sum += (id[i] - '0') * kW[i];
  id.push_back("10X98765432"[sum % 11]);
  t = Replace(Clean(), "110105********1234", id);
  auto fs = Of(t, "pii_unmasked");
  ASSERT_EQ(fs.size(), 1u);
  EXPECT_EQ(At(t, fs[0]), id);
  std::string phone = Replace(Clean(), "汉族，公民", "汉族，联系电话13812345678，公民");
  EXPECT_EQ(Of(phone, "pii_unmasked").size(), 1u);
  // Internal versions may keep them.
  DocCheckOptions o;
  o.public_version = false;
  auto internal = DocChecker::Create(o);
  ASSERT_TRUE(internal.ok());
  EXPECT_TRUE((*internal)->Check(phone).empty());
}

// Forms met in real judgments that must stay quiet.
TEST(DocCheck, RealTextNegatives) {
  EXPECT_TRUE(Of("被告抗辩认为，借款已经归还。", "wrong_character").empty());
  EXPECT_EQ(Of("原告并不能辩认该印章。", "wrong_character").size(), 1u);
  EXPECT_TRUE(Of("本案案件受理费500元，由被告负担。", "extra_character").empty());
  EXPECT_TRUE(Of("支付利息及自2019年1月1日起的违约金。", "homophone").empty());
  EXPECT_TRUE(Of("经过举证、质证，现评判如下：", "missing_character").empty());
  EXPECT_TRUE(Of("被告人犯挪用公款罪及具有自首情节没有异议。", "homophone").empty());
  // A total over a longer enumeration, and a subtotal after a rate, are not arithmetic errors.
  EXPECT_TRUE(Of("转款至甲账户600000元，债权转让合计791000元，转款至乙账户500000元，转款至丙账户100000元，款项合计1991000元。",
                 "interest_arithmetic").empty());
  EXPECT_TRUE(Of("按本金1000000元，月利率1％计算至2013年8月20日，利息合计110000元。", "interest_arithmetic").empty());
  EXPECT_EQ(Of("尚欠借款本金169862元，利息21615元，总计191000元。", "interest_arithmetic").size(), 1u);
}

TEST(DocCheck, ScoreFindings) {
  std::vector<DocFinding> fs = {{"wo_yuan", 10, 16, 0, 0, "", ""}, {"wo_yuan", 40, 46, 0, 0, "", ""},
                                {"costs_omitted", 90, 120, 0, 0, "", ""}};
  std::vector<ExpectedError> planted = {{"wo_yuan", 12, 18}, {"costs_omitted", 100, 100}, {"homophone", 5, 7}};
  std::vector<std::pair<std::string, KindScore>> scores;
  ScoreFindings(fs, planted, &scores);
  auto get = [&](std::string_view k) {
    for (auto& [kind, s] : scores) if (kind == k) return s;
    return KindScore{};
  };
  EXPECT_EQ(get("wo_yuan").planted, 1);
  EXPECT_EQ(get("wo_yuan").found, 1);
  EXPECT_EQ(get("wo_yuan").reported, 2);
  EXPECT_EQ(get("wo_yuan").correct, 1);
  EXPECT_EQ(get("costs_omitted").correct, 1);
  EXPECT_EQ(get("homophone").found, 0);
  EXPECT_DOUBLE_EQ(get("wo_yuan").precision(), 0.5);
}

TEST(DocCheck, BadConfusionFileIsReportedWithLine) {
  std::string dir = ::testing::TempDir() + "/doccheck_bad";
  std::string cmd = "mkdir -p " + dir;
  ASSERT_EQ(std::system(cmd.c_str()), 0);
  { FILE* f = std::fopen((dir + "/confusions.tsv").c_str(), "w"); std::fputs("# c\n辨称\t辩称\tnot_a_kind\n", f); std::fclose(f); }
  { FILE* f = std::fopen((dir + "/phrases.txt").c_str(), "w"); std::fclose(f); }
  { FILE* f = std::fopen((dir + "/name_confusions.tsv").c_str(), "w"); std::fclose(f); }
  DocCheckOptions o;
  o.check_dir = dir;
  auto c = DocChecker::Create(o);
  ASSERT_FALSE(c.ok());
  EXPECT_NE(c.status().message().find("confusions.tsv:2"), std::string::npos) << c.status().message();
}

}  // namespace
}  // namespace tianping::text
