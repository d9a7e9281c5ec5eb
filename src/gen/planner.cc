#include "planner.h"

#include <algorithm>
#include <cmath>
#include <functional>

#include <fmt/format.h>

#include "calendar.h"
#include "people.h"
#include "tianping/model/id_number.h"

namespace tianping::gen {
namespace {

constexpr uint64_t kPlanStream = 0xA11CE5EEDULL;

Date Workday(Date d) {
  while (d.weekday() >= 5 || IsHoliday(d)) d = d.AddDays(1);
  return d;
}

int Count(double per_100k, uint64_t cases, int minimum) {
  return std::max(minimum, static_cast<int>(std::llround(per_100k * static_cast<double>(cases) / 100000.0)));
}

Fen Yuan(int64_t y) { return y * 100; }

// Top basic courts by size weight, in a stable order.
std::vector<int> TopBasic(const GenContext& ctx, size_t n) {
  std::vector<int> v = ctx.basic;
  std::stable_sort(v.begin(), v.end(), [&](int a, int b) {
    return ctx.courts[a].court->size_weight > ctx.courts[b].court->size_weight;
  });
  if (v.size() > n) v.resize(n);
  return v;
}

std::vector<int> BasicChildren(const GenContext& ctx, int region) {
  std::vector<int> v;
  for (int b : ctx.basic) if (ctx.courts[b].region == region) v.push_back(b);
  return v;
}

void BuildCourtCalendar(GenContext* ctx, int court, const std::function<double(Date)>& factor) {
  std::vector<double> cum;
  cum.reserve(ctx->day_cum.size());
  double prev = 0, acc = 0;
  size_t i = 0;
  for (Date d = ctx->start; d <= ctx->end; d = d.AddDays(1), ++i) {
    double w = ctx->day_cum[i] - prev;
    prev = ctx->day_cum[i];
    acc += w * factor(d);
    cum.push_back(acc);
  }
  ctx->court_day_cum[court] = std::move(cum);
}

class Planner {
 public:
  explicit Planner(GenContext* ctx) : ctx_(*ctx), rng_(Rng::Derive(ctx->options.seed, kPlanStream)) {}

  void Run() {
    PlanCalendars();
    PlanOutliers();
    const auto& o = ctx_.options;
    int rings = Count(o.rings_per_100k, o.cases, 3);
    for (int i = 0; i < rings; ++i) PlanRing(i);
    int abusers = Count(o.abusive_per_100k, o.cases, 2);
    for (int i = 0; i < abusers; ++i) { PlanRefile(); PlanResue(); PlanBatch(); }
    int lenders = Count(o.lenders_per_100k, o.cases, 1);
    static const char* kVariants[] = {"L5", "L5-criminal", "L4", "L3", "L2", "L1"};
    for (int i = 0; i < lenders; ++i)
      for (const char* v : kVariants) PlanLender(v);
  }

 private:
  int Years() const { return ctx_.options.to_year - ctx_.options.from_year + 1; }
  // A year with room after it for derived proceedings (all but the last when there are several).
  int EarlyYear() {
    return static_cast<int>(rng_.Range(ctx_.options.from_year, std::max(ctx_.options.from_year, ctx_.options.to_year - 1)));
  }
  Date DayIn(int year, int from_doy, int to_doy) {
    return Workday(Date::FromYmd(year, 1, 1).AddDays(static_cast<int>(rng_.Range(from_doy, to_doy))));
  }
  Party Person(int court, Date on) {
    const CourtInfo& ci = ctx_.courts[court];
    return RandomPerson(rng_, ci.locality, ci.region6, on);
  }
  Party Company(int court) {
    const CourtInfo& ci = ctx_.courts[court];
    return RandomCompany(rng_, ci.city, ci.locality, ci.region6);
  }
  Agent Lawyer(int court) { return ctx_.Lawyer(court, rng_.Range(0, 5000)); }

