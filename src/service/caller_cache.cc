#include "tianping/service/caller_cache.h"

#include <sodium.h>

#include <chrono>
#include <mutex>

namespace tianping::service {
namespace {

int64_t NowMs() {
  return std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now().time_since_epoch()).count();
}

std::string Digest(const std::string& credential) {
  unsigned char out[16];
  crypto_generichash(out, sizeof out, reinterpret_cast<const unsigned char*>(credential.data()), credential.size(),
                     nullptr, 0);
  return std::string(reinterpret_cast<const char*>(out), sizeof out);
}

}  // namespace

std::optional<Caller> CallerCache::Get(const std::string& credential, int64_t version) const {
  std::string key = Digest(credential);
  std::shared_lock lock(mu_);
  auto it = map_.find(key);
  if (it == map_.end() || it->second.version != version || it->second.expires_ms < NowMs()) return std::nullopt;
  return it->second.caller;
}

void CallerCache::Put(const std::string& credential, const Caller& caller, int64_t version) {
  std::string key = Digest(credential);
  std::unique_lock lock(mu_);
  if (map_.size() >= max_entries_) map_.clear();
  map_[key] = {caller, NowMs() + ttl_ms_, version};
}

void CallerCache::Clear() {
  std::unique_lock lock(mu_);
  map_.clear();
}

}  // namespace tianping::service
