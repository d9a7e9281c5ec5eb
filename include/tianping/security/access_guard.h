// AccessGuard (访问控制): the one enforcement layer every read path goes through — store queries, CLI
// commands run with --as USER, HTTP handlers. It decides which rows a principal may see (court scope,
// sealed cases), which fields it sees in clear, masked or not at all (catalog grade vs clearance,
// sharing class, anonymisation of minors and family cases), and suppresses small aggregate cells.
//
// The contract for read paths (docs/security.md, "Wiring a read path"):
//   1. Filter rows with CanSee() BEFORE counting, ranking, paging or building snippets.
//   2. Return only Redact(p, c) / RedactDocument(p, c, d); match user queries against the redacted
//      values (or reject the filter with CheckFilter()), never against the originals.
//   3. Excerpt (snippets) AFTER RedactText(), never before.
//   4. Answer a lookup of an invisible row exactly as a missing one: Fetch() / NotFound().
//   5. Pass every count shown to researcher/public principals through SuppressCell(s).
//   6. Append one audit record per request that returned personal data (AuditLog).
// Thread-safety: immutable after construction; share freely. Keeps references to `catalog` and `ref`.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "tianping/common/status.h"
#include "tianping/model/case.h"
#include "tianping/model/reference.h"
#include "tianping/security/catalog.h"
#include "tianping/security/principal.h"

namespace tianping::security {

// How one field of one case reaches one principal.
enum class FieldView { kClear, kMasked, kRemoved };

class AccessGuard {
 public:
  AccessGuard(const Catalog& catalog, const ReferenceData& ref) : catalog_(catalog), ref_(ref) {}

  // The court `court_code` lies within the principal's scope. Courts missing from the reference table:
  // a province scope by code prefix (京0199), a court scope never.
  bool InScope(const Principal& p, std::string_view court_code) const;
  // The row exists for `p`: role reads cases, court in scope, and a sealed case only for its own judge
  // or a 核心 clearance.
  bool CanSee(const Principal& p, const Case& c) const;
  // The judge assigned to the case (Principal::judge_id == Case::judge_id, role with own_cases_full).
  bool IsOwnCase(const Principal& p, const Case& c) const;
  // Clearance that applies to this case: the principal's, capped by its role, raised to 一般-4 for an
  // execution judge on an execution case, 核心 on the judge's own cases.
  Grade EffectiveClearance(const Principal& p, const Case& c) const;
  // Minors (is_minor, or born less than 18 years before filing) or marriage/family/inheritance causes.
  static bool IsProtectedCase(const Case& c);
  // The case is shown anonymised to `p`: the role is anonymised-only, or the case is protected and
  // the effective clearance is below 一般-4.
  bool Anonymised(const Principal& p, const Case& c) const;
  // The view of catalogued field `field` ("party.phone") of case `c` for `p`.
  FieldView View(const Principal& p, const Case& c, std::string_view field) const;
  // The per-case facts View depends on, computed once when many fields of one case are decided.
  struct CaseAccess {
    bool own = false;
    Grade clearance = Grade::kGeneral1;
    bool anonymised = false;
  };
  CaseAccess AccessFor(const Principal& p, const Case& c) const;
  FieldView View(const Principal& p, const CaseAccess& a, std::string_view field) const;

  // The case as `p` may see it: masked fields replaced by their mask, removed fields emptied.
  // REQUIRES: CanSee(p, c).
  Case Redact(const Principal& p, const Case& c) const;
  // The document of case `c` as `p` may see it (text through RedactText). REQUIRES: CanSee(p, c).
  Document RedactDocument(const Principal& p, const Case& c, const Document& d) const;
  // Free text about case `c` (judgment text, a search hit) with every personal value of the case that
  // `p` may not see replaced by what Redact shows (or ××), birth dates blanked, and ID / phone / account
  // patterns scrubbed when `p` may not see ID numbers. Excerpt after calling this, never before.
  std::string RedactText(const Principal& p, const Case& c, std::string_view text) const;

  // Lookup hygiene: `found` is the row the store found for `id` (nullptr when none). Returns the
  // redacted row, or NotFound("case", id) — the same status whether the row is missing or invisible.
  Result<Case> Fetch(const Principal& p, const Case* found, std::string_view id) const;
  // "<kind> <id> not found" — the only message for missing and for invisible rows.
  static Status NotFound(std::string_view kind, std::string_view id);
  // OK when `p` may filter or search on `field` (it is clear to the role at its clearance on every
  // case); PermissionDenied naming the field and role otherwise. The message names no data.
  Status CheckFilter(const Principal& p, std::string_view field) const;

  // A count as shown to `p`: nullopt (suppressed) when the role has a minimum cell size and
  // 0 < count < min_cell.
  std::optional<int64_t> SuppressCell(const Principal& p, int64_t count) const;
  // Cells of one breakdown whose total is also shown: SuppressCell on each, then, when exactly one
  // cell was suppressed, the smallest other non-zero cell too (so the total cannot reveal it).
  std::vector<std::optional<int64_t>> SuppressCells(const Principal& p, const std::vector<int64_t>& cells) const;

  // Bulk limits (domain.md §6: bulk party data is 重要, the national dataset in bulk 核心): the most
  // cases with personal data one request may return to `p` — unlimited (INT64_MAX) for anonymised-only
  // roles, kBulkPartyRows below 重要, kBulkNationalRows below 核心. Read paths stop with
  // BulkDenied() when a request would exceed it.
  static constexpr int64_t kBulkPartyRows = 10000;
  static constexpr int64_t kBulkNationalRows = 1000000;
  int64_t BulkLimit(const Principal& p) const;
  static Status BulkDenied(int64_t limit);

  const Catalog& catalog() const { return catalog_; }

 private:
  const Catalog& catalog_;
  const ReferenceData& ref_;
};

}  // namespace tianping::security
