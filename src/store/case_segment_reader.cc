#include "store/case_segment_reader.h"

#include "store/case_schema.h"
#include "store/hash64.h"

namespace tianping::store {
namespace {

template <size_t N>
Status Resolve(const SegmentReader& file, const char* table_name, const ColumnSpec (&specs)[N],
               const TableMeta** table, std::vector<const ColumnMeta*>* cols) {
  *table = file.table(table_name);
  if (!*table) return Status::Corruption("store file " + file.path() + " lacks the table " + table_name);
  for (const auto& s : specs) {
    const ColumnMeta* c = (*table)->Find(s.name);
    if (!c || c->type != s.TypeIn(file.format_version())) {
      return Status::Corruption("store file " + file.path() + ": table " + table_name + " lacks column " + s.name);
    }
    cols->push_back(c);
  }
  return Status::Ok();
}

std::vector<std::string> SplitList(const std::string& s) {
  std::vector<std::string> out;
  if (s.empty()) return out;
  size_t start = 0;
  while (true) {
    size_t at = s.find(kListSeparator, start);
    out.push_back(s.substr(start, at == std::string::npos ? std::string::npos : at - start));
    if (at == std::string::npos) break;
    start = at + 1;
  }
  return out;
}

std::optional<Date> OptDate(int32_t d) {
  if (d == kNullDate) return std::nullopt;
  return Date::FromDays(d);
}

// Unwraps a Result into `var` or returns its status from the enclosing function.
#define TP_ASSIGN(var, expr)               \
  do {                                     \
    auto tp_r_ = (expr);                   \
    if (!tp_r_.ok()) return tp_r_.status(); \
    var = std::move(*tp_r_);               \
  } while (0)

}  // namespace

Result<std::unique_ptr<CaseSegmentReader>> CaseSegmentReader::Open(const std::string& path, uint64_t expected_size) {
  auto file = SegmentReader::Open(path, expected_size);
  if (!file.ok()) return file.status();
  std::unique_ptr<CaseSegmentReader> r(new CaseSegmentReader());
  r->file_ = std::move(*file);
  TP_RETURN_IF_ERROR(Resolve(*r->file_, kCasesTable, kCaseColumns, &r->cases_, &r->case_cols_));
  TP_RETURN_IF_ERROR(Resolve(*r->file_, kPartiesTable, kPartyColumns, &r->parties_, &r->party_cols_));
  TP_RETURN_IF_ERROR(Resolve(*r->file_, kAgentsTable, kAgentColumns, &r->agents_, &r->agent_cols_));
  return r;
}

Result<Party> CaseSegmentReader::ReadPartyFields(uint32_t pr, uint32_t fields) const {
  if (pr >= parties_->row_count) return Status::NotFound("party row out of range");
  const auto& q = party_cols_;
  const SegmentReader& f = *file_;
  const TableMeta* t = parties_;
  const bool key = fields & kPartyProfileFields, other = fields & kPartyOtherFields;
  Party p;
  if (key) TP_ASSIGN(p.role, Str(t, q[kRole], pr));
  if (other) TP_ASSIGN(p.original_role, Str(t, q[kOriginalRole], pr));
  if (key) {
    TP_ASSIGN(p.kind, Str(t, q[kPartyKind], pr));
    TP_ASSIGN(p.name, Str(t, q[kPartyName], pr));
    TP_ASSIGN(p.id_number, Str(t, q[kIdNumber], pr));
    TP_ASSIGN(p.credit_code, Str(t, q[kCreditCode], pr));
  }
  if (other) TP_ASSIGN(p.gender, Str(t, q[kGender], pr));
  if (key) {
    int32_t birth;
    TP_ASSIGN(birth, f.Get<int32_t>(*t, *q[kBirthDate], pr));
    p.birth_date = OptDate(birth);
  }
  if (other) {
    TP_ASSIGN(p.ethnicity, Str(t, q[kEthnicity], pr));
    TP_ASSIGN(p.phone, Str(t, q[kPhone], pr));
    TP_ASSIGN(p.address, Str(t, q[kAddress], pr));
    TP_ASSIGN(p.legal_representative, Str(t, q[kLegalRepresentative], pr));
    TP_ASSIGN(p.occupation, Str(t, q[kOccupation], pr));
  }
  if (key) {
    uint8_t minor;
    TP_ASSIGN(minor, f.Get<uint8_t>(*t, *q[kIsMinor], pr));
    p.is_minor = minor != 0;
  }
  const bool agent_names = fields & kAgentNameFields, agent_other = fields & kAgentOtherFields;
  if (!agent_names && !agent_other) return p;
  uint32_t ab, ac;
  TP_ASSIGN(ab, f.Get<uint32_t>(*t, *q[kAgentBegin], pr));
  TP_ASSIGN(ac, f.Get<uint32_t>(*t, *q[kAgentCount], pr));
  if (uint64_t{ab} + ac > agents_->row_count) return file_->Corrupt(*q[kAgentBegin], "agent range out of bounds");
  const auto& a = agent_cols_;
  for (uint32_t ar = ab; ar < ab + ac; ++ar) {
    Agent ag;
    if (agent_names) {
      TP_ASSIGN(ag.name, Str(agents_, a[kAgentName], ar));
      TP_ASSIGN(ag.kind, Str(agents_, a[kAgentKind], ar));
    }
    if (agent_other) {
      TP_ASSIGN(ag.law_firm, Str(agents_, a[kLawFirm], ar));
      TP_ASSIGN(ag.license_number, Str(agents_, a[kLicenseNumber], ar));
    }
    p.agents.push_back(std::move(ag));
  }
  return p;
}

Result<uint32_t> CaseSegmentReader::PartyCaseRow(uint32_t party_row) const {
  return file_->Get<uint32_t>(*parties_, *party_cols_[kPartyCaseRow], party_row);
}

Result<std::string> CaseSegmentReader::CaseId(uint32_t row) const { return Str(cases_, case_cols_[kCaseId], row); }

Result<uint64_t> CaseSegmentReader::Fingerprint(uint32_t row) const {
  return file_->Get<uint64_t>(*cases_, *case_cols_[kFingerprint], row);
}

Result<Case> CaseSegmentReader::ReadCaseFields(uint32_t row, uint32_t fields, uint32_t* first_party_row) const {
  if (row >= cases_->row_count) return Status::NotFound("case row out of range");
  const auto& k = case_cols_;
  const SegmentReader& f = *file_;
  const TableMeta* t = cases_;
  const bool main = fields & kCaseProfileFields, other = fields & kCaseOtherFields;
  Case c;
  std::string list;
  int32_t d;
  uint8_t b;
  if (main) {
    TP_ASSIGN(c.case_id, Str(t, k[kCaseId], row));
    TP_ASSIGN(c.case_number, Str(t, k[kCaseNumber], row));
    TP_ASSIGN(c.court_code, Str(t, k[kCourtCode], row));
    TP_ASSIGN(c.court_name, Str(t, k[kCourtName], row));
    TP_ASSIGN(c.category, Str(t, k[kCategory], row));
    TP_ASSIGN(c.cause_name, Str(t, k[kCauseName], row));
    TP_ASSIGN(list, Str(t, k[kCausePath], row));
    c.cause_path = SplitList(list);
    TP_ASSIGN(d, f.Get<int32_t>(*t, *k[kFiledDate], row));
    c.filed_date = Date::FromDays(d);
    TP_ASSIGN(d, f.Get<int32_t>(*t, *k[kClosedDate], row));
    c.closed_date = OptDate(d);
    TP_ASSIGN(c.closure_method, Str(t, k[kClosureMethod], row));
    TP_ASSIGN(c.judge_id, Str(t, k[kJudgeId], row));
    TP_ASSIGN(c.claim_amount, f.Get<int64_t>(*t, *k[kClaimAmount], row));
    TP_ASSIGN(c.awarded_amount, f.Get<int64_t>(*t, *k[kAwardedAmount], row));
    TP_ASSIGN(b, f.Get<uint8_t>(*t, *k[kHasExecution], row));
    if (b) {
      ExecutionResult e;
      TP_ASSIGN(e.applied_amount, f.Get<int64_t>(*t, *k[kExecAppliedAmount], row));
      TP_ASSIGN(e.recovered_amount, f.Get<int64_t>(*t, *k[kExecRecoveredAmount], row));
      TP_ASSIGN(b, f.Get<uint8_t>(*t, *k[kExecVoluntary], row));
      e.voluntary = b != 0;
      c.execution = e;
    }
    TP_ASSIGN(b, f.Get<uint8_t>(*t, *k[kIsSealed], row));
    c.is_sealed = b != 0;
  }
  if (other) {
    TP_ASSIGN(c.type_code, Str(t, k[kTypeCode], row));
    TP_ASSIGN(c.cause_code, Str(t, k[kCauseCode], row));
    TP_ASSIGN(c.procedure, Str(t, k[kProcedure], row));
    TP_ASSIGN(d, f.Get<int32_t>(*t, *k[kReceivedDate], row));
    c.received_date = OptDate(d);
    TP_ASSIGN(c.statutory_limit_days, f.Get<int32_t>(*t, *k[kStatutoryLimitDays], row));
    TP_ASSIGN(c.extension_days, f.Get<int32_t>(*t, *k[kExtensionDays], row));
    TP_ASSIGN(c.excluded_days, f.Get<int32_t>(*t, *k[kExcludedDays], row));
    TP_ASSIGN(b, f.Get<uint8_t>(*t, *k[kCorrectionRequested], row));
    c.correction_requested = b != 0;
    TP_ASSIGN(c.judge_name, Str(t, k[kJudgeName], row));
    TP_ASSIGN(list, Str(t, k[kPanel], row));
    c.panel = SplitList(list);
    TP_ASSIGN(c.clerk, Str(t, k[kClerk], row));
    TP_ASSIGN(b, f.Get<uint8_t>(*t, *k[kHasPaymentContent], row));
    c.has_payment_content = b != 0;
    TP_ASSIGN(b, f.Get<uint8_t>(*t, *k[kHasDerived], row));
    if (b) {
      CaseLink link;
      TP_ASSIGN(link.relation, Str(t, k[kDerivedRelation], row));
      TP_ASSIGN(link.case_id, Str(t, k[kDerivedCaseId], row));
      TP_ASSIGN(link.case_number, Str(t, k[kDerivedCaseNumber], row));
      c.derived_from = std::move(link);
    }
    TP_ASSIGN(c.document_id, Str(t, k[kDocumentId], row));
    TP_ASSIGN(c.updated_at, Str(t, k[kUpdatedAt], row));
  }
  const uint32_t party_fields = fields & kAllPartyFields;
  if (party_fields == 0 && first_party_row == nullptr) return c;
  uint32_t pb, pc;
  TP_ASSIGN(pb, f.Get<uint32_t>(*t, *k[kPartyBegin], row));
  TP_ASSIGN(pc, f.Get<uint32_t>(*t, *k[kPartyCount], row));
  if (uint64_t{pb} + pc > parties_->row_count) return file_->Corrupt(*k[kPartyBegin], "party range out of bounds");
  if (first_party_row) *first_party_row = pb;
  if (party_fields == 0) return c;
  c.parties.reserve(pc);
  for (uint32_t pr = pb; pr < pb + pc; ++pr) {
    Party p;
    TP_ASSIGN(p, ReadPartyFields(pr, party_fields));
    c.parties.push_back(std::move(p));
  }
  return c;
}

Status ScanKeyAndFingerprint(const SegmentReader& file, const TableMeta& table, const ColumnMeta& key,
                             const ColumnMeta& fp,
                             const std::function<void(uint32_t, std::string_view, uint64_t)>& fn) {
  uint32_t row = 0;
  for (size_t b = 0; b < key.blocks.size(); ++b) {
    auto codes = file.ReadBlock(key, key.blocks[b]);
    if (!codes.ok()) return codes.status();
    auto fps = file.ReadBlock(fp, fp.blocks[b]);
    if (!fps.ok()) return fps.status();
    size_t n = (*fps)->size() / 8;
    if (key.type == ColumnType::kBlob) {  // format version 2: the ids inline
      for (size_t i = 0; i < n; ++i, ++row) {
        std::string_view id;
        if (!StringListEntry(**codes, i, &id)) return file.Corrupt(key, "malformed blob block");
        uint64_t f;
        std::memcpy(&f, (*fps)->data() + 8 * i, 8);
        fn(row, id, f);
      }
      continue;
    }
    if ((*codes)->size() != n * 4) return file.Corrupt(fp, "block length differs from the key column");
    for (size_t i = 0; i < n; ++i, ++row) {
      uint32_t code;
      uint64_t f;
      std::memcpy(&code, (*codes)->data() + 4 * i, 4);
      std::memcpy(&f, (*fps)->data() + 8 * i, 8);
      if (code >= key.dict_size) return file.Corrupt(key, "dictionary code out of range");
      auto dict = file.ReadBlock(key, key.dict_blocks[code / kDictEntriesPerBlock]);
      if (!dict.ok()) return dict.status();
      std::string_view id;
      if (!StringListEntry(**dict, code % kDictEntriesPerBlock, &id)) return file.Corrupt(key, "malformed dictionary");
      fn(row, id, f);
    }
  }
  if (row != table.row_count) return file.Corrupt(key, "row count differs from the table's");
  return Status::Ok();
}

Status CaseSegmentReader::ScanIds(const std::function<void(uint32_t, std::string_view, uint64_t)>& fn) const {
  return ScanKeyAndFingerprint(*file_, *cases_, *case_cols_[kCaseId], *case_cols_[kFingerprint], fn);
}

Result<std::vector<uint32_t>> CaseSegmentReader::Find(const char* index, const TableMeta* table,
                                                      const ColumnMeta* col, std::string_view key) const {
  std::vector<uint32_t> out;
  if (key.empty()) return out;
  auto rows = file_->LookupHash(index, Hash64(key));
  if (!rows.ok()) return rows.status();
  for (uint32_t r : *rows) {  // drop hash collisions
    if (r >= table->row_count) return file_->Corrupt(*col, std::string("index ") + index + " points past the table");
    auto v = Str(table, col, r);
    if (!v.ok()) return v.status();
    if (*v == key) out.push_back(r);
  }
  return out;
}

Result<std::vector<uint32_t>> CaseSegmentReader::FindByCaseId(std::string_view key) const {
  return Find(kIdxCaseId, cases_, case_cols_[kCaseId], key);
}
Result<std::vector<uint32_t>> CaseSegmentReader::FindByCaseNumber(std::string_view key) const {
  return Find(kIdxCaseNumber, cases_, case_cols_[kCaseNumber], key);
}
Result<std::vector<uint32_t>> CaseSegmentReader::FindDerivedFrom(std::string_view case_id) const {
  return Find(kIdxDerived, cases_, case_cols_[kDerivedCaseId], case_id);
}
Result<std::vector<uint32_t>> CaseSegmentReader::FindPartiesByName(std::string_view key) const {
  return Find(kIdxPartyName, parties_, party_cols_[kPartyName], key);
}
Result<std::vector<uint32_t>> CaseSegmentReader::FindPartiesByIdNumber(std::string_view key) const {
  return Find(kIdxIdNumber, parties_, party_cols_[kIdNumber], key);
}
Result<std::vector<uint32_t>> CaseSegmentReader::FindPartiesByCreditCode(std::string_view key) const {
  return Find(kIdxCreditCode, parties_, party_cols_[kCreditCode], key);
}

Result<std::unique_ptr<DocSegmentReader>> DocSegmentReader::Open(const std::string& path, uint64_t expected_size) {
  auto file = SegmentReader::Open(path, expected_size);
  if (!file.ok()) return file.status();
  std::unique_ptr<DocSegmentReader> r(new DocSegmentReader());
  r->file_ = std::move(*file);
  TP_RETURN_IF_ERROR(Resolve(*r->file_, kDocsTable, kDocColumns, &r->docs_, &r->cols_));
  return r;
}

Result<Document> DocSegmentReader::ReadDocument(uint32_t row) const {
  if (row >= docs_->row_count) return Status::NotFound("document row out of range");
  Document d;
  TP_ASSIGN(d.doc_id, file_->GetString(*docs_, *cols_[kDocId], row));
  TP_ASSIGN(d.case_id, file_->GetString(*docs_, *cols_[kDocCaseId], row));
  TP_ASSIGN(d.kind, file_->GetString(*docs_, *cols_[kDocKind], row));
  TP_ASSIGN(d.title, file_->GetString(*docs_, *cols_[kDocTitle], row));
  TP_ASSIGN(d.text, file_->GetString(*docs_, *cols_[kDocText], row));
  return d;
}

Status DocSegmentReader::ScanIds(const std::function<void(uint32_t, std::string_view, uint64_t)>& fn) const {
  return ScanKeyAndFingerprint(*file_, *docs_, *cols_[kDocId], *cols_[kDocFingerprint], fn);
}

static Result<std::vector<uint32_t>> FindDoc(const SegmentReader& f, const TableMeta* t, const ColumnMeta* c,
                                             const char* index, std::string_view key) {
  std::vector<uint32_t> out;
  auto rows = f.LookupHash(index, Hash64(key));
  if (!rows.ok()) return rows.status();
  for (uint32_t r : *rows) {
    if (r >= t->row_count) return f.Corrupt(*c, "index points past the table");
    auto v = f.GetString(*t, *c, r);
    if (!v.ok()) return v.status();
    if (*v == key) out.push_back(r);
  }
  return out;
}

Result<std::vector<uint32_t>> DocSegmentReader::FindByDocId(std::string_view key) const {
  return FindDoc(*file_, docs_, cols_[kDocId], kIdxDocId, key);
}
Result<std::vector<uint32_t>> DocSegmentReader::FindByCaseId(std::string_view key) const {
  return FindDoc(*file_, docs_, cols_[kDocCaseId], kIdxDocCase, key);
}

}  // namespace tianping::store
