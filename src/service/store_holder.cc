#include "tianping/service/store_holder.h"

namespace tianping::service {

Result<std::shared_ptr<const StoreSnapshot>> StoreHolder::Current() const {
  auto served = served_->Current();
  if (!served || !served->store) {
    // The message names no server path: callers are remote.
    return Status::FailedPrecondition(
        "no case store loaded in the service's data folder (tianping ingest --data DIR cases.jsonl documents.jsonl)");
  }
  return served->store;
}

}  // namespace tianping::service
