#include "store/segment_format.h"

#include "store/coding.h"

namespace tianping::store {

size_t FixedWidth(ColumnType t) {
  switch (t) {
    case ColumnType::kI32: return 4;
    case ColumnType::kI64: return 8;
    case ColumnType::kU8: return 1;
    case ColumnType::kU32: return 4;
    case ColumnType::kU64: return 8;
    case ColumnType::kDict: return 4;
    case ColumnType::kBlob: return 0;
  }
  return 0;
}

const char* ColumnTypeName(ColumnType t) {
  switch (t) {
    case ColumnType::kI32: return "i32";
    case ColumnType::kI64: return "i64";
    case ColumnType::kU8: return "u8";
    case ColumnType::kU32: return "u32";
    case ColumnType::kU64: return "u64";
    case ColumnType::kDict: return "dict";
    case ColumnType::kBlob: return "blob";
  }
  return "?";
}

namespace {

void PutBlocks(std::string* out, const std::vector<BlockRef>& blocks) {
  PutFixed<uint32_t>(out, static_cast<uint32_t>(blocks.size()));
  for (const auto& b : blocks) {
    PutFixed<uint64_t>(out, b.offset);
    PutFixed<uint32_t>(out, b.stored_size);
    PutFixed<uint32_t>(out, b.raw_size);
    PutFixed<uint32_t>(out, b.crc32c);
    PutFixed<uint8_t>(out, static_cast<uint8_t>(b.codec));
    PutFixed<uint64_t>(out, b.first_value);
  }
}

bool GetBlocks(Decoder* d, std::vector<BlockRef>* blocks) {
  uint32_t n = d->Fixed<uint32_t>();
  if (d->failed() || n > (1u << 28)) return false;
  blocks->resize(n);
  for (auto& b : *blocks) {
    b.offset = d->Fixed<uint64_t>();
    b.stored_size = d->Fixed<uint32_t>();
    b.raw_size = d->Fixed<uint32_t>();
    b.crc32c = d->Fixed<uint32_t>();
    uint8_t codec = d->Fixed<uint8_t>();
    if (codec > 1) return false;
    b.codec = static_cast<Codec>(codec);
    b.first_value = d->Fixed<uint64_t>();
  }
  return !d->failed();
}

}  // namespace

std::string EncodeFooter(const std::vector<TableMeta>& tables) {
  std::string out;
  PutFixed<uint32_t>(&out, static_cast<uint32_t>(tables.size()));
  for (const auto& t : tables) {
    PutString(&out, t.name);
    PutFixed<uint64_t>(&out, t.row_count);
    PutFixed<uint32_t>(&out, t.rows_per_block);
    PutFixed<uint32_t>(&out, static_cast<uint32_t>(t.columns.size()));
    for (const auto& c : t.columns) {
      PutString(&out, c.name);
      PutFixed<uint8_t>(&out, static_cast<uint8_t>(c.type));
      PutBlocks(&out, c.blocks);
      PutFixed<uint64_t>(&out, c.dict_size);
      PutBlocks(&out, c.dict_blocks);
    }
  }
  return out;
}

bool DecodeFooter(std::string_view data, std::vector<TableMeta>* tables) {
  Decoder d(data);
  uint32_t nt = d.Fixed<uint32_t>();
  if (d.failed() || nt > 1024) return false;
  tables->resize(nt);
  for (auto& t : *tables) {
    t.name = d.String();
    t.row_count = d.Fixed<uint64_t>();
    t.rows_per_block = d.Fixed<uint32_t>();
    uint32_t nc = d.Fixed<uint32_t>();
    if (d.failed() || nc > 4096 || t.rows_per_block == 0) return false;
    t.columns.resize(nc);
    for (auto& c : t.columns) {
      c.name = d.String();
      uint8_t type = d.Fixed<uint8_t>();
      if (type < 1 || type > 7) return false;
      c.type = static_cast<ColumnType>(type);
      if (!GetBlocks(&d, &c.blocks)) return false;
      c.dict_size = d.Fixed<uint64_t>();
      if (!GetBlocks(&d, &c.dict_blocks)) return false;
      uint64_t expect_blocks = (t.row_count + t.rows_per_block - 1) / t.rows_per_block;
      if (c.blocks.size() != expect_blocks) return false;
    }
  }
  return !d.failed() && d.done();
}

}  // namespace tianping::store
