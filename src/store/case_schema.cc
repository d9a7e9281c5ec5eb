#include "store/case_schema.h"

namespace tianping::store {

using T = ColumnType;

// String columns: `dict` when a partition holds few distinct values per row (codes, names of courts,
// causes, roles, judges and lawyers, who recur), `blob` when nearly every row has its own value (ids,
// 案号, timestamps, panels, personal data). Measured on `tianping gen` data, one province partition of a
// 200 k batch, distinct values / rows: case_id, case_number, document_id, updated_at 1.0;
// derived case id / number 0.98; panel 0.54; judge, clerk 0.2; cause 0.02; court 0.005; party id_number
// 0.74, phone 0.73, address 0.70, credit_code 0.61, name 0.55, legal_representative 0.49; agent
// license_number and name 0.2; law_firm 0.02. A dictionary of near-unique values costs a hash probe per
// row when building and a second block (the dictionary's) per read; a blob column costs neither.
// Version 1 stored every string column except the document text as `dict` (the third field).
const ColumnSpec kCaseColumns[kCaseColCount] = {
    {"case_id", T::kBlob, T::kDict}, {"case_number", T::kBlob, T::kDict}, {"court_code", T::kDict},
    {"court_name", T::kDict}, {"type_code", T::kDict}, {"category", T::kDict}, {"cause_code", T::kDict},
    {"cause_name", T::kDict}, {"cause_path", T::kDict}, {"procedure", T::kDict}, {"received_date", T::kI32},
    {"filed_date", T::kI32}, {"closed_date", T::kI32}, {"closure_method", T::kDict},
    {"statutory_limit_days", T::kI32}, {"extension_days", T::kI32}, {"excluded_days", T::kI32},
    {"correction_requested", T::kU8}, {"judge_id", T::kDict}, {"judge_name", T::kDict},
    {"panel", T::kBlob, T::kDict}, {"clerk", T::kDict}, {"claim_amount", T::kI64}, {"awarded_amount", T::kI64},
    {"has_payment_content", T::kU8}, {"has_derived_from", T::kU8}, {"derived_relation", T::kDict},
    {"derived_case_id", T::kBlob, T::kDict}, {"derived_case_number", T::kBlob, T::kDict},
    {"has_execution", T::kU8}, {"exec_applied_amount", T::kI64}, {"exec_recovered_amount", T::kI64},
    {"exec_voluntary", T::kU8}, {"document_id", T::kBlob, T::kDict}, {"is_sealed", T::kU8},
    {"updated_at", T::kBlob, T::kDict}, {"party_begin", T::kU32}, {"party_count", T::kU32},
    {"fingerprint", T::kU64},
};

const ColumnSpec kPartyColumns[kPartyColCount] = {
    {"case_row", T::kU32}, {"role", T::kDict}, {"original_role", T::kDict}, {"kind", T::kDict},
    {"name", T::kBlob, T::kDict}, {"id_number", T::kBlob, T::kDict}, {"credit_code", T::kBlob, T::kDict},
    {"gender", T::kDict}, {"birth_date", T::kI32}, {"ethnicity", T::kDict}, {"phone", T::kBlob, T::kDict},
    {"address", T::kBlob, T::kDict}, {"legal_representative", T::kBlob, T::kDict}, {"occupation", T::kDict},
    {"is_minor", T::kU8}, {"agent_begin", T::kU32}, {"agent_count", T::kU32},
};

const ColumnSpec kAgentColumns[kAgentColCount] = {
    {"party_row", T::kU32}, {"name", T::kDict}, {"kind", T::kDict}, {"law_firm", T::kDict},
    {"license_number", T::kDict},
};

const ColumnSpec kDocColumns[kDocColCount] = {
    {"doc_id", T::kBlob, T::kDict}, {"case_id", T::kBlob, T::kDict}, {"kind", T::kDict},
    {"title", T::kBlob, T::kDict}, {"text", T::kBlob}, {"fingerprint", T::kU64},
};

}  // namespace tianping::store
