// RowEvaluator: vectorised evaluation of row-level expressions (filters, tag rules, the conditions and
// values inside aggregates) over a CaseFrame. Booleans become Bitmaps, numbers int64 columns.
// Field list and semantics: docs/indicators.md §"Fields". Thread-safety: one evaluator per thread
// (it caches results); the frame is shared read-only.
#pragma once

#include <cstdint>
#include <functional>
#include <limits>
#include <map>
#include <string>
#include <vector>

#include "tianping/analytics/case_frame.h"
#include "tianping/analytics/expr.h"

namespace tianping::analytics {

inline constexpr int64_t kNullInt = std::numeric_limits<int64_t>::min();

// Period conditions: valid only as a top-level AND term inside count/sum/distinct.
enum class PeriodKind { kNone, kFiled, kClosed, kPendingStart, kPendingEnd, kPendingOver, kEffective, kRootFiled };
// Recognises a period condition (filed, closed, pending_start, pending_end, pending_over(N), effective,
// root_filed); kNone otherwise. *months receives N for pending_over.
PeriodKind PeriodCondition(const Expr& e, int* months);
const char* PeriodKindName(PeriodKind k);

// Resolves a tag name to its rows; null when unknown.
using TagLookup = std::function<const Bitmap*(const std::string& name)>;

class RowEvaluator {
 public:
  // `asof` (days) is the date "now" for age-based fields (age, overdue).
  RowEvaluator(const CaseFrame& frame, int32_t asof, TagLookup tags = nullptr)
      : f_(frame), asof_(asof), tags_(std::move(tags)) {}

  // A boolean expression → rows where it is true.
  Result<Bitmap> Predicate(const Expr& e);
  // A numeric expression → one value per row (kNullInt where undefined, e.g. duration of a pending case).
  Result<std::vector<int64_t>> Numeric(const Expr& e);
  // A categorical field → its codes per row and its dictionary (for distinct and group keys).
  Result<std::pair<std::vector<uint32_t>, const Dictionary*>> Category(const Expr& e);

  // Names of all fields by kind, for help and docs.
  static std::vector<std::string> FieldNames();

 private:
  struct Value;
  Result<Value> Eval(const Expr& e);  // booleans cached by canonical text
  Result<Value> EvalUncached(const Expr& e);
  Result<Value> Field(const Expr& e, const std::string& name, int via_parent_depth);
  Result<Value> Compare(const Expr& e);
  Result<Value> In(const Expr& e);

  const CaseFrame& f_;
  int32_t asof_;
  TagLookup tags_;
  std::map<std::string, Bitmap> cache_;
};

}  // namespace tianping::analytics
