// EvaluateIndicators: periods, groups, shared aggregates (terms), parallel accumulation, cells.
#include "tianping/analytics/engine.h"

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <cmath>
#include <map>
#include <memory>
#include <thread>
#include <unordered_map>
#include <unordered_set>

#include "accumulate.h"
#include "period.h"
#include "row_eval.h"

namespace tianping::analytics {
namespace {


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
    // Values and codes are properties of the data too: cached in the frame like the predicates.
    const std::string value_key = e.args[0]->ToString() + "#" + std::to_string(to_);
    const bool shareable = f_.cache && value_key.find("tag(") == std::string::npos;
    if (t.func == "sum") {
      if (shareable) t.values = f_.cache->GetInts(value_key);
      if (!t.values) {
        auto v = ev_->Numeric(*e.args[0]);
        if (!v.ok()) return v.status();
        t.values = std::make_shared<const std::vector<int64_t>>(std::move(v).value());
        if (shareable) f_.cache->PutInts(value_key, t.values);
      }
    } else if (t.func == "distinct") {
      if (shareable) t.codes = f_.cache->GetCodes(value_key);
      if (!t.codes) {
        auto c = ev_->Category(*e.args[0]);
        if (!c.ok()) return c.status();
        t.codes = std::make_shared<const std::vector<uint32_t>>(std::move(c->first));
        if (shareable) f_.cache->PutCodes(value_key, t.codes);
      }
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

// Row conditions inside the aggregates of `e` (the non-period 'and' terms of each aggregate's condition).
void ConditionsOf(const Expr& e, std::vector<const Expr*>* out) {
  if (e.kind == Expr::Kind::kCall && (e.text == "count" || e.text == "sum" || e.text == "distinct" ||
                                      e.text == "sumsq_monthly") && !e.args.empty()) {
    std::vector<const Expr*> parts;
    Conjuncts(*e.args.back(), &parts);
    for (const Expr* p : parts)
      if (!ContainsPeriod(*p)) out->push_back(p);
    return;
  }
  for (const auto& a : e.args) ConditionsOf(*a, out);
}

// Evaluates the row conditions of every indicator on `threads` threads (one RowEvaluator each) into the
// frame's PredicateCache, so that the serial compile finds them there. Errors are left to the compile.
void Prewarm(const CaseFrame& f, const IndicatorQuery& q, const TagLookup& tags) {
  if (!f.cache || q.threads < 2) return;
  std::vector<std::unique_ptr<Expr>> keep;
  std::vector<const Expr*> conds;
  for (const IndicatorDef* def : q.indicators) {
    for (const std::string* text : {&def->filter, &def->numerator, &def->denominator}) {
      if (text->empty()) continue;
      auto e = ParseExpr(*text);
      if (!e.ok()) continue;
      if (text == &def->filter) conds.push_back(e->get());
      else ConditionsOf(**e, &conds);
      keep.push_back(std::move(e).value());
    }
  }
  std::atomic<size_t> next{0};
  auto work = [&] {
    RowEvaluator ev(f, q.to.days(), tags);
    for (size_t i; (i = next.fetch_add(1)) < conds.size();) (void)ev.Predicate(*conds[i]);
  };
  std::vector<std::thread> pool;
  for (int t = 1; t < q.threads; ++t) pool.emplace_back(work);
  work();
  for (auto& t : pool) t.join();
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
  std::clock_t c0 = std::clock();
  auto phase = [&](const char* name) {
    if (!trace) return;
    auto now = std::chrono::steady_clock::now();
    std::clock_t c = std::clock();
    std::fprintf(stderr, "  %-10s %8.1f ms (CPU %8.1f ms)\n", name, std::chrono::duration<double, std::milli>(now - t0).count(),
                 1000.0 * static_cast<double>(c - c0) / CLOCKS_PER_SEC);
    t0 = now;
    c0 = c;
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

  // Compile every indicator's aggregates, shared by canonical text (conditions evaluated in parallel first).
  Prewarm(f, q, tags);
  phase("prewarm");
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

  // count/sum terms: one fused pass per kind of period condition (rows split across threads); distinct and
  // sumsq_monthly terms on their own, in parallel.
  std::map<int, std::vector<Term*>> fused;
  std::vector<Term*> single;
  for (Term& t : terms) {
    if (t.func == "count" || t.func == "sum") {
      int kind = static_cast<int>(t.period == PeriodKind::kPendingOver ? PeriodKind::kPendingEnd : t.period);
      int chunk = 0;  // at most 64 terms per pass (one bit each)
      while (fused[kind * 1000 + chunk].size() >= 64) ++chunk;
      fused[kind * 1000 + chunk].push_back(&t);
    } else {
      single.push_back(&t);
    }
  }
  std::vector<uint64_t> scratch;
  for (auto& [key, list] : fused) {
    if (list.empty()) continue;
    AccumulateFused(f, per, gid, G, where, comp.Relevant(static_cast<PeriodKind>(key / 1000)), list, q.threads, &scratch);
  }
  std::atomic<size_t> next{0};
  auto worker = [&] {
    for (size_t i; (i = next.fetch_add(1)) < single.size();) AccumulateTerm(f, per, gid, G, where, single[i]);
  };
  int threads = std::max(1, std::min<int>(q.threads, static_cast<int>(single.size())));
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