  void PlanCalendars() {
    auto top = TopBasic(ctx_, 12);
    size_t next = 0;
    if (Years() >= 2) {
      for (int i = 0; i < ctx_.options.deviation_courts && next < top.size(); ++i) {
        DeviationTruth d{top[next++], {}, 0.3 + 0.1 * rng_.Uniform(), 1.7 + 0.4 * rng_.Uniform()};
        for (int y = ctx_.options.from_year; y < ctx_.options.to_year; ++y)
          if (rng_.Chance(0.5) || d.years.empty() && y == ctx_.options.to_year - 1) d.years.push_back(y);
        auto years = d.years;
        double dec = d.december_factor, jan = d.january_factor;
        BuildCourtCalendar(&ctx_, d.court, [years, dec, jan](Date x) {
          for (int y : years) {
            if (x.year() == y && x.month() == 12) return x.day() > 15 ? dec * 0.5 : dec * 1.5;
            if (x.year() == y + 1 && x.month() == 1) return jan;
          }
          return 1.0;
        });
        ctx_.deviations.push_back(std::move(d));
      }
    }
    for (int i = 0; i < ctx_.options.surge_courts && next < top.size(); ++i) {
      SurgeTruth s{top[next++], static_cast<int>(rng_.Range(ctx_.options.from_year, ctx_.options.to_year)),
                   static_cast<int>(rng_.Range(2, 9)), 3, 2.5 + rng_.Uniform()};
      BuildCourtCalendar(&ctx_, s.court, [s](Date x) {
        return x.year() == s.year && x.month() >= s.month && x.month() < s.month + s.months ? s.factor : 1.0;
      });
      ctx_.surges.push_back(s);
    }
  }

  void PlanOutliers() {
    auto top = TopBasic(ctx_, 20);
    static const char* kMethods[] = {"撤诉", "调解", "驳回起诉"};
    for (int i = 0; i < ctx_.options.outlier_judges && !top.empty(); ++i) {
      int court = top[(i * 3 + 1) % top.size()];
      int judge = static_cast<int>(rng_.Range(0, ctx_.courts[court].judges - 1));
      int64_t key = static_cast<int64_t>(court) * 4096 + judge;
      if (ctx_.outlier_index.count(key)) continue;
      ctx_.outlier_index[key] = static_cast<int>(ctx_.outliers.size());
      ctx_.outliers.push_back({court, judge, kMethods[i % 3], 3.5});
    }
  }

  void PlanRing(int index) {
    int court = ctx_.SampleBasicCourt(rng_);
    int year = EarlyYear();
    RingTruth t;
    t.id = fmt::format("FL{:04d}", index + 1);
    t.court = court;
    Date d0 = DayIn(year, 0, Years() >= 2 ? 200 : 60);
    t.debtor = Person(court, d0);
    t.creditor = rng_.Chance(0.5) ? Company(court) : Person(court, d0);
    int n = static_cast<int>(rng_.Range(2, 4));  // ring plaintiffs (+ the debtor = 3–5 linked parties)
    Agent shared = Lawyer(court);
    std::string surname = t.debtor.name.substr(0, 3);
    for (int k = 0; k < n; ++k) {
      Party p = Person(court, d0);
      if (k % 3 == 0) {  // relative: same surname, same address
        bool male = false;
        p.name = surname + RandomGivenName(rng_, male = rng_.Chance(0.5));
        p.gender = male ? "男" : "女";
        p.id_number = MakeIdNumberLike(p, male);
        p.address = t.debtor.address;
      } else if (k % 3 == 1) {  // shares the debtor's phone
        p.phone = t.debtor.phone;
      } else {
        p.address = t.debtor.address;
      }
      p.agents = {shared};
      t.members.push_back(p);
    }
    t.links = {"same_surname_address", "same_phone", "same_agent"};
    if (n >= 3) t.links.push_back("same_address");
    t.features = {"quick_mediation", "full_admission", "debtor_pending_execution", "linked_execution_objection",
                  "high_risk_cause", "cash_delivery"};
    int ti = static_cast<int>(ctx_.rings.size());
    // The real creditor's suit against the debtor, its execution and the ring's 案外人执行异议.
    Script cr;
    cr.kind = Script::Kind::kRingCreditor;
    cr.entity = ti;
    cr.court = court;
    cr.cause = ctx_.SampleCause(rng_, CaseType::kMinChu, court);
    cr.procedure = "普通程序";
    cr.filed = d0;
    cr.duration = static_cast<int>(rng_.Range(60, 110));
    cr.closure = "判决";
    cr.plaintiffs = {t.creditor};
    cr.defendants = {t.debtor};
    cr.claim = Yuan(rng_.Range(200, 2000) * 1000);
    cr.execution = true;
    cr.execution_delay = static_cast<int>(rng_.Range(20, 40));
    cr.objection = true;
    cr.objector = t.members.back();
    cr.objector.agents = {shared};
    cr.objection_delay = static_cast<int>(rng_.Range(40, 90));
    Date ring_start = cr.filed.AddDays(cr.duration + 10);
    ctx_.scripts.push_back(cr);
    for (int k = 0; k < n; ++k) {
      Script s;
      s.kind = Script::Kind::kRingSuit;
      s.entity = ti;
      s.court = court;
      s.cause = ctx_.cause_lending;
      s.procedure = "简易程序";
      s.filed = Workday(ring_start.AddDays(static_cast<int>(rng_.Range(0, 30))));
      s.duration = static_cast<int>(rng_.Range(7, 15));
      s.closure = "调解";
      s.plaintiffs = {t.members[k]};
      s.defendants = {t.debtor};
      s.claim = Yuan(rng_.Range(300, 3000) * 1000);
      s.execution = true;
      s.execution_delay = static_cast<int>(rng_.Range(15, 30));
      s.execution_closure = "终结本次执行程序";
      s.doc_features = {
          fmt::format("被告{}对原告主张的借款事实及金额均予以认可，表示无异议。", t.debtor.name),
          "原告称借款系以现金方式一次性交付，未提供银行转账记录。", "双方当事人于立案后即共同申请调解。"};
      ctx_.scripts.push_back(s);
    }
    ctx_.rings.push_back(std::move(t));
  }

