// Private to Batch (batch.cc, batch_spill.cc): one partition's rows of an ingest batch.
#pragma once

#include <algorithm>
#include <memory>
#include <string>
#include <vector>

#include "store/batch.h"
#include "store/case_segment_builder.h"

namespace tianping::store {

// A partition's batch rows are numbered 0, 1, … in arrival order: rows [0, spilled) are in spill runs
// (runs[k] holds rows [runs[k].begin, runs[k].begin + runs[k].count)), the rest in `blocks` — the
// per-chunk builders made on the parser threads, kept as they are (not merged on the thread that feeds
// the batch); block k holds rows [block_begin[k], block_begin[k] + blocks[k]->case_count()).
// Spilling and commit concatenate them (TakeHeld) on the writer threads.
struct Batch::Partition {
  struct Run {
    std::string path;  // relative to the store directory
    uint32_t begin = 0, count = 0;
  };
  std::string name;
  int base = -1;  // index in the base snapshot's partitions, -1 when new
  std::vector<std::unique_ptr<CaseSegmentBuilder>> blocks;
  std::vector<uint32_t> block_begin;
  uint32_t held = 0;  // rows in blocks
  CaseSegmentBuilder cases;  // at commit: the rows being written
  std::vector<Run> runs;
  uint32_t spilled = 0;
  std::vector<bool> dropped;  // by batch row
  size_t dropped_count = 0;
  DocSegmentBuilder docs;
  std::vector<uint32_t> keep_old_cases, keep_old_docs;  // base rows carried over when rewritten
  bool lost_cases = false, lost_docs = false;           // a base row was replaced or moved away
  uint32_t rows() const { return spilled + held; }
  void Drop(uint32_t row) {
    if (!dropped[row]) {
      dropped[row] = true;
      ++dropped_count;
    }
  }
  bool NeedsCases() const { return lost_cases || rows() > dropped_count; }
  bool NeedsDocs() const { return lost_docs || docs.size() > docs_dropped; }
  size_t docs_dropped = 0;

  // Appends a block of rows; returns the batch row of its first row.
  uint32_t AddBlock(std::unique_ptr<CaseSegmentBuilder> block) {
    uint32_t first = rows();
    held += static_cast<uint32_t>(block->case_count());
    blocks.push_back(std::move(block));
    block_begin.push_back(first);
    dropped.resize(rows(), false);
    return first;
  }
  // The block holding held batch row `row` and the row's index in it.
  const CaseSegmentBuilder& BlockOf(uint32_t row, uint32_t* local) const {
    size_t k = blocks.size() - 1;  // usually the last one
    if (row < block_begin[k]) {
      k = static_cast<size_t>(std::upper_bound(block_begin.begin(), block_begin.end(), row) - block_begin.begin()) - 1;
    }
    *local = row - block_begin[k];
    return *blocks[k];
  }
  // The held rows as one builder (blocks concatenated, column by column); the partition holds none after.
  CaseSegmentBuilder TakeHeld() {
    CaseSegmentBuilder out;
    if (blocks.size() == 1) {
      out = std::move(*blocks[0]);
    } else {
      out.ReserveFor(blocks);
      for (auto& b : blocks) {
        out.AppendBuilder(*b);
        b.reset();  // free each block as soon as it is copied
      }
    }
    blocks.clear();
    block_begin.clear();
    held = 0;
    return out;
  }
};

}  // namespace tianping::store
