// Decodes a whole stored column into memory (checksums verified), for column-level copying of rows
// from an old segment into a new one. Thread-safety: LoadedColumn is immutable after Load.
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "store/column_builder.h"
#include "store/segment_reader.h"

namespace tianping::store {

class LoadedColumn {
 public:
  static Result<LoadedColumn> Load(const SegmentReader& file, const TableMeta& table, const ColumnMeta& col);

  ColumnType type() const { return type_; }
  uint64_t size() const { return rows_; }
  // Fixed-width value bytes of `row` (codes for kDict).
  const char* Raw(uint64_t row) const { return fixed_.data() + row * FixedWidth(type_); }
  uint32_t U32(uint64_t row) const {
    uint32_t v;
    std::memcpy(&v, Raw(row), 4);
    return v;
  }
  // kDict: the row's string; kBlob: the row's bytes.
  std::string_view String(uint64_t row) const;
  // Appends the value of `row` to `dst` (same type).
  void AppendTo(ColumnBuilder* dst, uint64_t row) const;
  // Appends the values of `rows` in order; dictionary entries are looked up in dst once each.
  void AppendRows(ColumnBuilder* dst, const std::vector<uint32_t>& rows) const;

 private:
  ColumnType type_ = ColumnType::kI32;
  uint64_t rows_ = 0;
  std::string fixed_;
  std::vector<std::string_view> strings_;  // dict entries, or blob rows
  std::vector<std::shared_ptr<const std::string>> keep_;  // owners of the views
};

}  // namespace tianping::store
