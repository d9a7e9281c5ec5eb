#include "tianping/service/principal.h"

#include <algorithm>
#include <cstdlib>

namespace tianping::service {

const char* AccessName(Access a) {
  switch (a) {
    case Access::kPublic: return "public";
    case Access::kUser: return "user";
    case Access::kAdmin: return "admin";
  }
  return "?";
}

int64_t Caller::LimiterId() const {
  if (key_id.empty()) return 0;
  return static_cast<int64_t>(std::strtoull(key_id.c_str(), nullptr, 16));
}

Grade EffectiveClearance(const security::Principal& p) {
  return std::min(p.clearance, security::SpecOf(p.role).max_clearance);
}

}  // namespace tianping::service
