// Read access to the case store (案件库): one consistent snapshot of DIR (default ./tianping-data).
// Open() follows DIR/CURRENT once; later commits by a writer do not change what an open snapshot sees
// (files are immutable; see docs/store-format.md). Every byte read is checked (block CRC32C), so
// corruption surfaces as Status kCorruption naming the file, never as wrong data.
// Decompressed blocks are cached, at most $TIANPING_CACHE_MB (default 512) MiB per open snapshot.
// Thread-safety: all const methods are thread-safe.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "tianping/common/status.h"
#include "tianping/model/case.h"
#include "tianping/store/case_fields.h"
#include "tianping/store/snapshot_info.h"

namespace tianping {

namespace store {
class CaseSegmentReader;
class DocSegmentReader;
}  // namespace store

// ./tianping-data, or $TIANPING_DATA when set.
std::string DefaultDataDir();

struct CaseRef {                // a case row in one partition of the snapshot
  uint32_t partition = 0;       // index into info().partitions
  uint32_t row = 0;
  friend bool operator==(CaseRef a, CaseRef b) { return a.partition == b.partition && a.row == b.row; }
};

enum class PartyKey { kName, kIdNumber, kCreditCode };

struct PartyHit {
  CaseRef case_ref;
  uint32_t party_row = 0;       // row in the partition's party table
};

class StoreSnapshot {
 public:
  // Opens snapshot `id` of `dir`, or the one CURRENT names when id is 0. A directory without CURRENT
  // opens as the empty snapshot 0.
  static Result<std::unique_ptr<StoreSnapshot>> Open(const std::string& dir, uint64_t id = 0);
  // The empty snapshot 0 of `dir`.
  static std::unique_ptr<StoreSnapshot> Empty(const std::string& dir);
  ~StoreSnapshot();

  const SnapshotInfo& info() const { return info_; }
  const std::string& dir() const { return dir_; }

  Result<Case> ReadCase(CaseRef ref) const;
  Result<Party> ReadParty(uint32_t partition, uint32_t party_row) const;
  // Only the parts `fields` (CaseFields bits) of the case; the rest default. Equal, field by field, to
  // ReadCase for the parts read. `first_party_row`, when given, receives the party-table row of
  // parties[0] (PartyHit::party_row - *first_party_row is the hit's index in parties).
  Result<Case> ReadCaseFields(CaseRef ref, uint32_t fields, uint32_t* first_party_row = nullptr) const;
  Result<std::optional<CaseRef>> FindCase(std::string_view case_id) const;
  Result<std::vector<CaseRef>> FindCasesByNumber(std::string_view case_number) const;
  // Cases whose derived_from names `case_id` (its appeals, retrials, executions …).
  Result<std::vector<CaseRef>> FindDerivedFrom(std::string_view case_id) const;
  Result<std::vector<PartyHit>> FindParties(PartyKey key, std::string_view value) const;
  Result<std::vector<Document>> DocumentsOfCase(std::string_view case_id) const;
  Result<std::optional<Document>> FindDocument(std::string_view doc_id) const;

  // fn(ref, case_id, fingerprint) for every case, partition by partition in row order.
  Status ScanCases(const std::function<void(CaseRef, std::string_view, uint64_t)>& fn) const;
  // Same for documents (ref.row is the document row).
  Status ScanDocuments(const std::function<void(CaseRef, std::string_view, uint64_t)>& fn) const;
  // Partition readers, for the ingest merge. REQUIRES: p < info().partitions.size().
  const store::CaseSegmentReader& cases(uint32_t p) const { return *cases_[p]; }
  const store::DocSegmentReader* documents(uint32_t p) const { return docs_[p].get(); }

  // Reads every file in full and compares its CRC32C with the manifest.
  Status Verify() const;

 private:
  StoreSnapshot() = default;
  std::string dir_;
  SnapshotInfo info_;
  std::vector<std::unique_ptr<store::CaseSegmentReader>> cases_;
  std::vector<std::unique_ptr<store::DocSegmentReader>> docs_;  // null when a partition has none
};

// Every committed snapshot, oldest first.
Result<std::vector<SnapshotInfo>> ListSnapshots(const std::string& dir);

struct SnapshotDiff {
  uint64_t from = 0, to = 0;
  std::vector<std::string> cases_added, cases_changed, cases_removed;  // case ids, sorted
  int64_t documents_added = 0, documents_changed = 0, documents_removed = 0;
};
// What changed from snapshot `a` to snapshot `b` (either may be 0, the empty store).
// Partitions whose files are identical in both are skipped without reading them.
Result<SnapshotDiff> DiffSnapshots(const std::string& dir, uint64_t a, uint64_t b);

// Commits a new snapshot whose content is that of snapshot `to` (history is kept: nothing is deleted,
// and the rollback itself can be rolled back).
Result<SnapshotInfo> Rollback(const std::string& dir, uint64_t to);

}  // namespace tianping
