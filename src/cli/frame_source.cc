#include "frame_source.h"

#include "tianping/store/store.h"

namespace tianping::cli {

Result<std::shared_ptr<const analytics::CaseFrame>> LoadFrame(const std::string& in, const std::string& data_dir,
                                                              const ReferenceData& ref, uint32_t columns) {
  if (!in.empty()) return analytics::LoadCaseFrameJsonl(in, ref);
  auto snap = StoreSnapshot::Open(data_dir);
  if (!snap.ok()) return snap.status();
  if ((*snap)->info().id == 0)
    return Status::NotFound("no case store in " + data_dir +
                            " (fill it with tianping ingest --data DIR, or read a cases.jsonl with --in)");
  return analytics::LoadCaseFrameStore(**snap, ref, columns);
}

}  // namespace tianping::cli
