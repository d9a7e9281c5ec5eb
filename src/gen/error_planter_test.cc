#include "gen/error_planter.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <set>

#include "gen/document_writer.h"
#include "gen/sample_cases_test_util.h"

namespace tianping::gen {
namespace {

using testing::SampleRef;

RenderedDocument Render(const Case& c, uint64_t seed, const DocumentPlan& plan = {}) {
  Rng rng(seed);
  return RenderDocument(c, nullptr, SampleRef(), rng, plan);
}

// Puts the correct text back at every reported span (last first, so earlier offsets stay valid).
std::string Restore(std::string text, std::vector<PlantedDocError> errors) {
  // Last first; at a shared start the non-empty span (which follows an empty one there) goes first.
  std::sort(errors.begin(), errors.end(),
            [](const auto& a, const auto& b) { return a.start != b.start ? a.start > b.start : a.end > b.end; });
  for (const PlantedDocError& e : errors) text.replace(e.start, e.end - e.start, e.correct);
  return text;
}

void ExpectExactSpans(const RenderedDocument& r, const std::string& clean) {
  for (const PlantedDocError& e : r.errors) {
    SCOPED_TRACE(e.kind);
    ASSERT_LE(e.start, e.end);
    ASSERT_LE(e.end, r.doc.text.size());
    EXPECT_EQ(r.doc.text.substr(e.start, e.end - e.start), e.wrong);
    EXPECT_NE(e.wrong, e.correct);
    EXPECT_FALSE(e.note.empty());
    EXPECT_EQ(e.doc_id, r.doc.doc_id);
    EXPECT_EQ(e.case_id, r.doc.case_id);
  }
  // Nothing else changed: putting the correct text back gives the clean document.
  std::string restored = Restore(r.doc.text, r.errors);
  if (restored != clean) {
    size_t i = 0;
    while (i < restored.size() && i < clean.size() && restored[i] == clean[i]) ++i;
    size_t from = i > 60 ? i - 60 : 0;
    std::string kinds;
    for (const auto& e : r.errors) kinds += e.kind + "@" + std::to_string(e.start) + " ";
    ADD_FAILURE() << "restored text differs at byte " << i << ": …" << restored.substr(from, 150) << "\n vs …"
                  << clean.substr(from, 150) << "\n errors: " << kinds;
  }
}

TEST(ErrorPlanter, EveryKindPlantsOnACivilJudgmentWithAnExactSpan) {
  for (const std::string& kind : DocumentErrorKinds()) {
    for (uint64_t seed = 1; seed <= 15; ++seed) {
      SCOPED_TRACE(kind + " seed " + std::to_string(seed));
      DocumentPlan plan;
      plan.error_kinds = {kind};
      RenderedDocument r = Render(testing::LoanCase(), seed, plan);
      ASSERT_EQ(r.errors.size(), 1u);
      EXPECT_EQ(r.errors[0].kind, kind);
      ExpectExactSpans(r, Render(testing::LoanCase(), seed).doc.text);
    }
  }
}

TEST(ErrorPlanter, AllKindsAtOnce) {
  DocumentPlan plan;
  plan.error_kinds = DocumentErrorKinds();
  for (uint64_t seed = 1; seed <= 30; ++seed) {
    RenderedDocument r = Render(testing::LoanCase(), seed, plan);
    std::set<std::string> kinds;
    for (const auto& e : r.errors) kinds.insert(e.kind);
    EXPECT_EQ(kinds.size(), DocumentErrorKinds().size());
    ExpectExactSpans(r, Render(testing::LoanCase(), seed).doc.text);
  }
}

TEST(ErrorPlanter, OtherDocumentKinds) {
  DocumentPlan plan;
  plan.error_kinds = DocumentErrorKinds();
  for (const Case& c : {testing::CriminalCase(), testing::MediationCase(), testing::WithdrawalCase(),
                        testing::AppealCase(), testing::AdministrativeCase(), testing::ExecutionCase()}) {
    for (uint64_t seed = 1; seed <= 10; ++seed) {
      RenderedDocument r = Render(c, seed, plan);
      EXPECT_GE(r.errors.size(), 12u);
      ExpectExactSpans(r, Render(c, seed).doc.text);
    }
  }
  // Criminal judgments carry no costs, no 民事诉讼法 notice and no 民法典 citation.
  plan.error_kinds = {"costs_omitted", "civil_procedure_article_outdated", "repealed_law"};
  EXPECT_TRUE(Render(testing::CriminalCase(), 1, plan).errors.empty());
}

TEST(ErrorPlanter, SpecificKindsSayWhatTheyShould) {
  auto plant = [](const std::string& kind, const Case& c = testing::LoanCase()) {
    DocumentPlan plan;
    plan.error_kinds = {kind};
    RenderedDocument r = Render(c, 3, plan);
    EXPECT_EQ(r.errors.size(), 1u) << kind;
    return r.errors.empty() ? PlantedDocError{} : r.errors[0];
  };
  EXPECT_EQ(plant("wo_yuan").wrong, "我院");
  EXPECT_EQ(plant("mixed_zero").wrong, "二○二三");
  EXPECT_EQ(plant("mixed_zero").correct, "二〇二三");
  PlantedDocError law = plant("repealed_law");
  EXPECT_TRUE(law.wrong.starts_with("《中华人民共和国合同法》")) << law.wrong;
  EXPECT_TRUE(law.correct.starts_with("《中华人民共和国民法典》")) << law.correct;
  PlantedDocError art = plant("civil_procedure_article_outdated");
  EXPECT_EQ(art.correct, "第二百六十条");
  EXPECT_EQ(art.wrong, "第二百五十三条");
  PlantedDocError panel = plant("panel_procedure_mismatch");
  EXPECT_EQ(panel.correct, "审判员　李明\n");
  EXPECT_TRUE(panel.wrong.starts_with("审判长　李明\n")) << panel.wrong;
  PlantedDocError year = plant("case_number_wrong_year");
  EXPECT_TRUE(year.wrong == "2022" || year.wrong == "2024") << year.wrong;
  EXPECT_EQ(year.correct, "2023");
  PlantedDocError pii = plant("pii_unmasked");
  EXPECT_TRUE(pii.wrong == "110105198001021234" || pii.wrong == "410105198505051236") << pii.wrong;
  PlantedDocError costs = plant("costs_omitted");
  EXPECT_TRUE(costs.wrong.empty());
  EXPECT_TRUE(costs.correct.starts_with("案件受理费2300元")) << costs.correct;
  PlantedDocError section = plant("missing_section");
  EXPECT_TRUE(section.wrong.empty());
  EXPECT_TRUE(section.correct.find("本院认为") == 0 || section.correct.find("辩称") != std::string::npos)
      << section.correct;
  PlantedDocError date = plant("date_order");
  EXPECT_TRUE(date.wrong.starts_with("2023年")) << date.wrong;
  EXPECT_EQ(date.correct, "2023年3月1日");
  PlantedDocError addr = plant("address_province_mismatch");
  EXPECT_TRUE(addr.correct == "北京市" || addr.correct == "河南省") << addr.correct;
  PlantedDocError sum = plant("interest_arithmetic");
  EXPECT_EQ(sum.correct, "100000");
  PlantedDocError words = plant("amount_words_mismatch");
  EXPECT_EQ(words.correct, "捌万伍仟元整");  // 85% of 100,000 is the principal on the IOU
}

TEST(ErrorPlanter, TableMatchesKinds) {
  std::set<std::string_view> ids;
  for (const ErrorKindInfo& k : ErrorKindTable()) ids.insert(k.id);
  EXPECT_EQ(ids.size(), ErrorKindTable().size());
  EXPECT_EQ(ids.size(), 21u);
}

}  // namespace
}  // namespace tianping::gen
