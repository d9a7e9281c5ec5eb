// Writes one immutable segment file: header, compressed column blocks, footer, trailer.
// Format: docs/store-format.md. Thread-safety: none; one writer per file. Writers for different files
// may run in parallel.
#pragma once

#include <climits>
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "store/column_builder.h"
#include "store/segment_format.h"
#include "tianping/common/status.h"

namespace tianping::store {

struct FileInfo {
  uint64_t size = 0;
  uint32_t crc32c = 0;  // of the whole file
};

class SegmentWriter {
 public:
  // zstd_level that stores every block raw (codec 0) without trying to compress it.
  static constexpr int kNoCompression = INT32_MIN;
  // Creates `path`, which must not exist. `format_version` goes to the trailer (older versions only for
  // compatibility tests; the caller must then also use that version's column layout).
  static Result<std::unique_ptr<SegmentWriter>> Create(const std::string& path, int zstd_level = 1,
                                                       uint32_t format_version = kFormatVersion);
  ~SegmentWriter();  // an unfinished file is closed and removed

  // Appends a table. REQUIRES: every column has the same size.
  Status AddTable(const std::string& name, uint32_t rows_per_block,
                  const std::vector<const ColumnBuilder*>& columns);
  // Writes the footer and trailer, fsyncs (unless !sync: temporary files) and closes. The caller fsyncs
  // the directory.
  Result<FileInfo> Finish(bool sync = true);

 private:
  SegmentWriter(std::string path, int fd, int level, uint32_t version)
      : path_(std::move(path)), fd_(fd), level_(level), version_(version) {}
  Status Append(std::string_view bytes);
  Status Flush();
  Result<BlockRef> WriteBlock(const std::string& raw, bool first_value_fence);

  std::string path_;
  int fd_;
  int level_;
  uint32_t version_;
  uint64_t offset_ = 0;
  uint32_t crc_ = 0;
  std::string buffer_;
  std::string scratch_;
  std::vector<TableMeta> tables_;
  bool finished_ = false;
};

}  // namespace tianping::store
