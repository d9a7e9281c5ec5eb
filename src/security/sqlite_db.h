// A thin RAII wrapper over SQLite for security.db (principals and the audit log).
// Thread-safety: one Db per thread (SQLite serialises writers across processes with its file lock).
#pragma once

#include <sqlite3.h>

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

#include "tianping/common/status.h"

namespace tianping::security {

class Stmt {
 public:
  Stmt(sqlite3* db, sqlite3_stmt* s) : db_(db), s_(s) {}
  ~Stmt() { sqlite3_finalize(s_); }
  Stmt(const Stmt&) = delete;
  Stmt& operator=(const Stmt&) = delete;
  Stmt& Bind(int i, std::string_view v) {
    sqlite3_bind_text(s_, i, v.data(), static_cast<int>(v.size()), SQLITE_TRANSIENT);
    return *this;
  }
  Stmt& Bind(int i, int64_t v) { sqlite3_bind_int64(s_, i, v); return *this; }
  Stmt& Bind(int i, double v) { sqlite3_bind_double(s_, i, v); return *this; }
  // True while a row is available; false at the end (check status()).
  bool Step();
  Status status() const { return status_; }
  std::string Text(int col) const;
  int64_t Int(int col) const { return sqlite3_column_int64(s_, col); }
  double Double(int col) const { return sqlite3_column_double(s_, col); }
  bool IsNull(int col) const { return sqlite3_column_type(s_, col) == SQLITE_NULL; }
  // Runs to completion (for INSERT/UPDATE/DELETE).
  Status Run();
  // Makes the statement runnable again (bindings are kept until rebound).
  void Reset() {
    sqlite3_reset(s_);
    status_ = Status::Ok();
  }

 private:
  sqlite3* db_;
  sqlite3_stmt* s_;
  Status status_;
};

class Db {
 public:
  // Opens (creating) <path> with a busy timeout.
  static Result<std::unique_ptr<Db>> Open(const std::string& path);
  ~Db();
  Status Exec(const std::string& sql);
  Result<std::unique_ptr<Stmt>> Prepare(const std::string& sql);
  int64_t Changes() const { return sqlite3_changes(db_); }

 private:
  explicit Db(sqlite3* db) : db_(db) {}
  sqlite3* db_;
};

}  // namespace tianping::security
