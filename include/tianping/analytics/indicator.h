// Indicator definitions (指标定义) and the registry built from data/indicators/*.json at start-up.
// File format and every built-in indicator's semantics: docs/indicators.md.
// Thread-safety: IndicatorRegistry is immutable after loading; share freely.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "tianping/common/status.h"

namespace tianping::analytics {

struct IndicatorDef {
  std::string id;           // stable English key: close_rate
  std::string name;         // 结案率
  std::string category;     // 质量 | 效率 | 效果 | 自定义
  std::string numerator;    // aggregate expression, e.g. count(closed)
  std::string denominator;  // aggregate expression; empty = the value is the numerator itself
  std::string filter;       // row condition applied to every aggregate of the indicator; may be empty
  std::string unit;         // % 天 件 比 件/人 元 …
  double scale = 1;         // value = numerator / denominator × scale (100 for %)
  std::optional<double> range_low, range_high;  // 合理区间参考值, inclusive
  std::string description;  // formula and semantics in words
  int version = 0;          // user-defined indicators: saved version (1, 2, …); built-ins: 0
};

class TagSet;
// Checks that numerator, denominator and filter parse and type-check (against an empty frame; `tags`,
// may be null, resolves tag('…')). Errors: "<name>: numerator: position N: …".
Status ValidateIndicator(const IndicatorDef& def, const TagSet* tags);

// Splits a one-line formula "A / B" (top-level division of two aggregate expressions) into numerator A and
// denominator B; anything else is a numerator with no denominator.
Result<std::pair<std::string, std::string>> SplitFormula(const std::string& formula);

class IndicatorRegistry {
 public:
  // Loads every *.json under `dir` (sorted by file name); each holds {"indicators": [ {...}, ... ]}.
  // Errors name the file and the indicator.
  static Result<IndicatorRegistry> LoadDir(const std::string& dir);
  // data/indicators of this source tree, or $TP_INDICATOR_DIR.
  static std::string DefaultDir();

  Status Add(IndicatorDef def);  // AlreadyExists on a duplicate id or name
  // By id or Chinese name; null when unknown.
  const IndicatorDef* Find(const std::string& key) const;
  const std::vector<IndicatorDef>& all() const { return defs_; }

 private:
  std::vector<IndicatorDef> defs_;
};

}  // namespace tianping::analytics
