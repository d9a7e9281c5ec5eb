// GuardedStore (受控读取): the store's personal-data read paths — one case with its proceeding chain, one
// party's profile — through the AccessGuard, with audit before access. The ONE implementation behind
// `tianping case` / `tianping party` and the HTTP endpoints GET /api/cases/{id} and GET /api/parties
// (docs/security.md "Guarded read paths" lists how each store call is guarded).
// Thread-safety: const methods are safe concurrently when the AuditSink is.
#pragma once

#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "tianping/common/status.h"
#include "tianping/model/case.h"
#include "tianping/security/access_guard.h"
#include "tianping/security/principal.h"
#include "tianping/store/store.h"

namespace tianping::security {

// Appends one audit record (action, object, rows, detail) under the reader's name. A failed append
// stops the read: no record, no data.
using AuditSink = std::function<Status(const std::string& action, const std::string& object, int64_t rows,
                                       const std::string& detail)>;

struct ChainNode {
  int depth = 0;
  Case c;             // redacted
  bool self = false;  // the case asked for
};

struct CaseView {
  Case shown;                       // redacted; derived_from dropped unless its parent is in the chain
  Case stored;                      // as stored: only for field views (AmountShown), never output
  std::vector<ChainNode> chain;     // root first, depth-first, children in filing order; redacted
  std::vector<Document> documents;  // of the case asked for, through RedactDocument
};

// shown and stored hold only the parts of the case a profile uses (kCaseProfileFields and the parties'
// kPartyProfileFields, docs/security.md "How each store call is guarded"); other fields are empty.
struct PartyRow {
  Case shown;   // redacted
  Case stored;  // as stored: only for field views
  std::string role;
  bool pending_execution = false;  // 执行 case not closed, the party 被执行人
};

struct PartyProfile {
  PartyKey kind = PartyKey::kName;
  std::string kind_name;             // "name" | "公民身份号码" | "统一社会信用代码"
  std::vector<PartyRow> rows;        // by filing date, then case id
  std::map<std::string, int64_t> by_role;
  int64_t pending = 0;               // pending executions as 被执行人
  int64_t pending_applied = 0;       // their applied amounts, fen
  // The reader's role suppresses small cells and 0 < matches < min_cell: the rows are withheld too
  // (listing them would show the count), rows/by_role/pending are empty.
  bool suppressed = false;
};

class GuardedStore {
 public:
  // REQUIRES: all references outlive this object.
  GuardedStore(const StoreSnapshot& snapshot, const AccessGuard& guard, const Principal& reader, AuditSink audit);

  // "store snapshot N": the object of the audit records.
  std::string Object() const;
  // A case by 案号 (full- or half-width brackets) or, for readers who may filter on case.case_id, by
  // case id; with its whole chain. NotFound("case K not found") for a missing and an invisible case
  // alike. Audited once per lookup: read (rows = cases in the chain), read.notfound or read.failed.
  Result<CaseView> ReadCase(const std::string& key) const;
  // The party's cases by name, 公民身份号码 or 统一社会信用代码 (detected), matched on the value as the
  // reader sees it. More than BulkLimit(reader) cases → BulkDenied. For roles with a minimum cell size a
  // match count below it withholds the rows (PartyProfile::suppressed). Audited with ONE record after the
  // lookup and before any row is returned: read (rows = cases shown, also when stopped by the bulk limit or
  // suppressed), read.notfound, or read.failed; a failed append returns the error and no rows.
  Result<PartyProfile> ReadParty(const std::string& key) const;

  // An amount of `stored` as shown to the reader: nullopt when `field` is removed for it.
  std::optional<int64_t> AmountShown(const Case& stored, std::string_view field, int64_t fen) const;
  // A count as shown: the number, or "<10" when suppressed for the reader's role.
  std::string CountText(int64_t n) const;

  const Principal& reader() const { return reader_; }
  const AccessGuard& guard() const { return guard_; }

 private:
  const StoreSnapshot& snap_;
  const AccessGuard& guard_;
  const Principal& reader_;
  AuditSink audit_;
};

// The JSON of `tianping case --format json` and GET /api/cases/{id}:
// {"case": {...}, "chain": [{depth, relation, case_id, case_number, court_name, procedure, filed_date,
// closed_date, closure_method}], "documents": [{doc_id, kind, title}]}.
std::string CaseViewJson(const CaseView& view);

}  // namespace tianping::security
