// Parts of a stored case that a read may ask for (StoreSnapshot::ReadCaseFields): a read of only the
// columns a caller needs, for paths that touch many cases (the party profile) where a whole case — some
// 60 column blocks with every party and agent — would be mostly thrown away. Fields outside the set keep
// their default value (empty string, nullopt, 0, false); parties and agents are read as rows either way.
// Thread-safety: plain values.
#pragma once

#include <cstdint>

namespace tianping {

enum CaseFields : uint32_t {
  // case_id, case_number, court_code, court_name, category, cause_name, cause_path, filed_date,
  // closed_date, closure_method, judge_id, claim_amount, awarded_amount, execution, is_sealed.
  kCaseProfileFields = 1u << 0,
  // Every other case field (type_code, cause_code, procedure, received_date, time limits, judge_name,
  // panel, clerk, has_payment_content, derived_from, document_id, updated_at, correction_requested).
  kCaseOtherFields = 1u << 1,
  // Per party: role, kind, name, id_number, credit_code, birth_date, is_minor.
  kPartyProfileFields = 1u << 2,
  // Every other party field (original_role, gender, ethnicity, phone, address, legal_representative,
  // occupation).
  kPartyOtherFields = 1u << 3,
  // Per agent of each party read: name, kind. Without any agent bit a party's agents stay empty.
  kAgentNameFields = 1u << 4,
  // Per agent: law_firm, license_number.
  kAgentOtherFields = 1u << 5,
  kAllCaseFields = (1u << 6) - 1,
  kAllPartyFields = kPartyProfileFields | kPartyOtherFields | kAgentNameFields | kAgentOtherFields,
};

}  // namespace tianping
