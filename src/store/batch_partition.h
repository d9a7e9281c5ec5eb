// Private to Batch (batch.cc, batch_spill.cc): one partition's rows of an ingest batch.
#pragma once

#include <string>
#include <vector>

#include "store/batch.h"
#include "store/case_segment_builder.h"

namespace tianping::store {

// A partition's batch rows are numbered 0, 1, … in arrival order: rows [0, spilled) are in spill runs
// (runs[k] holds rows [runs[k].begin, runs[k].begin + runs[k].count)), the rest in `cases`, where batch
// row r is builder row r - spilled.
struct Batch::Partition {
  struct Run {
    std::string path;  // relative to the store directory
    uint32_t begin = 0, count = 0;
  };
  std::string name;
  int base = -1;  // index in the base snapshot's partitions, -1 when new
  CaseSegmentBuilder cases;
  std::vector<Run> runs;
  uint32_t spilled = 0;
  std::vector<bool> dropped;  // by batch row
  size_t dropped_count = 0;
  DocSegmentBuilder docs;
  std::vector<uint32_t> keep_old_cases, keep_old_docs;  // base rows carried over when rewritten
  bool lost_cases = false, lost_docs = false;           // a base row was replaced or moved away
  uint32_t rows() const { return spilled + static_cast<uint32_t>(cases.case_count()); }
  void Drop(uint32_t row) {
    if (!dropped[row]) {
      dropped[row] = true;
      ++dropped_count;
    }
  }
  bool NeedsCases() const { return lost_cases || rows() > dropped_count; }
  bool NeedsDocs() const { return lost_docs || docs.size() > docs_dropped; }
  size_t docs_dropped = 0;
};

}  // namespace tianping::store
