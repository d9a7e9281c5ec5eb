// JSONL access log (`serve --access-log FILE`), one line per API request:
//   {"time":"2026-11-29T11:09:30Z","user":"admin","method":"GET","target":"/api/summary",
//    "endpoint":"dataset.summary","status":200,"micros":12,"remote":"127.0.0.1"}
// Thread-safety: Write() may be called concurrently (one mutex around an append).
#pragma once

#include <cstdio>
#include <memory>
#include <mutex>
#include <string>

#include "tianping/common/status.h"
#include "tianping/service/dispatcher.h"

namespace tianping::service {

class AccessLog {
 public:
  // Errors: IoError naming the file.
  static Result<std::unique_ptr<AccessLog>> Open(const std::string& path);
  ~AccessLog();
  void Write(const AccessRecord& record);

 private:
  explicit AccessLog(std::FILE* f) : file_(f) {}
  std::mutex mu_;
  std::FILE* file_;
};

}  // namespace tianping::service