  // A person with a fresh valid ID consistent with gender and birth date.
  std::string MakeIdNumberLike(const Party& p, bool male);

  AbuseTruth NewAbuser(const char* pattern, int court) {
    AbuseTruth a;
    a.id = fmt::format("AB{:04d}", static_cast<int>(ctx_.abusers.size()) + 1);
    a.pattern = pattern;
    a.litigant = Person(court, ctx_.start);
    return a;
  }

  void PlanRefile() {
    int court = ctx_.SampleBasicCourt(rng_);
    AbuseTruth a = NewAbuser("withdraw_refile", court);
    a.courts = {court};
    Party def = Company(court);
    int cause = ctx_.SampleCause(rng_, CaseType::kMinChu, court);
    Date d = DayIn(EarlyYear(), 0, 120);
    int k = static_cast<int>(rng_.Range(3, 4));
    Fen claim = Yuan(rng_.Range(5, 80) * 1000);
    for (int i = 0; i < k; ++i) {
      Script s;
      s.kind = Script::Kind::kAbuseRefile;
      s.entity = static_cast<int>(ctx_.abusers.size());
      s.court = court;
      s.cause = cause;
      s.procedure = "简易程序";
      s.filed = d;
      s.duration = static_cast<int>(rng_.Range(20, 50));
      s.closure = i + 1 < k ? "撤诉" : "判决";
      s.plaintiff_wins = false;
      s.plaintiffs = {a.litigant};
      s.defendants = {def};
      s.claim = claim;
      ctx_.scripts.push_back(s);
      d = Workday(d.AddDays(s.duration + static_cast<int>(rng_.Range(7, 30))));
    }
    ctx_.abusers.push_back(std::move(a));
  }

