// LoadCaseFrameStore: a case-store snapshot → CaseFrame. Each row is decoded into a Case
// (StoreSnapshot::ReadCase) and added through the same CaseFrameBuilder as JSONL, so both sources give
// the same frame up to row order (the engine's output does not depend on row order).
#include "tianping/analytics/case_frame.h"
#include "tianping/common/progress.h"
#include "tianping/store/store.h"

namespace tianping::analytics {

Result<std::shared_ptr<const CaseFrame>> LoadCaseFrameStore(const StoreSnapshot& snap, const ReferenceData& ref,
                                                            const std::function<bool(const Case&)>& keep) {
  const SnapshotInfo& info = snap.info();
  Progress progress("load", "cases", info.case_count());
  CaseFrameBuilder builder(ref);
  for (uint32_t p = 0; p < info.partitions.size(); ++p) {
    const uint64_t n = info.partitions[p].case_count;
    for (uint32_t row = 0; row < n; ++row) {
      auto c = snap.ReadCase(CaseRef{p, row});
      if (!c.ok())
        return c.status().WithContext(snap.dir() + " partition " + info.partitions[p].name + " row " +
                                      std::to_string(row) + ": ");
      if (!keep || keep(*c)) builder.Add(*c);
      if ((row & 4095) == 4095) progress.Add(4096);
    }
    progress.Add(n & 4095);
  }
  progress.Finish();
  return std::make_shared<const CaseFrame>(builder.Finish());
}

}  // namespace tianping::analytics
