// Decoding of case-segment columns into CaseFrame columns, one partition at a time (private to
// LoadCaseFrameStore). Thread-safety: DecodePartition and TranslateCodes for different partitions may
// run concurrently (each writes its own row range of the frame); MapDictionaries and AppendParties are
// sequential.
#pragma once

#include <array>
#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "store/case_segment_reader.h"
#include "tianping/analytics/case_frame.h"

namespace tianping::analytics {

// A dictionary column of one segment table: codes per row and the dictionary's entries (views into the
// decoded blocks it keeps).
struct DictColumn {
  std::vector<uint32_t> codes;
  std::vector<std::string_view> values;
  std::vector<std::shared_ptr<const std::string>> keep;
  std::vector<uint32_t> map;  // segment code → frame code (phase 2)
  std::string_view Value(uint32_t row) const { return values[codes[row]]; }
};

// Case ids of one partition by hash (open addressing); the first row of an id wins.
class IdIndex {
 public:
  void Build(const DictColumn* ids, uint32_t rows);
  // Row of `key` (whose Hash64 is `hash`), or -1.
  int64_t Find(std::string_view key, uint64_t hash) const;

 private:
  const DictColumn* ids_ = nullptr;
  std::vector<uint32_t> slots_;  // row + 1; 0 = empty
  uint64_t mask_ = 0;
};

struct PartitionColumns {
  uint32_t base = 0, rows = 0;
  DictColumn court, type, closure, relation, category, procedure;
  DictColumn judge_id, judge_name, cause_code, cause_name, cause_path, case_id, derived_id;
  std::vector<uint8_t> has_derived;
  // Distinct (cause code, name, path) and (judge id, name) code tuples in first-row order; per row the
  // tuple index.
  std::vector<std::array<uint32_t, 3>> cause_keys;
  std::vector<uint32_t> cause_row, cause_map;
  std::vector<std::array<uint32_t, 2>> judge_keys;
  std::vector<uint32_t> judge_row, judge_map;
  std::vector<uint32_t> stage_map;  // by type code
  IdIndex ids;
  std::vector<uint32_t> unresolved;  // rows whose derived_from case is not in this partition
  // Party table (kFramePartyTable): per party row.
  uint32_t party_rows = 0;
  std::vector<uint32_t> party_case;
  DictColumn party_role, party_kind, party_name, party_id, party_credit;
  std::vector<uint8_t> party_minor, party_lawyer;
  std::string_view DerivedId(uint32_t row) const { return derived_id.Value(row); }
};

// Row flags collected as byte masks (partitions write disjoint ranges), turned into Bitmaps at the end.
struct FrameMasks {
  std::vector<uint8_t> has_payment, voluntary, correction, sealed, org, minor, lawyer;
  std::vector<uint32_t> party_minor, party_lawyer;  // party occurrences (ascending)
  void Allocate(uint32_t rows, uint32_t columns);
  void ToBitmaps(CaseFrame* f);
};

// Sizes the per-row vectors of the groups in `columns`.
void AllocateGroups(CaseFrame* f, uint32_t columns);
// Phase 1: reads the partition's columns into `part` and the fixed-width ones straight into `f` at rows
// [part->base, part->base + rows); resolves links inside the partition.
Status DecodePartition(const store::CaseSegmentReader& seg, uint32_t columns, CaseFrame* f, FrameMasks* masks,
                       PartitionColumns* part);
// Phase 2: frame codes for every segment dictionary entry (and cause / judge tuple).
void MapDictionaries(CaseFrameBuilder* b, uint32_t columns, PartitionColumns* part,
                     const std::function<std::vector<std::string>(std::string_view)>& split_path);
// Phase 3: per-row frame codes.
void TranslateCodes(uint32_t columns, CaseFrame* f, PartitionColumns* part);
// Appends the partition's party rows to f->parties (kFramePartyTable).
void AppendParties(CaseFrame* f, PartitionColumns* part, FrameMasks* masks);

}  // namespace tianping::analytics
