// User-defined indicators (自定义指标), saved by name with versions in SQLite at
// <data_dir>/analytics/definitions.db. Table `indicator_versions(name, version, formula, numerator,
// denominator, filter, unit, scale, description, created_at)`, primary key (name, version) — persisted
// format, do not reorder; docs/indicators.md §"User-defined indicators".
// Thread-safety: one DefinitionStore per thread (SQLite connection); the file may be shared by processes.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "tianping/analytics/indicator.h"
#include "tianping/common/status.h"

struct sqlite3;

namespace tianping::analytics {

class DefinitionStore {
 public:
  static Result<std::unique_ptr<DefinitionStore>> Open(const std::string& data_dir);
  ~DefinitionStore();

  // Saves `def` (name, numerator, denominator, filter, unit, scale, description) as the next version of
  // its name; `formula` is the text the user typed. Returns the version number (1, 2, …).
  Result<int> Save(const IndicatorDef& def, const std::string& formula);
  // "name" (latest version) or "name@N".
  Result<IndicatorDef> Get(const std::string& key);
  // Latest version of every name.
  Result<std::vector<IndicatorDef>> List();

 private:
  explicit DefinitionStore(sqlite3* db) : db_(db) {}
  sqlite3* db_;
};

}  // namespace tianping::analytics
