#include "tianping/service/principal.h"

namespace tianping::service {

const char* DataGradeName(DataGrade g) {
  switch (g) {
    case DataGrade::kPublic: return "公开";
    case DataGrade::kInternal: return "内部";
    case DataGrade::kSensitive: return "敏感";
  }
  return "?";
}

const char* DataGradeKey(DataGrade g) {
  switch (g) {
    case DataGrade::kPublic: return "public";
    case DataGrade::kInternal: return "internal";
    case DataGrade::kSensitive: return "sensitive";
  }
  return "?";
}

const char* AccessName(Access a) {
  switch (a) {
    case Access::kPublic: return "public";
    case Access::kUser: return "user";
    case Access::kAdmin: return "admin";
  }
  return "?";
}

}  // namespace tianping::service
