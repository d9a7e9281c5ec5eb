#include "tianping/model/jsonl_reader.h"

#include <cerrno>
#include <cstring>

namespace tianping {

Result<std::unique_ptr<JsonlReader>> JsonlReader::Open(const std::string& path) {
  std::FILE* f = std::fopen(path.c_str(), "rb");
  if (!f) return Status::IoError(path + ": " + std::strerror(errno));
  return std::unique_ptr<JsonlReader>(new JsonlReader(path, f));
}

JsonlReader::~JsonlReader() {
  if (file_) std::fclose(file_);
}

std::string JsonlReader::Where() const { return path_ + ":" + std::to_string(line_number_) + ": "; }

bool JsonlReader::Fill() {
  if (eof_) return false;
  if (pos_ > 0) {
    buf_.erase(0, pos_);
    pos_ = 0;
  }
  size_t old = buf_.size();
  constexpr size_t kChunk = 1 << 20;
  buf_.resize(old + kChunk);
  size_t n = std::fread(buf_.data() + old, 1, kChunk, file_);
  buf_.resize(old + n);
  if (n < kChunk) {
    if (std::ferror(file_)) status_ = Status::IoError(path_ + ": read error");
    eof_ = true;
  }
  return n > 0;
}

bool JsonlReader::Next(std::string_view* line) {
  while (true) {
    size_t nl = buf_.find('\n', pos_);
    while (nl == std::string::npos) {
      size_t scanned = buf_.size() - pos_;
      if (!Fill()) break;
      nl = buf_.find('\n', pos_ + scanned);
    }
    if (!status_.ok()) return false;
    size_t end = nl == std::string::npos ? buf_.size() : nl;
    if (end == pos_ && nl == std::string::npos) return false;  // end of file
    ++line_number_;
    std::string_view v(buf_.data() + pos_, end - pos_);
    pos_ = nl == std::string::npos ? buf_.size() : nl + 1;
    if (!v.empty() && v.back() == '\r') v.remove_suffix(1);
    bool blank = true;
    for (char c : v) {
      if (c != ' ' && c != '\t') { blank = false; break; }
    }
    if (blank) continue;
    *line = v;
    return true;
  }
}

}  // namespace tianping
