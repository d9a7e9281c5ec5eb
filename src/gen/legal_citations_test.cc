#include "gen/legal_citations.h"

#include <gtest/gtest.h>

namespace tianping::gen {
namespace {

Date D(int y, int m, int d) { return Date::FromYmd(y, m, d); }

TEST(LegalCitations, LatePerformanceArticleByRevision) {
  EXPECT_EQ(LatePerformanceArticle(D(2024, 1, 1)), 264);
  EXPECT_EQ(LatePerformanceArticle(D(2023, 12, 31)), 260);
  EXPECT_EQ(LatePerformanceArticle(D(2022, 1, 1)), 260);
  EXPECT_EQ(LatePerformanceArticle(D(2021, 12, 31)), 253);
  EXPECT_EQ(LatePerformanceArticle(D(2017, 7, 1)), 253);
  EXPECT_EQ(OutdatedLatePerformanceArticle(D(2024, 5, 1)), 260);
  EXPECT_EQ(OutdatedLatePerformanceArticle(D(2022, 5, 1)), 253);
}

TEST(LegalCitations, OtherProvisions) {
  EXPECT_EQ(WithdrawalArticle(D(2020, 1, 1)), 145);
  EXPECT_EQ(WithdrawalArticle(D(2022, 6, 1)), 148);
  EXPECT_EQ(DefaultJudgmentArticle(D(2024, 6, 1)), 147);
  EXPECT_EQ(AppealOutcomeArticle(D(2019, 6, 1)), 170);
  EXPECT_EQ(AppealOutcomeArticle(D(2023, 6, 1)), 177);
  EXPECT_EQ(CivilProcedureArticle(CivilProcedure::kRetrialReview, D(2024, 6, 1)), 215);
  EXPECT_EQ(CivilProcedureArticle(CivilProcedure::kRetrialReview, D(2023, 6, 1)), 211);
  EXPECT_EQ(CivilProcedureArticle(CivilProcedure::kRetrialReview, D(2019, 6, 1)), 204);
}

// The table of docs/generator.md ("Statute article numbers"), row by row: 2017 text, 2021 text, 2023 text.
TEST(LegalCitations, CivilProcedureNumbersPerRevision) {
  struct Row { CivilProcedure p; int v2017, v2021, v2023; };
  const Row kRows[] = {
      {CivilProcedure::kWithdrawal, 145, 148, 148},         {CivilProcedure::kDefault, 144, 147, 147},
      {CivilProcedure::kAppealOutcome, 170, 177, 177},      {CivilProcedure::kAppealWithdrawal, 173, 180, 180},
      {CivilProcedure::kDismissSuit, 119, 122, 122},        {CivilProcedure::kRulingScope, 154, 157, 157},
      {CivilProcedure::kTransfer, 36, 37, 37},              {CivilProcedure::kRetrialReview, 204, 211, 215},
      {CivilProcedure::kRetrial, 207, 214, 218},            {CivilProcedure::kTerminateExecution, 257, 264, 268},
      {CivilProcedure::kExecutionObjection, 225, 232, 236}, {CivilProcedure::kThirdPartyObjection, 227, 234, 238},
      {CivilProcedure::kRefuseExecution, 237, 244, 248},
  };
  for (const Row& r : kRows) {
    EXPECT_EQ(CivilProcedureArticle(r.p, D(2021, 12, 31)), r.v2017) << static_cast<int>(r.p);
    EXPECT_EQ(CivilProcedureArticle(r.p, D(2022, 1, 1)), r.v2021) << static_cast<int>(r.p);
    EXPECT_EQ(CivilProcedureArticle(r.p, D(2023, 12, 31)), r.v2021) << static_cast<int>(r.p);
    EXPECT_EQ(CivilProcedureArticle(r.p, D(2024, 1, 1)), r.v2023) << static_cast<int>(r.p);
  }
}

TEST(LegalCitations, CivilCodeFrom2021) {
  std::string s;
  AppendCitation(&s, CivilCitation(CauseFamily::kPrivateLoan, D(2023, 5, 10)));
  EXPECT_EQ(s, "《中华人民共和国民法典》第六百六十七条、第六百七十四条、第六百七十五条、第六百七十六条");
  s.clear();
  AppendCitation(&s, CivilCitation(CauseFamily::kPrivateLoan, D(2020, 12, 31)));
  EXPECT_EQ(s, "《中华人民共和国合同法》第一百九十六条、第二百零六条、第二百零七条");
  s.clear();
  AppendCitation(&s, CivilCitation(CauseFamily::kDivorce, D(2022, 1, 1)));
  EXPECT_EQ(s, "《中华人民共和国民法典》第一千零七十九条、第一千零八十四条、第一千零八十七条");
  s.clear();
  AppendCitation(&s, CriminalCitation("危险驾驶罪"));
  EXPECT_EQ(s, "《中华人民共和国刑法》第一百三十三条之一、第六十七条、第五十二条、第五十三条");
  EXPECT_EQ(RepealedCitation(CauseFamily::kLabour).count, 0);
}

TEST(LegalCitations, ClassifyCause) {
  EXPECT_EQ(ClassifyCause("民事", "民间借贷纠纷"), CauseFamily::kPrivateLoan);
  EXPECT_EQ(ClassifyCause("民事", "金融借款合同纠纷"), CauseFamily::kFinancialLoan);
  EXPECT_EQ(ClassifyCause("民事", "信用卡纠纷"), CauseFamily::kCreditCard);
  EXPECT_EQ(ClassifyCause("民事", "机动车交通事故责任纠纷"), CauseFamily::kTraffic);
  EXPECT_EQ(ClassifyCause("刑事", "盗窃罪"), CauseFamily::kCriminal);
  EXPECT_EQ(ClassifyCause("民事", "物业服务合同纠纷"), CauseFamily::kOtherCivil);
}

}  // namespace
}  // namespace tianping::gen
