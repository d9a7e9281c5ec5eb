#include "tianping/analytics/definition_store.h"

#include <sqlite3.h>

#include <filesystem>

namespace tianping::analytics {
namespace {

Status SqlError(sqlite3* db, const std::string& what) {
  return Status::IoError(what + ": " + sqlite3_errmsg(db));
}

std::string Text(sqlite3_stmt* st, int col) {
  const unsigned char* t = sqlite3_column_text(st, col);
  return t ? reinterpret_cast<const char*>(t) : "";
}

IndicatorDef Row(sqlite3_stmt* st) {
  IndicatorDef d;
  d.name = Text(st, 0);
  d.id = d.name;
  d.version = sqlite3_column_int(st, 1);
  d.numerator = Text(st, 2);
  d.denominator = Text(st, 3);
  d.filter = Text(st, 4);
  d.unit = Text(st, 5);
  d.scale = sqlite3_column_double(st, 6);
  d.description = Text(st, 7);
  d.category = "自定义";
  return d;
}

constexpr const char* kColumns = "name, version, numerator, denominator, filter, unit, scale, description";

}  // namespace

Result<std::unique_ptr<DefinitionStore>> DefinitionStore::Open(const std::string& data_dir) {
  std::error_code ec;
  std::filesystem::path dir = std::filesystem::path(data_dir) / "analytics";
  std::filesystem::create_directories(dir, ec);
  if (ec) return Status::IoError(dir.string() + ": " + ec.message());
  std::string path = (dir / "definitions.db").string();
  sqlite3* db = nullptr;
  if (sqlite3_open(path.c_str(), &db) != SQLITE_OK) {
    Status s = SqlError(db, path);
    sqlite3_close(db);
    return s;
  }
  std::unique_ptr<DefinitionStore> store(new DefinitionStore(db));
  const char* ddl =
      "CREATE TABLE IF NOT EXISTS indicator_versions (name TEXT NOT NULL, version INTEGER NOT NULL, "
      "formula TEXT NOT NULL, numerator TEXT NOT NULL, denominator TEXT NOT NULL, filter TEXT NOT NULL, "
      "unit TEXT NOT NULL, scale REAL NOT NULL, description TEXT NOT NULL, created_at TEXT NOT NULL, "
      "PRIMARY KEY (name, version));";
  sqlite3_busy_timeout(db, 5000);
  if (sqlite3_exec(db, ddl, nullptr, nullptr, nullptr) != SQLITE_OK) return SqlError(db, path);
  return store;
}

DefinitionStore::~DefinitionStore() { sqlite3_close(db_); }

Result<int> DefinitionStore::Save(const IndicatorDef& def, const std::string& formula) {
  if (sqlite3_exec(db_, "BEGIN IMMEDIATE", nullptr, nullptr, nullptr) != SQLITE_OK) return SqlError(db_, "begin");
  sqlite3_stmt* st = nullptr;
  int version = 1;
  sqlite3_prepare_v2(db_, "SELECT COALESCE(MAX(version), 0) + 1 FROM indicator_versions WHERE name = ?", -1, &st, nullptr);
  sqlite3_bind_text(st, 1, def.name.c_str(), -1, SQLITE_TRANSIENT);
  if (sqlite3_step(st) == SQLITE_ROW) version = sqlite3_column_int(st, 0);
  sqlite3_finalize(st);
  sqlite3_prepare_v2(db_,
                     "INSERT INTO indicator_versions VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, "
                     "strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))", -1, &st, nullptr);
  int k = 1;
  sqlite3_bind_text(st, k++, def.name.c_str(), -1, SQLITE_TRANSIENT);
  sqlite3_bind_int(st, k++, version);
  for (const std::string* s : {&formula, &def.numerator, &def.denominator, &def.filter, &def.unit})
    sqlite3_bind_text(st, k++, s->c_str(), -1, SQLITE_TRANSIENT);
  sqlite3_bind_double(st, k++, def.scale);
  sqlite3_bind_text(st, k++, def.description.c_str(), -1, SQLITE_TRANSIENT);
  int rc = sqlite3_step(st);
  sqlite3_finalize(st);
  if (rc != SQLITE_DONE) {
    Status s = SqlError(db_, "save " + def.name);
    sqlite3_exec(db_, "ROLLBACK", nullptr, nullptr, nullptr);
    return s;
  }
  if (sqlite3_exec(db_, "COMMIT", nullptr, nullptr, nullptr) != SQLITE_OK) return SqlError(db_, "commit");
  return version;
}

Result<IndicatorDef> DefinitionStore::Get(const std::string& key) {
  std::string name = key;
  int version = 0;
  if (auto at = key.rfind('@'); at != std::string::npos) {
    name = key.substr(0, at);
    version = std::atoi(key.c_str() + at + 1);
    if (version <= 0) return Status::InvalidArgument("bad version in '" + key + "' (expected name@N)");
  }
  std::string sql = std::string("SELECT ") + kColumns + " FROM indicator_versions WHERE name = ?" +
                    (version ? " AND version = ?" : " ORDER BY version DESC LIMIT 1");
  sqlite3_stmt* st = nullptr;
  sqlite3_prepare_v2(db_, sql.c_str(), -1, &st, nullptr);
  sqlite3_bind_text(st, 1, name.c_str(), -1, SQLITE_TRANSIENT);
  if (version) sqlite3_bind_int(st, 2, version);
  Result<IndicatorDef> out = Status::NotFound("no user-defined indicator '" + key + "'");
  if (sqlite3_step(st) == SQLITE_ROW) out = Row(st);
  sqlite3_finalize(st);
  return out;
}

Result<std::vector<IndicatorDef>> DefinitionStore::List() {
  std::string sql = std::string("SELECT ") + kColumns +
                    " FROM indicator_versions v WHERE version = (SELECT MAX(version) FROM indicator_versions "
                    "WHERE name = v.name) ORDER BY name";
  sqlite3_stmt* st = nullptr;
  if (sqlite3_prepare_v2(db_, sql.c_str(), -1, &st, nullptr) != SQLITE_OK) return SqlError(db_, "list");
  std::vector<IndicatorDef> out;
  while (sqlite3_step(st) == SQLITE_ROW) out.push_back(Row(st));
  sqlite3_finalize(st);
  return out;
}

}  // namespace tianping::analytics
