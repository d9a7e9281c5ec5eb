#include "tianping/service/snapshot_holder.h"

#include <algorithm>
#include <cstdio>
#include <fstream>
#include <utility>
#include <sstream>

namespace tianping::service {
namespace {

int64_t UnixMillis() {
  return std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::system_clock::now().time_since_epoch())
      .count();
}

}  // namespace

SnapshotHolder::SnapshotHolder(std::string dir, Loader loader) : dir_(std::move(dir)), loader_(std::move(loader)) {}

SnapshotHolder::~SnapshotHolder() { Stop(); }

std::string SnapshotHolder::ReadCurrent() const {
  std::ifstream in(dir_ + "/CURRENT");
  if (!in) return "";
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

Status SnapshotHolder::Refresh(bool force) {
  std::lock_guard<std::mutex> refresh(refresh_mu_);
  std::string current = ReadCurrent();
  std::shared_ptr<const ServedData> served = Current();
  if (served && served->current == current) {
    std::lock_guard<std::mutex> lock(mu_);
    if (report_.failures > 0) {  // CURRENT moved back to the served snapshot: nothing is failing any more
      report_.failures = 0;
      report_.failed_current.clear();
      report_.last_error = Status::Ok();
    }
    return Status::Ok();
  }
  {
    std::lock_guard<std::mutex> lock(mu_);
    if (!force && report_.failures > 0 && report_.failed_current == current &&
        std::chrono::steady_clock::now() < next_retry_) {
      return report_.last_error;
    }
  }
  auto started = std::chrono::steady_clock::now();
  auto loaded = loader_(current);
  int64_t load_ms =
      std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - started).count();
  std::shared_ptr<const ServedData> old;  // freed after the lock is released
  std::unique_lock<std::mutex> lock(mu_);
  if (!loaded.ok()) {
    Status error = loaded.status();
    report_.failures = report_.failed_current == current ? report_.failures + 1 : 1;
    report_.failed_current = current;
    report_.last_error = error;
    auto backoff = std::min(retry_max, retry_base * (1 << std::min(report_.failures - 1, 16)));
    next_retry_ = std::chrono::steady_clock::now() + backoff;
    std::fprintf(stderr,
                 "serve: loading the new store snapshot failed (attempt %d, retry in %lld ms); still serving "
                 "snapshot %llu: %s\n",
                 report_.failures, static_cast<long long>(backoff.count()),
                 static_cast<unsigned long long>(report_.snapshot_id), error.ToString().c_str());
    return error;
  }
  std::shared_ptr<ServedData> next = std::move(loaded).value();
  next->current = current;
  next->generation = generation_.load(std::memory_order_relaxed) + 1;
  uint64_t previous = data_ ? data_->snapshot_id : 0;
  // Publish before the generation moves: whoever reads generation G then Current() sees data >= G.
  old = std::exchange(data_, next);
  generation_.store(next->generation, std::memory_order_release);
  report_ = Report{next->generation, next->snapshot_id, UnixMillis(), load_ms, 0, "", Status::Ok()};
  if (next->generation > 1) {
    std::fprintf(stderr, "serve: now serving store snapshot %llu (was %llu; loaded in %lld ms)\n",
                 static_cast<unsigned long long>(next->snapshot_id), static_cast<unsigned long long>(previous),
                 static_cast<long long>(load_ms));
  }
  lock.unlock();  // the old data is freed here, outside the lock, unless requests still hold it
  return Status::Ok();
}

std::shared_ptr<const ServedData> SnapshotHolder::Current() const {
  std::lock_guard<std::mutex> lock(mu_);
  return data_;
}

SnapshotHolder::Report SnapshotHolder::status() const {
  std::lock_guard<std::mutex> lock(mu_);
  return report_;
}

void SnapshotHolder::Start(std::chrono::milliseconds interval) {
  stop_ = false;
  thread_ = std::thread([this, interval] {
    std::unique_lock<std::mutex> lock(stop_mu_);
    while (!stop_cv_.wait_for(lock, interval, [this] { return stop_; })) {
      lock.unlock();
      (void)Refresh();  // failures are logged and kept in status()
      lock.lock();
    }
  });
}

void SnapshotHolder::Stop() {
  {
    std::lock_guard<std::mutex> lock(stop_mu_);
    stop_ = true;
  }
  stop_cv_.notify_all();
  if (thread_.joinable()) thread_.join();
}

}  // namespace tianping::service
