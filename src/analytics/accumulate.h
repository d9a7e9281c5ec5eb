// Aggregates (terms) of an indicator query and their accumulation into per-(group, period) counters.
// Private to the engine. Thread-safety: a Term is written by one accumulation at a time.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "period.h"
#include "row_eval.h"
#include "tianping/analytics/case_frame.h"

namespace tianping::analytics {

struct Term {
  std::string func;        // count | sum | distinct | sumsq_monthly
  std::string via;         // "" | @parent | @root
  PeriodKind period = PeriodKind::kNone;
  int months = 0;
  Bitmap rows;             // condition (without the period condition) ∧ indicator filter
  std::shared_ptr<const std::vector<int64_t>> values;    // sum (shared with the frame's cache)
  std::shared_ptr<const std::vector<uint32_t>> codes;    // distinct
  std::vector<int64_t> acc;       // result: G × P
  // pending_over: first period p with end(p) > filed + N months, by filed day − over_base.
  int32_t over_base = 0;
  std::vector<int16_t> over_first;
};

// Accumulates one term on its own (distinct, sumsq_monthly, or any term).
void AccumulateTerm(const CaseFrame& f, const Periods& per, const std::vector<int32_t>& gid, int groups,
                    const std::vector<uint8_t>& where, Term* t);
// Accumulates count/sum terms that share one kind of period condition in a single pass over `relevant`
// (a superset of every term's rows), `threads` threads splitting the rows. REQUIRES: at most 64 terms.
void AccumulateFused(const CaseFrame& f, const Periods& per, const std::vector<int32_t>& gid, int groups,
                     const std::vector<uint8_t>& where, const Bitmap& relevant, const std::vector<Term*>& terms,
                     int threads, std::vector<uint64_t>* scratch);

}  // namespace tianping::analytics
