// PlanFamily: the structural skeleton of a family. Shares and bands: docs/generator.md.
#include <algorithm>
#include <cmath>

#include "calendar.h"
#include "family.h"

namespace tianping::gen {
namespace {

struct Choice { const char* name; double weight; };

constexpr Choice kCivilFirst[] = {{"判决", 35}, {"调解", 22}, {"撤诉", 30}, {"驳回起诉", 5}, {"移送", 2}, {"其他", 6}};
constexpr Choice kCriminalFirst[] = {{"判决", 96}, {"撤诉", 1.5}, {"终止审理", 1}, {"其他", 1.5}};
constexpr Choice kAdminFirst[] = {{"判决", 40}, {"驳回起诉", 25}, {"撤诉", 30}, {"其他", 5}};
constexpr Choice kCivilAppeal[] = {{"维持", 75}, {"改判", 10}, {"发回重审", 3}, {"撤诉", 8}, {"调解", 4}};
constexpr Choice kCriminalAppeal[] = {{"维持", 80}, {"改判", 12}, {"发回重审", 5}, {"撤诉", 3}};
constexpr Choice kAdminAppeal[] = {{"维持", 85}, {"改判", 6}, {"发回重审", 4}, {"撤诉", 5}};
constexpr Choice kRetrialReview[] = {{"驳回再审申请", 78}, {"裁定再审", 15}, {"撤回再审申请", 7}};
constexpr Choice kRetrial[] = {{"维持", 40}, {"改判", 40}, {"发回重审", 20}};
constexpr Choice kExecution[] = {{"执行完毕", 35}, {"终结本次执行程序", 40}, {"终结执行", 8}, {"执行和解", 12},
                                 {"不予执行", 5}};
constexpr Choice kObjection[] = {{"驳回异议", 70}, {"异议成立", 20}, {"撤回异议", 10}};

template <size_t N>
const char* Pick(Rng& rng, const Choice (&c)[N], const char* boost = nullptr, double factor = 1) {
  double w[N];
  for (size_t i = 0; i < N; ++i) w[i] = c[i].weight * (boost && std::string_view(c[i].name) == boost ? factor : 1);
  return c[rng.Weighted(std::span<const double>(w, N))].name;
}

Date Workday(Date d) {
  while (d.weekday() >= 5 || IsHoliday(d)) d = d.AddDays(1);
  return d;
}

class Planner {
 public:
  Planner(const GenContext& ctx, uint64_t family, FamilyPlan* plan)
      : ctx_(ctx), rng_(Rng::Derive(ctx.options.seed, family * 2)), plan_(*plan) {}

  void Plan(const Script* s) {
    plan_.members.clear();
    plan_.script = s;
    MemberPlan root;
    if (s) {
      root.type = s->type;
      root.court = s->court;
      root.cause = s->cause;
      root.filed = s->filed;
      root.procedure = s->procedure.empty() ? "简易程序" : s->procedure.c_str();
    } else {
      double r = rng_.Uniform();
      root.type = r < 0.82 ? CaseType::kMinChu : r < 0.95 ? CaseType::kXingChu : CaseType::kXingZhengChu;
      bool inter = root.type == CaseType::kMinChu && rng_.Chance(0.04);
      root.court = inter ? ctx_.SampleIntermediateCourt(rng_) : ctx_.SampleBasicCourt(rng_);
      root.filed = ctx_.SampleFiledDate(rng_, root.court);
      root.cause = ctx_.SampleCause(rng_, root.type, root.court);
      root.procedure = FirstProcedure(root.type, inter);
    }
    SetLimit(&root);
    Staff(&root);
    Received(&root);
    if (s) {
      root.closure = s->closure.c_str();
      root.plaintiff_wins = s->plaintiff_wins;
      CloseAfter(&root, s->duration);
    } else {
      const char* boost = nullptr;
      double factor = 1;
      auto it = ctx_.outlier_index.find(static_cast<int64_t>(root.court) * 4096 + root.judge);
      if (it != ctx_.outlier_index.end() && root.type == CaseType::kMinChu) {
        boost = ctx_.outliers[it->second].method.c_str();
        factor = ctx_.outliers[it->second].boost;
      }
      root.closure = root.type == CaseType::kMinChu      ? Pick(rng_, kCivilFirst, boost, factor)
                     : root.type == CaseType::kXingChu ? Pick(rng_, kCriminalFirst)
                                                       : Pick(rng_, kAdminFirst);
      root.plaintiff_wins = rng_.Chance(0.8);
      if (rng_.Chance(ctx_.options.stalled_rate) && root.filed.AddDays(root.limit + 60) < ctx_.end) {
        root.stalled = true;
        root.closure = "";
      } else {
        CloseRandom(&root);
      }
    }
    root.payment = root.type == CaseType::kMinChu && root.closed &&
                   ((std::string_view(root.closure) == "判决" && root.plaintiff_wins) ||
                    std::string_view(root.closure) == "调解");
    plan_.members.push_back(root);
    if (s) { Scripted(*s); return; }
    Derive(0);
  }

