#include "access_log.h"

#include <ctime>

#include "tianping/common/json_writer.h"

namespace tianping::service {

Result<std::unique_ptr<AccessLog>> AccessLog::Open(const std::string& path) {
  std::FILE* f = std::fopen(path.c_str(), "a");
  if (!f) return Status::IoError(path + ": cannot open the access log for appending");
  return std::unique_ptr<AccessLog>(new AccessLog(f));
}

AccessLog::~AccessLog() { std::fclose(file_); }

void AccessLog::Write(const AccessRecord& r) {
  char when[32];
  std::time_t now = std::time(nullptr);
  std::tm tm{};
  gmtime_r(&now, &tm);
  std::strftime(when, sizeof when, "%Y-%m-%dT%H:%M:%SZ", &tm);
  std::string line;
  JsonWriter w(&line);
  w.BeginObject();
  w.Field("time", when);
  w.Field("user", r.principal);
  w.Field("method", r.method);
  w.Field("target", r.target);
  w.Field("endpoint", r.endpoint);
  w.FieldInt("status", r.status);
  w.FieldInt("micros", static_cast<int64_t>(r.micros));
  w.Field("remote", r.remote);
  w.EndObject();
  line.push_back('\n');
  std::lock_guard<std::mutex> lock(mu_);
  std::fwrite(line.data(), 1, line.size(), file_);
  std::fflush(file_);
}

}  // namespace tianping::service
