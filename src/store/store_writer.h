// The single writer of a store directory: takes DIR/LOCK, removes the leftovers of interrupted commits,
// and commits snapshots with the protocol of docs/store-format.md "Commit": segment files and the
// quarantine file are written and fsynced first, then snapshots/<id>/MANIFEST.json (+ .crc32c), and last
// CURRENT is replaced by rename. A crash at any point leaves CURRENT at the previous snapshot.
// Thread-safety: one StoreWriter per directory (enforced across processes with flock); NewFilePath is
// thread-safe, the rest is not.
#pragma once

#include <atomic>
#include <memory>
#include <string>

#include "tianping/common/status.h"
#include "tianping/store/snapshot_info.h"

namespace tianping::store {

class StoreWriter {
 public:
  // Creates the directory layout when missing. Fails with kFailedPrecondition when another process holds
  // the lock.
  static Result<std::unique_ptr<StoreWriter>> Open(const std::string& dir);
  ~StoreWriter();

  const std::string& dir() const { return dir_; }
  const SnapshotInfo& current() const { return current_; }
  uint64_t next_id() const { return current_.id + 1; }

  // A fresh relative path "segments/<next id>-<n>.<ext>" for a file of the next snapshot.
  std::string NewFilePath(const std::string& ext);

  // Writes the quarantine file (when not empty) and the manifest, fsyncs, then switches CURRENT.
  // info.id and info.parent are set here. On success current() is the new snapshot.
  Result<SnapshotInfo> Commit(SnapshotInfo info, const std::string& quarantine_jsonl);

  // Test hook: when set, Commit returns after writing the manifest but before switching CURRENT.
  void set_fail_before_current_for_testing(bool v) { fail_before_current_ = v; }

 private:
  StoreWriter(std::string dir, int lock_fd) : dir_(std::move(dir)), lock_fd_(lock_fd) {}
  Status CollectGarbage();

  std::string dir_;
  int lock_fd_;
  SnapshotInfo current_;
  std::atomic<int> file_seq_{0};
  bool fail_before_current_ = false;
};

}  // namespace tianping::store