 private:
  const char* FirstProcedure(CaseType t, bool inter) {
    double r = rng_.Uniform();
    if (t == CaseType::kMinChu) return inter ? "普通程序" : r < 0.12 ? "小额诉讼程序" : r < 0.70 ? "简易程序" : "普通程序";
    if (t == CaseType::kXingChu) return r < 0.25 ? "速裁程序" : r < 0.65 ? "简易程序" : "普通程序";
    return r < 0.15 ? "简易程序" : "普通程序";
  }

  void SetLimit(MemberPlan* m) {
    const char* cat = TypeCategory(m->type);
    m->limit = ctx_.ref->StatutoryLimitDays(m->procedure, cat);
    if (m->limit <= 0) m->limit = ctx_.ref->StatutoryLimitDays(m->procedure, "*");
    if (m->limit <= 0) m->limit = 180;
  }

  void Staff(MemberPlan* m) {
    int n = ctx_.courts[m->court].judges;
    m->judge = static_cast<int>(rng_.Range(0, n - 1));
    // Outlier judges carry a heavier civil load so their deviation is visible at demo sizes.
    if (m->type == CaseType::kMinChu && m->parent < 0 && rng_.Chance(0.06)) {
      for (const auto& o : ctx_.outliers)
        if (o.court == m->court) { m->judge = o.judge; break; }
    }
    m->clerk = static_cast<int>(rng_.Range(0, n - 1));
    std::string_view p = m->procedure;
    m->collegial = p == "普通程序" || p == "二审" || p == "再审" || p == "再审审查";
    if (m->collegial) {
      m->panel[0] = m->judge;
      m->panel[1] = (m->judge + 1 + static_cast<int>(rng_.Range(0, n - 2))) % n;
      m->panel[2] = (m->panel[1] + 1) % n == m->judge ? (m->panel[1] + 2) % n : (m->panel[1] + 1) % n;
    }
  }

  void Received(MemberPlan* m) {
    double r = rng_.Uniform();
    int lag = r < 0.35 ? 0 : r < 0.55 ? 1 : r < 0.67 ? 2 : r < 0.77 ? 3 : static_cast<int>(rng_.Range(4, 7));
    if (rng_.Chance(0.04)) {
      lag = static_cast<int>(rng_.Range(8, 40));
      m->correction = rng_.Chance(0.5);
    }
    // 年底不立案: materials received in December, filed in January.
    if (m->filed.month() == 1 && m->filed.day() <= 20) {
      for (const auto& d : ctx_.deviations) {
        if (d.court != m->court) continue;
        for (int y : d.years)
          if (y + 1 == m->filed.year() && rng_.Chance(0.6)) {
            lag = m->filed.day() + static_cast<int>(rng_.Range(1, 25));
            m->correction = false;
          }
      }
    }
    m->received = m->filed.AddDays(-lag);
  }

