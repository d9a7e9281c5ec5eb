// Writes truth.json: every planted scenario with the ids of the cases, parties and courts that carry it.
// Format: docs/generator.md ("truth.json"). Thread-safety: none (called once at the end of a run).
#pragma once

#include <string>

#include "family.h"

namespace tianping::gen {

// Everything the chunks reported, merged in family order.
struct TruthAccumulator {
  std::vector<TruthRef> refs;
  std::vector<PlantedDocError> errors;
  std::vector<PlantedMismatch> mismatches;
  std::vector<StalledCase> stalled;
  std::map<int64_t, std::map<std::string, int>> judge_closures;
  std::map<int, std::vector<int>> monthly;
  void Merge(ChunkOutput&& chunk);
};

// Returns the number of truth entities written.
Result<uint64_t> WriteTruth(const GenContext& ctx, const TruthAccumulator& acc, uint64_t cases,
                            const std::string& path);

}  // namespace tianping::gen
