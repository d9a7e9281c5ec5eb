#include "frame_source.h"

#include "tianping/store/store.h"

namespace tianping::cli {

Result<LoadedFrame> LoadFrame(const std::string& in, const std::string& data_dir, const ReferenceData& ref,
                              const ReaderOptions& who, const std::string& command, const std::string& detail,
                              uint32_t columns) {
  LoadedFrame out;
  if (!in.empty()) {
    auto f = analytics::LoadCaseFrameJsonl(in, ref);
    if (!f.ok()) return f.status();
    out.frame = std::move(f).value();
    return out;
  }
  auto snap = StoreSnapshot::Open(data_dir);
  if (!snap.ok()) return snap.status();
  if ((*snap)->info().id == 0)
    return Status::NotFound("no case store in " + data_dir +
                            " (fill it with tianping ingest --data DIR, or read a cases.jsonl with --in)");
  auto reader = GuardedReader::Open(data_dir, who, command);
  if (!reader.ok()) return reader.status();
  out.reader = std::move(reader).value();
  std::string object = "store snapshot " + std::to_string((*snap)->info().id);
  // Audit before access: no record, no data.
  TP_RETURN_IF_ERROR(out.reader->Audit("request", object, 0, command + " " + detail));
  auto f = analytics::LoadCaseFrameStore(**snap, ref, columns | security::kVisibilityColumns);
  if (!f.ok()) return f.status();
  out.frame = std::move(f).value();
  auto visible = security::VisibleRowsOf(*out.frame, out.reader->guard(), out.reader->principal());
  if (!visible.ok()) return visible.status();
  out.visible = std::move(visible).value();
  TP_RETURN_IF_ERROR(out.reader->Audit("count", object, out.visible.Count(*out.frame), command + " " + detail));
  return out;
}

}  // namespace tianping::cli
