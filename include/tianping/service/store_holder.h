// The case store behind the data endpoints: the snapshot the service currently serves (SnapshotHolder,
// which follows commits to DIR/CURRENT — ingest, rollback, clean --fix). A request keeps the shared_ptr it
// got, so it finishes on the snapshot it started with while a newer one is swapped in.
// Thread-safety: Current() may be called concurrently.
#pragma once

#include <memory>

#include "tianping/common/status.h"
#include "tianping/service/snapshot_holder.h"
#include "tianping/store/store.h"

namespace tianping::service {

class StoreHolder {
 public:
  // REQUIRES: `served` outlives the holder.
  explicit StoreHolder(const SnapshotHolder* served) : served_(served) {}
  // FailedPrecondition (409) when the served data has no store yet.
  Result<std::shared_ptr<const StoreSnapshot>> Current() const;

 private:
  const SnapshotHolder* served_;
};

}  // namespace tianping::service
