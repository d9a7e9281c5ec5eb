// EvaluateIndicators: periods, groups, shared aggregates (terms), parallel accumulation, cells.
#include "tianping/analytics/engine.h"

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cmath>
#include <map>
#include <thread>
#include <unordered_map>
#include <unordered_set>

#include "period.h"
#include "row_eval.h"

namespace tianping::analytics {
namespace {

struct Term {
  std::string func;        // count | sum | distinct | sumsq_monthly
  std::string via;         // "" | @parent | @root
  PeriodKind period = PeriodKind::kNone;
  int months = 0;
  Bitmap rows;             // condition (without the period condition) ∧ indicator filter
  std::vector<int64_t> values;    // sum
  std::vector<uint32_t> codes;    // distinct
  std::vector<int64_t> acc;       // result: G × P
  // pending_over: first period p with end(p) > filed + N months, by filed day − over_base.
  int32_t over_base = 0;
  std::vector<int16_t> over_first;
};

// Flattens top-level ANDs.
void Conjuncts(const Expr& e, std::vector<const Expr*>* out) {
  if (e.kind == Expr::Kind::kBinary && e.text == "and") {
    Conjuncts(*e.args[0], out);
    Conjuncts(*e.args[1], out);
  } else {
    out->push_back(&e);
  }
}

bool ContainsPeriod(const Expr& e) {
  int m = 0;
  if (PeriodCondition(e, &m) != PeriodKind::kNone) return true;
  for (const auto& a : e.args) if (ContainsPeriod(*a)) return true;
  return false;
}

class Compiler {
 public:
  Compiler(const CaseFrame& f, RowEvaluator* ev, int32_t from, int32_t to) : f_(f), ev_(ev), from_(from), to_(to) {}

  // Rows that can satisfy the period condition in some period of [from, to] — a necessary condition that
  // keeps the accumulation loops to the rows that matter.
  const Bitmap& Relevant(PeriodKind k) {
    int key = k == PeriodKind::kPendingOver ? static_cast<int>(PeriodKind::kPendingEnd) : static_cast<int>(k);
    auto it = relevant_.find(key);
    if (it != relevant_.end()) return it->second;
    std::string shared_key = "#relevant:" + std::to_string(key) + ":" + std::to_string(from_) + ":" + std::to_string(to_);
    Bitmap cached;
    if (f_.cache && f_.cache->Get(shared_key, &cached)) return relevant_.emplace(key, std::move(cached)).first->second;
    const uint32_t n = f_.rows;
    std::vector<uint8_t> mask(n, 0);
    const int32_t from = from_, to = to_;
    auto in = [from, to](int32_t d) { return d != kNoDate && d >= from && d <= to; };
    const int32_t *filed = f_.filed.data(), *closed = f_.closed.data();
    const int32_t* point = k == PeriodKind::kFiled ? filed : k == PeriodKind::kClosed ? closed
                         : k == PeriodKind::kEffective ? f_.effective.data() : f_.root_filed.data();
    switch (k) {
      case PeriodKind::kFiled: case PeriodKind::kClosed: case PeriodKind::kEffective: case PeriodKind::kRootFiled:
        for (uint32_t i = 0; i < n; ++i) mask[i] = in(point[i]);
        break;
      case PeriodKind::kPendingStart:
        for (uint32_t i = 0; i < n; ++i) mask[i] = filed[i] < to && (closed[i] == kNoDate || closed[i] >= from);
        break;
      default:
        for (uint32_t i = 0; i < n; ++i) mask[i] = filed[i] <= to && (closed[i] == kNoDate || closed[i] > from);
        break;
    }
    Bitmap b = Bitmap::FromMask(mask);
    if (f_.cache) f_.cache->Put(shared_key, b);
    return relevant_.emplace(key, std::move(b)).first->second;
  }

