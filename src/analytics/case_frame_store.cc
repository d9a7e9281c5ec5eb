// LoadCaseFrameStore: a case-store snapshot → CaseFrame, column by column. Each partition's segment
// columns are decoded whole (only the groups asked for), dictionary columns are mapped once per distinct
// segment dictionary entry (not per row) through the same CaseFrameBuilder code functions as JSONL, and
// derived_from links are resolved by a hash index of case ids per partition (links mostly stay in their
// province's partition; the rest are looked up in every partition). Three phases: decode (parallel over
// partitions), map dictionaries (sequential, in partition order, so codes and "first seen" choices are
// those of a row-by-row load), translate codes (parallel).
#include <algorithm>
#include <atomic>
#include <cstring>
#include <thread>

#include "store/case_schema.h"
#include "store/case_segment_reader.h"
#include "store/hash64.h"
#include "store_columns.h"
#include "tianping/analytics/case_frame.h"
#include "tianping/common/progress.h"
#include "tianping/store/store.h"

namespace tianping::analytics {
namespace {

using store::ColumnMeta;
using store::SegmentReader;
using store::TableMeta;

// Runs fn(p) for p in [0, n) on `threads` threads; returns the first failure.
Status ParallelFor(size_t n, int threads, const std::function<Status(size_t)>& fn) {
  std::atomic<size_t> next{0};
  std::vector<Status> status(std::max(1, threads), Status::Ok());
  auto work = [&](int t) {
    for (size_t i; (i = next.fetch_add(1)) < n;) {
      Status s = fn(i);
      if (!s.ok()) { status[t] = s; next = n; }
    }
  };
  std::vector<std::thread> pool;
  for (int t = 1; t < threads; ++t) pool.emplace_back(work, t);
  work(0);
  for (auto& th : pool) th.join();
  for (const Status& s : status) TP_RETURN_IF_ERROR(s);
  return Status::Ok();
}

std::vector<std::string> SplitPath(std::string_view s) {
  std::vector<std::string> out;
  if (s.empty()) return out;
  size_t start = 0;
  for (;;) {
    size_t at = s.find(store::kListSeparator, start);
    out.emplace_back(s.substr(start, at == std::string_view::npos ? std::string_view::npos : at - start));
    if (at == std::string_view::npos) break;
    start = at + 1;
  }
  return out;
}

}  // namespace

Result<std::shared_ptr<const CaseFrame>> LoadCaseFrameStore(const StoreSnapshot& snap, const ReferenceData& ref,
                                                            uint32_t columns, int threads) {
  const SnapshotInfo& info = snap.info();
  const size_t P = info.partitions.size();
  std::vector<PartitionColumns> parts(P);
  uint64_t total = 0;
  for (size_t p = 0; p < P; ++p) {
    parts[p].base = static_cast<uint32_t>(total);
    total += snap.cases(static_cast<uint32_t>(p)).case_count();
  }
  if (total >= (1ull << 31)) return Status::InvalidArgument(snap.dir() + ": more than 2^31 cases do not fit a frame");
  const uint32_t n = static_cast<uint32_t>(total);
  CaseFrameBuilder builder(ref);
  CaseFrame& f = builder.frame();
  f.rows = n;
  f.loaded = columns;
  f.filed.resize(n);
  f.closed.resize(n);
  f.parent.assign(n, -1);
  f.court.resize(n);
  f.type_code.resize(n);
  f.stage.resize(n);
  f.closure.resize(n);
  f.relation.resize(n);
  FrameMasks masks;
  masks.Allocate(n, columns);
  AllocateGroups(&f, columns);
  Progress progress("load", "cases", n);

  // Phase 1: decode every partition's columns; resolve links within the partition.
  TP_RETURN_IF_ERROR(ParallelFor(P, threads, [&](size_t p) {
    Status s = DecodePartition(snap.cases(static_cast<uint32_t>(p)), columns, &f, &masks, &parts[p]);
    if (!s.ok()) return s.WithContext(snap.dir() + " partition " + info.partitions[p].name + ": ");
    progress.Add(parts[p].rows);
    return Status::Ok();
  }));
  // Links to a case of another partition (or to none).
  for (size_t p = 0; p < P; ++p) {
    for (uint32_t row : parts[p].unresolved) {
      std::string_view key = parts[p].DerivedId(row);
      for (size_t q = 0; q < P; ++q) {
        if (q == p) continue;
        int64_t hit = parts[q].ids.Find(key, store::Hash64(key));
        if (hit >= 0) { f.parent[parts[p].base + row] = static_cast<int32_t>(parts[q].base + hit); break; }
      }
    }
  }
  // Phase 2: dictionaries, in partition order.
  for (size_t p = 0; p < P; ++p) MapDictionaries(&builder, columns, &parts[p], SplitPath);
  // Phase 3: codes.
  if (columns & kFrameCaseIds) f.case_ids.resize(n);
  TP_RETURN_IF_ERROR(ParallelFor(P, threads, [&](size_t p) {
    TranslateCodes(columns, &f, &parts[p]);
    if (columns & kFrameCaseIds)
      for (uint32_t row = 0; row < parts[p].rows; ++row) f.case_ids[parts[p].base + row] = parts[p].case_id.Value(row);
    return Status::Ok();
  }));
  if (columns & kFramePartyTable) {
    for (size_t p = 0; p < P; ++p) AppendParties(&f, &parts[p], &masks);
  }
  parts.clear();
  masks.ToBitmaps(&f);
  for (uint32_t i = 0; i < n; ++i) f.max_date = std::max({f.max_date, f.filed[i], f.closed[i]});
  FinishDerivedColumns(&f);
  progress.Finish();
  return std::make_shared<const CaseFrame>(std::move(f));
}

}  // namespace tianping::analytics
