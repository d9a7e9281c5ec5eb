// Data cleaning over the case store (定期数据清洗): rules that find rows which passed ingest validation but
// are wrong across rows or by rule (duplicates by normalised 案号, orphans, closure fields, 案号 vs court
// and year, identity conflicts of parties, …), and the safe fixes (court name from the reference table,
// normalised 案号 and names) committed as a new snapshot. Rules: docs/cleaning.md.
// Thread-safety: pure functions over an open snapshot (whose const methods are thread-safe).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "tianping/common/status.h"
#include "tianping/model/case.h"
#include "tianping/model/reference.h"
#include "tianping/store/snapshot_info.h"

namespace tianping {

class StoreSnapshot;

struct CleanRule {
  const char* id;           // duplicate_case_number
  const char* severity;     // error | warning | info
  bool safe_fix;            // `clean --fix` repairs it
  const char* description;  // Chinese text for reports
};

// Every rule, in report order.
const std::vector<CleanRule>& CleanRules();

struct CleanSample {
  std::string case_id;      // the case (or document id for orphan documents)
  std::string detail;       // what is wrong, with the values involved
};

struct CleanRuleResult {
  const CleanRule* rule = nullptr;
  int64_t count = 0;                 // findings (one per offending case / document / party occurrence)
  std::vector<CleanSample> samples;  // the first ones in scan order, at most CleanOptions::samples
};

struct CleanReport {
  uint64_t snapshot = 0;
  int64_t cases = 0, documents = 0;  // rows scanned
  Date as_of;                        // latest filed/closed date in the store (for the overdue rule)
  std::vector<CleanRuleResult> results;  // one per rule, in CleanRules() order
  const CleanRuleResult* Find(std::string_view rule_id) const;
};

struct CleanOptions {
  const ReferenceData* ref = nullptr;  // court names and codes; rules needing it are skipped when null
  size_t samples = 5;
  bool progress = false;               // progress on stderr
};

// Runs every rule over one open snapshot.
Result<CleanReport> CleanStore(const StoreSnapshot& snapshot, const CleanOptions& options);

// The safe fixes for one case: returns true and fills *fixed when any applies; *rules gets the ids of
// the rules it fixed. Never removes a case, party or value other than by normalising it.
bool FixCase(const Case& c, const ReferenceData* ref, Case* fixed, std::vector<std::string>* rules);

struct CleanFixResult {
  bool committed = false;             // false when nothing needed fixing (no snapshot then)
  SnapshotInfo snapshot;              // the new snapshot when committed
  std::vector<std::string> changed;   // case ids, in scan order
  std::vector<std::pair<std::string, int64_t>> fixed;  // rule id → cases fixed
};

// Applies FixCase to every case of the current snapshot of `dir` and commits the changed cases as a new
// snapshot through the normal ingest path (upsert by case id; description "clean --fix …").
// REQUIRES: options.ref is set. A concurrent ingest between the read and the commit may be overwritten
// for the cases fixed here; run it while nothing else writes.
Result<CleanFixResult> CleanFix(const std::string& dir, const CleanOptions& options);

}  // namespace tianping
