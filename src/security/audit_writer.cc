#include "tianping/security/audit_writer.h"

#include <algorithm>
#include <future>
#include <utility>

namespace tianping::security {

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

void AuditWriter::AppendAsync(std::vector<AuditEntry> entries, Completion done) {
  {
    std::lock_guard<std::mutex> lock(mu_);
    if (!stop_) {
      bool wake = queue_.empty();  // the writer only ever waits for a non-empty queue
      stats_.queued += static_cast<int64_t>(entries.size());
      ++stats_.submissions;
      queue_.push_back({std::move(entries), std::move(done)});
      if (wake) work_.notify_one();
      return;
    }
  }
  done(Status::Internal("audit writer is stopped"));
}

Result<AuditRecord> AuditWriter::Append(AuditEntry entry) {
  std::promise<Result<std::vector<AuditRecord>>> committed;
  auto result = committed.get_future();
  std::vector<AuditEntry> one;
  one.push_back(std::move(entry));
  AppendAsync(std::move(one), [&committed](Result<std::vector<AuditRecord>> r) { committed.set_value(std::move(r)); });
  auto recs = result.get();
  if (!recs.ok()) return recs.status();
  return std::move(recs->front());
}

AuditWriterStats AuditWriter::stats() const {
  std::lock_guard<std::mutex> lock(mu_);
  return stats_;
}

void AuditWriter::Run() {
  std::vector<Submission> batch;
  std::vector<AuditEntry> entries;
  for (;;) {
    size_t n = 0;
    {
      std::unique_lock<std::mutex> lock(mu_);
      work_.wait(lock, [&] { return stop_ || !queue_.empty(); });
      if (queue_.empty()) return;  // stopping and drained
      // Everything queued while the previous batch was being committed goes into this one; a submission
      // is never split (the first one is taken even when it alone exceeds max_batch_).
      while (!queue_.empty() && (n == 0 || n + queue_.front().entries.size() <= max_batch_)) {
        n += queue_.front().entries.size();
        batch.push_back(std::move(queue_.front()));
        queue_.pop_front();
      }
      stats_.queued -= static_cast<int64_t>(n);
      stats_.committing = static_cast<int64_t>(n);
    }
    entries.clear();
    for (Submission& s : batch) {
      for (AuditEntry& e : s.entries) entries.push_back(std::move(e));
    }
    auto recs = log_->AppendBatch(entries);
    {
      std::lock_guard<std::mutex> lock(mu_);
      ++stats_.batches;
      stats_.committing = 0;
      if (recs.ok()) {
        stats_.records += static_cast<int64_t>(n);
        stats_.max_batch = std::max(stats_.max_batch, static_cast<int64_t>(n));
      } else {
        stats_.failed += static_cast<int64_t>(n);
      }
    }
    // Completions run without mu_: they may submit again (AppendAsync) or read stats().
    size_t at = 0;
    for (Submission& s : batch) {
      size_t k = s.entries.size();
      if (recs.ok()) {
        std::vector<AuditRecord> mine(std::make_move_iterator(recs->begin() + at),
                                      std::make_move_iterator(recs->begin() + at + k));
        s.done(std::move(mine));
      } else {
        s.done(recs.status());
      }
      at += k;
    }
    batch.clear();
  }
}

}  // namespace tianping::security
