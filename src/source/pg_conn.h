// A libpq connection and its results, as RAII values with Status errors. Every error message carries the
// masked connection URL (password replaced, see MaskConnectionUrl) and never the password.
// Thread-safety: a PgConn is used by one thread at a time; PgResult is a plain value once obtained.
#pragma once

#include <libpq-fe.h>

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "tianping/common/status.h"

namespace tianping::source {

class PgResult {
 public:
  PgResult() = default;
  explicit PgResult(PGresult* r) : r_(r, &PQclear) {}
  int rows() const { return r_ ? PQntuples(r_.get()) : 0; }
  int columns() const { return r_ ? PQnfields(r_.get()) : 0; }
  // -1 when the result has no such column.
  int Column(const char* name) const { return r_ ? PQfnumber(r_.get(), name) : -1; }
  bool IsNull(int row, int col) const { return PQgetisnull(r_.get(), row, col) != 0; }
  std::string_view Get(int row, int col) const {
    return {PQgetvalue(r_.get(), row, col), static_cast<size_t>(PQgetlength(r_.get(), row, col))};
  }

 private:
  std::shared_ptr<PGresult> r_;
};

class PgConn {
 public:
  // Connects with a libpq URL or keyword/value string. A malformed string is InvalidArgument; an
  // unreachable server or a refused login is IoError naming the masked URL and libpq's reason. The session
  // runs in UTC with ISO dates and UTF-8.
  static Result<std::unique_ptr<PgConn>> Connect(const std::string& url);
  ~PgConn();
  PgConn(const PgConn&) = delete;
  PgConn& operator=(const PgConn&) = delete;

  // Runs one statement with text parameters ($1, $2 …). `what` names the statement in errors.
  Result<PgResult> Exec(std::string_view what, const std::string& sql, const std::vector<std::string>& params = {});
  // Runs statements with no result (may hold several, separated by ';').
  Status Run(std::string_view what, const std::string& sql);
  // COPY … FROM STDIN with the whole text-format payload.
  Status CopyIn(std::string_view what, const std::string& copy_sql, const std::string& data);

  const std::string& masked_url() const { return masked_; }

 private:
  PgConn(PGconn* c, std::string masked) : c_(c), masked_(std::move(masked)) {}
  Status Error(std::string_view what, const char* detail) const;
  PGconn* c_;
  std::string masked_;
};

// Quotes a list of strings as a PostgreSQL array literal {"a","b"} for a text[] parameter.
std::string ArrayLiteral(const std::vector<std::string>& items);

}  // namespace tianping::source
