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
// 民事诉讼法 article on withdrawal before judgment (撤诉): 148 from 2022, 145 from 2013, else 131.
int WithdrawalArticle(Date judgment_date);
// 民事诉讼法 article on judgment by default (缺席判决): 147 from 2022, 144 from 2013, else 130.
int DefaultJudgmentArticle(Date judgment_date);
// 民事诉讼法 article on appeal outcomes (第一款第一项 维持 / 第二项 改判 / 第三项 发回):
// 177 from 2022, 170 from 2013.
int AppealOutcomeArticle(Date judgment_date);

// A substantive citation: the law's full name (without 《》) and its article numbers in order;
// a negative number -n stands for 第n条之一.
struct LawCitation {
  std::string_view law;
  int articles[4] = {0, 0, 0, 0};
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

// 《full name》第…条、第…条 (article numbers in Chinese numerals).
void AppendCitation(std::string* out, const LawCitation& c);

// 刑法 articles for a charge (罪名); falls back to the general sentencing article 61.
LawCitation CriminalCitation(std::string_view charge);

}  // namespace tianping::gen
