#include "gen/document_writer.h"

#include <gtest/gtest.h>

#include <algorithm>

#include "gen/legal_citations.h"
#include "gen/sample_cases_test_util.h"

namespace tianping::gen {
namespace {

using testing::SampleRef;

RenderedDocument Render(const Case& c, uint64_t seed, const DocumentPlan& plan = {}) {
  Rng rng(seed);
  return RenderDocument(c, nullptr, SampleRef(), rng, plan);
}

bool Has(const std::string& text, std::string_view s) { return text.find(s) != std::string::npos; }

size_t CountOf(const std::string& text, std::string_view s) {
  size_t n = 0;
  for (size_t p = text.find(s); p != std::string::npos; p = text.find(s, p + s.size())) ++n;
  return n;
}

std::vector<Case> AllSamples() {
  return {testing::LoanCase(),   testing::CriminalCase(),       testing::MediationCase(), testing::WithdrawalCase(),
          testing::AppealCase(), testing::AdministrativeCase(), testing::ExecutionCase()};
}

// Independent reader of upper-case amounts (大写) for the words-vs-figures check: fen, or -1.
int64_t ParseCapital(std::string_view s) {
  static constexpr std::string_view kDigits[] = {"零", "壹", "贰", "叁", "肆", "伍", "陆", "柒", "捌", "玖"};
  int64_t total = 0, section = 0, digit = 0, fen = 0;
  while (!s.empty()) {
    std::string_view ch = s.substr(0, 3);
    s.remove_prefix(3);
    int d = -1;
    for (int i = 0; i < 10; ++i) if (ch == kDigits[i]) d = i;
    if (d >= 0) { digit = d; continue; }
    if (ch == "拾") { section += (digit ? digit : 1) * 10; digit = 0; }
    else if (ch == "佰") { section += digit * 100; digit = 0; }
    else if (ch == "仟") { section += digit * 1000; digit = 0; }
    else if (ch == "万") { total += (section + digit) * 10000; section = digit = 0; }
    else if (ch == "亿") { total = (total + section + digit) * 100000000; section = digit = 0; }
    else if (ch == "元") { total += section + digit; section = digit = 0; fen = total * 100; total = 0; }
    else if (ch == "角") { fen += digit * 10; digit = 0; }
    else if (ch == "分") { fen += digit; digit = 0; }
    else if (ch == "整") {}
    else return -1;
  }
  return fen;
}

int64_t ParseFiguresFen(std::string_view s) {  // "85000" or "85000.5"
  int64_t yuan = 0, frac = 0, scale = 0;
  for (char ch : s) {
    if (ch == '.') { scale = 1; continue; }
    if (ch < '0' || ch > '9') return -1;
    if (scale) { frac = frac * 10 + (ch - '0'); scale *= 10; }
    else yuan = yuan * 10 + (ch - '0');
  }
  if (scale == 10) frac *= 10;
  return yuan * 100 + frac;
}

// Every "人民币<大写>（<figures>元）" in `text` agrees.
void ExpectWordsMatchFigures(const std::string& text) {
  const std::string open = "人民币", paren = "（", close = "元）";
  for (size_t p = text.find(open); p != std::string::npos; p = text.find(open, p + 1)) {
    size_t a = p + open.size();
    size_t b = text.find(paren, a);
    if (b == std::string::npos) continue;
    std::string words = text.substr(a, b - a);
    if (words.empty() || words.find("元") == std::string::npos || words.size() > 90) continue;
    if (ParseCapital(words) < 0) continue;  // lower-case figures such as 罚金人民币五千元
    size_t c = text.find(close, b);
    ASSERT_NE(c, std::string::npos);
    std::string figures = text.substr(b + paren.size(), c - b - paren.size());
    EXPECT_EQ(ParseCapital(words), ParseFiguresFen(figures)) << words << " vs " << figures;
  }
}

TEST(DocumentWriter, ClearCivilJudgmentHasEverySection) {
  for (uint64_t seed = 1; seed <= 30; ++seed) {
    RenderedDocument r = Render(testing::LoanCase(), seed);
    const std::string& t = r.doc.text;
    SCOPED_TRACE(t);
    EXPECT_EQ(r.doc.kind, "民事判决书");
    EXPECT_EQ(r.doc.doc_id, "D0001");
    EXPECT_TRUE(t.starts_with("北京市朝阳区人民法院\n民事判决书\n（2023）京0105民初12345号\n"));
    EXPECT_TRUE(Has(t, "原告：张伟，男，1980年1月2日出生，汉族"));
    EXPECT_TRUE(Has(t, "被告：刘强"));
    EXPECT_TRUE(Has(t, "委托诉讼代理人：陈静，北京市信达律师事务所律师。"));
    EXPECT_TRUE(Has(t, "本院于2023年3月1日立案后，依法适用简易程序"));
    EXPECT_TRUE(Has(t, "向本院提出诉讼请求："));
    EXPECT_TRUE(Has(t, "100000元"));
    EXPECT_TRUE(Has(t, "辩称") || Has(t, "未到庭") || Has(t, "未作答辩"));
    EXPECT_TRUE(Has(t, "经审理查明") || Has(t, "认定事实如下"));
    EXPECT_TRUE(Has(t, "\n本院认为，"));
    EXPECT_TRUE(Has(t, "《中华人民共和国民法典》第六百六十七条"));
    EXPECT_TRUE(Has(t, "判决如下：\n一、"));
    EXPECT_TRUE(Has(t, "共计90000元"));
    EXPECT_TRUE(Has(t, "驳回原告张伟的其他诉讼请求"));
    // 2023-05-10: 民事诉讼法 (2021 revision) §260.
    EXPECT_TRUE(Has(t, "《中华人民共和国民事诉讼法》第二百六十条规定，加倍支付迟延履行期间的债务利息"));
    // 100,000元 → 2,300元, halved under 简易程序.
    EXPECT_TRUE(Has(t, "案件受理费2300元，减半收取"));
    EXPECT_TRUE(Has(t, "1150元"));
    EXPECT_TRUE(Has(t, "判决书送达之日起十五日内"));
    EXPECT_TRUE(Has(t, "上诉于北京市第三中级人民法院。"));
    EXPECT_TRUE(Has(t, "\n审判员　李明\n二〇二三年五月十日\n本件与原本核对无异\n书记员　王芳\n"));
    EXPECT_FALSE(Has(t, "审判长"));
    // Sections in order.
    EXPECT_LT(t.find("诉讼请求"), t.find("本院认为"));
    EXPECT_LT(t.find("本院认为"), t.find("判决如下"));
    EXPECT_LT(t.find("判决如下"), t.find("案件受理费"));
    EXPECT_LT(t.find("案件受理费"), t.find("审判员"));
  }
}

TEST(DocumentWriter, CriminalJudgmentHasEverySection) {
  for (uint64_t seed = 1; seed <= 30; ++seed) {
    RenderedDocument r = Render(testing::CriminalCase(), seed);
    const std::string& t = r.doc.text;
    SCOPED_TRACE(t);
    EXPECT_EQ(r.doc.kind, "刑事判决书");
    EXPECT_TRUE(Has(t, "公诉机关北京市朝阳区人民检察院。\n被告人赵军，男，1990年7月8日出生"));
    EXPECT_TRUE(Has(t, "因涉嫌危险驾驶罪于"));
    EXPECT_TRUE(Has(t, "辩护人孙丽，北京市信达律师事务所律师。"));
    EXPECT_TRUE(Has(t, "于2023年6月1日向本院提起公诉"));
    EXPECT_TRUE(Has(t, "经审理查明，"));
    EXPECT_TRUE(Has(t, "本院认为，被告人赵军"));
    EXPECT_TRUE(Has(t, "其行为已构成危险驾驶罪"));
    EXPECT_TRUE(Has(t, "《中华人民共和国刑法》第一百三十三条之一"));
    EXPECT_TRUE(Has(t, "判决如下：\n被告人赵军犯危险驾驶罪，判处拘役"));
    EXPECT_TRUE(Has(t, "第二日起十日内"));
    EXPECT_TRUE(Has(t, "审判员　李明\n二〇二三年六月二十日\n本件与原本核对无异\n书记员　王芳\n"));
    EXPECT_FALSE(Has(t, "案件受理费"));
    EXPECT_FALSE(Has(t, "民事诉讼法"));
  }
}

TEST(DocumentWriter, MediationHasEverySection) {
  for (uint64_t seed = 1; seed <= 30; ++seed) {
    RenderedDocument r = Render(testing::MediationCase(), seed);
    const std::string& t = r.doc.text;
    SCOPED_TRACE(t);
    EXPECT_EQ(r.doc.kind, "民事调解书");
    EXPECT_TRUE(Has(t, "依法适用普通程序"));
    EXPECT_TRUE(Has(t, "向本院提出诉讼请求："));
    EXPECT_TRUE(Has(t, "双方当事人自愿达成如下协议：\n一、"));
    EXPECT_TRUE(Has(t, "支付95000元"));
    EXPECT_TRUE(Has(t, "案件受理费2300元，减半收取"));  // 调解结案 halves the fee (art. 15)
    EXPECT_TRUE(Has(t, "本院予以确认。\n"));
    EXPECT_TRUE(Has(t, "经双方当事人签收后，即具有法律效力"));
    EXPECT_TRUE(Has(t, "审判长　李明\n审判员　周杰\n"));
    EXPECT_TRUE(Has(t, "吴敏\n二〇二三年五月十日\n本件与原本核对无异\n书记员　王芳\n"));
    EXPECT_FALSE(Has(t, "判决如下"));
    EXPECT_FALSE(Has(t, "上诉"));
  }
}

TEST(DocumentWriter, WithdrawalRuling) {
  RenderedDocument r = Render(testing::WithdrawalCase(), 7);
  const std::string& t = r.doc.text;
  EXPECT_EQ(r.doc.kind, "民事裁定书");
  EXPECT_TRUE(Has(t, "向本院提出撤诉申请"));
  EXPECT_TRUE(Has(t, "《中华人民共和国民事诉讼法》第一百四十八条之规定，裁定如下：\n准许原告张伟撤回起诉。\n")) << t;
  EXPECT_TRUE(Has(t, "案件受理费2300元，减半收取")) << t;
  EXPECT_FALSE(Has(t, "判决如下"));
}

TEST(DocumentWriter, AppealAdministrativeExecution) {
  RenderedDocument a = Render(testing::AppealCase(), 3);
  EXPECT_EQ(a.doc.kind, "民事判决书");
  EXPECT_TRUE(Has(a.doc.text, "上诉人（原审被告）：刘强")) << a.doc.text;
  EXPECT_TRUE(Has(a.doc.text, "（2023）京0105民初12345号民事判决"));
  EXPECT_TRUE(Has(a.doc.text, "驳回上诉，维持原判。"));
  EXPECT_TRUE(Has(a.doc.text, "本判决为终审判决。"));
  EXPECT_TRUE(Has(a.doc.text, "审判长　郑华\n审判员　何平\n审判员　林涛\n"));
  RenderedDocument v = Render(testing::AdministrativeCase(), 3);
  EXPECT_EQ(v.doc.kind, "行政判决书");
  EXPECT_TRUE(Has(v.doc.text, "《中华人民共和国行政诉讼法》"));
  EXPECT_TRUE(Has(v.doc.text, "案件受理费50元"));
  RenderedDocument e = Render(testing::ExecutionCase(), 3);
  EXPECT_EQ(e.doc.kind, "执行裁定书");
  EXPECT_TRUE(Has(e.doc.text, "终结本次执行程序。"));
  EXPECT_TRUE(Has(e.doc.text, "本院（2023）京0105民初12345号民事判决已经发生法律效力"));
}

TEST(DocumentWriter, CitationsFollowTheJudgmentDate) {
  Case c = testing::LoanCase();
  c.filed_date = Date::FromYmd(2023, 11, 20);
  c.closed_date = Date::FromYmd(2024, 2, 1);
  c.case_number = "（2023）京0105民初22222号";
  EXPECT_TRUE(Has(Render(c, 1).doc.text, "《中华人民共和国民事诉讼法》第二百六十四条规定"));
  c.filed_date = Date::FromYmd(2019, 3, 1);
  c.closed_date = Date::FromYmd(2019, 6, 1);
  c.case_number = "（2019）京0105民初1111号";
  std::string t = Render(c, 1).doc.text;
  EXPECT_TRUE(Has(t, "《中华人民共和国民事诉讼法》第二百五十三条规定")) << t;
  EXPECT_TRUE(Has(t, "《中华人民共和国合同法》第一百九十六条")) << t;  // before 民法典
  EXPECT_FALSE(Has(t, "民法典"));
  EXPECT_TRUE(Has(t, "二〇一九年六月一日"));
}

TEST(DocumentWriter, PanelFollowsProcedure) {
  Case c = testing::LoanCase();
  c.procedure = "普通程序";
  c.panel = {"李明", "周杰", "吴敏"};
  std::string t = Render(c, 5).doc.text;
  EXPECT_TRUE(Has(t, "依法适用普通程序"));
  EXPECT_TRUE(Has(t, "\n审判长　李明\n审判员　周杰\n")) << t;
  EXPECT_FALSE(Has(t, "减半"));
  EXPECT_TRUE(Has(t, "案件受理费2300元，由"));
}

TEST(DocumentWriter, CleanDocumentsHaveNoErrorPatterns) {
  std::vector<DocumentPlan> plans(3);
  plans[1].lender_features = {"uniform_iou", "cash_delivery", "interest_deducted", "plaintiff_absent"};
  plans[2].lender_features = {"defendant_absent"};
  for (const Case& c : AllSamples()) {
    for (const DocumentPlan& plan : plans) {
      for (uint64_t seed = 1; seed <= 40; ++seed) {
        RenderedDocument r = Render(c, seed, plan);
        const std::string& t = r.doc.text;
        SCOPED_TRACE(t);
        EXPECT_TRUE(r.errors.empty());
        EXPECT_TRUE(r.mismatches.empty());
        EXPECT_FALSE(Has(t, "我院"));
        EXPECT_FALSE(Has(t, "○"));
        EXPECT_FALSE(Has(t, "。。"));
        EXPECT_FALSE(Has(t, ","));
        EXPECT_EQ(CountOf(t, "〈"), CountOf(t, "〉"));
        EXPECT_EQ(CountOf(t, "《"), CountOf(t, "》"));
        EXPECT_EQ(CountOf(t, "（"), CountOf(t, "）"));
        for (std::string_view bad : {"辨称", "截止", "帐", "做出", "法阮", "检查院", "签定", "其它"})
          EXPECT_FALSE(Has(t, bad)) << bad;
        for (const Party& p : c.parties)
          if (!p.id_number.empty()) EXPECT_FALSE(Has(t, p.id_number));
        if (c.closed_date && *c.closed_date >= Date::FromYmd(2021, 1, 1))
          for (std::string_view law : RepealedLawNames()) EXPECT_FALSE(Has(t, law)) << law;
        ExpectWordsMatchFigures(t);
        EXPECT_TRUE(t.ends_with("\n"));
      }
    }
  }
}

TEST(DocumentWriter, PrincipalPlusInterestAddsUp) {
  for (uint64_t seed = 1; seed <= 20; ++seed) {
    std::string t = Render(testing::LoanCase(), seed).doc.text;
    const std::string key = "尚欠借款本金";
    size_t p = t.find(key);
    ASSERT_NE(p, std::string::npos) << t;
    size_t a_end = t.find("元、利息", p);
    size_t b_end = t.find("元，合计", a_end);
    size_t c_end = t.find("元。", b_end);
    ASSERT_TRUE(a_end != std::string::npos && b_end != std::string::npos && c_end != std::string::npos);
    int64_t a = ParseFiguresFen(t.substr(p + key.size(), a_end - p - key.size()));
    size_t b_start = a_end + std::string("元、利息").size();
    int64_t b = ParseFiguresFen(t.substr(b_start, b_end - b_start));
    size_t c_start = b_end + std::string("元，合计").size();
    int64_t total = ParseFiguresFen(t.substr(c_start, c_end - c_start));
    EXPECT_EQ(a + b, total);
    EXPECT_EQ(total, 100000 * 100);
  }
}

TEST(DocumentWriter, SameSeedSameText) {
  for (const Case& c : AllSamples()) {
    EXPECT_EQ(Render(c, 42).doc.text, Render(c, 42).doc.text);
  }
  std::set<std::string> texts;
  for (uint64_t seed = 1; seed <= 20; ++seed) texts.insert(Render(testing::LoanCase(), seed).doc.text);
  EXPECT_GT(texts.size(), 10u);  // phrasing varies with the seed
}

TEST(DocumentWriter, LenderFeatures) {
  DocumentPlan plan;
  plan.lender_features = {"uniform_iou", "cash_delivery", "interest_deducted", "plaintiff_absent"};
  std::string iou;
  for (uint64_t seed = 1; seed <= 10; ++seed) {
    std::string t = Render(testing::LoanCase(), seed, plan).doc.text;
    SCOPED_TRACE(t);
    EXPECT_TRUE(Has(t, "现金"));
    EXPECT_TRUE(Has(t, "预先扣除利息"));
    EXPECT_TRUE(Has(t, "本人未到庭"));
    size_t a = t.find("载明：“"), b = t.find("”", a);
    ASSERT_NE(a, std::string::npos);
    std::string quote = t.substr(a, b - a);
    if (iou.empty()) iou = quote;
    EXPECT_EQ(quote, iou);  // the same template whatever the seed
  }
  DocumentPlan absent;
  absent.lender_features = {"defendant_absent"};
  std::string t = Render(testing::LoanCase(), 1, absent).doc.text;
  EXPECT_TRUE(Has(t, "缺席审理")) << t;
  EXPECT_TRUE(Has(t, "《中华人民共和国民事诉讼法》第一百四十七条之规定")) << t;
}

// A mismatch changes exactly the stated value: the text equals the clean text with every occurrence
// of the record's value replaced by the document's.
std::string ReplaceAll(std::string s, const std::string& from, const std::string& to) {
  for (size_t p = s.find(from); p != std::string::npos; p = s.find(from, p + to.size())) s.replace(p, from.size(), to);
  return s;
}

TEST(DocumentWriter, MismatchesChangeOnlyTheStatedValue) {
  for (std::string field : {"case_number", "court_name", "judge_name", "party_name"}) {
    for (uint64_t seed = 1; seed <= 10; ++seed) {
      DocumentPlan plan;
      plan.mismatch_fields = {field};
      RenderedDocument clean = Render(testing::LoanCase(), seed);
      RenderedDocument m = Render(testing::LoanCase(), seed, plan);
      ASSERT_EQ(m.mismatches.size(), 1u) << field;
      const PlantedMismatch& pm = m.mismatches[0];
      EXPECT_EQ(pm.field, field);
      EXPECT_EQ(pm.doc_id, "D0001");
      EXPECT_EQ(pm.case_id, "C0001");
      EXPECT_NE(pm.structured, pm.document);
      EXPECT_TRUE(Has(m.doc.text, pm.document));
      EXPECT_EQ(m.doc.text, ReplaceAll(clean.doc.text, pm.structured, pm.document)) << field;
    }
  }
}

TEST(DocumentWriter, MismatchedDatesAndAmounts) {
  Case c = testing::LoanCase();
  for (std::string field : {"filed_date", "closed_date", "claim_amount", "awarded_amount", "closure_method"}) {
    DocumentPlan plan;
    plan.mismatch_fields = {field};
    RenderedDocument m = Render(c, 9, plan);
    ASSERT_EQ(m.mismatches.size(), 1u) << field;
    const PlantedMismatch& pm = m.mismatches[0];
    const std::string& t = m.doc.text;
    SCOPED_TRACE(t);
    if (field == "filed_date") {
      EXPECT_EQ(pm.structured, "2023-03-01");
      Date d = *Date::Parse(pm.document);
      EXPECT_LT(d, c.filed_date);
      EXPECT_TRUE(Has(t, "本院于" + std::to_string(d.year()) + "年" + std::to_string(d.month()) + "月" +
                             std::to_string(d.day()) + "日立案"));
      EXPECT_FALSE(Has(t, "2023年3月1日"));
    } else if (field == "closed_date") {
      EXPECT_EQ(pm.structured, "2023-05-10");
      EXPECT_FALSE(Has(t, "二〇二三年五月十日"));
    } else if (field == "claim_amount") {
      EXPECT_EQ(pm.structured, "100000");
      EXPECT_TRUE(Has(t, "共计" + pm.document + "元") || Has(t, "合计" + pm.document + "元"));
      EXPECT_FALSE(Has(t, "100000元"));
    } else if (field == "awarded_amount") {
      EXPECT_EQ(pm.structured, "90000");
      EXPECT_TRUE(Has(t, "共计" + pm.document + "元"));
      EXPECT_FALSE(Has(t, "共计90000元"));
    } else {
      EXPECT_EQ(pm.structured, "判决");
      EXPECT_EQ(pm.document, "调解");
      EXPECT_EQ(m.doc.kind, "民事调解书");
    }
  }
}

TEST(DocumentWriter, KindsAndFieldsAreListed) {
  EXPECT_EQ(DocumentErrorKinds().size(), 21u);
  for (const std::string& k : DocumentErrorKinds()) {
    EXPECT_FALSE(DocumentErrorLabel(k).empty()) << k;
    EXPECT_TRUE(std::all_of(k.begin(), k.end(), [](char ch) { return (ch >= 'a' && ch <= 'z') || ch == '_'; })) << k;
  }
  EXPECT_EQ(MismatchFields().size(), 9u);
  EXPECT_TRUE(DocumentErrorLabel("no_such_kind").empty());
}

}  // namespace
}  // namespace tianping::gen
