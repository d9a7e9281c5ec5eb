// AuditLog (审计日志): an append-only, hash-chained log of every read of personal data and every
// administrative action, in <data_dir>/security.db (table audit) with its head mirrored in table
// audit_head and in the file <data_dir>/audit.head. Record format and hash computation:
// docs/security.md ("Audit log"). Thread-safety: one log per thread; appends from several processes
// are serialised by an IMMEDIATE transaction.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "tianping/common/status.h"

namespace tianping::security {

class Db;

// Persisted: the fields, in this order, are the hashed content (CanonicalBytes).
struct AuditRecord {
  int64_t seq = 0;          // 1, 2, 3 … without gaps
  std::string ts;           // UTC ISO 8601 with milliseconds
  std::string actor;        // user name, "key:<id>", or "local:<os user>" for unauthenticated admin
  std::string action;       // read | export | count | denied | user.add | user.role | key.create | key.revoke ...
  std::string object;       // what was touched: "cases.jsonl", "user zhang", "case 2023-0001"
  int64_t rows = 0;         // rows of personal data returned (0 for administrative actions)
  std::string detail;       // free text: filters, fields shown, ...
  std::string prev_hash;    // hash of record seq-1; 64 '0' for the first
  std::string hash;         // lowercase hex SHA-256 of CanonicalBytes()
};

// prev_hash "\n" seq "\n" ts "\n" actor "\n" action "\n" object "\n" rows "\n" detail, each text
// field with '\\' → "\\\\" and '\n' → "\\n".
std::string CanonicalBytes(const AuditRecord& r);
std::string HashRecord(const AuditRecord& r);  // hex SHA-256 of CanonicalBytes

struct VerifyReport {
  bool ok = true;
  int64_t records = 0;        // records read
  int64_t first_bad = 0;      // 1-based position of the first bad record (0 when ok)
  std::string problem;        // "record 7: content does not match its hash (edited)"
  std::string head_hash;      // hash of the last good record
};

struct AuditFilter {
  std::string actor, action, since, until;  // since/until compare with ts as text (prefixes work)
  int64_t limit = 0;                         // 0 = all
};

// What a caller asks to append; AppendBatch fills in seq, ts, prev_hash and hash.
struct AuditEntry {
  std::string actor, action, object;
  int64_t rows = 0;
  std::string detail;
};

// Read volume per actor over a set of records, with the unusual ones flagged.
struct ActorVolume {
  std::string actor;
  int64_t requests = 0;  // read/export/count records
  int64_t rows = 0;      // rows of personal data returned
  bool flagged = false;  // rows >= min_rows and rows > factor × the median of the OTHER actors' rows
};
std::vector<ActorVolume> Volumes(const std::vector<AuditRecord>& records, double factor, int64_t min_rows);

class AuditLog {
 public:
  static Result<std::unique_ptr<AuditLog>> Open(const std::string& data_dir);
  ~AuditLog();
  // Appends one record (seq, ts, prev_hash and hash are filled in) and returns it.
  Result<AuditRecord> Append(const std::string& actor, const std::string& action, const std::string& object,
                             int64_t rows, const std::string& detail);
  // Appends `entries` in order as consecutive records in ONE IMMEDIATE transaction (the head is re-read
  // inside it, so other processes' appends are safe) and updates audit_head and audit.head once, to the
  // last record. All or nothing: on error nothing is appended. Returns the records in the same order.
  // Durability as Append: committed with synchronous=FULL before it returns.
  Result<std::vector<AuditRecord>> AppendBatch(const std::vector<AuditEntry>& entries);
  // Walks the chain in storage order: seq must be 1, 2, 3 …, each prev_hash the previous hash, each hash
  // the hash of its content, and the last record must match audit_head and the audit.head file
  // (detects truncation). Reports the first bad position.
  Result<VerifyReport> Verify() const;
  Result<std::vector<AuditRecord>> Query(const AuditFilter& filter) const;

  static std::string HeadPath(const std::string& data_dir);

 private:
  AuditLog(std::unique_ptr<Db> db, std::string data_dir);
  std::unique_ptr<Db> db_;
  std::string data_dir_;
};

}  // namespace tianping::security
