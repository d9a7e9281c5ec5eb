// Follows the case store's commits while serving (docs/api.md "Snapshot reload"): the data a request is
// answered from — the store snapshot and the analytics state built over it — is one immutable ServedData,
// published through a shared_ptr. A poll (Refresh) reads DIR/CURRENT; when it names another snapshot the
// loader builds the new ServedData while the old one keeps serving, then it is swapped in atomically.
// Requests hold the shared_ptr they started with, so in-flight requests finish on their snapshot. A failed
// load (corrupt file, …) keeps the old data, is logged and reported (status()), and is retried with a
// back-off; half-loaded data is never published.
// Thread-safety: Current(), generation() and status() may be called concurrently with Refresh(); Refresh()
// calls are serialised internally. Start() runs Refresh() on a background thread until Stop().
#pragma once

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <thread>

#include "tianping/common/status.h"
#include "tianping/store/store.h"

namespace tianping::service {

struct AnalyticsState;

// What requests are answered from. Immutable once published.
struct ServedData {
  uint64_t generation = 0;    // set by the holder: 1 for the first load, +1 per swap (keys the response cache)
  uint64_t snapshot_id = 0;   // the store snapshot; 0: no store (cases.jsonl or no dataset)
  std::string current;        // the DIR/CURRENT text it was loaded for ("" when DIR has no CURRENT)
  std::shared_ptr<const StoreSnapshot> store;        // null without a store
  std::shared_ptr<const AnalyticsState> analytics;   // may be null (tests)
};

class SnapshotHolder {
 public:
  // Builds the data for the CURRENT text `current` (""; no CURRENT). Called without the holder's read lock.
  using Loader = std::function<Result<std::shared_ptr<ServedData>>(const std::string& current)>;

  struct Report {
    uint64_t generation = 0, snapshot_id = 0;
    int64_t loaded_unix_ms = 0;    // when the served data was published
    int64_t load_ms = 0;           // how long building it took (store open, frame, tags)
    int failures = 0;              // consecutive failed loads of `failed_current`
    std::string failed_current;    // the CURRENT text that failed to load ("" when none is failing)
    Status last_error;             // of the latest failed load; Ok when the served data is the newest
  };

  SnapshotHolder(std::string dir, Loader loader);
  ~SnapshotHolder();  // stops the poll thread
  SnapshotHolder(const SnapshotHolder&) = delete;
  SnapshotHolder& operator=(const SnapshotHolder&) = delete;

  // Reads DIR/CURRENT; loads and publishes when it differs from the served data's. Returns the load's
  // error (the old data stays served). While a CURRENT text keeps failing, it is retried only after a
  // back-off (retry_base doubled per failure, at most retry_max) unless `force`.
  Status Refresh(bool force = false);

  // The served data; null before the first successful Refresh.
  std::shared_ptr<const ServedData> Current() const;
  uint64_t generation() const { return generation_.load(std::memory_order_acquire); }
  Report status() const;

  // Polls every `interval` on a background thread. REQUIRES: not started.
  void Start(std::chrono::milliseconds interval);
  void Stop();

  std::chrono::milliseconds retry_base{1000}, retry_max{60000};  // set before Start

 private:
  std::string ReadCurrent() const;

  std::string dir_;
  Loader loader_;
  std::mutex refresh_mu_;                 // one load at a time
  mutable std::mutex mu_;                 // guards data_ and report_
  std::shared_ptr<const ServedData> data_;
  Report report_;
  std::atomic<uint64_t> generation_{0};
  std::chrono::steady_clock::time_point next_retry_{};
  std::thread thread_;
  std::mutex stop_mu_;
  std::condition_variable stop_cv_;
  bool stop_ = false;
};

}  // namespace tianping::service
