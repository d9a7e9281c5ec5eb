#include "source/pg_conn.h"

#include "tianping/source/postgres_source.h"

namespace tianping::source {
namespace {

std::string Trim(std::string s) {
  while (!s.empty() && (s.back() == '\n' || s.back() == ' ')) s.pop_back();
  return s;
}

}  // namespace

Result<std::unique_ptr<PgConn>> PgConn::Connect(const std::string& url) {
  std::string masked = MaskConnectionUrl(url);
  // Validate the string first: PQconnectdb would echo a malformed one back in its error.
  char* err = nullptr;
  PQconninfoOption* opts = PQconninfoParse(url.c_str(), &err);
  if (opts == nullptr) {
    std::string why = err ? Trim(err) : "malformed connection string";
    PQfreemem(err);
    return Status::InvalidArgument("cannot parse PostgreSQL URL " + masked + ": " + why);
  }
  PQconninfoFree(opts);
  PGconn* c = PQconnectdb(url.c_str());
  if (c == nullptr) return Status::IoError("cannot connect to " + masked + ": out of memory");
  if (PQstatus(c) != CONNECTION_OK) {
    std::string why = Trim(PQerrorMessage(c));
    PQfinish(c);
    return Status::IoError("cannot connect to " + masked + ": " + why);
  }
  auto conn = std::unique_ptr<PgConn>(new PgConn(c, std::move(masked)));
  // Stable text forms: ISO dates, UTC timestamps, no locale-dependent output.
  TP_RETURN_IF_ERROR(conn->Run("session settings",
                               "SET TimeZone = 'UTC'; SET DateStyle = 'ISO, YMD'; SET extra_float_digits = 3; "
                               "SET client_encoding = 'UTF8'; SET client_min_messages = warning"));
  return conn;
}

PgConn::~PgConn() { PQfinish(c_); }

Status PgConn::Error(std::string_view what, const char* detail) const {
  return Status::IoError("PostgreSQL " + masked_ + ": " + std::string(what) + ": " + Trim(detail ? detail : ""));
}

Result<PgResult> PgConn::Exec(std::string_view what, const std::string& sql, const std::vector<std::string>& params) {
  std::vector<const char*> values;
  values.reserve(params.size());
  for (const auto& p : params) values.push_back(p.c_str());
  PGresult* r = PQexecParams(c_, sql.c_str(), static_cast<int>(values.size()), nullptr, values.data(), nullptr,
                             nullptr, 0);
  PgResult result(r);
  ExecStatusType st = PQresultStatus(r);
  if (st != PGRES_TUPLES_OK && st != PGRES_COMMAND_OK) {
    return Error(what, r ? PQresultErrorMessage(r) : PQerrorMessage(c_));
  }
  return result;
}

Status PgConn::Run(std::string_view what, const std::string& sql) {
  PGresult* r = PQexec(c_, sql.c_str());
  PgResult hold(r);
  ExecStatusType st = PQresultStatus(r);
  if (st != PGRES_TUPLES_OK && st != PGRES_COMMAND_OK) {
    return Error(what, r ? PQresultErrorMessage(r) : PQerrorMessage(c_));
  }
  return Status::Ok();
}

Status PgConn::CopyIn(std::string_view what, const std::string& copy_sql, const std::string& data) {
  PGresult* r = PQexec(c_, copy_sql.c_str());
  {
    PgResult hold(r);
    if (PQresultStatus(r) != PGRES_COPY_IN) return Error(what, r ? PQresultErrorMessage(r) : PQerrorMessage(c_));
  }
  constexpr size_t kPiece = 1 << 20;
  for (size_t at = 0; at < data.size(); at += kPiece) {
    size_t n = std::min(kPiece, data.size() - at);
    if (PQputCopyData(c_, data.data() + at, static_cast<int>(n)) != 1) return Error(what, PQerrorMessage(c_));
  }
  if (PQputCopyEnd(c_, nullptr) != 1) return Error(what, PQerrorMessage(c_));
  Status status = Status::Ok();
  while (PGresult* end = PQgetResult(c_)) {
    PgResult hold(end);
    if (PQresultStatus(end) != PGRES_COMMAND_OK && status.ok()) status = Error(what, PQresultErrorMessage(end));
  }
  return status;
}

std::string ArrayLiteral(const std::vector<std::string>& items) {
  std::string out = "{";
  for (size_t i = 0; i < items.size(); ++i) {
    if (i) out += ',';
    out += '"';
    for (char ch : items[i]) {
      if (ch == '"' || ch == '\\') out += '\\';
      out += ch;
    }
    out += '"';
  }
  out += '}';
  return out;
}

}  // namespace tianping::source
