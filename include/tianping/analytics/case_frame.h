// CaseFrame: the cases as columns — what the indicator engine, the expression language and the tag
// service scan. One row per case; dates are int32 days since 1970-01-01 (kNoDate when absent);
// categorical fields are dictionary codes (uint32) into per-column dictionaries; money is in fen;
// flags are Bitmaps of rows. Links between proceedings are row numbers (parent = the proceeding a case
// derives from, root = the original first-instance case of its chain; -1 when absent or not loaded).
//
// Sources: CaseFrameBuilder (from Case structs, fed from parsed JSONL by LoadCaseFrameJsonl), or a
// case-store snapshot (LoadCaseFrameStore: the columns are filled straight from the segment columns, only
// the column groups a query needs — frame_columns.h; `loaded` says which).
// Semantics of every derived column: docs/indicators.md. Thread-safety: immutable after Finish();
// share freely across threads.
#pragma once

#include <array>
#include <cstdint>
#include <limits>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "tianping/analytics/bitmap.h"
#include "tianping/analytics/frame_columns.h"
#include "tianping/common/status.h"
#include "tianping/model/case.h"
#include "tianping/model/reference.h"

namespace tianping {
class StoreSnapshot;
}

namespace tianping::analytics {

inline constexpr int32_t kNoDate = std::numeric_limits<int32_t>::min();
inline constexpr uint32_t kNoCode = 0;  // code 0 of every dictionary is the empty string

// Strings of one categorical column; code 0 is "".
struct StringViewHash {
  using is_transparent = void;
  size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
};

class Dictionary {
 public:
  Dictionary() { Code(""); }
  uint32_t Code(std::string_view value);
  // Code of an existing value; false when absent.
  bool Find(std::string_view value, uint32_t* code) const;
  const std::string& Value(uint32_t code) const { return values_[code]; }
  size_t size() const { return values_.size(); }

 private:
  std::vector<std::string> values_;
  std::unordered_map<std::string, uint32_t, StringViewHash, std::equal_to<>> index_;  // no copy per look-up
};

// Row sets computed from a frame, keyed by canonical expression text (plus the as-of day): conditions are
// properties of the data, so later queries reuse them. Thread-safety: internally synchronised.
class PredicateCache {
 public:
  bool Get(const std::string& key, Bitmap* out) const {
    std::lock_guard<std::mutex> l(mu_);
    auto it = map_.find(key);
    if (it == map_.end()) return false;
    *out = it->second;
    return true;
  }
  void Put(const std::string& key, const Bitmap& b) {
    std::lock_guard<std::mutex> l(mu_);
    map_.emplace(key, b);
  }
  void Clear() {
    std::lock_guard<std::mutex> l(mu_);
    map_.clear();
    ints_.clear();
    codes_.clear();
  }
  // Per-row values of numeric expressions (sum) and codes of categorical ones (distinct), likewise.
  std::shared_ptr<const std::vector<int64_t>> GetInts(const std::string& key) const {
    std::lock_guard<std::mutex> l(mu_);
    auto it = ints_.find(key);
    return it == ints_.end() ? nullptr : it->second;
  }
  void PutInts(const std::string& key, std::shared_ptr<const std::vector<int64_t>> v) {
    std::lock_guard<std::mutex> l(mu_);
    ints_.emplace(key, std::move(v));
  }
  std::shared_ptr<const std::vector<uint32_t>> GetCodes(const std::string& key) const {
    std::lock_guard<std::mutex> l(mu_);
    auto it = codes_.find(key);
    return it == codes_.end() ? nullptr : it->second;
  }
  void PutCodes(const std::string& key, std::shared_ptr<const std::vector<uint32_t>> v) {
    std::lock_guard<std::mutex> l(mu_);
    codes_.emplace(key, std::move(v));
  }

 private:
  mutable std::mutex mu_;
  std::unordered_map<std::string, Bitmap> map_;
  std::unordered_map<std::string, std::shared_ptr<const std::vector<int64_t>>> ints_;
  std::unordered_map<std::string, std::shared_ptr<const std::vector<uint32_t>>> codes_;
};

// Party occurrences: one row per party of each case (a person or organisation appearing in several cases
// has several occurrences and one identity, `entity`). Identity: 统一社会信用代码 when present, else 公民身份号码,
// else kind + name (two natural persons of the same name without id numbers are one identity).
struct PartyTable {
  uint32_t rows = 0;
  std::vector<uint32_t> case_row;      // case row of each occurrence
  std::vector<uint32_t> entity;        // code into entities (0: no name and no id)
  std::vector<uint32_t> role, kind;    // codes into roles / kinds (原告, 被执行人 … / 自然人, 法人 …)
  Dictionary roles, kinds;
  Bitmap minor, lawyer;                // occurrences: a minor; represented by a lawyer
  Dictionary entities;                 // identity keys
  std::vector<std::string> entity_names;  // by entity code: the name of its first occurrence
};

// The identity key of a party (PartyTable::entities); "" when it has neither name nor id.
std::string PartyEntityKey(std::string_view kind, std::string_view name, std::string_view id_number,
                           std::string_view credit_code);

struct CaseFrame {
  uint32_t rows = 0;
  uint32_t loaded = kFrameAllColumns;  // FrameColumn groups filled; the others are zero / empty
  std::shared_ptr<PredicateCache> cache = std::make_shared<PredicateCache>();
  std::vector<std::string> case_ids;   // filled by CaseFrameBuilder; from the store only with kFrameCaseIds

