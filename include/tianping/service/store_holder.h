// The case store behind the data endpoints: the snapshot DIR/CURRENT names, reopened when a commit
// (ingest, rollback, clean --fix) moves CURRENT, so a running service serves the newest snapshot while
// requests in flight keep the one they started with. Thread-safety: Current() may be called concurrently.
#pragma once

#include <memory>
#include <mutex>
#include <string>

#include "tianping/common/status.h"
#include "tianping/store/store.h"

namespace tianping::service {

class StoreHolder {
 public:
  explicit StoreHolder(std::string dir) : dir_(std::move(dir)) {}
  // FailedPrecondition (409) when DIR has no store yet; errors of StoreSnapshot::Open otherwise.
  Result<std::shared_ptr<const StoreSnapshot>> Current();

 private:
  std::string dir_;
  std::mutex mu_;
  std::string current_;  // the CURRENT line the open snapshot was opened for
  std::shared_ptr<const StoreSnapshot> snapshot_;
};

}  // namespace tianping::service
