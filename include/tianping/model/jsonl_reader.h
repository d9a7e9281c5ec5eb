// Streams a JSONL file line by line with 1-based line numbers; blank lines are skipped.
// Used by `tianping summarize`, the store's ingest and the tests. Thread-safety: one reader per thread.
#pragma once

#include <cstdio>
#include <memory>
#include <string>
#include <string_view>

#include "tianping/common/status.h"

namespace tianping {

class JsonlReader {
 public:
  static Result<std::unique_ptr<JsonlReader>> Open(const std::string& path);
  ~JsonlReader();
  JsonlReader(const JsonlReader&) = delete;
  JsonlReader& operator=(const JsonlReader&) = delete;

  // Sets *line to the next non-blank line (without '\n' or '\r'); false at end of file or on a read
  // error (then status() is not OK). The view is valid until the next call.
  bool Next(std::string_view* line);
  // 1-based number of the line last returned by Next.
  int64_t line_number() const { return line_number_; }
  const std::string& path() const { return path_; }
  Status status() const { return status_; }
  // "path:line: " — prefix for errors about the current line.
  std::string Where() const;

 private:
  JsonlReader(std::string path, std::FILE* f) : path_(std::move(path)), file_(f) {}
  bool Fill();
  std::string path_;
  std::FILE* file_;
  std::string buf_;
  size_t pos_ = 0;
  bool eof_ = false;
  int64_t line_number_ = 0;
  std::string current_;
  Status status_;
};

}  // namespace tianping