  void PlanResue() {
    int court = ctx_.SampleBasicCourt(rng_);
    AbuseTruth a = NewAbuser("resue_after_judgment", court);
    a.courts = {court};
    Party def = Person(court, ctx_.start);
    int cause = ctx_.SampleCause(rng_, CaseType::kMinChu, court);
    Fen claim = Yuan(rng_.Range(10, 300) * 1000);
    Date d = DayIn(EarlyYear(), 0, 100);
    for (int i = 0; i < 2; ++i) {
      Script s;
      s.kind = Script::Kind::kAbuseResue;
      s.entity = static_cast<int>(ctx_.abusers.size());
      s.court = court;
      s.cause = cause;
      s.procedure = i == 0 ? "普通程序" : "简易程序";
      s.filed = d;
      s.duration = i == 0 ? static_cast<int>(rng_.Range(60, 120)) : static_cast<int>(rng_.Range(15, 40));
      s.closure = i == 0 ? "判决" : "驳回起诉";
      s.plaintiff_wins = false;
      s.plaintiffs = {a.litigant};
      s.defendants = {def};
      s.claim = claim;
      ctx_.scripts.push_back(s);
      d = Workday(d.AddDays(s.duration + 15 + static_cast<int>(rng_.Range(30, 120))));
    }
    ctx_.abusers.push_back(std::move(a));
  }

  void PlanBatch() {
    int home = ctx_.SampleBasicCourt(rng_);
    AbuseTruth a = NewAbuser("batch_complaints", home);
    int ncourts = static_cast<int>(rng_.Range(3, 4));
    for (int i = 0; i < ncourts; ++i) {
      int c = ctx_.SampleBasicCourt(rng_);
      if (std::find(a.courts.begin(), a.courts.end(), c) == a.courts.end()) a.courts.push_back(c);
    }
    Date d = DayIn(static_cast<int>(rng_.Range(ctx_.options.from_year, ctx_.options.to_year)), 0, 300);
    int suits = static_cast<int>(rng_.Range(6, 10));
    static const char* kClosures[] = {"撤诉", "撤诉", "调解", "判决", "撤诉", "调解", "判决"};
    for (int i = 0; i < suits; ++i) {
      int court = a.courts[i % a.courts.size()];
      Script s;
      s.kind = Script::Kind::kAbuseBatch;
      s.entity = static_cast<int>(ctx_.abusers.size());
      s.court = court;
      s.cause = ctx_.cause_sales;
      s.procedure = "小额诉讼程序";
      s.filed = Workday(d.AddDays(static_cast<int>(rng_.Range(0, 30))));
      s.duration = static_cast<int>(rng_.Range(15, 45));
      s.closure = kClosures[rng_.Range(0, 6)];
      s.plaintiff_wins = rng_.Chance(0.4);
      s.plaintiffs = {a.litigant};
      s.defendants = {Company(court)};
      s.claim = Yuan(rng_.Range(1, 50) * 1000);
      s.doc_features = {
          "原告诉称：原告在被告处购买的商品标签不符合食品安全国家标准，依据《中华人民共和国食品安全法》"
          "第一百四十八条之规定，请求判令被告退还货款并支付价款十倍的赔偿金。"};
      ctx_.scripts.push_back(s);
    }
    ctx_.abusers.push_back(std::move(a));
  }

