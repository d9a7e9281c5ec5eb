// Reads one segment file. Open() checks the trailer, the footer checksum and (when given) the size
// recorded in the manifest; every block read is checked against its CRC32C before it is decompressed, so
// corrupted bytes are reported (kCorruption, naming the file and column), never returned.
// Format: docs/store-format.md. Thread-safety: all const methods are thread-safe (the block cache is
// guarded by a mutex).
#pragma once

#include <cstring>
#include <deque>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <vector>

#include "store/segment_format.h"
#include "tianping/common/status.h"

namespace tianping::store {

class SegmentReader {
 public:
  // expected_size 0 skips the size check.
  static Result<std::unique_ptr<SegmentReader>> Open(const std::string& path, uint64_t expected_size = 0);
  ~SegmentReader();

  const std::string& path() const { return path_; }
  uint32_t format_version() const { return version_; }  // from the trailer
  const std::vector<TableMeta>& tables() const { return tables_; }
  // nullptr when absent.
  const TableMeta* table(const std::string& name) const;

  // Decompressed payload of a block, checksum verified; cached.
  Result<std::shared_ptr<const std::string>> ReadBlock(const ColumnMeta& col, const BlockRef& ref) const;

  // Fixed-width value at `row`. REQUIRES: sizeof(T) == FixedWidth(col.type), row < table.row_count.
  template <typename T>
  Result<T> Get(const TableMeta& table, const ColumnMeta& col, uint64_t row) const {
    auto block = ReadBlock(col, col.blocks[row / table.rows_per_block]);
    if (!block.ok()) return block.status();
    size_t at = (row % table.rows_per_block) * sizeof(T);
    if (at + sizeof(T) > (*block)->size()) return Corrupt(col, "block shorter than its row count");
    T v;
    std::memcpy(&v, (*block)->data() + at, sizeof(T));
    return v;
  }
  // kDict or kBlob value at `row`.
  Result<std::string> GetString(const TableMeta& table, const ColumnMeta& col, uint64_t row) const;

  // Rows stored in index table `index` (columns hash:u64 sorted ascending, row:u32) under `hash`.
  Result<std::vector<uint32_t>> LookupHash(const std::string& index, uint64_t hash) const;

  // Bytes of decompressed blocks kept (FIFO); default 64 MiB. Thread-safe.
  void SetCacheCapacity(size_t bytes) const;

  // Reads the whole file and compares its CRC32C with `expected` (from the manifest).
  Status VerifyFileChecksum(uint32_t expected) const;

  Status Corrupt(const ColumnMeta& col, const std::string& what) const;

 private:
  SegmentReader(std::string path, int fd) : path_(std::move(path)), fd_(fd) {}
  Status ReadAt(uint64_t offset, size_t n, std::string* out) const;

  std::string path_;
  int fd_;
  uint64_t size_ = 0;
  uint32_t version_ = 0;
  std::vector<TableMeta> tables_;
  // The block cache: one slot per block of the footer (BlockRef::cache_slot), filled on first read.
  struct CacheSlot {
    uint64_t offset = 0;
    std::shared_ptr<const std::string> data;  // null: not cached
  };
  mutable std::mutex mu_;
  mutable std::vector<CacheSlot> slots_;      // guarded by mu_ (the vector itself is fixed after Open)
  mutable std::deque<uint32_t> cache_order_;  // slots in the order filled, FIFO eviction
  mutable size_t cache_bytes_ = 0;
  mutable size_t cache_capacity_ = 64u << 20;
};

// Parses a string-list payload (u32 count, u32 offsets[count+1], bytes) and returns entry i;
// false when the payload is malformed or i is out of range.
bool StringListEntry(std::string_view payload, size_t i, std::string_view* out);

}  // namespace tianping::store
