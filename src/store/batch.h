// One ingest batch: new and changed cases and documents grouped by partition, conflict detection within
// the batch, quarantine records, and the upsert merge with the base snapshot at commit.
// Rules (docs/store-format.md "Upsert"): a case id seen twice in the batch with the same content is a
// duplicate (kept once); with different content every occurrence is quarantined. At commit, rows equal
// to the stored ones count as unchanged and leave their partition untouched; only partitions with added,
// changed or removed rows get new files. Thread-safety: none; one batch per StoreWriter.
#pragma once

#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "store/case_segment_builder.h"
#include "store/store_writer.h"
#include "tianping/store/ingest.h"
#include "tianping/model/case.h"
#include "tianping/store/store.h"

namespace tianping::store {

struct SourcePos {
  uint32_t file = 0;   // index into the batch's file names
  int64_t line = 0;    // 1-based
};

class Batch {
 public:
  // `base` is the writer's current snapshot, opened for reading. Both must outlive the batch.
  Batch(StoreWriter* writer, const StoreSnapshot* base);
  ~Batch();

  uint32_t AddFileName(std::string name);
  // REQUIRES: c passed validation; `partition` names its province partition; fingerprint is
  // CaseFingerprint(c) (computed by the caller, possibly on another thread).
  void AddCase(const Case& c, uint64_t fingerprint, const std::string& partition, SourcePos pos,
               std::string_view raw);
  void AddCase(const Case& c, const std::string& partition, SourcePos pos, std::string_view raw);
  // Bulk path: takes `block` (cases of one partition built on another thread, no drops) as it is — it is
  // concatenated with the partition's other blocks only when spilled or committed, on the writer threads
  // — and returns (partition index, row of the block's first case). Then call RegisterCase for each of
  // its rows, in input order.
  std::pair<uint32_t, uint32_t> MergeBlock(const std::string& partition, std::unique_ptr<CaseSegmentBuilder> block);
  // Applies the batch rules (duplicate, conflict) to a row already in a partition's builder.
  void RegisterCase(uint32_t partition, uint32_t row, SourcePos pos, std::string_view raw);
  void AddDocument(const Document& d, SourcePos pos, std::string_view raw);
  void Quarantine(SourcePos pos, std::string_view field, std::string_view reason, std::string_view raw);
  // Cases of the base snapshot to delete at commit (with their parties and documents) unless the batch
  // holds a valid row with the same id. Ids the base lacks are counted as removals_ignored.
  void RemoveCases(const std::vector<std::string>& case_ids);
  // Documents of the base snapshot to delete at commit (their cases stay) unless the batch holds a valid
  // row with the same id. Ids the base lacks are counted as removals_ignored too.
  void RemoveDocuments(const std::vector<std::string>& doc_ids);
  // Keys to set in the new snapshot's source_state (the base's other keys are carried forward).
  void SetSourceState(const std::map<std::string, std::string>& state);
  // Names quarantined rows by their origin instead of file and line (IngestOptions::locate_row).
  void SetLocator(std::function<RowSource(size_t, int64_t, std::string_view)> locate) { locate_ = std::move(locate); }

  // Spill: once `cases` batch rows are held in memory, MaybeSpill writes every partition's rows to a
  // temporary run file (segments/<next>-<n>.run, never named by a manifest; removed by ~Batch or, after a
  // crash, by the next writer's garbage collection) and frees them; Commit reads the runs back partition
  // by partition. 0 = never spill.
  void set_spill_cases(size_t cases) { spill_cases_ = cases; }
  // Threads that write spill runs (one partition each at a time); Commit takes its own count.
  void set_spill_threads(int threads) { spill_threads_ = threads; }
  Status MaybeSpill();

  int64_t cases_seen() const { return cases_seen_; }
  int64_t documents_seen() const { return documents_seen_; }
  int64_t quarantined() const { return quarantined_; }

  // Merges with the base snapshot, writes the changed partitions on `threads` threads and commits.
  Result<SnapshotInfo> Commit(const std::string& description, int threads);

 private:
  struct Entry {
    uint32_t partition;  // index into partitions_
    uint32_t row;        // row in that partition's builder
    uint64_t fingerprint;
    SourcePos pos;
    bool conflicted = false;
    bool superseded_old = false;  // matched a stored row
    uint64_t check = 0;           // cases: Hash64(id, kCheckSeed); with the map key, a 128-bit id hash
  };
  // Case ids are matched within a batch by two independent 64-bit hashes (rows may be spilled to disk,
  // so their ids are not at hand); colliding first hashes fall back to the exact-id overflow map.
  static constexpr uint64_t kCheckSeed = 0x7469616e70696e67ULL;
  // Map from a 64-bit id hash to its Entry: open addressing over (hash, index) slots, entries in a vector
  // (no node per id, unlike std::unordered_map). Entry pointers stay valid until the next Insert.
  class EntryMap {
   public:
    Entry* Find(uint64_t hash) {
      if (slots_.empty()) return nullptr;
      const size_t mask = slots_.size() - 1;
      for (size_t i = hash & mask; slots_[i].index_plus_one; i = (i + 1) & mask) {
        if (slots_[i].hash == hash) return &entries_[slots_[i].index_plus_one - 1];
      }
      return nullptr;
    }
    // False (and nothing inserted) when `hash` is already present.
    bool Insert(uint64_t hash, const Entry& e);
    const std::vector<Entry>& entries() const { return entries_; }

   private:
    struct Slot {
      uint64_t hash;
      uint32_t index_plus_one;  // 0 = empty
    };
    void Grow();
    std::vector<Slot> slots_;
    std::vector<Entry> entries_;
  };
  struct Partition;
  uint32_t PartitionIndex(const std::string& name);
  Entry* FindCaseEntry(std::string_view id);
  Entry* FindCaseEntry(std::string_view id, uint64_t hash);  // hash == Hash64(id)
  Entry* FindDocEntry(std::string_view id);
  // True when `id` is to be removed: listed in RemoveCases and not held by the batch.
  bool Removes(std::string_view id);
  void PlaceDocument(const Document& d, uint32_t partition, SourcePos pos, std::string_view raw);
  Status PlacePendingDocuments();
  std::string Where(SourcePos pos) const;
  Status MergeCases(ChangeSummary* changes);
  Status MergeDocuments(ChangeSummary* changes);
  Status WritePartition(Partition* p, PartitionInfo* out);

  StoreWriter* writer_;
  const StoreSnapshot* base_;
  std::vector<std::string> files_;
  std::vector<std::unique_ptr<Partition>> partitions_;
  std::map<std::string, uint32_t> partition_index_;
  EntryMap cases_, docs_;  // by Hash64 of the id
  std::unordered_map<std::string, Entry> case_overflow_, doc_overflow_;  // hash collisions
  DocSegmentBuilder pending_docs_;              // documents whose case is not in the batch
  std::vector<SourcePos> pending_pos_;
  std::string quarantine_;
  std::unordered_set<std::string> remove_;            // RemoveCases ids
  std::unordered_set<std::string> removed_found_;     // of those, the ones found in the base
  std::unordered_set<std::string> remove_docs_;       // RemoveDocuments ids
  std::unordered_set<std::string> removed_docs_found_;  // of those, the ones found in the base
  std::map<std::string, std::string> source_state_;
  std::function<RowSource(size_t, int64_t, std::string_view)> locate_;
  size_t spill_cases_ = 0, held_cases_ = 0;
  int spill_threads_ = 1;
  int64_t cases_seen_ = 0, documents_seen_ = 0, quarantined_ = 0, duplicates_ = 0;
};

}  // namespace tianping::store