  void PlanLender(const std::string& variant) {
    int region = ctx_.SampleIntermediateCourt(rng_);
    auto children = BasicChildren(ctx_, region);
    if (children.empty()) { children = {ctx_.SampleBasicCourt(rng_)}; region = ctx_.courts[children[0]].region; }
    LenderTruth t;
    t.id = fmt::format("PL{:04d}", static_cast<int>(ctx_.lenders.size()) + 1);
    t.level = variant == "L5-criminal" ? "L5" : variant;
    t.region = region;
    t.year = EarlyYear();
    int court0 = children[rng_.Range(0, children.size() - 1)];
    Party lender = Person(court0, ctx_.start);
    t.plaintiffs = {lender};
    if (rng_.Chance(0.5)) {  // linked plaintiff: a relative at the same address, or his company
      Party linked;
      if (rng_.Chance(0.5)) {
        linked = Person(court0, ctx_.start);
        linked.name = lender.name.substr(0, 3) + RandomGivenName(rng_, linked.gender == "男");
        linked.address = lender.address;
      } else {
        linked = Company(court0);
        linked.legal_representative = lender.name;
      }
      t.plaintiffs.push_back(linked);
    }
    int suits = 0;
    int64_t lo = 50, hi = 150;  // thousand yuan
    int nfeatures = 0;
    if (variant == "L5") { suits = static_cast<int>(rng_.Range(5, 8)); lo = 200; hi = 400; nfeatures = static_cast<int>(rng_.Range(2, 3)); }
    else if (variant == "L5-criminal") { suits = static_cast<int>(rng_.Range(2, 3)); nfeatures = 1; }
    else if (variant == "L4") { suits = static_cast<int>(rng_.Range(5, 7)); lo = 200; hi = 400; }
    else if (variant == "L3") { suits = 3; lo = 30; hi = 100; nfeatures = 2; }
    else if (variant == "L2") { suits = 3; lo = 30; hi = 100; }
    else { suits = 1; nfeatures = 1; }
    static const char* kFeatures[] = {"uniform_iou", "cash_delivery", "interest_deducted", "plaintiff_absent",
                                      "not_real_lender"};
    std::vector<int> order = {0, 1, 2, 3, 4};
    for (int i = 4; i > 0; --i) std::swap(order[i], order[rng_.Range(0, i)]);
    for (int i = 0; i < nfeatures; ++i) t.features.push_back(kFeatures[order[i]]);
    Party third = Person(court0, ctx_.start);
    Date last;
    int ti = static_cast<int>(ctx_.lenders.size());
    for (int i = 0; i < suits; ++i) {
      Script s;
      s.kind = Script::Kind::kLenderSuit;
      s.entity = ti;
      s.court = children[rng_.Range(0, children.size() - 1)];
      s.cause = ctx_.cause_lending;
      s.procedure = "简易程序";
      s.filed = DayIn(t.year, 10, 330);
      s.duration = static_cast<int>(rng_.Range(40, 110));
      // Feature wording lives in the judgment's facts, so suits carrying features are judged.
      s.closure = !t.features.empty() || rng_.Chance(0.75) ? "判决" : "调解";
      const Party& plaintiff = t.plaintiffs[i % t.plaintiffs.size()];
      s.plaintiffs = {plaintiff};
      s.defendants = {Person(s.court, s.filed)};
      s.claim = Yuan(rng_.Range(lo, hi) * 1000);
      t.total += s.claim;
      for (const auto& f : t.features) {
        if (f == "not_real_lender")
          s.doc_features.push_back(fmt::format("被告辩称，原告并非实际出借人，借款系由案外人{}交付，原告要求被告向{}还款。",
                                               third.name, third.name));
        else
          s.lender_features.push_back(f);  // worded by RenderDocument
      }
      s.execution = rng_.Chance(0.3);
      s.execution_closure = "执行完毕";
      if (s.filed > last) last = s.filed;
      ctx_.scripts.push_back(s);
    }
    t.suits = suits;
    if (variant == "L5-criminal") {
      Script s;
      s.kind = Script::Kind::kLenderCrime;
      s.entity = ti;
      s.court = children[rng_.Range(0, children.size() - 1)];
      s.type = CaseType::kXingChu;
      s.cause = ctx_.cause_fraud;
      s.procedure = "普通程序";
      s.filed = Workday(last.AddDays(static_cast<int>(rng_.Range(120, 200))));
      s.duration = static_cast<int>(rng_.Range(40, 55));
      s.closure = "判决";
      s.defendants = {lender, Person(s.court, s.filed)};
      ctx_.scripts.push_back(s);
      t.reason = "linked to a criminal 套路贷 case";
    } else if (t.level == "L5") {
      t.reason = "count threshold and at least two features";
    } else if (t.level == "L4") {
      t.reason = "count threshold (>= 5 suits totalling >= 1,000,000 yuan in one intermediate region within a year)";
    } else if (t.level == "L3") {
      t.reason = "half the count threshold and at least two features";
    } else if (t.level == "L2") {
      t.reason = "half the count threshold";
    } else {
      t.reason = "one feature";
    }
    ctx_.lenders.push_back(std::move(t));
  }

  GenContext& ctx_;
  Rng rng_;
};

std::string Planner::MakeIdNumberLike(const Party& p, bool male) {
  std::string region = p.id_number.substr(0, 6);
  int seq = static_cast<int>(rng_.Range(0, 499)) * 2 + (male ? 1 : 0);
  return MakeIdNumber(region, *p.birth_date, seq);
}

}  // namespace

void PlanScenarios(GenContext* ctx) { Planner(ctx).Run(); }

}  // namespace tianping::gen
