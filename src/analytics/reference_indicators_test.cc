// Cross-check: an independent, plain implementation of every built-in indicator — straight loops over
// parsed Case structs, written from domain.md §1 and docs/indicators.md, sharing no code with the engine
// (no CaseFrame, no expressions) — must agree exactly with the engine on numerators and denominators,
// by province × month over a generated dataset.
#include <gtest/gtest.h>

#include <array>
#include <cmath>
#include <filesystem>
#include <functional>
#include <map>
#include <set>
#include <unordered_map>

#include "tianping/analytics/engine.h"
#include "tianping/gen/generator.h"
#include "tianping/model/case_json.h"
#include "tianping/model/case_type_table.h"
#include "tianping/model/jsonl_reader.h"

namespace tianping::analytics {
namespace {

struct Plain {
  const std::vector<Case>& cases;
  const ReferenceData& ref;
  std::unordered_map<std::string, const Case*> by_id;
  std::unordered_map<std::string, std::vector<const Case*>> children;

  Plain(const std::vector<Case>& cs, const ReferenceData& r) : cases(cs), ref(r) {
    for (const auto& c : cases) by_id[c.case_id] = &c;
    for (const auto& c : cases)
      if (c.derived_from && by_id.count(c.derived_from->case_id) && c.derived_from->case_id != c.case_id)
        children[c.derived_from->case_id].push_back(&c);
  }
  static std::string Stage(const Case& c) {
    const CaseType* t = CaseTypeTable::Default().Find(c.type_code);
    return t ? t->stage : "";
  }
  const Case* Parent(const Case& c) const {
    if (!c.derived_from) return nullptr;
    auto it = by_id.find(c.derived_from->case_id);
    return it == by_id.end() || it->second == &c ? nullptr : it->second;
  }
  const Case* Root(const Case& c) const {
    const Case* r = &c;
    for (int i = 0; i < 1000; ++i) {
      const Case* p = Parent(*r);
      if (!p) return Stage(*r) == "一审" ? r : nullptr;
      r = p;
    }
    return nullptr;
  }
  bool HasChild(const Case& c, std::initializer_list<const char*> relations) const {
    auto it = children.find(c.case_id);
    if (it == children.end()) return false;
    for (const Case* k : it->second)
      for (const char* r : relations)
        if (k->derived_from->relation == r) return true;
    return false;
  }
  std::optional<Date> Effective(const Case& c) const {
    if (!c.closed_date) return std::nullopt;
    std::string st = Stage(c), m = c.closure_method;
    bool decided = m == "判决" || m == "调解" || m == "驳回起诉";
    if (st == "一审" && decided) {
      if (!HasChild(c, {"上诉"})) return c.closed_date;
      std::optional<Date> out;
      for (const Case* k : children.at(c.case_id))
        if (Stage(*k) == "二审" && k->closed_date && k->closure_method == "撤诉") out = k->closed_date;
      return out;
    }
    if ((st == "二审" || st == "再审") && (m == "维持" || m == "改判" || m == "调解")) return c.closed_date;
    return std::nullopt;
  }
  std::string Province(const Case& c) const {
    const Court* court = ref.FindCourt(c.court_code);
    const tianping::Province* p = court ? ref.FindProvince(court->province) : nullptr;
    return p ? p->name : "未知";
  }
};

struct Cell { double num = 0, den = 0; };
using Cells = std::map<std::pair<std::string, std::string>, Cell>;  // (province, month) → cell

// Computes one indicator by plain loops over months [first, first + months).
Cells Compute(const Plain& P, const std::string& id, int year) {
  Cells out;
  for (int m = 1; m <= 12; ++m) {
    Date S = Date::FromYmd(year, m, 1), E = S.AddMonths(1).AddDays(-1);
    char label[16];
    std::snprintf(label, sizeof label, "%04d-%02d", year, m);
    auto in = [&](std::optional<Date> d) { return d && *d >= S && *d <= E; };
    auto closed = [&](const Case& c) { return in(c.closed_date); };
    auto filed = [&](const Case& c) { return in(c.filed_date); };
    auto pend_start = [&](const Case& c) { return c.filed_date < S && (!c.closed_date || *c.closed_date >= S); };
    auto pend_end = [&](const Case& c) { return c.filed_date <= E && (!c.closed_date || *c.closed_date > E); };
    auto over = [&](const Case& c, int n) { return pend_end(c) && c.filed_date.AddMonths(n) < E; };
    auto num = [&](const Case& at, double v = 1) { out[{P.Province(at), label}].num += v; };
    auto den = [&](const Case& at, double v = 1) { out[{P.Province(at), label}].den += v; };
    std::map<std::string, std::set<std::string>> judges;
    for (const Case& c : P.cases) {
      const std::string st = Plain::Stage(c), m = c.closure_method;
      const Case* parent = P.Parent(c);
      auto eff = P.Effective(c);
      int dur = c.closed_date ? *c.closed_date - c.filed_date : 0;
      bool civil_trial = c.category == "民事" && (st == "一审" || st == "二审" || st == "再审");
      bool exec = c.type_code == "执" || c.type_code == "执恢";
      if (id == "first_instance_reversal_rate" || id == "first_instance_remand_rate") {
        const char* want = id == "first_instance_reversal_rate" ? "改判" : "发回重审";
        if (closed(c) && st == "二审" && m == want && parent && Plain::Stage(*parent) == "一审") num(*parent);
        if (closed(c) && st == "一审") den(c);
      } else if (id == "appeal_change_remand_ratio" || id == "retrial_change_remand_ratio") {
        const char* s = id == "appeal_change_remand_ratio" ? "二审" : "再审";
        if (closed(c) && st == s && m == "改判") num(c);
        if (closed(c) && st == s && m == "发回重审") den(c);
      } else if (id == "effective_reversal_rate" || id == "effective_remand_rate") {
        if (closed(c) && st == "再审" && m == (id == "effective_reversal_rate" ? "改判" : "发回重审")) num(c);
        if (in(eff)) den(c);
      } else if (id == "retrial_order_rate") {
        if (closed(c) && st == "再审审查") { den(c); if (m == "裁定再审") num(c); }
      } else if (id == "close_rate") {
        if (closed(c)) num(c);
        if (pend_start(c)) den(c);
        if (filed(c)) den(c);
      } else if (id == "close_file_ratio") {
        if (closed(c)) num(c);
        if (filed(c)) den(c);
      } else if (id == "within_limit_rate") {
        if (c.statutory_limit_days > 0 && closed(c)) {
          den(c);
          if (dur - c.excluded_days <= c.statutory_limit_days + c.extension_days) num(c);
        }
      } else if (id == "over_12_months_pending_ratio") {
        if (over(c, 12)) num(c);
        if (pend_end(c)) den(c);
      } else if (id == "average_duration") {
        if (closed(c)) { num(c, dur); den(c); }
      } else if (id == "duration_index") {
        if (closed(c) && c.statutory_limit_days > 0) { num(c, dur); den(c, c.statutory_limit_days); }
      } else if (id == "closed_per_judge") {
        bool excluded = c.type_code == "诉前调确" || c.type_code == "诉前调书" || c.type_code == "执保" || c.type_code == "执恢";
        if (!excluded && closed(c)) {
          num(c);
          if (judges[P.Province(c)].insert(c.judge_id.empty() ? c.judge_name : c.judge_id).second) den(c);
        }
      } else if (id == "extension_rate") {
        if (closed(c)) { den(c); if (c.extension_days > 0) num(c); }
      } else if (id == "timely_filing_rate") {
        if (c.received_date && c.filed_date - *c.received_date >= 0 && !c.correction_requested && filed(c)) {
          den(c);
          if (c.filed_date - *c.received_date <= 7) num(c);
        }
      } else if (id == "pending_over_12_months" || id == "pending_over_18_months" || id == "pending_over_36_months") {
        int n = id == "pending_over_12_months" ? 12 : id == "pending_over_18_months" ? 18 : 36;
        if (over(c, n)) num(c);
      } else if (id == "case_item_ratio") {
        const Case* root = P.Root(c);
        if (root && filed(*root)) {
          num(*root);
          if (root == &c && (!c.derived_from || c.derived_from->relation.empty())) den(c);
        }
      } else if (id == "appeal_rate") {
        if (filed(c) && c.derived_from && c.derived_from->relation == "上诉" && parent && Plain::Stage(*parent) == "一审") num(*parent);
        if (closed(c) && st == "一审") den(c);
      } else if (id == "acceptance_rate") {
        if (closed(c) && st == "一审") {
          den(c);
          if (!P.HasChild(c, {"上诉"}) && !P.HasChild(c, {"再审审查", "再审"})) num(c);
        }
      } else if (id == "petition_rate") {
        if (filed(c) && st == "再审审查" && parent) num(*parent);
        if (in(eff)) den(c);
      } else if (id == "execution_application_rate") {
        if (c.category == "民事" && c.has_payment_content && in(eff)) { den(c); if (P.HasChild(c, {"执行"})) num(c); }
      } else if (id == "mediation_rate" || id == "withdrawal_rate" || id == "mediation_withdrawal_rate") {
        if (civil_trial && closed(c)) {
          den(c);
          bool hit = id == "mediation_rate" ? m == "调解" : id == "withdrawal_rate" ? m == "撤诉" : (m == "调解" || m == "撤诉");
          if (hit) num(c);
        }
      } else if (id == "execution_completion_rate") {
        if (exec && closed(c)) { den(c); if (m == "执行完毕") num(c); }
      } else if (id == "execution_recovery_rate") {
        if (exec && closed(c) && c.execution) { num(c, static_cast<double>(c.execution->recovered_amount)); den(c, static_cast<double>(c.execution->applied_amount)); }
      } else if (id == "actual_execution_rate") {
        if (exec && closed(c)) { den(c); if (m == "执行完毕" || m == "执行和解" || (c.execution && c.execution->voluntary)) num(c); }
      } else if (id == "closure_balance") {  // within one month: 1 − CV = 1, numerator = denominator = closed
        if (closed(c)) { num(c); den(c); }
      } else if (id == "prelitigation_mediation_success_rate") {
        if (c.procedure == "诉前调解" && closed(c)) { den(c); if (m == "调解成功" || m == "司法确认") num(c); }
      } else {
        ADD_FAILURE() << "no plain implementation of " << id;
        return out;
      }
    }
  }
  return out;
}

TEST(IndicatorCrossCheck, EngineAgreesWithPlainLoopsOnGeneratedData) {
  auto ref = ReferenceData::Load(ReferenceData::DefaultRefDir());
  ASSERT_TRUE(ref.ok()) << ref.status().ToString();
  auto reg = IndicatorRegistry::LoadDir(IndicatorRegistry::DefaultDir());
  ASSERT_TRUE(reg.ok()) << reg.status().ToString();
  std::string dir = (std::filesystem::temp_directory_path() / ("tp_ind_xcheck_" + std::to_string(::getpid()))).string();
  gen::GenOptions opt;
  opt.cases = 6000;
  opt.seed = 7;
  opt.out_dir = dir;
  opt.from_year = 2021;
  opt.to_year = 2024;
  opt.threads = 1;
  opt.doc_share = 0;
  opt.progress = false;
  auto st = gen::Generate(opt, *ref);
  ASSERT_TRUE(st.ok()) << st.status().ToString();
  std::vector<Case> cases;
  auto reader = JsonlReader::Open(dir + "/cases.jsonl");
  ASSERT_TRUE(reader.ok());
  std::string_view line;
  CaseFrameBuilder builder(*ref);
  while ((*reader)->Next(&line)) {
    auto c = ParseCaseJson(line);
    ASSERT_TRUE(c.ok()) << c.status().ToString();
    builder.Add(*c);
    cases.push_back(std::move(c).value());
  }
  std::filesystem::remove_all(dir);
  CaseFrame frame = builder.Finish();
  Plain plain(cases, *ref);

  IndicatorQuery q;
  for (const auto& d : reg->all()) q.indicators.push_back(&d);
  q.by = {"province", "month"};
  q.from = Date::FromYmd(2023, 1, 1);
  q.to = Date::FromYmd(2023, 12, 31);
  auto t = EvaluateIndicators(frame, q);
  ASSERT_TRUE(t.ok()) << t.status().ToString();
  size_t nonzero = 0;
  for (size_t i = 0; i < q.indicators.size(); ++i) {
    const IndicatorDef& d = *q.indicators[i];
    Cells want = Compute(plain, d.id, 2023);
    Cells got;
    for (const auto& r : t->rows) {
      const IndicatorCell& c = r.cells[i];
      if (c.numerator != 0 || (c.has_denominator && c.denominator != 0)) got[{r.key[0], r.key[1]}] = {c.numerator, c.denominator};
    }
    for (auto it = want.begin(); it != want.end();) it = it->second.num == 0 && it->second.den == 0 ? want.erase(it) : std::next(it);
    EXPECT_EQ(got.size(), want.size()) << d.name;
    for (const auto& [key, w] : want) {
      auto g = got.find(key);
      if (g == got.end()) { ADD_FAILURE() << d.name << " missing " << key.first << " " << key.second; continue; }
      EXPECT_EQ(g->second.num, w.num) << d.name << " " << key.first << " " << key.second;
      if (d.denominator.empty()) continue;
      EXPECT_EQ(g->second.den, w.den) << d.name << " " << key.first << " " << key.second;
    }
    nonzero += !want.empty();
  }
  // The dataset must exercise most indicators (诉前调解 and some retrial ratios may be empty).
  EXPECT_GE(nonzero, 25u);

  // 结案均衡度 by quarter: 1 − population CV of the three monthly closure counts.
  std::map<std::pair<std::string, std::string>, std::array<double, 3>> monthly;
  for (const Case& c : cases) {
    if (!c.closed_date || c.closed_date->year() != 2023) continue;
    int m = c.closed_date->month() - 1;
    monthly[{plain.Province(c), "2023Q" + std::to_string(m / 3 + 1)}][m % 3] += 1;
  }
  q.indicators = {reg->Find("结案均衡度")};
  q.by = {"province", "quarter"};
  auto tq = EvaluateIndicators(frame, q);
  ASSERT_TRUE(tq.ok());
  EXPECT_EQ(tq->rows.size(), monthly.size());
  for (const auto& r : tq->rows) {
    auto it = monthly.find({r.key[0], r.key[1]});
    ASSERT_NE(it, monthly.end()) << r.key[0] << r.key[1];
    double S = 0, Q = 0;
    for (double x : it->second) { S += x; Q += x * x; }
    double mean = S / 3, var = Q / 3 - mean * mean;
    EXPECT_NEAR(r.cells[0].value, 1 - std::sqrt(std::max(0.0, var)) / mean, 1e-9) << r.key[0] << r.key[1];
    EXPECT_EQ(r.cells[0].denominator, S);
  }
}

}  // namespace
}  // namespace tianping::analytics
