// Statute citations for generated judgments: which law and article numbers a document of a given cause
// cites at a given date, and which 民事诉讼法 article numbers were in force when. Repealed laws are
// listed for the planter and for tests. Sources: the texts of 民事诉讼法 (2012, 2017, 2021, 2023
// revisions), 民法典 (in force 2021-01-01) and the laws it replaced. Thread-safety: pure functions.
#pragma once

#include <span>
#include <string>
#include <string_view>

#include "tianping/common/date.h"

namespace tianping::gen {

// Broad families of causes that decide the wording and the citations of a document.
enum class CauseFamily { kPrivateLoan, kFinancialLoan, kCreditCard, kSales, kDivorce, kTraffic, kLabour,
                         kOtherCivil, kCriminal, kAdministrative };
CauseFamily ClassifyCause(std::string_view category, std::string_view cause_name);

// 民事诉讼法 article on doubled interest for late performance (迟延履行):
//   from 2024-01-01 (2023 revision) 264; 2022-01-01..2023-12-31 (2021 revision) 260;
//   2013-01-01..2021-12-31 (2012 and 2017 texts) 253; earlier 229.
int LatePerformanceArticle(Date judgment_date);
// The number used by the revision before the one in force at `judgment_date` (for planting errors).
int OutdatedLatePerformanceArticle(Date judgment_date);
// Other 民事诉讼法 provisions cited by generated documents. Numbers by text in force:
//   provision            2013–2021 (2012/2017)  2022–2023 (2021)  from 2024 (2023)
//   kWithdrawal 撤诉            145                 148               148
//   kDefault 缺席判决           144                 147               147
//   kAppealOutcome 二审结果      170                 177               177
//   kAppealWithdrawal 撤回上诉   173                 180               180
//   kDismissSuit 起诉条件        119                 122               122
//   kRulingScope 裁定适用范围    154                 157               157
//   kTransfer 移送管辖           36                  37                37
//   kRetrialReview 再审审查      204                 211               215
//   kRetrial 再审审理            207                 214               218
//   kTerminateExecution 终结执行 257                 264               268
//   kExecutionObjection 执行异议 225                 232               236
//   kThirdPartyObjection 案外人异议 227               234               238
//   kRefuseExecution 不予执行仲裁裁决 237              244               248
// (The 2023 revision inserted the four articles on 指定遗产管理人 before the 再审 chapter; the 2021
// revision seven articles on 小额诉讼 and online litigation.) Before 2013 the 2012 numbers are used.
// Basis (real judgments, published texts) and what could not be verified: docs/generator.md
// ("Statute article numbers"); legal_citations_test.cc pins the numbers checked there.
enum class CivilProcedure { kWithdrawal, kDefault, kAppealOutcome, kAppealWithdrawal, kDismissSuit, kRulingScope,
                            kTransfer, kRetrialReview, kRetrial, kTerminateExecution, kExecutionObjection,
                            kThirdPartyObjection, kRefuseExecution };
int CivilProcedureArticle(CivilProcedure provision, Date judgment_date);
inline int WithdrawalArticle(Date d) { return CivilProcedureArticle(CivilProcedure::kWithdrawal, d); }
inline int DefaultJudgmentArticle(Date d) { return CivilProcedureArticle(CivilProcedure::kDefault, d); }
inline int AppealOutcomeArticle(Date d) { return CivilProcedureArticle(CivilProcedure::kAppealOutcome, d); }

// A substantive citation: the law's full name (without 《》) and its article numbers in order;
// a negative number -n stands for 第n条之一.
struct LawCitation {
  std::string_view law;
  int articles[6] = {0, 0, 0, 0, 0, 0};
  int count = 0;
};

// Substantive civil citation for `family` at `judgment_date`: 民法典 from 2021-01-01, the laws it
// replaced before. Empty (count 0) for families without one (criminal, administrative handled apart).
LawCitation CivilCitation(CauseFamily family, Date judgment_date);
// The pre-民法典 citation for the same family (合同法, 婚姻法, 侵权责任法 …), used to plant the
// repealed-law error. Count 0 when the family's citation was never a repealed law (labour).
LawCitation RepealedCitation(CauseFamily family);

// Names (without 《》) of laws repealed on 2021-01-01 by 民法典.
std::span<const std::string_view> RepealedLawNames();

// Adds the guarantee article (民法典 §688 连带责任保证; 担保法 §18 before 2021) when the citation is of
// 民法典 or 合同法 and has room.
void AddGuaranteeArticle(LawCitation* c);

// 《full name》第…条、第…条 (article numbers in Chinese numerals).
void AppendCitation(std::string* out, const LawCitation& c);

// 刑法 articles for a charge (罪名); falls back to the general sentencing article 61.
LawCitation CriminalCitation(std::string_view charge);

}  // namespace tianping::gen
