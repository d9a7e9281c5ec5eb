// Snapshot history operations: diff and rollback. See docs/store-format.md "Snapshots".
#include <algorithm>
#include <set>
#include <unordered_map>

#include "store/manifest.h"
#include "store/store_writer.h"
#include "tianping/store/store.h"

namespace tianping {
namespace {

// Ids and fingerprints of the cases (or documents) in files of `s` that `other` does not share.
Status CollectUnshared(const StoreSnapshot& s, const StoreSnapshot& other, bool documents,
                       std::unordered_map<std::string, uint64_t>* out) {
  std::set<std::string> shared;
  for (const auto& p : other.info().partitions) shared.insert(documents ? p.documents.path : p.cases.path);
  std::set<uint32_t> partitions;
  for (uint32_t i = 0; i < s.info().partitions.size(); ++i) {
    const auto& p = s.info().partitions[i];
    const std::string& path = documents ? p.documents.path : p.cases.path;
    if (!path.empty() && !shared.count(path)) partitions.insert(i);
  }
  auto fn = [&](CaseRef ref, std::string_view id, uint64_t fp) {
    if (partitions.count(ref.partition)) out->emplace(std::string(id), fp);
  };
  return documents ? s.ScanDocuments(fn) : s.ScanCases(fn);
}

}  // namespace

Result<SnapshotDiff> DiffSnapshots(const std::string& dir, uint64_t a, uint64_t b) {
  SnapshotDiff diff;
  diff.from = a;
  diff.to = b;
  auto open = [&](uint64_t id) -> Result<std::unique_ptr<StoreSnapshot>> {
    if (id == 0) return StoreSnapshot::Empty(dir);
    return StoreSnapshot::Open(dir, id);
  };
  auto sa = open(a);
  if (!sa.ok()) return sa.status();
  auto sb = open(b);
  if (!sb.ok()) return sb.status();
  for (bool documents : {false, true}) {
    std::unordered_map<std::string, uint64_t> in_a, in_b;
    TP_RETURN_IF_ERROR(CollectUnshared(**sa, **sb, documents, &in_a));
    TP_RETURN_IF_ERROR(CollectUnshared(**sb, **sa, documents, &in_b));
    std::vector<std::string> added, changed, removed;
    for (const auto& [id, fp] : in_b) {
      auto it = in_a.find(id);
      if (it == in_a.end()) {
        added.push_back(id);
      } else if (it->second != fp) {
        changed.push_back(id);
      }
    }
    for (const auto& [id, fp] : in_a) {
      if (!in_b.count(id)) removed.push_back(id);
    }
    if (documents) {
      diff.documents_added = static_cast<int64_t>(added.size());
      diff.documents_changed = static_cast<int64_t>(changed.size());
      diff.documents_removed = static_cast<int64_t>(removed.size());
    } else {
      std::sort(added.begin(), added.end());
      std::sort(changed.begin(), changed.end());
      std::sort(removed.begin(), removed.end());
      diff.cases_added = std::move(added);
      diff.cases_changed = std::move(changed);
      diff.cases_removed = std::move(removed);
    }
  }
  return diff;
}

Result<SnapshotInfo> Rollback(const std::string& dir, uint64_t to) {
  auto writer = store::StoreWriter::Open(dir);
  if (!writer.ok()) return writer.status();
  const SnapshotInfo& cur = (*writer)->current();
  if (to > cur.id) return Status::NotFound("store " + dir + " has no snapshot " + std::to_string(to));
  SnapshotInfo target;
  if (to != 0) {
    auto t = store::ReadManifest(dir, to, false, 0);
    if (!t.ok()) return t.status();
    target = std::move(*t);
  }
  auto diff = DiffSnapshots(dir, cur.id, to);
  if (!diff.ok()) return diff.status();
  SnapshotInfo next;
  next.description = "rollback to " + std::to_string(to);
  next.partitions = target.partitions;
  next.source_state = target.source_state;
  next.changes.cases_added = static_cast<int64_t>(diff->cases_added.size());
  next.changes.cases_changed = static_cast<int64_t>(diff->cases_changed.size());
  next.changes.cases_removed = static_cast<int64_t>(diff->cases_removed.size());
  next.changes.documents_added = diff->documents_added;
  next.changes.documents_changed = diff->documents_changed;
  next.changes.documents_removed = diff->documents_removed;
  return (*writer)->Commit(std::move(next), "");
}

}  // namespace tianping
