#include "store/column_loader.h"

namespace tianping::store {
namespace {

Status AppendList(const SegmentReader& file, const ColumnMeta& col, const std::string& payload,
                  std::vector<std::string_view>* out) {
  if (payload.size() < 4) return file.Corrupt(col, "malformed string block");
  uint32_t count;
  std::memcpy(&count, payload.data(), 4);
  for (uint32_t i = 0; i < count; ++i) {
    std::string_view v;
    if (!StringListEntry(payload, i, &v)) return file.Corrupt(col, "malformed string block");
    out->push_back(v);
  }
  return Status::Ok();
}

}  // namespace

Result<LoadedColumn> LoadedColumn::Load(const SegmentReader& file, const TableMeta& table, const ColumnMeta& col) {
  LoadedColumn c;
  c.type_ = col.type;
  c.rows_ = table.row_count;
  for (const BlockRef& b : col.blocks) {
    auto block = file.ReadBlock(col, b);
    if (!block.ok()) return block.status();
    if (col.type == ColumnType::kBlob) {
      c.keep_.push_back(*block);
      TP_RETURN_IF_ERROR(AppendList(file, col, **block, &c.strings_));
    } else {
      c.fixed_.append(**block);
    }
  }
  if (col.type == ColumnType::kBlob ? c.strings_.size() != c.rows_ : c.fixed_.size() != c.rows_ * FixedWidth(col.type)) {
    return file.Corrupt(col, "column length differs from the table's row count");
  }
  if (col.type == ColumnType::kDict) {
    for (const BlockRef& b : col.dict_blocks) {
      auto block = file.ReadBlock(col, b);
      if (!block.ok()) return block.status();
      c.keep_.push_back(*block);
      TP_RETURN_IF_ERROR(AppendList(file, col, **block, &c.strings_));
    }
    if (c.strings_.size() != col.dict_size) return file.Corrupt(col, "dictionary size differs from the footer");
    for (uint64_t r = 0; r < c.rows_; ++r) {
      if (c.U32(r) >= col.dict_size) return file.Corrupt(col, "dictionary code out of range");
    }
  }
  return c;
}

std::string_view LoadedColumn::String(uint64_t row) const {
  return type_ == ColumnType::kBlob ? strings_[row] : strings_[U32(row)];
}

void LoadedColumn::AppendTo(ColumnBuilder* dst, uint64_t row) const {
  if (type_ == ColumnType::kDict || type_ == ColumnType::kBlob) {
    dst->AddString(String(row));
  } else {
    dst->AddRaw(Raw(row));
  }
}

void LoadedColumn::AppendRows(ColumnBuilder* dst, const std::vector<uint32_t>& rows) const {
  // Every row (rows ascend without repeats): a spill run without drops, a partition kept whole.
  const bool all = rows.size() == rows_;
  if (all && type_ == dst->type() && type_ != ColumnType::kDict) {
    if (type_ == ColumnType::kBlob) {
      dst->AddStrings(strings_);
    } else {
      dst->AddRawRows(fixed_.data(), rows_);
    }
    return;
  }
  if (type_ != ColumnType::kDict || dst->type() != ColumnType::kDict) {
    for (uint32_t r : rows) AppendTo(dst, r);
    return;
  }
  std::vector<uint32_t> remap(strings_.size(), UINT32_MAX);
  for (uint32_t r : rows) {
    uint32_t code = U32(r);
    if (remap[code] == UINT32_MAX) remap[code] = dst->CodeOf(strings_[code]);
    dst->AddU32(remap[code]);
  }
}

}  // namespace tianping::store
