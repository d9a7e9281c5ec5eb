// Masking of passwords in libpq connection strings (URL and keyword/value forms).
#include <strings.h>

#include <cstdlib>
#include <string>

#include "tianping/source/postgres_source.h"

namespace tianping {
namespace {

constexpr std::string_view kMask = "***";

// Replaces the value after each "password=" (case-insensitive) up to the next delimiter.
std::string MaskPasswordParams(std::string s, std::string_view delimiters) {
  size_t at = 0;
  while (true) {
    size_t found = std::string::npos;
    for (size_t i = at; i + 9 <= s.size(); ++i) {
      if (strncasecmp(s.c_str() + i, "password=", 9) == 0 &&
          (i == 0 || s[i - 1] == '?' || s[i - 1] == '&' || s[i - 1] == ' ' || s[i - 1] == '\t')) {
        found = i;
        break;
      }
    }
    if (found == std::string::npos) return s;
    size_t begin = found + 9, end = begin;
    if (end < s.size() && s[end] == '\'') {  // quoted keyword/value
      for (++end; end < s.size() && s[end] != '\''; ++end) {
        if (s[end] == '\\') ++end;
      }
      if (end < s.size()) ++end;
    } else {
      while (end < s.size() && delimiters.find(s[end]) == std::string_view::npos) ++end;
    }
    s.replace(begin, end - begin, kMask);
    at = begin + kMask.size();
  }
}

}  // namespace

bool IsPostgresUrl(std::string_view url) {
  return url.rfind("postgresql://", 0) == 0 || url.rfind("postgres://", 0) == 0;
}

std::string MaskConnectionUrl(std::string_view url) {
  std::string s(url);
  if (!IsPostgresUrl(s)) return MaskPasswordParams(s, " \t");
  size_t scheme = s.find("://") + 3;
  size_t authority_end = s.find_first_of("/?", scheme);
  if (authority_end == std::string::npos) authority_end = s.size();
  size_t at = s.rfind('@', authority_end);
  if (at != std::string::npos && at >= scheme) {
    size_t colon = s.find(':', scheme);
    if (colon != std::string::npos && colon < at) s.replace(colon + 1, at - colon - 1, kMask);
  }
  size_t query = s.find('?');
  if (query != std::string::npos) s.replace(query, std::string::npos, MaskPasswordParams(s.substr(query), "&#"));
  return s;
}

std::string DefaultPostgresSchemaFile() {
  if (const char* env = std::getenv("TP_SOURCE_SCHEMA")) return env;
  return std::string(TP_SOURCE_DIR) + "/data/source/postgresql-schema.sql";
}

}  // namespace tianping
