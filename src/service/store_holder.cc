#include "tianping/service/store_holder.h"

#include <fstream>
#include <sstream>

namespace tianping::service {

Result<std::shared_ptr<const StoreSnapshot>> StoreHolder::Current() {
  std::ifstream in(dir_ + "/CURRENT");
  if (!in) {
    // The message names no server path: callers are remote.
    return Status::FailedPrecondition(
        "no case store loaded in the service's data folder (tianping ingest --data DIR cases.jsonl documents.jsonl)");
  }
  std::stringstream ss;
  ss << in.rdbuf();
  std::string line = ss.str();
  std::lock_guard<std::mutex> lock(mu_);
  if (snapshot_ && line == current_) return snapshot_;
  auto snap = StoreSnapshot::Open(dir_);
  if (!snap.ok()) return snap.status();
  snapshot_ = std::shared_ptr<const StoreSnapshot>(std::move(snap).value());
  current_ = line;
  return snapshot_;
}

}  // namespace tianping::service