  // Duration as a share of the limit; extensions, exclusions, overruns; the December closing push.
  void CloseRandom(MemberPlan* m) {
    std::string_view c = m->closure;
    double median = c == "撤诉" || c == "调解" || c == "移送" ? 0.3 : c == "终结本次执行程序" ? 0.8 : 0.5;
    double f = std::exp(rng_.Normal(std::log(median), 0.5));
    int days = std::max(1, static_cast<int>(f * m->limit));
    if (rng_.Chance(0.05) && m->type != CaseType::kXingChu) {
      m->excluded = static_cast<int>(rng_.Range(30, 90));  // 公告, 鉴定
      days += m->excluded;
    }
    if (days > m->limit + m->excluded) {
      const TimeLimit* tl = nullptr;
      for (const auto& t : ctx_.ref->time_limits())
        if (t.procedure == m->procedure && (t.category == TypeCategory(m->type) || t.category == "*")) { tl = &t; break; }
      int max_ext = tl ? tl->max_extension_months * 30 : 0;
      if (max_ext > 0 && rng_.Chance(0.8)) m->extension = std::min(max_ext, ((days - m->limit - m->excluded) / 30 + 1) * 30);
    }
    CloseAfter(m, days);
  }

  void CloseAfter(MemberPlan* m, int days) {
    Date closed = m->filed.AddDays(std::max(1, days));
    // Year-end push: some closures due in early January are brought forward into late December.
    if (closed.month() == 1 && closed.day() <= 31 && rng_.Chance(0.3)) {
      Date dec = Date::FromYmd(closed.year() - 1, 12, static_cast<int>(rng_.Range(15, 31)));
      if (dec > m->filed) closed = dec;
    }
    closed = ToWorkingDay(closed, m->filed);
    if (closed > ctx_.end) { m->closed.reset(); m->closure = ""; m->extension = 0; return; }
    m->closed = closed;
  }

  // Adds a derived member; returns its index or -1 when it would be filed after the end date.
  int Add(int parent, CaseType type, int court, const char* relation, const char* procedure, Date filed) {
    filed = Workday(filed);
    if (filed > ctx_.end || court < 0) return -1;
    MemberPlan m;
    m.type = type;
    m.court = court;
    m.cause = plan_.members[parent].cause;
    m.parent = parent;
    m.relation = relation;
    m.procedure = procedure;
    m.filed = filed;
    m.plaintiff_wins = plan_.members[parent].plaintiff_wins;
    SetLimit(&m);
    Staff(&m);
    Received(&m);
    plan_.members.push_back(m);
    return static_cast<int>(plan_.members.size()) - 1;
  }

  MemberPlan& M(int i) { return plan_.members[i]; }

