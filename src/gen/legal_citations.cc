#include "gen/legal_citations.h"

#include "gen/chinese_numerals.h"

namespace tianping::gen {
namespace {

bool Contains(std::string_view s, std::string_view part) { return s.find(part) != std::string_view::npos; }

constexpr std::string_view kCivilCode = "中华人民共和国民法典";
constexpr std::string_view kContractLaw = "中华人民共和国合同法";

const Date kCivilCodeDate = Date::FromYmd(2021, 1, 1);

}  // namespace

CauseFamily ClassifyCause(std::string_view category, std::string_view cause_name) {
  if (category == "刑事") return CauseFamily::kCriminal;
  if (category == "行政") return CauseFamily::kAdministrative;
  if (Contains(cause_name, "民间借贷")) return CauseFamily::kPrivateLoan;
  if (Contains(cause_name, "信用卡")) return CauseFamily::kCreditCard;
  if (Contains(cause_name, "借款")) return CauseFamily::kFinancialLoan;
  if (Contains(cause_name, "买卖")) return CauseFamily::kSales;
  if (Contains(cause_name, "离婚")) return CauseFamily::kDivorce;
  if (Contains(cause_name, "交通事故")) return CauseFamily::kTraffic;
  if (Contains(cause_name, "劳动") || Contains(cause_name, "劳务")) return CauseFamily::kLabour;
  return CauseFamily::kOtherCivil;
}

int LatePerformanceArticle(Date d) {
  if (d >= Date::FromYmd(2024, 1, 1)) return 264;
  if (d >= Date::FromYmd(2022, 1, 1)) return 260;
  if (d >= Date::FromYmd(2013, 1, 1)) return 253;
  return 229;
}

int OutdatedLatePerformanceArticle(Date d) {
  switch (LatePerformanceArticle(d)) {
    case 264: return 260;
    case 260: return 253;
    case 253: return 229;
    default: return 232;
  }
}

int WithdrawalArticle(Date d) {
  if (d >= Date::FromYmd(2022, 1, 1)) return 148;
  if (d >= Date::FromYmd(2013, 1, 1)) return 145;
  return 131;
}

int DefaultJudgmentArticle(Date d) {
  if (d >= Date::FromYmd(2022, 1, 1)) return 147;
  if (d >= Date::FromYmd(2013, 1, 1)) return 144;
  return 130;
}

int AppealOutcomeArticle(Date d) { return d >= Date::FromYmd(2022, 1, 1) ? 177 : 170; }

LawCitation RepealedCitation(CauseFamily family) {
  switch (family) {
    case CauseFamily::kPrivateLoan: return {kContractLaw, {196, 206, 207}, 3};
    case CauseFamily::kFinancialLoan: return {kContractLaw, {196, 205, 207}, 3};
    case CauseFamily::kCreditCard: return {kContractLaw, {8, 60, 107}, 3};
    case CauseFamily::kSales: return {kContractLaw, {60, 107, 159}, 3};
    case CauseFamily::kDivorce: return {"中华人民共和国婚姻法", {32, 36, 39}, 3};
    case CauseFamily::kTraffic: return {"中华人民共和国侵权责任法", {6, 16, 48}, 3};
    case CauseFamily::kOtherCivil: return {"中华人民共和国民法通则", {84, 106, 108}, 3};
    default: return {};
  }
}

LawCitation CivilCitation(CauseFamily family, Date d) {
  if (family == CauseFamily::kLabour) return {"中华人民共和国劳动合同法", {30, 47, 85}, 3};
  if (d < kCivilCodeDate) return RepealedCitation(family);
  switch (family) {
    case CauseFamily::kPrivateLoan: return {kCivilCode, {667, 674, 675, 676}, 4};
    case CauseFamily::kFinancialLoan: return {kCivilCode, {667, 674, 676}, 3};
    case CauseFamily::kCreditCard: return {kCivilCode, {465, 509, 577}, 3};
    case CauseFamily::kSales: return {kCivilCode, {509, 577, 626}, 3};
    case CauseFamily::kDivorce: return {kCivilCode, {1079, 1084, 1087}, 3};
    case CauseFamily::kTraffic: return {kCivilCode, {1165, 1179, 1208}, 3};
    case CauseFamily::kOtherCivil: return {kCivilCode, {509, 577}, 2};
    default: return {};
  }
}

std::span<const std::string_view> RepealedLawNames() {
  static constexpr std::string_view kNames[] = {
      "中华人民共和国合同法",     "中华人民共和国民法通则", "中华人民共和国婚姻法",
      "中华人民共和国担保法",     "中华人民共和国物权法",   "中华人民共和国侵权责任法",
      "中华人民共和国民法总则",   "中华人民共和国继承法",   "中华人民共和国收养法",
  };
  return kNames;
}

void AppendCitation(std::string* out, const LawCitation& c) {
  out->append("《");
  out->append(c.law);
  out->append("》");
  for (int i = 0; i < c.count; ++i) {
    if (i > 0) out->append("、");
    out->append("第");
    AppendChineseInt(out, c.articles[i] < 0 ? -c.articles[i] : c.articles[i]);
    out->append(c.articles[i] < 0 ? "条之一" : "条");
  }
}

LawCitation CriminalCitation(std::string_view charge) {
  constexpr std::string_view kCriminalLaw = "中华人民共和国刑法";
  if (Contains(charge, "危险驾驶")) return {kCriminalLaw, {-133, 67, 52, 53}, 4};  // 第一百三十三条之一
  if (Contains(charge, "交通肇事")) return {kCriminalLaw, {133, 67, 72, 73}, 4};
  if (Contains(charge, "盗窃")) return {kCriminalLaw, {264, 67, 52, 53}, 4};
  if (Contains(charge, "诈骗")) return {kCriminalLaw, {266, 67, 52, 53}, 4};
  if (Contains(charge, "故意伤害")) return {kCriminalLaw, {234, 67, 72, 73}, 4};
  if (Contains(charge, "抢劫")) return {kCriminalLaw, {263, 67, 52, 53}, 4};
  if (Contains(charge, "赌博")) return {kCriminalLaw, {303, 67, 52, 53}, 4};
  if (Contains(charge, "毒品")) return {kCriminalLaw, {347, 67, 52, 53}, 4};
  return {kCriminalLaw, {61, 67, 52, 53}, 4};
}

}  // namespace tianping::gen
