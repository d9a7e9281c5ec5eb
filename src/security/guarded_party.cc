// GuardedStore::ReadParty: a party's cases nationwide within the reader's scope (docs/security.md,
// "How each store call is guarded": FindParties).
#include <algorithm>

#include "tianping/model/credit_code.h"
#include "tianping/model/id_number.h"
#include "tianping/security/guarded_store.h"

namespace tianping::security {
namespace {

// The party's field that the key was matched on.
const std::string& KeyField(const Party& p, PartyKey kind) {
  return kind == PartyKey::kIdNumber ? p.id_number : kind == PartyKey::kCreditCode ? p.credit_code : p.name;
}

bool IsPendingExecution(const Case& c, const std::string& role) {
  return c.category == "执行" && !c.closed_date && role == "被执行人";
}

// The parts of a case a profile row needs. Redact and CanSee decide on court_code, is_sealed, judge_id,
// category, filed_date, cause_name/cause_path and the parties' birth_date/is_minor (all in the profile
// parts); the row shows case fields of kCaseProfileFields; the match compares role, name, id_number and
// credit_code. A name is matched as shown, and a masked natural person's pseudonym (张某1) depends on
// the other names of the case, agents' included in anonymised cases: name look-ups read agent names too.
uint32_t ProfileFields(PartyKey kind) {
  uint32_t fields = kCaseProfileFields | kPartyProfileFields;
  if (kind == PartyKey::kName) fields |= kAgentNameFields;
  return fields;
}

}  // namespace

Result<PartyProfile> GuardedStore::ReadParty(const std::string& key) const {
  PartyProfile prof;
  prof.kind_name = "name";
  if (ParseIdNumber(key).ok()) {
    prof.kind = PartyKey::kIdNumber;
    prof.kind_name = "公民身份号码";
  } else if (ParseCreditCode(key).ok()) {
    prof.kind = PartyKey::kCreditCode;
    prof.kind_name = "统一社会信用代码";
  }
  const std::string object = Object(), request = "party " + prof.kind_name + "=" + key;
  // One audit record per lookup, appended after the lookup and before any row leaves this function: no
  // record, no data. It carries everything a separate "request" record did (actor, object, the query) plus
  // the outcome and the rows returned. A lookup that fails inside the store is recorded as read.failed.
  auto failed = [&](Status s) {
    (void)audit_("read.failed", object, 0, request + " failed: " + s.ToString());
    return s;
  };
  auto hits = snap_.FindParties(prof.kind, key);
  if (!hits.ok()) return failed(hits.status());
  const int64_t bulk_limit = guard_.BulkLimit(reader_);
  // Only the parts of each case the profile uses (ProfileFields): what CanSee and Redact decide on, the
  // row shown, and the parties' fields of the match below.
  const uint32_t fields = ProfileFields(prof.kind);
  for (const PartyHit& h : *hits) {
    uint32_t first_party = 0;
    auto c = snap_.ReadCaseFields(h.case_ref, fields, &first_party);
    if (!c.ok()) return failed(c.status());
    if (!guard_.CanSee(reader_, *c)) continue;
    if (h.party_row < first_party || h.party_row - first_party >= c->parties.size()) {
      return failed(Status::Corruption("party row " + std::to_string(h.party_row) + " outside its case"));
    }
    const Party* p = &c->parties[h.party_row - first_party];
    // Match on the value as the reader sees it: the same party of the redacted case.
    Case shown = guard_.Redact(reader_, *c);
    bool match = false;
    std::string role;
    for (size_t i = 0; i < c->parties.size() && i < shown.parties.size() && !match; ++i) {
      const Party& orig = c->parties[i];
      if (orig.role == p->role && orig.name == p->name && orig.id_number == p->id_number &&
          orig.credit_code == p->credit_code && KeyField(shown.parties[i], prof.kind) == key) {
        match = true;
        role = shown.parties[i].role;
      }
    }
    if (!match) continue;
    if (static_cast<int64_t>(prof.rows.size()) >= bulk_limit) {
      (void)audit_("read", object, static_cast<int64_t>(prof.rows.size()), request + " stopped: bulk limit");
      return AccessGuard::BulkDenied(bulk_limit);
    }
    PartyRow row{std::move(shown), std::move(*c), role, false};
    row.pending_execution = IsPendingExecution(row.shown, role);
    prof.rows.push_back(std::move(row));
  }
  if (!guard_.SuppressCell(reader_, static_cast<int64_t>(prof.rows.size()))) {
    prof.rows.clear();
    prof.suppressed = true;
    TP_RETURN_IF_ERROR(audit_("read", object, 0, request + " suppressed: small cell"));
    return prof;
  }
  TP_RETURN_IF_ERROR(audit_(prof.rows.empty() ? "read.notfound" : "read", object,
                            static_cast<int64_t>(prof.rows.size()), request));
  std::sort(prof.rows.begin(), prof.rows.end(), [](const PartyRow& a, const PartyRow& b) {
    return a.shown.filed_date != b.shown.filed_date ? a.shown.filed_date < b.shown.filed_date
                                                    : a.shown.case_id < b.shown.case_id;
  });
  for (const PartyRow& r : prof.rows) {
    ++prof.by_role[r.role];
    if (!r.pending_execution) continue;
    ++prof.pending;
    if (r.shown.execution) prof.pending_applied += r.shown.execution->applied_amount;
  }
  return prof;
}

}  // namespace tianping::security
