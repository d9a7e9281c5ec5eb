// Segment file layout constants and footer structures. A segment holds named tables of columns, each
// column cut into zstd-compressed, CRC32C-checked blocks. Persisted: see docs/store-format.md; do not
// reorder enum values or fields.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace tianping::store {

constexpr char kSegmentMagic[8] = {'T', 'P', 'S', 'E', 'G', '0', '0', '1'};  // file header
constexpr uint32_t kTrailerMagic = 0x31475354;  // "TSG1" little-endian, last 4 bytes of the file
// Version written by this build; readers accept kMinFormatVersion..kFormatVersion. Version 2 stores
// near-unique string columns of case segments as kBlob and cuts case tables into 1024-row blocks; the
// file layout itself is the same, so a version-1 file reads through the same code (string columns are
// read by their stored type, dict or blob).
constexpr uint32_t kFormatVersion = 2;
constexpr uint32_t kMinFormatVersion = 1;
constexpr size_t kTrailerSize = 24;  // u64 footer offset, u32 footer size, u32 footer crc, u32 version, u32 magic

// Persisted in the column directory: do not renumber.
enum class ColumnType : uint8_t {
  kI32 = 1,   // int32 (dates as days since 1970-01-01, kNullDate when absent)
  kI64 = 2,   // int64 (amounts in fen)
  kU8 = 3,    // booleans and flag bytes
  kU32 = 4,   // row references and offsets
  kU64 = 5,   // hashes and fingerprints; block first values act as fences for index tables
  kDict = 6,  // uint32 codes into a per-column dictionary of strings
  kBlob = 7,  // variable-length bytes stored inline (document text, near-unique strings)
};
inline bool IsStringType(ColumnType t) { return t == ColumnType::kDict || t == ColumnType::kBlob; }
size_t FixedWidth(ColumnType t);  // 0 for kBlob
const char* ColumnTypeName(ColumnType t);

// Persisted in block references: do not renumber.
enum class Codec : uint8_t { kNone = 0, kZstd = 1 };

constexpr int32_t kNullDate = INT32_MIN;

struct BlockRef {
  uint64_t offset = 0;        // from the start of the file
  uint32_t stored_size = 0;   // bytes on disk
  uint32_t raw_size = 0;      // bytes after decompression
  uint32_t crc32c = 0;        // of the stored bytes
  Codec codec = Codec::kZstd;
  uint64_t first_value = 0;   // kU64 columns: the block's first value; else 0
  // In memory only, never written: the block's slot in its SegmentReader's block cache (set by Open).
  uint32_t cache_slot = UINT32_MAX;
};

struct ColumnMeta {
  std::string name;
  ColumnType type = ColumnType::kI32;
  std::vector<BlockRef> blocks;       // block i holds rows [i*rows_per_block, ...)
  uint64_t dict_size = 0;             // kDict: number of distinct strings
  std::vector<BlockRef> dict_blocks;  // kDict: entries [j*kDictEntriesPerBlock, ...)
};

struct TableMeta {
  std::string name;
  uint64_t row_count = 0;
  uint32_t rows_per_block = 0;
  std::vector<ColumnMeta> columns;
  const ColumnMeta* Find(const std::string& column) const {
    for (const auto& c : columns) if (c.name == column) return &c;
    return nullptr;
  }
};

constexpr uint32_t kDictEntriesPerBlock = 1024;

// Footer (de)serialisation; Decode returns false on malformed input.
std::string EncodeFooter(const std::vector<TableMeta>& tables);
bool DecodeFooter(std::string_view data, std::vector<TableMeta>* tables);

}  // namespace tianping::store
