// AuditWriter: group commit for the audit log (docs/security.md, "Group commit"). Callers either block in
// Append() until the batch holding their entry is durably committed, or submit entries with AppendAsync()
// and get a completion callback once they are durable (or failed). One writer thread takes everything
// queued, appends it with AuditLog::AppendBatch (one IMMEDIATE transaction, one fsync, one head update per
// batch) in submission order and then completes the submissions with their records — or, when the batch
// fails, every submission of that batch with the error. The chain format is AuditLog's, unchanged; other
// processes (the CLI) may append to the same store between batches.
// Thread-safety: Append(), AppendAsync() and stats() may be called from any number of threads concurrently.
#pragma once

#include <condition_variable>
#include <cstdint>
#include <deque>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

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
  int64_t submissions = 0;  // AppendAsync / Append calls accepted (a submission may hold several entries)
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

  // Called once per submission with the committed records (in submission order) or the error of the batch
  // that held them. Runs on the writer thread (or, when the writer is stopped, inline in AppendAsync): it
  // must be quick and must not call Append() (it would wait for itself); post real work elsewhere.
  using Completion = std::function<void(Result<std::vector<AuditRecord>>)>;
  // Queues `entries` (REQUIRES: not empty) without blocking; they are committed together, in one batch,
  // consecutive in the chain. After the destructor started, `done` gets an error at once.
  void AppendAsync(std::vector<AuditEntry> entries, Completion done);
  AuditWriterStats stats() const;

 private:
  struct Submission {
    std::vector<AuditEntry> entries;
    Completion done;
  };
  AuditWriter(std::unique_ptr<AuditLog> log, size_t max_batch);
  void Run();

  std::unique_ptr<AuditLog> log_;  // used by the writer thread only
  const size_t max_batch_;
  mutable std::mutex mu_;
  std::condition_variable work_;   // writer: queue non-empty or stopping
  std::deque<Submission> queue_;   // guarded by mu_
  bool stop_ = false;              // guarded by mu_
  AuditWriterStats stats_;         // guarded by mu_
  std::thread thread_;
};

}  // namespace tianping::security
