// Who is calling: the result of authentication, handed to every handler. Grades follow the data
// classification of docs/api.md (公开 内部 敏感); the security module will later refine them.
#pragma once

#include <cstdint>
#include <string>

namespace tianping::service {

enum class DataGrade { kPublic = 0, kInternal = 1, kSensitive = 2 };  // 公开 内部 敏感
const char* DataGradeName(DataGrade grade);  // "公开" ...
const char* DataGradeKey(DataGrade grade);   // "public" ...

enum class Access { kPublic, kUser, kAdmin };  // no login / any principal / administrators only
const char* AccessName(Access access);         // "public" "user" "admin"

enum class Role { kViewer, kAdmin };

struct Principal {
  std::string name;                         // user name, or "key:<name>" for an API key
  Role role = Role::kViewer;
  DataGrade clearance = DataGrade::kInternal;  // highest grade this principal may read
  int64_t api_key_id = 0;                   // > 0 when authenticated by an API key
  bool authenticated = false;
};

// Limits of one API key: a token bucket (rate_per_sec tokens/s, burst capacity) and a daily quota.
struct KeyLimits {
  double rate_per_sec = 50;
  double burst = 100;
  int64_t daily_quota = 100000;  // requests per UTC day; 0 = unlimited
};

}  // namespace tianping::service
