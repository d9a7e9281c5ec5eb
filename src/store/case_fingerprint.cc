#include "store/case_fingerprint.h"

#include "store/hash64.h"

namespace tianping::store {
namespace {

void AddDate(Hasher* h, const std::optional<Date>& d) { h->Add(d ? int64_t{d->days()} : int64_t{INT32_MIN}); }

void AddList(Hasher* h, const std::vector<std::string>& v) {
  h->Add(static_cast<int64_t>(v.size()));
  for (const auto& s : v) h->Add(s);
}

}  // namespace

uint64_t CaseFingerprint(const Case& c) {
  Hasher h;
  for (const std::string* s : {&c.case_id, &c.case_number, &c.court_code, &c.court_name, &c.type_code,
                               &c.category, &c.cause_code, &c.cause_name, &c.procedure}) {
    h.Add(*s);
  }
  AddList(&h, c.cause_path);
  AddDate(&h, c.received_date);
  h.Add(int64_t{c.filed_date.days()});
  AddDate(&h, c.closed_date);
  h.Add(c.closure_method);
  h.Add(int64_t{c.statutory_limit_days});
  h.Add(int64_t{c.extension_days});
  h.Add(int64_t{c.excluded_days});
  h.Add(int64_t{c.correction_requested});
  h.Add(c.judge_id);
  h.Add(c.judge_name);
  AddList(&h, c.panel);
  h.Add(c.clerk);
  h.Add(c.claim_amount);
  h.Add(c.awarded_amount);
  h.Add(int64_t{c.has_payment_content});
  h.Add(int64_t{c.derived_from.has_value()});
  if (c.derived_from) {
    h.Add(c.derived_from->relation);
    h.Add(c.derived_from->case_id);
    h.Add(c.derived_from->case_number);
  }
  h.Add(static_cast<int64_t>(c.parties.size()));
  for (const auto& p : c.parties) {
    for (const std::string* s : {&p.role, &p.original_role, &p.kind, &p.name, &p.id_number, &p.credit_code,
                                 &p.gender, &p.ethnicity, &p.phone, &p.address, &p.legal_representative,
                                 &p.occupation}) {
      h.Add(*s);
    }
    AddDate(&h, p.birth_date);
    h.Add(int64_t{p.is_minor});
    h.Add(static_cast<int64_t>(p.agents.size()));
    for (const auto& a : p.agents) {
      h.Add(a.name);
      h.Add(a.kind);
      h.Add(a.law_firm);
      h.Add(a.license_number);
    }
  }
  h.Add(int64_t{c.execution.has_value()});
  if (c.execution) {
    h.Add(c.execution->applied_amount);
    h.Add(c.execution->recovered_amount);
    h.Add(int64_t{c.execution->voluntary});
  }
  h.Add(c.document_id);
  h.Add(int64_t{c.is_sealed});
  h.Add(c.updated_at);
  return h.value();
}

uint64_t DocumentFingerprint(const Document& d) {
  Hasher h;
  for (const std::string* s : {&d.doc_id, &d.case_id, &d.kind, &d.title, &d.text}) h.Add(*s);
  return h.value();
}

}  // namespace tianping::store
