// What a store snapshot contains and what changed in it — the content of
// DIR/snapshots/<id>/MANIFEST.json (format: docs/store-format.md "Manifest").
// Thread-safety: plain values.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <vector>

namespace tianping {

struct ChangeSummary {           // relative to the parent snapshot
  int64_t cases_added = 0;
  int64_t cases_changed = 0;
  int64_t cases_removed = 0;
  int64_t cases_unchanged = 0;   // re-ingested with identical content
  int64_t documents_added = 0;
  int64_t documents_changed = 0;
  int64_t documents_removed = 0;
  int64_t documents_unchanged = 0;
  int64_t quarantined = 0;       // input rows rejected into quarantine/<id>.jsonl
  int64_t duplicates = 0;        // identical repeats of a case or document within the batch
  int64_t removals_ignored = 0;  // IngestOptions::remove_case_ids / remove_document_ids not in the parent
};

struct StoreFile {
  std::string path;              // relative to the store directory; empty when absent
  uint64_t size = 0;
  uint32_t crc32c = 0;           // of the whole file
};

struct PartitionInfo {           // one province (高院辖区), or 最高法 for the Supreme People's Court
  std::string name;
  StoreFile cases;               // case segment (cases, parties, agents, indexes)
  StoreFile documents;           // document segment; path empty when the partition has none
  uint64_t case_count = 0;
  uint64_t party_count = 0;
  uint64_t document_count = 0;
};

struct SnapshotInfo {
  uint64_t id = 0;               // 1, 2, …; 0 = the empty store before any commit
  uint64_t parent = 0;
  std::string created_at;        // UTC, ISO 8601
  std::string description;       // "ingest cases.jsonl", "rollback to 3"
  std::string quarantine;        // relative path of the quarantine file, empty when nothing was rejected
  ChangeSummary changes;
  // Key/value pairs of the data source (e.g. a connector's watermark), carried forward from the parent
  // unless an ingest overwrites a key; a rollback restores the target's state.
  std::map<std::string, std::string> source_state;
  std::vector<PartitionInfo> partitions;  // sorted by name
  uint64_t case_count() const;
  uint64_t party_count() const;
  uint64_t document_count() const;
  uint64_t bytes() const;        // total size of the files it references
};

}  // namespace tianping