  void Derive(int root) {
    CaseType t = M(root).type;
    if (!M(root).closed) return;
    std::string_view c = M(root).closure;
    int effective = -1;
    Date effective_date;
    bool judged = c == "判决" || c == "驳回起诉";
    double appeal_p = t == CaseType::kMinChu ? (c == "判决" ? 0.28 : c == "驳回起诉" ? 0.15 : 0)
                      : t == CaseType::kXingChu ? (c == "判决" ? 0.12 : 0)
                                                : (judged ? 0.45 : 0);
    if (judged || c == "调解") { effective = root; effective_date = M(root).closed->AddDays(16); }
    if (rng_.Chance(appeal_p)) {
      CaseType at = t == CaseType::kMinChu ? CaseType::kMinZhong : t == CaseType::kXingChu ? CaseType::kXingZhong : CaseType::kXingZhengZhong;
      int a = Add(root, at, ctx_.courts[M(root).court].parent, "上诉", "二审",
                  M(root).closed->AddDays(static_cast<int>(rng_.Range(20, 45))));
      if (a < 0) return;
      M(a).closure = t == CaseType::kMinChu ? Pick(rng_, kCivilAppeal) : t == CaseType::kXingChu ? Pick(rng_, kCriminalAppeal) : Pick(rng_, kAdminAppeal);
      CloseRandom(&M(a));
      if (!M(a).closed) return;
      std::string_view ac = M(a).closure;
      if (ac == "改判") M(a).plaintiff_wins = !M(root).plaintiff_wins;
      if (ac == "发回重审") {
        int r = Add(a, t, M(root).court, "重审", "普通程序", M(a).closed->AddDays(static_cast<int>(rng_.Range(10, 40))));
        if (r < 0) return;
        // Mediation ends only civil cases (a criminal or administrative 调解 would have no document kind).
        bool civil = t == CaseType::kMinChu;
        M(r).closure = rng_.Chance(0.8) ? "判决" : rng_.Chance(0.5) ? (civil ? "调解" : "判决") : "撤诉";
        CloseRandom(&M(r));
        if (!M(r).closed) return;
        effective = std::string_view(M(r).closure) == "撤诉" ? -1 : r;
        if (effective >= 0) effective_date = M(r).closed->AddDays(16);
      } else if (ac == "撤诉") {
        // 撤回上诉: the first-instance decision stands.
        effective_date = *M(a).closed;
      } else {
        effective = a;
        effective_date = *M(a).closed;
      }
    }
    if (effective < 0 || t != CaseType::kMinChu) return;
    MemberPlan& eff = M(effective);
    eff.payment = eff.closed && (std::string_view(eff.closure) == "调解" ||
                                 (eff.plaintiff_wins && std::string_view(eff.closure) != "驳回起诉"));
    // Retrial review at the court above the effective decision.
    if (rng_.Chance(0.025)) {
      int court = ctx_.courts[eff.court].parent;
      int rv = Add(effective, CaseType::kMinShen, court, "再审审查", "再审审查",
                   effective_date.AddDays(static_cast<int>(rng_.Range(60, 360))));
      if (rv >= 0) {
        M(rv).closure = Pick(rng_, kRetrialReview);
        CloseRandom(&M(rv));
        if (M(rv).closed && std::string_view(M(rv).closure) == "裁定再审") {
          int re = Add(rv, CaseType::kMinZai, court, "再审", "再审", M(rv).closed->AddDays(static_cast<int>(rng_.Range(5, 30))));
          if (re >= 0) { M(re).closure = Pick(rng_, kRetrial); CloseRandom(&M(re)); }
        }
      }
    }
    if (M(effective).payment && rng_.Chance(std::string_view(M(effective).closure) == "调解" ? 0.5 : 0.6)) {
      AddExecution(effective, effective_date.AddDays(static_cast<int>(rng_.Range(15, 240))), nullptr, false);
    }
  }

  int AddExecution(int from, Date filed, const char* forced_closure, bool pending) {
    int e = Add(from, CaseType::kZhi, M(0).court, "执行", "执行", filed);
    if (e < 0) return -1;
    M(e).payment = true;
    if (pending) return e;
    M(e).closure = forced_closure ? forced_closure : Pick(rng_, kExecution);
    CloseRandom(&M(e));
    if (rng_.Chance(0.04)) AddObjection(e, nullptr);
    return e;
  }

  void AddObjection(int e, const Script* s) {
    Date filed = M(e).filed.AddDays(s ? s->objection_delay : static_cast<int>(rng_.Range(20, 120)));
    if (M(e).closed && filed >= *M(e).closed) return;
    int o = Add(e, CaseType::kZhiYi, M(e).court, "执行异议", "执行异议", filed);
    if (o < 0) return;
    M(o).objection_by_script = s != nullptr;
    M(o).closure = Pick(rng_, kObjection);
    CloseAfter(&M(o), static_cast<int>(rng_.Range(10, 30)));
  }

  void Scripted(const Script& s) {
    if (!M(0).closed || !s.execution) return;
    Date eff = M(0).closed->AddDays(std::string_view(s.closure) == "调解" ? 1 : 16);
    M(0).payment = true;
    const char* closure = s.execution_closure.empty() ? nullptr : s.execution_closure.c_str();
    int e = Add(0, CaseType::kZhi, M(0).court, "执行", "执行", eff.AddDays(s.execution_delay));
    if (e < 0) return;
    M(e).payment = true;
    if (closure) {
      M(e).closure = closure;
      CloseAfter(&M(e), s.execution_duration);
    }
    if (s.objection) AddObjection(e, &s);
  }

  const GenContext& ctx_;
  Rng rng_;
  FamilyPlan& plan_;
};

}  // namespace

void PlanFamily(const GenContext& ctx, uint64_t family, FamilyPlan* plan) {
  Planner p(ctx, family, plan);
  p.Plan(ctx.ScriptFor(family));
}

}  // namespace tianping::gen
