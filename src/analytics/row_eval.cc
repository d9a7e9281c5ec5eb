// RowEvaluator: fields, comparisons and boolean algebra over CaseFrame columns.
#include "row_eval.h"

#include <algorithm>
#include <cmath>

#include "tianping/common/date.h"

namespace tianping::analytics {

struct RowEvaluator::Value {
  enum class Kind { kBool, kInt, kDict, kString, kNumber };
  Kind kind = Kind::kBool;
  Bitmap bits;
  std::vector<int64_t> ints;
  bool is_date = false;
  const std::vector<uint32_t>* base = nullptr;  // kDict: per-row codes ...
  std::vector<uint32_t> owned_base;
  std::vector<uint32_t> map;                    // ... optionally mapped (base code → dictionary code)
  const Dictionary* dict = nullptr;
  std::string str;
  double num = 0;

  uint32_t Code(uint32_t row) const { uint32_t b = (*base)[row]; return map.empty() ? b : map[b]; }
};

namespace {

const char* const kPeriodNames[] = {"", "filed", "closed", "pending_start", "pending_end", "pending_over",
                                    "effective", "root_filed"};

Bitmap FromMask(const std::vector<uint8_t>& mask) { return Bitmap::FromMask(mask); }

enum class Op { kEq, kNe, kLt, kLe, kGt, kGe };
Op ParseOp(const std::string& s) {
  return s == "=" ? Op::kEq : s == "!=" ? Op::kNe : s == "<" ? Op::kLt : s == "<=" ? Op::kLe : s == ">" ? Op::kGt : Op::kGe;
}
template <typename F>
void ForOp(Op op, F&& f) {
  switch (op) {
    case Op::kEq: f([](int64_t x, int64_t y) { return x == y; }); break;
    case Op::kNe: f([](int64_t x, int64_t y) { return x != y; }); break;
    case Op::kLt: f([](int64_t x, int64_t y) { return x < y; }); break;
    case Op::kLe: f([](int64_t x, int64_t y) { return x <= y; }); break;
    case Op::kGt: f([](int64_t x, int64_t y) { return x > y; }); break;
    case Op::kGe: f([](int64_t x, int64_t y) { return x >= y; }); break;
  }
}

}  // namespace

PeriodKind PeriodCondition(const Expr& e, int* months) {
  if (e.kind == Expr::Kind::kField) {
    for (int k = 1; k < 8; ++k)
      if (k != static_cast<int>(PeriodKind::kPendingOver) && e.text == kPeriodNames[k]) return static_cast<PeriodKind>(k);
  }
  if (e.kind == Expr::Kind::kCall && e.text == "pending_over" && e.args.size() == 1 &&
      e.args[0]->kind == Expr::Kind::kNumber) {
    *months = static_cast<int>(e.args[0]->number);
    return PeriodKind::kPendingOver;
  }
  return PeriodKind::kNone;
}

const char* PeriodKindName(PeriodKind k) { return kPeriodNames[static_cast<int>(k)]; }

std::vector<std::string> RowEvaluator::FieldNames() {
  return {"categorical: court court_name court_level province region category type stage procedure closure cause "
          "cause1 cause2 cause3 cause4 relation judge",
          "numeric: duration net_duration limit extension excluded limit_total filing_lag age claim_amount "
          "awarded_amount applied_amount recovered_amount",
          "dates: filed_date closed_date received_date effective_date",
          "flags: is_closed has_payment voluntary correction sealed org_party minor_party lawyer_party appealed "
          "petitioned executed derived original first_instance second_instance high_risk_cause within_limit "
          "extended overdue",
          "prefix parent. or root. reads the field of the parent proceeding / the original case; tag('名称')"};
}

Result<RowEvaluator::Value> RowEvaluator::Field(const Expr& e, const std::string& full, int) {
  std::string name = full;
  const std::vector<int32_t>* via = nullptr;
  if (name.rfind("parent.", 0) == 0) { via = &f_.parent; name = name.substr(7); }
  else if (name.rfind("root.", 0) == 0) { via = &f_.root; name = name.substr(5); }
  if (uint32_t missing = FrameColumnsOfField(full) & ~f_.loaded)
    return Status::Internal("position " + std::to_string(e.pos) + ": field '" + full + "' reads frame columns (" +
                            FrameColumnNames(missing) + ") that were not loaded for this query");
  const uint32_t n = f_.rows;
  Value v;
  auto dict = [&](const std::vector<uint32_t>& base, const Dictionary& d) {
    v.kind = Value::Kind::kDict; v.base = &base; v.dict = &d;
  };
  auto dict_mapped = [&](const std::vector<uint32_t>& base, const std::vector<uint32_t>& map, const Dictionary& d) {
    dict(base, d); v.map = map;
  };
  auto ints = [&](auto&& fn, bool is_date = false) {
    v.kind = Value::Kind::kInt; v.is_date = is_date; v.ints.resize(n);
    for (uint32_t i = 0; i < n; ++i) v.ints[i] = fn(i);
  };
  auto date = [&](const std::vector<int32_t>& col) {
    ints([&](uint32_t i) { return col[i] == kNoDate ? kNullInt : int64_t{col[i]}; }, true);
  };
  auto flag = [&](const Bitmap& b) { v.kind = Value::Kind::kBool; v.bits = b; };
  auto flag_if = [&](auto&& pred) {
    std::vector<uint32_t> rows;
    for (uint32_t i = 0; i < n; ++i) if (pred(i)) rows.push_back(i);
    flag(Bitmap::FromSorted(rows));
  };
  auto stage_is = [&](const char* s) {
    uint32_t code = 0;
    bool ok = f_.stages.Find(s, &code);
    flag_if([&](uint32_t i) { return ok && f_.stage[i] == code; });
  };
  auto duration = [&](uint32_t i) -> int64_t {
    return f_.closed[i] == kNoDate ? kNullInt : int64_t{f_.closed[i]} - f_.filed[i];
  };
  if (name == "court") dict(f_.court, f_.courts);
  else if (name == "court_name") dict_mapped(f_.court, f_.court_name_code, f_.court_name_dict);
  else if (name == "court_level") dict_mapped(f_.court, f_.court_level, f_.levels);
  else if (name == "province") dict_mapped(f_.court, f_.court_province, f_.provinces);
  else if (name == "region") dict_mapped(f_.court, f_.court_region, f_.regions);
  else if (name == "category") dict(f_.category, f_.categories);
  else if (name == "type") dict(f_.type_code, f_.type_codes);
  else if (name == "stage") dict(f_.stage, f_.stages);
  else if (name == "procedure") dict(f_.procedure, f_.procedures);
  else if (name == "closure") dict(f_.closure, f_.closures);
  else if (name == "cause") dict(f_.cause, f_.causes);
  else if (name == "relation") dict(f_.relation, f_.relations);
  else if (name == "judge") dict(f_.judge, f_.judges);
  else if (name.size() == 6 && name.rfind("cause", 0) == 0 && name[5] >= '1' && name[5] <= '4') {
    std::vector<uint32_t> map(f_.cause_path.size());
    for (size_t c = 0; c < map.size(); ++c) map[c] = f_.cause_path[c][name[5] - '1'];
    dict_mapped(f_.cause, map, f_.cause_levels);
  }
  else if (name == "duration") ints(duration);
  else if (name == "net_duration") ints([&](uint32_t i) { int64_t d = duration(i); return d == kNullInt ? d : d - f_.excluded_days[i]; });
  else if (name == "limit") ints([&](uint32_t i) { return int64_t{f_.limit_days[i]}; });
  else if (name == "extension") ints([&](uint32_t i) { return int64_t{f_.extension_days[i]}; });
  else if (name == "excluded") ints([&](uint32_t i) { return int64_t{f_.excluded_days[i]}; });
  else if (name == "limit_total") ints([&](uint32_t i) { return int64_t{f_.limit_days[i]} + f_.extension_days[i]; });
  else if (name == "filing_lag") ints([&](uint32_t i) { return f_.received[i] == kNoDate ? kNullInt : int64_t{f_.filed[i]} - f_.received[i]; });
  else if (name == "age") ints([&](uint32_t i) {
    int32_t end = f_.closed[i] != kNoDate && f_.closed[i] <= asof_ ? f_.closed[i] : asof_;
    return int64_t{end} - f_.filed[i];
  });
  else if (name == "claim_amount") ints([&](uint32_t i) { return f_.claim_amount[i]; });
  else if (name == "awarded_amount") ints([&](uint32_t i) { return f_.awarded_amount[i]; });
  else if (name == "applied_amount") ints([&](uint32_t i) { return f_.applied_amount[i]; });
  else if (name == "recovered_amount") ints([&](uint32_t i) { return f_.recovered_amount[i]; });
  else if (name == "filed_date") date(f_.filed);
  else if (name == "closed_date") date(f_.closed);
  else if (name == "received_date") date(f_.received);
  else if (name == "effective_date") date(f_.effective);
  else if (name == "is_closed") flag_if([&](uint32_t i) { return f_.closed[i] != kNoDate && f_.closed[i] <= asof_; });
  else if (name == "has_payment") flag(f_.has_payment);
  else if (name == "voluntary") flag(f_.voluntary);
  else if (name == "correction") flag(f_.correction);
  else if (name == "sealed") flag(f_.sealed);
  else if (name == "org_party") flag(f_.org_party);
  else if (name == "minor_party") flag(f_.minor_party);
  else if (name == "lawyer_party") flag(f_.lawyer_party);
  else if (name == "appealed") flag(f_.appealed);
  else if (name == "petitioned") flag(f_.petitioned);
  else if (name == "executed") flag(f_.executed);
  else if (name == "derived") flag_if([&](uint32_t i) { return f_.relation[i] != kNoCode; });
  else if (name == "original") flag_if([&](uint32_t i) { return f_.relation[i] == kNoCode; });
  else if (name == "first_instance") stage_is("一审");
  else if (name == "second_instance") stage_is("二审");
  else if (name == "high_risk_cause") flag_if([&](uint32_t i) { return f_.cause_high_risk[f_.cause[i]] != 0; });
  else if (name == "within_limit") flag_if([&](uint32_t i) {
    int64_t d = duration(i);
    return d != kNullInt && f_.limit_days[i] > 0 && d - f_.excluded_days[i] <= int64_t{f_.limit_days[i]} + f_.extension_days[i];
  });
  else if (name == "extended") flag_if([&](uint32_t i) { return f_.extension_days[i] > 0; });
  else if (name == "overdue") flag_if([&](uint32_t i) {  // beyond the (extended) limit, closed or still pending at asof
    if (f_.limit_days[i] <= 0) return false;
    int32_t end = f_.closed[i] != kNoDate && f_.closed[i] <= asof_ ? f_.closed[i] : asof_;
    return int64_t{end} - f_.filed[i] - f_.excluded_days[i] > int64_t{f_.limit_days[i]} + f_.extension_days[i];
  });
  else {
    int m = 0;
    Expr probe;
    probe.kind = Expr::Kind::kField;
    probe.text = name;
    if (PeriodCondition(probe, &m) != PeriodKind::kNone)
      return ExprError(e.pos, "'" + name + "' is a period condition: use it as an 'and' term directly inside "
                              "count(...), sum(...) or distinct(...) (in filters use is_closed or dates)");
    return ExprError(e.pos, "unknown field '" + full + "'");
  }
  if (!via) return v;
  // Gather through parent/root links; a missing link gives "" / null / false.
  const std::vector<int32_t>& idx = *via;
  if (v.kind == Value::Kind::kDict) {
    v.owned_base.resize(n);
    for (uint32_t i = 0; i < n; ++i) v.owned_base[i] = idx[i] >= 0 ? (*v.base)[idx[i]] : 0;
    v.base = &v.owned_base;
  } else if (v.kind == Value::Kind::kInt) {
    std::vector<int64_t> g(n);
    for (uint32_t i = 0; i < n; ++i) g[i] = idx[i] >= 0 ? v.ints[idx[i]] : kNullInt;
    v.ints = std::move(g);
  } else {
    std::vector<uint32_t> rows;
    for (uint32_t i = 0; i < n; ++i) if (idx[i] >= 0 && v.bits.Contains(static_cast<uint32_t>(idx[i]))) rows.push_back(i);
    v.bits = Bitmap::FromSorted(rows);
  }
  return v;
}

Result<RowEvaluator::Value> RowEvaluator::Compare(const Expr& e) {
  auto l = Eval(*e.args[0]);
  if (!l.ok()) return l.status();
  auto r = Eval(*e.args[1]);
  if (!r.ok()) return r.status();
  Value a = std::move(l).value(), b = std::move(r).value();
  const std::string& op = e.text;
  using K = Value::Kind;
  bool swapped = false;
  if ((a.kind == K::kString || a.kind == K::kNumber) && (b.kind == K::kDict || b.kind == K::kInt)) { std::swap(a, b); swapped = true; }
  std::string cmp = op;
  if (swapped) cmp = op == "<" ? ">" : op == ">" ? "<" : op == "<=" ? ">=" : op == ">=" ? "<=" : op;
  const Op opc = ParseOp(cmp);
  const uint32_t n = f_.rows;
  Value out;
  if (a.kind == K::kDict && b.kind == K::kString) {
    if (cmp != "=" && cmp != "!=") return ExprError(e.pos, "categorical values compare only with = and !=");
    uint32_t code = 0;
    bool known = a.dict->Find(b.str, &code);
    std::vector<uint8_t> mask(n, 0);
    // Decide per base code (a few hundred), then scan the base column once.
    std::vector<uint8_t> hit(a.map.empty() ? a.dict->size() : a.map.size(), 0);
    for (uint32_t b0 = 0; b0 < hit.size(); ++b0) {
      bool eq = known && (a.map.empty() ? b0 : a.map[b0]) == code;
      hit[b0] = (opc == Op::kEq) == eq;
    }
    const uint32_t* base = a.base->data();
    for (uint32_t i = 0; i < n; ++i) mask[i] = hit[base[i]];
    out.bits = FromMask(mask);
    return out;
  }
  if (a.kind == K::kDict && b.kind == K::kDict) {
    if ((cmp != "=" && cmp != "!=") || a.dict != b.dict) return ExprError(e.pos, "only fields of the same kind compare with = and !=");
    std::vector<uint8_t> mask(n, 0);
    for (uint32_t i = 0; i < n; ++i) mask[i] = (a.Code(i) == b.Code(i)) == (cmp == "=");
    out.bits = FromMask(mask);
    return out;
  }
  if (a.kind == K::kInt && (b.kind == K::kNumber || b.kind == K::kString || b.kind == K::kInt)) {
    int64_t k = 0;
    if (b.kind == K::kString) {
      auto d = Date::Parse(b.str);
      if (!a.is_date || !d) return ExprError(e.args[swapped ? 0 : 1]->pos, "expected a number" + std::string(a.is_date ? " or a date 'YYYY-MM-DD'" : "") + ", found '" + b.str + "'");
      k = d->days();
    } else if (b.kind == K::kNumber) {
      if (b.num != std::floor(b.num)) return ExprError(e.pos, "fields are integers (days, fen): compare with an integer");
      k = static_cast<int64_t>(b.num);
    }
    std::vector<uint8_t> mask(n, 0);
    ForOp(opc, [&](auto test) {
      if (b.kind == K::kInt) {
        for (uint32_t i = 0; i < n; ++i) {
          int64_t x = a.ints[i], y = b.ints[i];
          mask[i] = x != kNullInt && y != kNullInt && test(x, y);
        }
      } else {
        for (uint32_t i = 0; i < n; ++i) mask[i] = a.ints[i] != kNullInt && test(a.ints[i], k);
      }
    });
    out.bits = FromMask(mask);
    return out;
  }
  auto kind_name = [](K k) {
    return k == K::kBool ? "a condition" : k == K::kInt ? "a number field" : k == K::kDict ? "a categorical field"
                                                                          : k == K::kString ? "a string" : "a number";
  };
  return ExprError(e.pos, std::string("cannot compare ") + kind_name(a.kind) + " with " + kind_name(b.kind));
}

Result<RowEvaluator::Value> RowEvaluator::In(const Expr& e) {
  auto l = Eval(*e.args[0]);
  if (!l.ok()) return l.status();
  Value a = std::move(l).value();
  const uint32_t n = f_.rows;
  std::vector<uint8_t> mask(n, 0);
  if (a.kind == Value::Kind::kDict) {
    std::vector<uint8_t> hit(a.dict->size(), 0);
    for (size_t k = 1; k < e.args.size(); ++k) {
      if (e.args[k]->kind != Expr::Kind::kString) return ExprError(e.args[k]->pos, "expected a quoted value in the 'in' list of a categorical field");
      uint32_t code = 0;
      if (a.dict->Find(e.args[k]->text, &code)) hit[code] = 1;
    }
    std::vector<uint8_t> by_base(a.map.empty() ? hit.size() : a.map.size(), 0);
    for (uint32_t b0 = 0; b0 < by_base.size(); ++b0) by_base[b0] = hit[a.map.empty() ? b0 : a.map[b0]] != e.negated;
    const uint32_t* base = a.base->data();
    for (uint32_t i = 0; i < n; ++i) mask[i] = by_base[base[i]];
  } else if (a.kind == Value::Kind::kInt) {
    std::vector<int64_t> ks;
    for (size_t k = 1; k < e.args.size(); ++k) {
      if (e.args[k]->kind != Expr::Kind::kNumber) return ExprError(e.args[k]->pos, "expected a number in the 'in' list of a number field");
      ks.push_back(static_cast<int64_t>(e.args[k]->number));
    }
    for (uint32_t i = 0; i < n; ++i)
      mask[i] = a.ints[i] != kNullInt && (std::find(ks.begin(), ks.end(), a.ints[i]) != ks.end()) != e.negated;
  } else {
    return ExprError(e.pos, "'in' needs a field on its left");
  }
  Value out;
  out.bits = FromMask(mask);
  return out;
}

Result<RowEvaluator::Value> RowEvaluator::Eval(const Expr& e) {
  bool cacheable = e.kind == Expr::Kind::kField || e.kind == Expr::Kind::kIn || e.kind == Expr::Kind::kBinary ||
                   (e.kind == Expr::Kind::kUnary && e.text == "not");
  if (!cacheable) return EvalUncached(e);
  std::string key = e.ToString();
  auto hit = cache_.find(key);
  if (hit != cache_.end()) { Value v; v.bits = hit->second; return v; }
  // Frame-level cache across queries; tag results depend on the TagSet, so they stay per evaluator.
  const bool shared = f_.cache && key.find("tag(") == std::string::npos;
  std::string shared_key = key + "#" + std::to_string(asof_);
  Value cached;
  if (shared && f_.cache->Get(shared_key, &cached.bits)) {
    cache_.emplace(key, cached.bits);
    return cached;
  }
  auto v = EvalUncached(e);
  if (v.ok() && v->kind == Value::Kind::kBool) {
    cache_.emplace(key, v->bits);
    if (shared) f_.cache->Put(shared_key, v->bits);
  }
  return v;
}

Result<RowEvaluator::Value> RowEvaluator::EvalUncached(const Expr& e) {
  using K = Value::Kind;
  Value v;
  switch (e.kind) {
    case Expr::Kind::kNumber: v.kind = K::kNumber; v.num = e.number; return v;
    case Expr::Kind::kString: v.kind = K::kString; v.str = e.text; return v;
    case Expr::Kind::kField: return Field(e, e.text, 0);
    case Expr::Kind::kIn: return In(e);
    case Expr::Kind::kCall: {
      if (e.text == "tag") {
        if (e.args.size() != 1 || e.args[0]->kind != Expr::Kind::kString) return ExprError(e.pos, "tag takes one quoted tag name: tag('超审限')");
        const Bitmap* b = tags_ ? tags_(e.args[0]->text) : nullptr;
        if (!b) return ExprError(e.args[0]->pos, "unknown tag '" + e.args[0]->text + "' (see tianping tags)");
        v.bits = *b;
        return v;
      }
      int m = 0;
      if (PeriodCondition(e, &m) != PeriodKind::kNone)
        return ExprError(e.pos, "'pending_over' is a period condition: use it as an 'and' term directly inside count(...)");
      if (e.text == "count" || e.text == "sum" || e.text == "distinct")
        return ExprError(e.pos, "aggregate " + e.text + "(...) cannot be used inside a row condition");
      return ExprError(e.pos, "unknown function '" + e.text + "'");
    }
    case Expr::Kind::kUnary: {
      auto o = Eval(*e.args[0]);
      if (!o.ok()) return o;
      Value a = std::move(o).value();
      if (e.text == "not") {
        if (a.kind != K::kBool) return ExprError(e.pos, "'not' needs a condition");
        v.bits = a.bits.Not(f_.rows);
        return v;
      }
      if (a.kind == K::kNumber) { a.num = -a.num; return a; }
      if (a.kind != K::kInt) return ExprError(e.pos, "'-' needs a number");
      for (auto& x : a.ints) if (x != kNullInt) x = -x;
      a.is_date = false;
      return a;
    }
    case Expr::Kind::kBinary: break;
  }
  const std::string& op = e.text;
  if (op == "and" || op == "or") {
    auto l = Eval(*e.args[0]);
    if (!l.ok()) return l;
    auto r = Eval(*e.args[1]);
    if (!r.ok()) return r;
    if (l->kind != K::kBool) return ExprError(e.args[0]->pos, "'" + op + "' needs a condition on its left");
    if (r->kind != K::kBool) return ExprError(e.args[1]->pos, "'" + op + "' needs a condition on its right");
    v.bits = op == "and" ? l->bits.And(r->bits) : l->bits.Or(r->bits);
    return v;
  }
  if (op == "=" || op == "!=" || op == "<" || op == "<=" || op == ">" || op == ">=") return Compare(e);
  // Arithmetic (+ - *) on integers; null propagates.
  if (op == "/") return ExprError(e.pos, "division is only allowed between aggregates (count/sum), not per case");
  auto l = Eval(*e.args[0]);
  if (!l.ok()) return l;
  auto r = Eval(*e.args[1]);
  if (!r.ok()) return r;
  Value a = std::move(l).value(), b = std::move(r).value();
  if (a.kind == K::kNumber && b.kind == K::kNumber) {
    v.kind = K::kNumber;
    v.num = op == "+" ? a.num + b.num : op == "-" ? a.num - b.num : a.num * b.num;
    return v;
  }
  if ((a.kind != K::kInt && a.kind != K::kNumber) || (b.kind != K::kInt && b.kind != K::kNumber))
    return ExprError(e.pos, "'" + op + "' needs numbers on both sides");
  const uint32_t n = f_.rows;
  v.kind = K::kInt;
  v.ints.resize(n);
  for (uint32_t i = 0; i < n; ++i) {
    int64_t x = a.kind == K::kInt ? a.ints[i] : static_cast<int64_t>(a.num);
    int64_t y = b.kind == K::kInt ? b.ints[i] : static_cast<int64_t>(b.num);
    v.ints[i] = x == kNullInt || y == kNullInt ? kNullInt : op == "+" ? x + y : op == "-" ? x - y : x * y;
  }
  return v;
}

Result<Bitmap> RowEvaluator::Predicate(const Expr& e) {
  auto v = Eval(e);
  if (!v.ok()) return v.status();
  if (v->kind != Value::Kind::kBool) return ExprError(e.pos, "expected a condition (true/false), found a value");
  return std::move(v->bits);
}

Result<std::vector<int64_t>> RowEvaluator::Numeric(const Expr& e) {
  auto v = Eval(e);
  if (!v.ok()) return v.status();
  if (v->kind == Value::Kind::kNumber) return std::vector<int64_t>(f_.rows, static_cast<int64_t>(v->num));
  if (v->kind != Value::Kind::kInt) return ExprError(e.pos, "expected a number field or arithmetic on them");
  return std::move(v->ints);
}

Result<std::pair<std::vector<uint32_t>, const Dictionary*>> RowEvaluator::Category(const Expr& e) {
  auto v = Eval(e);
  if (!v.ok()) return v.status();
  if (v->kind != Value::Kind::kDict) return ExprError(e.pos, "expected a categorical field (court, judge, cause …)");
  std::vector<uint32_t> codes(f_.rows);
  for (uint32_t i = 0; i < f_.rows; ++i) codes[i] = v->Code(i);
  return std::make_pair(std::move(codes), v->dict);
}

}  // namespace tianping::analytics
