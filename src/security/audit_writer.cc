#include "tianping/security/audit_writer.h"

#include <algorithm>
#include <utility>
#include <vector>

namespace tianping::security {

struct AuditWriter::Waiter {
  AuditEntry entry;
  Result<AuditRecord> result = Status::Internal("audit record not written");
  bool done = false;             // guarded by AuditWriter::mu_
  std::condition_variable wake;  // only this waiter is woken (no thundering herd over the whole queue)
};

Result<std::unique_ptr<AuditWriter>> AuditWriter::Open(const std::string& data_dir, size_t max_batch) {
  auto log = AuditLog::Open(data_dir);
  if (!log.ok()) return log.status();
  return std::unique_ptr<AuditWriter>(new AuditWriter(std::move(log).value(), max_batch ? max_batch : 1));
}

AuditWriter::AuditWriter(std::unique_ptr<AuditLog> log, size_t max_batch)
    : log_(std::move(log)), max_batch_(max_batch), thread_([this] { Run(); }) {}

AuditWriter::~AuditWriter() {
  {
    std::lock_guard<std::mutex> lock(mu_);
    stop_ = true;
  }
  work_.notify_one();
  thread_.join();
}

Result<AuditRecord> AuditWriter::Append(AuditEntry entry) {
  Waiter w;
  w.entry = std::move(entry);
  std::unique_lock<std::mutex> lock(mu_);
  if (stop_) return Status::Internal("audit writer is stopped");
  queue_.push_back(&w);
  ++stats_.queued;
  work_.notify_one();
  w.wake.wait(lock, [&] { return w.done; });
  return std::move(w.result);
}

AuditWriterStats AuditWriter::stats() const {
  std::lock_guard<std::mutex> lock(mu_);
  return stats_;
}

void AuditWriter::Run() {
  std::vector<Waiter*> batch;
  std::vector<AuditEntry> entries;
  for (;;) {
    {
      std::unique_lock<std::mutex> lock(mu_);
      work_.wait(lock, [&] { return stop_ || !queue_.empty(); });
      if (queue_.empty()) return;  // stopping and drained
      // Everything queued while the previous batch was being committed goes into this one.
      while (!queue_.empty() && batch.size() < max_batch_) {
        batch.push_back(queue_.front());
        queue_.pop_front();
      }
      stats_.queued -= static_cast<int64_t>(batch.size());
      stats_.committing = static_cast<int64_t>(batch.size());
    }
    entries.clear();
    for (Waiter* w : batch) entries.push_back(w->entry);  // waiters stay blocked: their entries are alive
    auto recs = log_->AppendBatch(entries);
    {
      std::lock_guard<std::mutex> lock(mu_);
      ++stats_.batches;
      stats_.committing = 0;
      if (recs.ok()) {
        stats_.records += static_cast<int64_t>(batch.size());
        stats_.max_batch = std::max(stats_.max_batch, static_cast<int64_t>(batch.size()));
      } else {
        stats_.failed += static_cast<int64_t>(batch.size());
      }
      for (size_t i = 0; i < batch.size(); ++i) {
        if (recs.ok()) batch[i]->result = std::move((*recs)[i]);
        else batch[i]->result = recs.status();
        batch[i]->done = true;
        batch[i]->wake.notify_one();  // under mu_: the waiter (and its cv) cannot go away before this
      }
    }
    batch.clear();
  }
}

}  // namespace tianping::security
