// The national synthetic dataset generator (`tianping gen`): cases.jsonl, documents.jsonl and truth.json
// with planted, labelled scenarios. Design, files, rates and bands: docs/generator.md.
// Output is byte-identical for the same options and seed whatever the thread count.
// Thread-safety: Generate may run concurrently with itself on different output directories.
#pragma once

#include <cstdint>
#include <string>

#include "tianping/common/status.h"
#include "tianping/model/reference.h"

namespace tianping::gen {

struct GenOptions {
  uint64_t cases = 20000;        // records in cases.jsonl (exact)
  uint64_t seed = 1;
  std::string out_dir;
  int from_year = 2019;          // filing years [from_year, to_year]; the data end at to_year-12-31
  int to_year = 2024;
  int threads = 0;               // 0 = hardware concurrency
  double doc_share = -1;         // share of document-bearing cases that get one; < 0 = min(1, 200k/cases).
                                 // Cases in the planted truth always get theirs.
  bool progress = true;          // progress on stderr
  // Planted scenarios per 100k cases (each with a minimum so small datasets still have some).
  double rings_per_100k = 3;           // false-litigation rings, min 3
  double abusive_per_100k = 3;         // abusive litigants of each pattern, min 2
  double lenders_per_100k = 1.5;       // professional lenders per level variant, min 1
  int deviation_courts = 2;            // courts with 年底不立案
  int surge_courts = 2;                // courts with an intake surge
  int outlier_judges = 3;
  double stalled_rate = 0.002;         // first-instance cases left pending far past their limit
  double doc_error_rate = 0.06;        // documents with one planted error
  double doc_mismatch_rate = 0.03;     // documents contradicting the structured record
  double pending_extra = 0.0;          // reserved
};

struct GenStats {
  uint64_t cases = 0;
  uint64_t documents = 0;
  uint64_t families = 0;
  uint64_t case_bytes = 0;
  uint64_t document_bytes = 0;
  uint64_t truth_entities = 0;
  double seconds = 0;
};

Result<GenStats> Generate(const GenOptions& options, const ReferenceData& ref);

}  // namespace tianping::gen
