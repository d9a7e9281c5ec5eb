#include "store/case_schema.h"

namespace tianping::store {

using T = ColumnType;

const ColumnSpec kCaseColumns[kCaseColCount] = {
    {"case_id", T::kDict}, {"case_number", T::kDict}, {"court_code", T::kDict}, {"court_name", T::kDict},
    {"type_code", T::kDict}, {"category", T::kDict}, {"cause_code", T::kDict}, {"cause_name", T::kDict},
    {"cause_path", T::kDict}, {"procedure", T::kDict}, {"received_date", T::kI32}, {"filed_date", T::kI32},
    {"closed_date", T::kI32}, {"closure_method", T::kDict}, {"statutory_limit_days", T::kI32},
    {"extension_days", T::kI32}, {"excluded_days", T::kI32}, {"correction_requested", T::kU8},
    {"judge_id", T::kDict}, {"judge_name", T::kDict}, {"panel", T::kDict}, {"clerk", T::kDict},
    {"claim_amount", T::kI64}, {"awarded_amount", T::kI64}, {"has_payment_content", T::kU8},
    {"has_derived_from", T::kU8}, {"derived_relation", T::kDict}, {"derived_case_id", T::kDict},
    {"derived_case_number", T::kDict}, {"has_execution", T::kU8}, {"exec_applied_amount", T::kI64},
    {"exec_recovered_amount", T::kI64}, {"exec_voluntary", T::kU8}, {"document_id", T::kDict},
    {"is_sealed", T::kU8}, {"updated_at", T::kDict}, {"party_begin", T::kU32}, {"party_count", T::kU32},
    {"fingerprint", T::kU64},
};

const ColumnSpec kPartyColumns[kPartyColCount] = {
    {"case_row", T::kU32}, {"role", T::kDict}, {"original_role", T::kDict}, {"kind", T::kDict},
    {"name", T::kDict}, {"id_number", T::kDict}, {"credit_code", T::kDict}, {"gender", T::kDict},
    {"birth_date", T::kI32}, {"ethnicity", T::kDict}, {"phone", T::kDict}, {"address", T::kDict},
    {"legal_representative", T::kDict}, {"occupation", T::kDict}, {"is_minor", T::kU8},
    {"agent_begin", T::kU32}, {"agent_count", T::kU32},
};

const ColumnSpec kAgentColumns[kAgentColCount] = {
    {"party_row", T::kU32}, {"name", T::kDict}, {"kind", T::kDict}, {"law_firm", T::kDict},
    {"license_number", T::kDict},
};

const ColumnSpec kDocColumns[kDocColCount] = {
    {"doc_id", T::kDict}, {"case_id", T::kDict}, {"kind", T::kDict}, {"title", T::kDict},
    {"text", T::kBlob}, {"fingerprint", T::kU64},
};

}  // namespace tianping::store