  // Courts: row → court code; per court code: level, province name, region (intermediate court area).
  std::vector<uint32_t> court;         // code into courts
  Dictionary courts;                   // 法院代字
  std::vector<std::string> court_names;            // by court code
  std::vector<uint32_t> court_name_code;           // by court code → code into court_name_dict
  Dictionary court_name_dict;
  std::vector<uint32_t> court_level;   // by court code → code into levels
  std::vector<uint32_t> court_province;  // by court code → code into provinces
  std::vector<uint32_t> court_region;    // by court code → code into regions
  Dictionary levels, provinces, regions;

  std::vector<uint32_t> category, type_code, stage, procedure, closure, cause, relation, judge;
  Dictionary categories, type_codes, stages, procedures, closures, causes, relations, judges;
  // Cause path by cause code: levels 1..4 as codes into cause_levels (0 when the path is shorter).
  std::vector<std::array<uint32_t, 4>> cause_path;  // by cause code
  Dictionary cause_levels;
  std::vector<uint8_t> cause_high_risk;              // by cause code

  std::vector<int32_t> received, filed, closed, effective, root_filed;
  std::vector<int32_t> limit_days, extension_days, excluded_days;
  std::vector<int64_t> claim_amount, awarded_amount, applied_amount, recovered_amount;
  std::vector<int32_t> parent, root;

  // Flags (rows where true).
  Bitmap has_payment, voluntary, correction, sealed, org_party, minor_party, lawyer_party;
  Bitmap appealed, petitioned, executed;  // has a derived proceeding: 上诉 | 再审审查/再审 | 执行
  std::vector<std::string> judge_names;  // by judge code (judges holds judge_id)
  int32_t max_date = kNoDate;            // latest filed/closed date in the data
  PartyTable parties;                    // when loaded & kFramePartyTable
};

// Fills the columns that follow from the others: root, root_filed, appealed / petitioned / executed and
// effective. REQUIRES: every per-row column, parent and the closure / stage / relation dictionaries set.
void FinishDerivedColumns(CaseFrame* f);

// Builds a CaseFrame row by row. REQUIRES: Finish() once, after all Add calls.
// Thread-safety: single-threaded.
class CaseFrameBuilder {
 public:
  // `ref` gives the court hierarchy (level, province, region) and cause paths; it must outlive Finish.
  explicit CaseFrameBuilder(const ReferenceData& ref);
  void Add(const Case& c);
  // Resolves derived_from links (by case_id), roots, child flags and effective dates.
  CaseFrame Finish();

  // Dictionary codes with the builder's semantics, for loaders that fill columns directly: a court code
  // with its name, level, province and region; a cause keyed by its code (else name, else path leaf) with
  // its path (the first seen for a key wins); a judge keyed by id (else name).
  uint32_t CourtCode(std::string_view code);
  uint32_t CauseCode(std::string_view code, std::string_view name, const std::vector<std::string>& path);
  uint32_t JudgeCode(std::string_view id, std::string_view name);
  uint32_t StageCode(std::string_view type_code);
  CaseFrame& frame() { return f_; }

 private:
  const ReferenceData& ref_;
  CaseFrame f_;
  std::vector<std::string> parent_ids_;
  std::vector<uint32_t> has_payment_, voluntary_, correction_, sealed_, org_, minor_, lawyer_;
  std::vector<uint32_t> party_minor_, party_lawyer_;
};

// Streams `path` (a cases.jsonl, or a folder holding one) into a frame. Errors name file and line.
Result<std::shared_ptr<const CaseFrame>> LoadCaseFrameJsonl(const std::string& path, const ReferenceData& ref);
// Reads every case of `snap` (partition by partition, in row order) into a frame, decoding only the
// segment columns of the groups in `columns` (plus the core columns); partitions are decoded by `threads`
// threads. The frame equals the one CaseFrameBuilder makes from the same cases in the same order (for
// the loaded groups). Errors name the store file and column. Shows progress on stderr.
Result<std::shared_ptr<const CaseFrame>> LoadCaseFrameStore(const StoreSnapshot& snap, const ReferenceData& ref,
                                                            uint32_t columns = kFrameAllColumns, int threads = 2);

}  // namespace tianping::analytics