  // Registers the aggregates of an arithmetic formula; checks its shape.
  Status Walk(const Expr& e, const std::string& filter, const Expr* filter_expr) {
    switch (e.kind) {
      case Expr::Kind::kNumber: return Status::Ok();
      case Expr::Kind::kUnary:
        if (e.text == "-") return Walk(*e.args[0], filter, filter_expr);
        break;
      case Expr::Kind::kBinary:
        if (e.text == "+" || e.text == "-" || e.text == "*" || e.text == "/") {
          TP_RETURN_IF_ERROR(Walk(*e.args[0], filter, filter_expr));
          return Walk(*e.args[1], filter, filter_expr);
        }
        break;
      case Expr::Kind::kCall:
        if (e.text == "count" || e.text == "sum" || e.text == "distinct" || e.text == "sumsq_monthly")
          return Aggregate(e, filter, filter_expr);
        if (e.text == "months" && e.args.empty()) return Status::Ok();
        if (e.text == "sqrt" && e.args.size() == 1) return Walk(*e.args[0], filter, filter_expr);
        break;
      default: break;
    }
    return ExprError(e.pos, "an indicator formula combines aggregates count(…), sum(…, …), distinct(…, …), "
                            "sumsq_monthly(…), months(), sqrt(…) and numbers with + - * /; found " + e.ToString());
  }

  Status Aggregate(const Expr& e, const std::string& filter, const Expr* filter_expr) {
    std::string key = e.ToString() + " | " + filter;
    auto it = index_.find(key);
    if (it != index_.end()) { term_of_[&e] = it->second; return Status::Ok(); }
    Term t;
    t.func = e.text;
    t.via = e.via;
    if (!t.via.empty() && t.via != "@parent" && t.via != "@root")
      return ExprError(e.pos, "attribution must be @parent or @root, found " + t.via);
    size_t want = t.func == "count" || t.func == "sumsq_monthly" ? 1 : 2;
    if (e.args.size() != want)
      return ExprError(e.pos, t.func + (want == 1 ? " takes one condition: " + t.func + "(closed and …)"
                                                           : " takes a value and a condition: " + t.func + "(duration, closed)"));
    const Expr& cond = *e.args.back();
    std::vector<const Expr*> parts;
    Conjuncts(cond, &parts);
    std::vector<const Expr*> rest;
    for (const Expr* p : parts) {
      int m = 0;
      PeriodKind k = PeriodCondition(*p, &m);
      if (k == PeriodKind::kNone) {
        if (ContainsPeriod(*p))
          return ExprError(p->pos, "a period condition (filed, closed, pending_start, …) must be a top-level 'and' term of the aggregate, not inside or/not");
        rest.push_back(p);
        continue;
      }
      if (t.period != PeriodKind::kNone)
        return ExprError(p->pos, "only one period condition per aggregate (already have " + std::string(PeriodKindName(t.period)) + ")");
      if (k == PeriodKind::kPendingOver && m <= 0) return ExprError(p->pos, "pending_over needs a positive number of months");
      t.period = k;
      t.months = m;
    }
    if (t.func == "sumsq_monthly" && t.period != PeriodKind::kClosed && t.period != PeriodKind::kFiled &&
        t.period != PeriodKind::kNone)
      return ExprError(cond.pos, "sumsq_monthly needs the period condition closed or filed");
    if (t.period == PeriodKind::kNone)
      return ExprError(cond.pos, "the aggregate needs one period condition: filed, closed, pending_start (旧存), "
                                 "pending_end, pending_over(N), effective or root_filed");
    t.rows = Relevant(t.period);
    for (const Expr* p : rest) {
      auto b = ev_->Predicate(*p);
      if (!b.ok()) return b.status();
      t.rows = t.rows.And(*b);
    }
    if (filter_expr) {
      auto b = ev_->Predicate(*filter_expr);
      if (!b.ok()) return b.status().WithContext("filter: ");
      t.rows = t.rows.And(*b);
    }
    if (t.func == "sum") {
      auto v = ev_->Numeric(*e.args[0]);
      if (!v.ok()) return v.status();
      t.values = std::move(v).value();
    } else if (t.func == "distinct") {
      auto c = ev_->Category(*e.args[0]);
      if (!c.ok()) return c.status();
      t.codes = std::move(c->first);
    }
    index_[key] = terms_.size();
    term_of_[&e] = terms_.size();
    terms_.push_back(std::move(t));
    return Status::Ok();
  }

  std::vector<Term>& terms() { return terms_; }
  size_t TermOf(const Expr* e) const { return term_of_.at(e); }

