// Periods of an indicator query and grouping dimensions (private to the engine).
// Thread-safety: values; const use from several threads is safe.
#pragma once

#include <functional>
#include <string>
#include <vector>

#include "row_eval.h"
#include "tianping/analytics/case_frame.h"
#include "tianping/analytics/tag.h"
#include "tianping/common/date.h"

namespace tianping::analytics {

// Consecutive periods covering [from, to] (inclusive days): one period, or calendar years / quarters /
// months clipped to [from, to].
class Periods {
 public:
  Periods(Date from, Date to, const std::string& granularity);  // granularity: "" | year | quarter | month
  int count() const { return static_cast<int>(start_.size()); }
  // Period of day d: -1 before `from`, count() after `to`.
  int Index(int32_t d) const {
    if (d < from_) return -1;
    if (d > to_) return count();
    return index_[d - from_];
  }
  // First period whose last day is after day t (count() when none).
  int FirstEndAfter(int32_t t) const {
    if (t < from_) return 0;
    if (t >= to_) return count();
    int p = index_[t - from_];
    return end_[p] > t ? p : p + 1;
  }
  // Calendar months touched by [from, to], and by period p.
  int MonthCount() const { return static_cast<int>(month_period_.size()); }
  // Month (0-based from the month of `from`) of day d; -1 outside [from, to].
  int MonthIndex(int32_t d) const {
    if (d < from_ || d > to_) return -1;
    Date x = Date::FromDays(d);
    return (x.year() * 12 + x.month() - 1) - first_month_;
  }
  int PeriodOfMonth(int m) const { return month_period_[m]; }
  int MonthsIn(int p) const { return months_in_[p]; }
  int32_t Start(int p) const { return start_[p]; }
  int32_t End(int p) const { return end_[p]; }
  const std::string& Label(int p) const { return label_[p]; }

 private:
  int32_t from_, to_;
  std::vector<int32_t> start_, end_;
  std::vector<std::string> label_;
  std::vector<int> index_;
  int first_month_ = 0;
  std::vector<int> month_period_;  // by month index
  std::vector<int> months_in_;     // by period
};

struct GroupDim {
  std::vector<uint32_t> codes;  // per row
  uint32_t cardinality = 1;
  std::function<std::string(uint32_t)> label;
};

// court court_level province region judge category type stage procedure closure cause cause1..4 relation,
// any other categorical field (parent.court …), or tag:<name>.
Result<GroupDim> MakeGroupDim(const CaseFrame& f, const std::string& name, RowEvaluator* ev, const TagSet* tags);
// Dense group ids per row (first appearance order) and each group's codes.
void AssignGroups(const CaseFrame& f, const std::vector<GroupDim>& dims, std::vector<int32_t>* gid,
                  std::vector<std::vector<uint32_t>>* group_codes);

}  // namespace tianping::analytics
