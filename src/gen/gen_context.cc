#include "gen_context.h"

#include <algorithm>
#include <cmath>

#include <fmt/format.h>

#include "calendar.h"
#include "people.h"
#include "planner.h"

namespace tianping::gen {
namespace {

constexpr uint64_t kStaffSalt = 0x5741FF01ULL, kPoolSalt = 0x9001ABCDULL, kRegionSalt = 0x7E610EULL;

std::string StripSuffix(std::string s, std::string_view suffix) {
  if (s.size() >= suffix.size() && s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0)
    s.resize(s.size() - suffix.size());
  return s;
}
bool StartsWith(std::string_view s, std::string_view p) { return s.substr(0, p.size()) == p; }

size_t SampleCum(const std::vector<double>& cum, Rng& rng) {
  double r = rng.Uniform() * cum.back();
  return std::min<size_t>(std::upper_bound(cum.begin(), cum.end(), r) - cum.begin(), cum.size() - 1);
}

uint64_t Hash(std::string_view s) {
  uint64_t h = 1469598103934665603ULL;
  for (unsigned char c : s) h = (h ^ c) * 1099511628211ULL;
  return h;
}

}  // namespace

const char* TypeCode(CaseType t) {
  static const char* k[] = {"民初", "民终", "民申", "民再", "执", "执异", "刑初", "刑终", "行初", "行终"};
  return k[static_cast<int>(t)];
}
const char* TypeCategory(CaseType t) {
  static const char* k[] = {"民事", "民事", "民事", "民事", "执行", "执行", "刑事", "刑事", "行政", "行政"};
  return k[static_cast<int>(t)];
}

int GenContext::SampleBasicCourt(Rng& rng) const { return basic[SampleCum(basic_cum, rng)]; }
int GenContext::SampleIntermediateCourt(Rng& rng) const { return intermediate[SampleCum(inter_cum, rng)]; }

Date GenContext::SampleFiledDate(Rng& rng, int court) const {
  auto it = court_day_cum.find(court);
  const auto& cum = it == court_day_cum.end() ? day_cum : it->second;
  return start.AddDays(static_cast<int>(SampleCum(cum, rng)));
}

int GenContext::SampleCause(Rng& rng, CaseType type, int court) const {
  switch (type) {
    case CaseType::kXingChu: case CaseType::kXingZhong:
      return criminal_causes.empty() ? -1 : criminal_causes[SampleCum(criminal_cum, rng)];
    case CaseType::kXingZhengChu: case CaseType::kXingZhengZhong:
      return admin_causes.empty() ? -1 : admin_causes[SampleCum(admin_cum, rng)];
    default: {
      if (civil_causes.empty()) return -1;
      int p = courts[court].province;
      bool inter = courts[court].court->level == CourtLevel::kIntermediate;
      const auto& cum = (inter ? civil_cum_inter_by_province : civil_cum_by_province)[p < 0 ? 0 : p];
      return civil_causes[SampleCum(cum, rng)];
    }
  }
}

std::string GenContext::JudgeName(int court, int judge) const {
  Rng r = Rng::Derive(options.seed ^ kStaffSalt, static_cast<uint64_t>(court) * 8192 + judge);
  return RandomFullName(r);
}
std::string GenContext::ClerkName(int court, int clerk) const {
  Rng r = Rng::Derive(options.seed ^ kStaffSalt, static_cast<uint64_t>(court) * 8192 + 4096 + clerk);
  return RandomFullName(r);
}
std::string GenContext::JudgeId(int court, int judge) const {
  return fmt::format("{}-J{:03d}", courts[court].court->code, judge + 1);
}

Party GenContext::PoolPerson(int court, uint64_t k, Date on) const {
  const CourtInfo& ci = courts[court];
  Rng r = Rng::Derive(options.seed ^ kPoolSalt, Hash(ci.locality) ^ (k * 0x9E3779B97F4A7C15ULL));
  // Birth date from a fixed reference so the same pool person keeps one ID over the years.
  Party p = RandomPerson(r, ci.locality, ci.region6, Date::FromYmd(options.to_year, 6, 30));
  (void)on;
  return p;
}
Party GenContext::PoolCompany(int court, uint64_t k) const {
  const CourtInfo& ci = courts[court];
  Rng r = Rng::Derive(options.seed ^ kPoolSalt, Hash(ci.city) ^ (k * 0xC2B2AE3D27D4EB4FULL) ^ 1);
  return RandomCompany(r, ci.city, ci.locality, ci.region6);
}
Party GenContext::Bank(int court, uint64_t k) const {
  static const char* kBanks[] = {"中国工商银行股份有限公司", "中国农业银行股份有限公司", "中国银行股份有限公司",
                                 "中国建设银行股份有限公司", "交通银行股份有限公司", "招商银行股份有限公司",
                                 "中国邮政储蓄银行股份有限公司", "平安银行股份有限公司", "兴业银行股份有限公司",
                                 "中信银行股份有限公司"};
  const CourtInfo& ci = courts[courts[court].region];
  Rng r = Rng::Derive(options.seed ^ kPoolSalt, Hash(ci.city) ^ (k + 77));
  Party p;
  p.kind = "法人";
  std::string city = StripSuffix(ci.city, "市");
  p.name = std::string(kBanks[k % std::size(kBanks)]) + city + (k % 3 == 2 ? "信用卡中心" : "分行");
  p.credit_code = RandomCreditCode(r, ci.region6);
  p.legal_representative = RandomFullName(r);
  p.address = RandomAddress(r, ci.locality);
  return p;
}
Agent GenContext::Lawyer(int court, uint64_t k) const {
  const CourtInfo& ci = courts[courts[court].region];
  Rng r = Rng::Derive(options.seed ^ kPoolSalt, Hash(ci.locality) ^ (k * 0x94D049BB133111EBULL) ^ 2);
  Rng firm = Rng::Derive(options.seed ^ kPoolSalt, Hash(ci.locality) ^ ((k / 6) * 31 + 3));
  static const char* kFirmWords[] = {"正义", "天平", "金诚", "德衡", "大成", "中伦", "君合", "明理", "方圆",
                                     "华夏", "诚信", "博识", "立行", "信达", "鼎泰", "致远", "瀚海", "广和"};
  Agent a;
  a.name = RandomFullName(r);
  a.kind = "律师";
  std::string city = StripSuffix(ci.city, "市");
  a.law_firm = fmt::format("{}{}{}律师事务所", ci.province >= 0 ? "" : "", city,
                           kFirmWords[firm.Range(0, std::size(kFirmWords) - 1)]);
  std::string prefix = ci.region6.size() >= 4 ? ci.region6.substr(0, 4) : "1101";
  a.license_number = fmt::format("{}1{}{}{:07d}", prefix, r.Range(2000, 2020), r.Range(0, 1), r.Range(0, 9999999));
  return a;
}

Result<GenContext> BuildContext(const GenOptions& options, const ReferenceData& ref) {
  GenContext ctx;
  ctx.ref = &ref;
  ctx.options = options;
  if (options.from_year > options.to_year || options.from_year < 2000 || options.to_year > 2060)
    return Status::InvalidArgument(fmt::format("--from-year {} --to-year {}: need 2000 <= from <= to <= 2060",
                                               options.from_year, options.to_year));
  ctx.start = Date::FromYmd(options.from_year, 1, 1);
  ctx.end = Date::FromYmd(options.to_year, 12, 31);
  // Default: every eligible case up to 200k cases, then a share keeping about 200k cases' worth of documents.
  ctx.doc_share = options.doc_share >= 0 ? std::min(1.0, options.doc_share)
                                         : std::min(1.0, 200000.0 / static_cast<double>(options.cases));

  // Courts.
  const auto& cs = ref.courts();
  std::map<std::string, int> index;
  for (size_t i = 0; i < cs.size(); ++i) index[cs[i].code] = static_cast<int>(i);
  ctx.courts.resize(cs.size());
  for (size_t i = 0; i < cs.size(); ++i) {
    CourtInfo& ci = ctx.courts[i];
    ci.court = &cs[i];
    ci.judges = std::max(3, cs[i].judges);
    for (size_t p = 0; p < ref.provinces().size(); ++p)
      if (ref.provinces()[p].abbr == cs[i].province) ci.province = static_cast<int>(p);
    auto it = index.find(cs[i].parent_code);
    ci.parent = it == index.end() ? -1 : it->second;
  }
  // Localities: intermediate courts first (city), then basic courts (district).
  for (size_t i = 0; i < cs.size(); ++i) {
    CourtInfo& ci = ctx.courts[i];
    std::string prov = ci.province >= 0 ? ref.provinces()[ci.province].name : "";
    bool municipality = !prov.empty() && prov.size() >= 3 && prov.substr(prov.size() - 3) == "市";
    if (cs[i].level == CourtLevel::kIntermediate || cs[i].level == CourtLevel::kHigh ||
        cs[i].level == CourtLevel::kSupreme) {
      std::string rest = StripSuffix(cs[i].name, "中级人民法院");
      if (StartsWith(rest, prov)) rest = rest.substr(prov.size());
      bool plain_city = cs[i].level == CourtLevel::kIntermediate && !municipality && !rest.empty() &&
                        !StartsWith(rest, "第") && rest.find("人民法院") == std::string::npos &&
                        rest.find("法院") == std::string::npos;
      ci.city = plain_city ? rest : (municipality ? prov : (prov.empty() ? "北京市" : prov));
      ci.locality = municipality || !plain_city ? ci.city : prov + ci.city;
      if (cs[i].level == CourtLevel::kIntermediate) ci.region = static_cast<int>(i);
    }
  }
  for (size_t i = 0; i < cs.size(); ++i) {
    CourtInfo& ci = ctx.courts[i];
    if (cs[i].level != CourtLevel::kBasic) continue;
    ci.region = ci.parent >= 0 && cs[ci.parent].level == CourtLevel::kIntermediate ? ci.parent : -1;
    const CourtInfo* parent = ci.region >= 0 ? &ctx.courts[ci.region] : nullptr;
    std::string prov = ci.province >= 0 ? ref.provinces()[ci.province].name : "";
    ci.city = parent ? parent->city : prov;
    if (!cs[i].division_code.empty() && cs[i].name.find("人民法院") != std::string::npos) {
      std::string loc = StripSuffix(cs[i].name, "人民法院");
      ci.locality = StartsWith(loc, prov) || StartsWith(loc, ci.city) ? loc : ci.city + loc;
      if (!StartsWith(ci.locality, prov)) ci.locality = prov + ci.locality;
    } else {
      ci.locality = parent ? parent->locality : prov;
    }
    ci.region6 = cs[i].division_code;
  }
  // Division codes for courts without one: a basic court of the same area, else the province prefix.
  for (size_t i = 0; i < cs.size(); ++i) {
    CourtInfo& ci = ctx.courts[i];
    if (ci.region6.size() == 6) continue;
    for (size_t j = 0; j < cs.size() && ci.region6.empty(); ++j)
      if (ctx.courts[j].region == static_cast<int>(i) && cs[j].division_code.size() == 6) ci.region6 = cs[j].division_code;
    if (ci.region6.size() != 6) {
      std::string prefix = ci.province >= 0 ? ref.provinces()[ci.province].division_prefix : "11";
      ci.region6 = (prefix.size() == 2 ? prefix : "11") + "0102";
    }
    if (ci.region < 0) ci.region = static_cast<int>(i);
  }
  for (size_t i = 0; i < cs.size(); ++i) {
    CourtInfo& ci = ctx.courts[i];
    if (ci.region < 0) ci.region = static_cast<int>(i);
    ci.prosecutor = ci.locality + "人民检察院";
    if (cs[i].level == CourtLevel::kBasic && cs[i].kind == "普通") {
      ctx.basic.push_back(static_cast<int>(i));
      ctx.basic_cum.push_back((ctx.basic_cum.empty() ? 0 : ctx.basic_cum.back()) + std::max(0.01, cs[i].size_weight));
    } else if (cs[i].level == CourtLevel::kIntermediate && cs[i].kind == "普通") {
      ctx.intermediate.push_back(static_cast<int>(i));
      ctx.inter_cum.push_back((ctx.inter_cum.empty() ? 0 : ctx.inter_cum.back()) + std::max(0.01, cs[i].size_weight));
    }
  }
  if (ctx.basic.empty()) return Status::FailedPrecondition("reference data has no basic courts of kind 普通");
  if (ctx.intermediate.empty()) ctx.intermediate = ctx.basic, ctx.inter_cum = ctx.basic_cum;

  // Causes.
  const auto& causes = ref.causes();
  std::vector<double> civil_w;
  for (size_t i = 0; i < causes.size(); ++i) {
    const Cause& c = causes[i];
    if (c.weight <= 0) continue;
    if (c.category == "民事") { ctx.civil_causes.push_back(static_cast<int>(i)); civil_w.push_back(c.weight); }
    else if (c.category == "刑事") {
      ctx.criminal_causes.push_back(static_cast<int>(i));
      ctx.criminal_cum.push_back((ctx.criminal_cum.empty() ? 0 : ctx.criminal_cum.back()) + c.weight);
    } else if (c.category == "行政") {
      ctx.admin_causes.push_back(static_cast<int>(i));
      ctx.admin_cum.push_back((ctx.admin_cum.empty() ? 0 : ctx.admin_cum.back()) + c.weight);
    }
  }
  if (ctx.civil_causes.empty()) return Status::FailedPrecondition("reference data has no weighted civil causes");
  // Regional mix: each province scales each cause by a fixed lognormal factor (sd 0.35).
  size_t np = std::max<size_t>(1, ref.provinces().size());
  // Intermediate courts hear the high-value commercial first instances, few family or labour cases.
  std::vector<double> inter_factor;
  for (int i : ctx.civil_causes) {
    const std::string& name = causes[i].name;
    auto has = [&](const char* w) { return name.find(w) != std::string::npos; };
    double f = 1;
    if (has("合同") || has("借款") || has("股权") || has("公司") || has("证券") || has("票据") || has("保险") ||
        has("专利") || has("商标") || has("著作权") || has("破产"))
      f = 4;
    if (has("离婚") || has("婚姻") || has("继承") || has("抚养") || has("赡养") || has("劳动") || has("交通事故") ||
        has("物业") || has("信用卡"))
      f = 0.15;
    inter_factor.push_back(f);
  }
  ctx.civil_cum_by_province.resize(np);
  ctx.civil_cum_inter_by_province.resize(np);
  for (size_t p = 0; p < np; ++p) {
    double acc = 0, acc_inter = 0;
    for (size_t k = 0; k < civil_w.size(); ++k) {
      Rng r = Rng::Derive(options.seed ^ kRegionSalt, p * 100003 + k);
      double w = civil_w[k] * std::exp(r.Normal(0, 0.35));
      acc += w;
      acc_inter += w * inter_factor[k];
      ctx.civil_cum_by_province[p].push_back(acc);
      ctx.civil_cum_inter_by_province[p].push_back(acc_inter);
    }
  }
  auto find = [&](std::initializer_list<const char*> names) {
    for (const char* n : names)
      if (const Cause* c = ref.FindCauseByName(n)) return static_cast<int>(c - causes.data());
    return -1;
  };
  ctx.cause_lending = find({"民间借贷纠纷"});
  ctx.cause_credit_card = find({"信用卡纠纷"});
  ctx.cause_bank_loan = find({"金融借款合同纠纷"});
  ctx.cause_sales = find({"网络购物合同纠纷", "产品责任纠纷", "买卖合同纠纷"});
  ctx.cause_fraud = find({"诈骗罪", "敲诈勒索罪", "非法拘禁罪"});
  if (ctx.cause_lending < 0) {
    for (int i : ctx.civil_causes) if (causes[i].high_risk) { ctx.cause_lending = i; break; }
    if (ctx.cause_lending < 0) ctx.cause_lending = ctx.civil_causes[0];
  }
  if (ctx.cause_sales < 0) ctx.cause_sales = ctx.civil_causes.back();
  if (ctx.cause_fraud < 0 && !ctx.criminal_causes.empty()) ctx.cause_fraud = ctx.criminal_causes[0];

  // National filing calendar with annual growth of 6 %.
  double acc = 0;
  for (Date d = ctx.start; d <= ctx.end; d = d.AddDays(1)) {
    acc += FilingWeight(d) * (1.0 + 0.06 * (d.year() - options.from_year));
    ctx.day_cum.push_back(acc);
  }
  PlanScenarios(&ctx);
  return ctx;
}

void PlaceScripts(GenContext* ctx, uint64_t families_estimate) {
  uint64_t s = ctx->scripts.size();
  ctx->script_stride = s == 0 ? 0 : std::max<uint64_t>(1, families_estimate * 9 / 10 / (s + 1));
}

}  // namespace tianping::gen
