// AuditWriter: group commit for the audit log (docs/security.md, "Group commit"). Request threads call
// Append(), which enqueues the entry and blocks until the batch holding it is durably committed; one writer
// thread takes everything queued, appends it with AuditLog::AppendBatch (one IMMEDIATE transaction, one
// fsync, one head update per batch) and wakes the waiters with their records — or, when the batch fails,
// every waiter of that batch with the error. The chain format is AuditLog's, unchanged; other processes
// (the CLI) may append to the same store between batches.
// Thread-safety: Append() and stats() may be called from any number of threads concurrently.
#pragma once

#include <condition_variable>
#include <cstdint>
#include <deque>
#include <memory>
#include <mutex>
#include <string>
#include <thread>

#include "tianping/common/status.h"
#include "tianping/security/audit_log.h"

namespace tianping::security {

struct AuditWriterStats {
  int64_t batches = 0;    // commits attempted
  int64_t records = 0;    // records committed
  int64_t failed = 0;     // records whose batch failed
  int64_t max_batch = 0;  // largest batch committed
  int64_t queued = 0;     // entries waiting for the writer now
  int64_t committing = 0; // entries in the batch being committed now
};

class AuditWriter {
 public:
  // Opens its own AuditLog (its own SQLite connection) on `data_dir`. `max_batch` bounds one transaction.
  static Result<std::unique_ptr<AuditWriter>> Open(const std::string& data_dir, size_t max_batch = 4096);
  // Commits what is still queued, then stops the writer thread.
  ~AuditWriter();
  AuditWriter(const AuditWriter&) = delete;
  AuditWriter& operator=(const AuditWriter&) = delete;

  // Blocks until `entry` is committed (returns its record) or its batch failed (returns the error; nothing
  // of that batch was appended).
  Result<AuditRecord> Append(AuditEntry entry);
  AuditWriterStats stats() const;

 private:
  struct Waiter;
  AuditWriter(std::unique_ptr<AuditLog> log, size_t max_batch);
  void Run();

  std::unique_ptr<AuditLog> log_;  // used by the writer thread only
  const size_t max_batch_;
  mutable std::mutex mu_;
  std::condition_variable work_;   // writer: queue non-empty or stopping
  std::deque<Waiter*> queue_;      // guarded by mu_
  bool stop_ = false;              // guarded by mu_
  AuditWriterStats stats_;         // guarded by mu_
  std::thread thread_;
};

}  // namespace tianping::security
