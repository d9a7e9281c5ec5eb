// In-memory column being built for a segment: fixed-width values, dictionary-encoded strings or
// inline blobs. Thread-safety: none; one builder per thread.
#pragma once

#include <cstdint>
#include <cstring>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "store/segment_format.h"

namespace tianping::store {

class ColumnBuilder {
 public:
  // Fixed-width storage starts with room for kInitialRows: an ingest builds many small per-chunk blocks,
  // whose growth from empty would cost a reallocation per doubling.
  ColumnBuilder(std::string name, ColumnType type) : name_(std::move(name)), type_(type) {
    fixed_.reserve(kInitialRows * FixedWidth(type_));
  }
  ColumnBuilder(const ColumnBuilder&) = delete;
  ColumnBuilder& operator=(const ColumnBuilder&) = delete;
  ColumnBuilder(ColumnBuilder&&) = default;

  const std::string& name() const { return name_; }
  ColumnType type() const { return type_; }
  size_t size() const { return size_; }

  // REQUIRES: the matching type (I32/I64/U8/U32/U64 for the fixed adders; kDict or kBlob for AddString).
  void AddI32(int32_t v) { Put(&v, 4); }
  void AddI64(int64_t v) { Put(&v, 8); }
  void AddU8(uint8_t v) { Put(&v, 1); }
  void AddU32(uint32_t v) { Put(&v, 4); }
  void AddU64(uint64_t v) { Put(&v, 8); }
  void AddString(std::string_view s) {
    if (type_ == ColumnType::kBlob) {
      AddBlob(s);
    } else {
      AddU32(CodeOf(s));
    }
  }
  // kDict: the code of `s`, adding it to the dictionary (not as a row) when new.
  uint32_t CodeOf(std::string_view s);
  // Same, with h == Hash64(s) already computed.
  uint32_t CodeOfHashed(std::string_view s, uint64_t h);
  // kDict: Hash64 of dictionary entry `code` (kept from encoding, so merges and indexes need not rehash).
  uint64_t dict_hash(uint32_t code) const { return dict_hashes_[code]; }
  // kDict or kBlob: Hash64 of the value at `row` (kept for kDict, computed for kBlob).
  uint64_t RowHash(size_t row) const;
  // Appends every row of `other` (same type). For kU32 columns `delta` is added to each value (row
  // references into a table that was appended to as well); dictionary codes are remapped, blob bytes
  // are copied in one piece.
  void AppendColumn(const ColumnBuilder& other, uint32_t delta = 0);
  // Makes room for `other`s rows (and blob bytes) on top of the current ones, so that AppendColumn of
  // each of them does not reallocate.
  void ReserveForAll(const std::vector<const ColumnBuilder*>& others) {
    size_t fixed = fixed_.size(), bytes = blob_bytes_.size(), rows = size_;
    for (const ColumnBuilder* o : others) {
      fixed += o->fixed_.size();
      bytes += o->blob_bytes_.size();
      rows += o->size_;
    }
    fixed_.reserve(fixed);
    if (type_ == ColumnType::kBlob) {
      blob_bytes_.reserve(bytes);
      blob_offsets_.reserve(rows + 1);
    }
  }
  // Appends one fixed-width value from raw little-endian bytes. REQUIRES: a fixed-width type.
  void AddRaw(const char* p) { Put(p, FixedWidth(type_)); }
  // Appends `rows` fixed-width values from raw little-endian bytes. REQUIRES: a fixed-width type.
  void AddRawRows(const char* p, size_t rows) {
    fixed_.insert(fixed_.end(), p, p + rows * FixedWidth(type_));
    size_ += rows;
  }
  // Appends one row per value (kDict or kBlob).
  void AddStrings(const std::vector<std::string_view>& values);

  // Fixed-width value at `row` (codes for kDict). REQUIRES: fixed-width type.
  template <typename T>
  T Get(size_t row) const {
    T v;
    std::memcpy(&v, fixed_.data() + row * sizeof(T), sizeof(T));
    return v;
  }
  // kDict or kBlob value at `row`.
  std::string_view GetString(size_t row) const;
  void SetU32(size_t row, uint32_t v) { std::memcpy(fixed_.data() + row * 4, &v, 4); }

  // Keeps only `rows` (ascending indices), in that order. The dictionary keeps unused entries.
  void Select(const std::vector<uint32_t>& rows);

  // Raw bytes of the rows [begin, end) as stored in a block (see docs/store-format.md).
  std::string EncodeRows(size_t begin, size_t end) const;
  size_t dict_size() const { return dict_values_.size(); }
  // Raw bytes of dictionary entries [begin, end).
  std::string EncodeDict(size_t begin, size_t end) const;

 private:
  void Put(const void* p, size_t n) {
    const char* c = static_cast<const char*>(p);
    fixed_.insert(fixed_.end(), c, c + n);
    ++size_;
  }
  std::string_view Intern(std::string_view s);
  void AddBlob(std::string_view s);

  static constexpr size_t kInitialRows = 128;
  std::string name_;
  ColumnType type_;
  size_t size_ = 0;
  std::vector<char> fixed_;
  // kDict: values in first-appearance order; views point into arena_ (chunks never move; a vector, not a
  // std::deque, which allocates even when empty).
  struct ArenaChunk {
    std::unique_ptr<char[]> data;
    size_t used = 0, capacity = 0;
  };
  std::vector<ArenaChunk> arena_;
  std::vector<std::string_view> dict_values_;
  std::vector<uint64_t> dict_hashes_;  // Hash64 of each entry
  uint32_t last_code_ = UINT32_MAX;    // the code returned last (runs of equal values skip the hash)
  // Open-addressing index over dict_values_: slot = (hash, code + 1), 0 = empty; load factor <= 1/2.
  struct Slot {
    uint64_t hash;
    uint32_t code_plus_one;
  };
  std::vector<Slot> slots_;
  void Rehash(size_t capacity);
  // kBlob: bytes_[blob_offsets_[i], blob_offsets_[i+1]).
  std::string blob_bytes_;
  std::vector<uint64_t> blob_offsets_{0};
};

// Encodes a list of strings as a block payload: u32 count, u32 offsets[count+1], bytes.
std::string EncodeStringList(const std::vector<std::string_view>& values);

}  // namespace tianping::store
