// Column schema of the case, party and agent tables of a case segment, and of the document table of a
// document segment. Persisted: see docs/store-format.md "Case segments"; do not reorder or rename —
// readers look columns up by name, writers emit them in this order.
#pragma once

#include "store/segment_format.h"

namespace tianping::store {

struct ColumnSpec {
  const char* name;
  ColumnType type;                // as written by this build (format version 2)
  ColumnType v1_type = type_same;  // as format version 1 stored it, when different
  static constexpr ColumnType type_same = ColumnType{0};
  ColumnType TypeIn(uint32_t format_version) const {
    return format_version == 1 && v1_type != type_same ? v1_type : type;
  }
};

enum CaseCol {
  kCaseId, kCaseNumber, kCourtCode, kCourtName, kTypeCode, kCategory, kCauseCode, kCauseName, kCausePath,
  kProcedure, kReceivedDate, kFiledDate, kClosedDate, kClosureMethod, kStatutoryLimitDays, kExtensionDays,
  kExcludedDays, kCorrectionRequested, kJudgeId, kJudgeName, kPanel, kClerk, kClaimAmount, kAwardedAmount,
  kHasPaymentContent, kHasDerived, kDerivedRelation, kDerivedCaseId, kDerivedCaseNumber, kHasExecution,
  kExecAppliedAmount, kExecRecoveredAmount, kExecVoluntary, kDocumentId, kIsSealed, kUpdatedAt,
  kPartyBegin, kPartyCount, kFingerprint, kCaseColCount
};
enum PartyCol {
  kPartyCaseRow, kRole, kOriginalRole, kPartyKind, kPartyName, kIdNumber, kCreditCode, kGender, kBirthDate,
  kEthnicity, kPhone, kAddress, kLegalRepresentative, kOccupation, kIsMinor, kAgentBegin, kAgentCount,
  kPartyColCount
};
enum AgentCol { kAgentPartyRow, kAgentName, kAgentKind, kLawFirm, kLicenseNumber, kAgentColCount };
enum DocCol { kDocId, kDocCaseId, kDocKind, kDocTitle, kDocText, kDocFingerprint, kDocColCount };

extern const ColumnSpec kCaseColumns[kCaseColCount];
extern const ColumnSpec kPartyColumns[kPartyColCount];
extern const ColumnSpec kAgentColumns[kAgentColCount];
extern const ColumnSpec kDocColumns[kDocColCount];

// Table names inside segments.
inline constexpr const char* kCasesTable = "cases";
inline constexpr const char* kPartiesTable = "parties";
inline constexpr const char* kAgentsTable = "agents";
inline constexpr const char* kDocsTable = "documents";
// Hash indexes (hash:u64 ascending, row:u32).
inline constexpr const char* kIdxCaseId = "idx_case_id";          // case_id → case row
inline constexpr const char* kIdxCaseNumber = "idx_case_number";  // 案号 → case row
inline constexpr const char* kIdxDerived = "idx_derived_from";    // derived_from.case_id → case row
inline constexpr const char* kIdxPartyName = "idx_party_name";    // party name → party row
inline constexpr const char* kIdxIdNumber = "idx_id_number";      // 公民身份号码 → party row
inline constexpr const char* kIdxCreditCode = "idx_credit_code";  // 统一社会信用代码 → party row
inline constexpr const char* kIdxDocId = "idx_doc_id";            // doc_id → document row
inline constexpr const char* kIdxDocCase = "idx_doc_case";        // case_id → document row

// Rows per block of the cases, parties and agents tables (version 1: 4096).
// 512 rows: on 1 M gen cases a warm case look-up costs 0.07 ms CPU at p50 against 0.28 ms with 1024-row
// blocks, for a 4 % larger store (docs/benchmarks.md "Store format version 2").
inline constexpr uint32_t kCaseRowsPerBlock = 512;
inline constexpr uint32_t kCaseRowsPerBlockV1 = 4096;
// Rows per block of the hash indexes (version 1: 4096). A case look-up by id probes every partition's
// index, so the block one probe decompresses is kept small (8 KiB of hashes).
inline constexpr uint32_t kIndexRowsPerBlock = 1024;
// Spill runs are read back whole, so their blocks are large.
inline constexpr uint32_t kRunRowsPerBlock = 16384;
inline constexpr uint32_t kDocRowsPerBlock = 32;
inline constexpr char kListSeparator = '\x1f';  // joins cause_path and panel into one dictionary string

}  // namespace tianping::store