 private:
  const CaseFrame& f_;
  RowEvaluator* ev_;
  std::vector<Term> terms_;
  std::map<std::string, size_t> index_;
  std::unordered_map<const Expr*, size_t> term_of_;
  int32_t from_, to_;
  std::map<int, Bitmap> relevant_;
};

// Period range [lo, hi) of row i for a term.
inline void RangeOf(const CaseFrame& f, const Periods& per, const Term& t, uint32_t i, int* lo, int* hi) {
  const int P = per.count();
  auto point = [&](int32_t d) {
    if (d == kNoDate) { *lo = *hi = 0; return; }
    int p = per.Index(d);
    if (p < 0 || p >= P) { *lo = *hi = 0; return; }
    *lo = p; *hi = p + 1;
  };
  switch (t.period) {
    case PeriodKind::kFiled: point(f.filed[i]); return;
    case PeriodKind::kClosed: point(f.closed[i]); return;
    case PeriodKind::kEffective: point(f.effective[i]); return;
    case PeriodKind::kRootFiled: point(f.root_filed[i]); return;
    case PeriodKind::kPendingStart:  // filed before the period starts, not closed before it starts
      *lo = std::max(0, per.Index(f.filed[i]) + 1);
      *hi = f.closed[i] == kNoDate ? P : std::min(P, per.Index(f.closed[i]) + 1);
      return;
    case PeriodKind::kPendingEnd:    // filed by the period's end, not closed by then
    case PeriodKind::kPendingOver:
      *lo = std::max(0, per.Index(f.filed[i]));
      *hi = f.closed[i] == kNoDate ? P : std::min(P, per.Index(f.closed[i]));
      if (t.period == PeriodKind::kPendingOver) {
        int32_t k = f.filed[i] - t.over_base;
        int first = k < 0 ? 0 : k >= static_cast<int32_t>(t.over_first.size()) ? P : t.over_first[k];
        *lo = std::max(*lo, first);
      }
      return;
    case PeriodKind::kNone: *lo = *hi = 0; return;
  }
}

void Accumulate(const CaseFrame& f, const Periods& per, const std::vector<int32_t>& gid, int groups,
                const std::vector<uint8_t>& where, Term* t) {
  const int P = per.count();
  if (t->period == PeriodKind::kPendingOver) {
    // A case filed before base is over N months old at every period end; one filed after the last period's
    // end minus N months never is (within the query).
    Date first_end = Date::FromDays(per.End(0));
    t->over_base = first_end.AddMonths(-t->months - 1).days();
    int32_t last = per.End(P - 1);
    for (int32_t d = t->over_base; d <= last; ++d)
      t->over_first.push_back(static_cast<int16_t>(per.FirstEndAfter(Date::FromDays(d).AddMonths(t->months).days())));
  }
  const std::vector<int32_t>* via = t->via == "@parent" ? &f.parent : t->via == "@root" ? &f.root : nullptr;
  if (t->func == "sumsq_monthly") {  // Σ over the calendar months of a period of (count in the month)²
    const int M = per.MonthCount();
    std::vector<int64_t> cnt(static_cast<size_t>(groups) * M, 0);
    const std::vector<int32_t>& dates = t->period == PeriodKind::kClosed ? f.closed : f.filed;
    t->rows.ForEach([&](uint32_t i) {
      int32_t a = via ? (*via)[i] : static_cast<int32_t>(i);
      if (a < 0 || (!where.empty() && !where[a]) || gid[a] < 0 || dates[i] == kNoDate) return;
      int m = per.MonthIndex(dates[i]);
      if (m >= 0) ++cnt[static_cast<size_t>(gid[a]) * M + m];
    });
    t->acc.assign(static_cast<size_t>(groups) * P, 0);
    for (int g = 0; g < groups; ++g)
      for (int m = 0; m < M; ++m) {
        int64_t x = cnt[static_cast<size_t>(g) * M + m];
        t->acc[static_cast<size_t>(g) * P + per.PeriodOfMonth(m)] += x * x;
      }
    return;
  }
  if (t->func == "distinct") {
    std::unordered_set<uint64_t> seen;
    t->acc.assign(static_cast<size_t>(groups) * P, 0);
    t->rows.ForEach([&](uint32_t i) {
      int32_t a = via ? (*via)[i] : static_cast<int32_t>(i);
      if (a < 0 || (!where.empty() && !where[a]) || gid[a] < 0) return;
      int lo = 0, hi = 0;
      RangeOf(f, per, *t, i, &lo, &hi);
      for (int p = lo; p < hi; ++p) {
        uint64_t cell = static_cast<uint64_t>(gid[a]) * P + p;
        if (seen.insert(cell << 32 | t->codes[i]).second) ++t->acc[cell];
      }
    });
    return;
  }
  std::vector<int64_t> diff(static_cast<size_t>(groups) * (P + 1), 0);
  const bool sum = t->func == "sum";
  t->rows.ForEach([&](uint32_t i) {
    int32_t a = via ? (*via)[i] : static_cast<int32_t>(i);
    if (a < 0 || (!where.empty() && !where[a]) || gid[a] < 0) return;
    int64_t v = sum ? t->values[i] : 1;
    if (v == kNullInt) return;
    int lo = 0, hi = 0;
    RangeOf(f, per, *t, i, &lo, &hi);
    if (lo >= hi) return;
    int64_t* d = &diff[static_cast<size_t>(gid[a]) * (P + 1)];
    d[lo] += v;
    d[hi] -= v;
  });
  t->acc.assign(static_cast<size_t>(groups) * P, 0);
  for (int g = 0; g < groups; ++g) {
    int64_t run = 0;
    for (int p = 0; p < P; ++p) {
      run += diff[static_cast<size_t>(g) * (P + 1) + p];
      t->acc[static_cast<size_t>(g) * P + p] = run;
    }
  }
}

double Arith(const Expr& e, const Compiler& c, const std::vector<Term>& terms, size_t cell, int months) {
  switch (e.kind) {
    case Expr::Kind::kNumber: return e.number;
    case Expr::Kind::kCall:
      if (e.text == "months") return months;
      if (e.text == "sqrt") return std::sqrt(Arith(*e.args[0], c, terms, cell, months));
      return static_cast<double>(terms[c.TermOf(&e)].acc[cell]);
    case Expr::Kind::kUnary: return -Arith(*e.args[0], c, terms, cell, months);
    default: break;
  }
  double a = Arith(*e.args[0], c, terms, cell, months), b = Arith(*e.args[1], c, terms, cell, months);
  return e.text == "+" ? a + b : e.text == "-" ? a - b : e.text == "*" ? a * b : (b == 0 ? NAN : a / b);
}

}  // namespace

Result<IndicatorTable> EvaluateIndicators(const CaseFrame& f, const IndicatorQuery& q) {
  static const bool trace = std::getenv("TP_ANALYTICS_TRACE") != nullptr;
  auto t0 = std::chrono::steady_clock::now();
  auto phase = [&](const char* name) {
    if (!trace) return;
    auto now = std::chrono::steady_clock::now();
    std::fprintf(stderr, "  %-10s %8.1f ms\n", name, std::chrono::duration<double, std::milli>(now - t0).count());
    t0 = now;
  };
  IndicatorTable out;
  out.dims = q.by;
  out.indicators = q.indicators;
  if (q.to < q.from) return Status::InvalidArgument("--to is before --from");
  TagLookup tags = [&](const std::string& name) { return q.tags ? q.tags->Find(name) : nullptr; };
  RowEvaluator ev(f, q.to.days(), tags);

  // Periods and grouping dimensions.
  std::string granularity;
  std::vector<GroupDim> dims;
  int period_dim = -1;
  for (size_t k = 0; k < q.by.size(); ++k) {
    const std::string& d = q.by[k];
    if (d == "year" || d == "quarter" || d == "month") {
      if (!granularity.empty()) return Status::InvalidArgument("at most one of year, quarter, month in --by");
      granularity = d;
      period_dim = static_cast<int>(k);
      continue;
    }
    auto g = MakeGroupDim(f, d, &ev, q.tags);
    if (!g.ok()) return g.status().WithContext("--by " + d + ": ");
    dims.push_back(std::move(g).value());
  }
  Periods per(q.from, q.to, granularity);
  const int P = per.count();
  std::vector<int32_t> gid;
  std::vector<std::vector<uint32_t>> group_codes;
  AssignGroups(f, dims, &gid, &group_codes);
  const int G = static_cast<int>(group_codes.size());
  phase("groups");

  std::vector<uint8_t> where;
  std::unique_ptr<Expr> where_expr;
  if (!q.where.empty()) {
    auto w = ParseExpr(q.where);
    if (!w.ok()) return w.status().WithContext("--where: ");
    auto b = ev.Predicate(**w);
    if (!b.ok()) return b.status().WithContext("--where: ");
    where.assign(f.rows, 0);
    b->ForEach([&](uint32_t i) { where[i] = 1; });
  }

  // Compile every indicator's aggregates, shared by canonical text.
  Compiler comp(f, &ev, q.from.days(), q.to.days());
  std::vector<std::unique_ptr<Expr>> keep;
  struct Formula { const Expr* num = nullptr; const Expr* den = nullptr; };
  std::vector<Formula> formulas;
  for (const IndicatorDef* def : q.indicators) {
    const Expr* filter = nullptr;
    if (!def->filter.empty()) {
      auto fe = ParseExpr(def->filter);
      if (!fe.ok()) return fe.status().WithContext(def->name + ": filter: ");
      keep.push_back(std::move(fe).value());
      filter = keep.back().get();
    }
    Formula fm;
    for (int side = 0; side < 2; ++side) {
      const std::string& text = side == 0 ? def->numerator : def->denominator;
      if (text.empty()) continue;
      auto e = ParseExpr(text);
      std::string ctx = def->name + (def->denominator.empty() ? ": " : side ? ": denominator: " : ": numerator: ");
      if (!e.ok()) return e.status().WithContext(ctx);
      Status s = comp.Walk(**e, def->filter, filter);
      if (!s.ok()) return s.WithContext(ctx);
      keep.push_back(std::move(e).value());
      (side == 0 ? fm.num : fm.den) = keep.back().get();
    }
    formulas.push_back(fm);
  }
  std::vector<Term>& terms = comp.terms();
  out.aggregates = terms.size();
  phase("compile");

  // Accumulate terms in parallel (each term is independent).
  std::atomic<size_t> next{0};
  auto worker = [&] {
    for (size_t i; (i = next.fetch_add(1)) < terms.size();) Accumulate(f, per, gid, G, where, &terms[i]);
  };
  int threads = std::max(1, std::min<int>(q.threads, static_cast<int>(terms.size())));
  std::vector<std::thread> pool;
  for (int t = 1; t < threads; ++t) pool.emplace_back(worker);
  worker();
  for (auto& t : pool) t.join();
  phase("accumulate");

  // Cells.
  for (int g = 0; g < G; ++g) {
    for (int p = 0; p < P; ++p) {
      size_t cell = static_cast<size_t>(g) * P + p;
      bool any = false;
      for (const Term& t : terms) any |= t.acc[cell] != 0;
      if (!any) continue;
      IndicatorRow row;
      size_t dk = 0;
      for (size_t k = 0; k < q.by.size(); ++k) {
        if (static_cast<int>(k) == period_dim) row.key.push_back(per.Label(p));
        else { row.key.push_back(dims[dk].label(group_codes[g][dk])); ++dk; }
      }
      for (size_t i = 0; i < q.indicators.size(); ++i) {
        const IndicatorDef& def = *q.indicators[i];
        IndicatorCell c;
        c.numerator = formulas[i].num ? Arith(*formulas[i].num, comp, terms, cell, per.MonthsIn(p)) : 0;
        c.has_denominator = formulas[i].den != nullptr;
        if (c.has_denominator) {
          c.denominator = Arith(*formulas[i].den, comp, terms, cell, per.MonthsIn(p));
          c.value = c.denominator == 0 || std::isnan(c.denominator) ? NAN : c.numerator / c.denominator * def.scale;
        } else {
          c.value = c.numerator * def.scale;
        }
        if (!std::isnan(c.value) && (def.range_low || def.range_high))
          c.in_range = (!def.range_low || c.value >= *def.range_low) && (!def.range_high || c.value <= *def.range_high);
        row.cells.push_back(c);
      }
      out.rows.push_back(std::move(row));
    }
  }
  std::stable_sort(out.rows.begin(), out.rows.end(), [](const IndicatorRow& a, const IndicatorRow& b) { return a.key < b.key; });
  phase("cells");
  return out;
}

}  // namespace tianping::analytics
