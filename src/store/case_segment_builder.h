// Builds the case segment of one partition (cases, parties, agents + hash indexes) and, separately, the
// document segment. Layout: docs/store-format.md "Case segments". Thread-safety: none; one builder per
// partition, builders of different partitions may run in parallel.
#pragma once

#include <cstdint>
#include <string_view>
#include <memory>
#include <vector>

#include "store/case_segment_reader.h"
#include "store/column_builder.h"
#include "store/segment_writer.h"
#include "tianping/model/case.h"

namespace tianping::store {

class CaseSegmentBuilder {
 public:
  // `format_version` picks the column layout (case_schema.h); older versions only for compatibility
  // tests, written with a SegmentWriter of the same version.
  explicit CaseSegmentBuilder(uint32_t format_version = kFormatVersion);
  // Appends a case; returns its row.
  uint32_t Add(const Case& c, uint64_t fingerprint);
  size_t case_count() const { return cases_[0].size(); }
  size_t party_count() const { return parties_[0].size(); }
  std::string_view CaseId(uint32_t row) const;
  uint64_t Fingerprint(uint32_t row) const;
  // Leaves the row (and its parties and agents) out when written.
  void Drop(uint32_t row);
  // Appends every row of `other` (which has no drops) with parties and agents; returns the row of its
  // first case here. Dictionary codes are remapped once per distinct value.
  uint32_t AppendBuilder(const CaseSegmentBuilder& other);
  // Reserves room for appending every one of `others` (then AppendBuilder each without reallocation).
  void ReserveFor(const std::vector<std::unique_ptr<CaseSegmentBuilder>>& others);
  // Appends stored cases `rows` (ascending) with their parties and agents, column by column.
  Status AppendStored(const CaseSegmentReader& reader, const std::vector<uint32_t>& rows);
  size_t dropped() const { return dropped_count_; }
  // Applies drops, builds the indexes and writes all tables. Call once.
  Status WriteTo(SegmentWriter* writer);
  // Writes the cases, parties and agents tables as they are (drops not applied, no indexes): a spill
  // run of an ingest batch, read back with CaseSegmentReader + AppendStored.
  Status WriteRunTo(SegmentWriter* writer) const;

 private:
  void ApplyDrops();
  uint32_t rows_per_block_;
  std::vector<ColumnBuilder> cases_, parties_, agents_;
  std::vector<bool> dropped_;
  size_t dropped_count_ = 0;
};

class DocSegmentBuilder {
 public:
  explicit DocSegmentBuilder(uint32_t format_version = kFormatVersion);
  uint32_t Add(const Document& d, uint64_t fingerprint);
  size_t size() const { return cols_[0].size(); }
  std::string_view DocId(uint32_t row) const;
  Document Get(uint32_t row) const;
  uint64_t Fingerprint(uint32_t row) const;
  void Drop(uint32_t row);
  Status AppendStored(const DocSegmentReader& reader, const std::vector<uint32_t>& rows);
  Status WriteTo(SegmentWriter* writer);

 private:
  std::vector<ColumnBuilder> cols_;
  std::vector<bool> dropped_;
  size_t dropped_count_ = 0;
};

// Builds an index table (hash ascending, row) from key strings; empty keys are skipped.
Status WriteHashIndex(SegmentWriter* writer, const char* name, const ColumnBuilder& keys);

}  // namespace tianping::store
