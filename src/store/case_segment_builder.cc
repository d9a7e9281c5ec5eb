#include "store/case_segment_builder.h"

#include <algorithm>
#include <string>

#include "store/case_schema.h"
#include "store/column_loader.h"
#include "store/hash64.h"

namespace tianping::store {
namespace {

template <size_t N>
std::vector<ColumnBuilder> MakeColumns(const ColumnSpec (&specs)[N], uint32_t version) {
  std::vector<ColumnBuilder> cols;
  cols.reserve(N);
  for (const auto& s : specs) cols.emplace_back(s.name, s.TypeIn(version));
  return cols;
}

std::vector<const ColumnBuilder*> Pointers(const std::vector<ColumnBuilder>& cols) {
  std::vector<const ColumnBuilder*> out;
  for (const auto& c : cols) out.push_back(&c);
  return out;
}

int32_t DateOrNull(const std::optional<Date>& d) { return d ? d->days() : kNullDate; }

std::string JoinList(const std::vector<std::string>& v) {
  std::string out;
  for (size_t i = 0; i < v.size(); ++i) {
    if (i) out.push_back(kListSeparator);
    out += v[i];
  }
  return out;
}

void SelectAll(std::vector<ColumnBuilder>* cols, const std::vector<uint32_t>& rows) {
  for (auto& c : *cols) c.Select(rows);
}

}  // namespace

CaseSegmentBuilder::CaseSegmentBuilder(uint32_t version)
    : rows_per_block_(version == 1 ? kCaseRowsPerBlockV1 : kCaseRowsPerBlock),
      cases_(MakeColumns(kCaseColumns, version)),
      parties_(MakeColumns(kPartyColumns, version)),
      agents_(MakeColumns(kAgentColumns, version)) {}

uint32_t CaseSegmentBuilder::Add(const Case& c, uint64_t fingerprint) {
  uint32_t row = static_cast<uint32_t>(case_count());
  auto& k = cases_;
  k[kCaseId].AddString(c.case_id);
  k[kCaseNumber].AddString(c.case_number);
  k[kCourtCode].AddString(c.court_code);
  k[kCourtName].AddString(c.court_name);
  k[kTypeCode].AddString(c.type_code);
  k[kCategory].AddString(c.category);
  k[kCauseCode].AddString(c.cause_code);
  k[kCauseName].AddString(c.cause_name);
  k[kCausePath].AddString(JoinList(c.cause_path));
  k[kProcedure].AddString(c.procedure);
  k[kReceivedDate].AddI32(DateOrNull(c.received_date));
  k[kFiledDate].AddI32(c.filed_date.days());
  k[kClosedDate].AddI32(DateOrNull(c.closed_date));
  k[kClosureMethod].AddString(c.closure_method);
  k[kStatutoryLimitDays].AddI32(c.statutory_limit_days);
  k[kExtensionDays].AddI32(c.extension_days);
  k[kExcludedDays].AddI32(c.excluded_days);
  k[kCorrectionRequested].AddU8(c.correction_requested);
  k[kJudgeId].AddString(c.judge_id);
  k[kJudgeName].AddString(c.judge_name);
  k[kPanel].AddString(JoinList(c.panel));
  k[kClerk].AddString(c.clerk);
  k[kClaimAmount].AddI64(c.claim_amount);
  k[kAwardedAmount].AddI64(c.awarded_amount);
  k[kHasPaymentContent].AddU8(c.has_payment_content);
  k[kHasDerived].AddU8(c.derived_from.has_value());
  k[kDerivedRelation].AddString(c.derived_from ? c.derived_from->relation : "");
  k[kDerivedCaseId].AddString(c.derived_from ? c.derived_from->case_id : "");
  k[kDerivedCaseNumber].AddString(c.derived_from ? c.derived_from->case_number : "");
  k[kHasExecution].AddU8(c.execution.has_value());
  k[kExecAppliedAmount].AddI64(c.execution ? c.execution->applied_amount : 0);
  k[kExecRecoveredAmount].AddI64(c.execution ? c.execution->recovered_amount : 0);
  k[kExecVoluntary].AddU8(c.execution ? c.execution->voluntary : false);
  k[kDocumentId].AddString(c.document_id);
  k[kIsSealed].AddU8(c.is_sealed);
  k[kUpdatedAt].AddString(c.updated_at);
  k[kPartyBegin].AddU32(static_cast<uint32_t>(party_count()));
  k[kPartyCount].AddU32(static_cast<uint32_t>(c.parties.size()));
  k[kFingerprint].AddU64(fingerprint);
  for (const Party& p : c.parties) {
    auto& q = parties_;
    uint32_t party_row = static_cast<uint32_t>(party_count());
    q[kPartyCaseRow].AddU32(row);
    q[kRole].AddString(p.role);
    q[kOriginalRole].AddString(p.original_role);
    q[kPartyKind].AddString(p.kind);
    q[kPartyName].AddString(p.name);
    q[kIdNumber].AddString(p.id_number);
    q[kCreditCode].AddString(p.credit_code);
    q[kGender].AddString(p.gender);
    q[kBirthDate].AddI32(DateOrNull(p.birth_date));
    q[kEthnicity].AddString(p.ethnicity);
    q[kPhone].AddString(p.phone);
    q[kAddress].AddString(p.address);
    q[kLegalRepresentative].AddString(p.legal_representative);
    q[kOccupation].AddString(p.occupation);
    q[kIsMinor].AddU8(p.is_minor);
    q[kAgentBegin].AddU32(static_cast<uint32_t>(agents_[0].size()));
    q[kAgentCount].AddU32(static_cast<uint32_t>(p.agents.size()));
    for (const Agent& a : p.agents) {
      agents_[kAgentPartyRow].AddU32(party_row);
      agents_[kAgentName].AddString(a.name);
      agents_[kAgentKind].AddString(a.kind);
      agents_[kLawFirm].AddString(a.law_firm);
      agents_[kLicenseNumber].AddString(a.license_number);
    }
  }
  dropped_.push_back(false);
  return row;
}

uint32_t CaseSegmentBuilder::AppendBuilder(const CaseSegmentBuilder& o) {
  const uint32_t base_case = static_cast<uint32_t>(case_count());
  const uint32_t base_party = static_cast<uint32_t>(party_count());
  const uint32_t base_agent = static_cast<uint32_t>(agents_[0].size());
  for (size_t j = 0; j < cases_.size(); ++j) cases_[j].AppendColumn(o.cases_[j], j == kPartyBegin ? base_party : 0);
  for (size_t j = 0; j < parties_.size(); ++j) {
    parties_[j].AppendColumn(o.parties_[j], j == kPartyCaseRow ? base_case : j == kAgentBegin ? base_agent : 0);
  }
  for (size_t j = 0; j < agents_.size(); ++j) agents_[j].AppendColumn(o.agents_[j], j == kAgentPartyRow ? base_party : 0);
  dropped_.resize(case_count(), false);
  return base_case;
}

void CaseSegmentBuilder::ReserveFor(const std::vector<std::unique_ptr<CaseSegmentBuilder>>& others) {
  auto reserve = [&](std::vector<ColumnBuilder>* cols, std::vector<ColumnBuilder> CaseSegmentBuilder::*table) {
    std::vector<const ColumnBuilder*> parts(others.size());
    for (size_t j = 0; j < cols->size(); ++j) {
      for (size_t b = 0; b < others.size(); ++b) parts[b] = &((*others[b]).*table)[j];
      (*cols)[j].ReserveForAll(parts);
    }
  };
  reserve(&cases_, &CaseSegmentBuilder::cases_);
  reserve(&parties_, &CaseSegmentBuilder::parties_);
  reserve(&agents_, &CaseSegmentBuilder::agents_);
}

std::string_view CaseSegmentBuilder::CaseId(uint32_t row) const { return cases_[kCaseId].GetString(row); }
uint64_t CaseSegmentBuilder::Fingerprint(uint32_t row) const { return cases_[kFingerprint].Get<uint64_t>(row); }

void CaseSegmentBuilder::Drop(uint32_t row) {
  if (!dropped_[row]) {
    dropped_[row] = true;
    ++dropped_count_;
  }
}

static Status LoadColumns(const SegmentReader& file, const TableMeta& table, const std::vector<const ColumnMeta*>& cols,
                   std::vector<LoadedColumn>* out) {
  for (const ColumnMeta* c : cols) {
    auto loaded = LoadedColumn::Load(file, table, *c);
    if (!loaded.ok()) return loaded.status();
    out->push_back(std::move(*loaded));
  }
  return Status::Ok();
}

Status CaseSegmentBuilder::AppendStored(const CaseSegmentReader& r, const std::vector<uint32_t>& rows) {
  if (rows.empty()) return Status::Ok();
  std::vector<LoadedColumn> kc, pc, ac;
  TP_RETURN_IF_ERROR(LoadColumns(r.file(), r.cases_table(), r.case_columns(), &kc));
  TP_RETURN_IF_ERROR(LoadColumns(r.file(), r.parties_table(), r.party_columns(), &pc));
  TP_RETURN_IF_ERROR(LoadColumns(r.file(), r.agents_table(), r.agent_columns(), &ac));
  const uint32_t base_case = static_cast<uint32_t>(case_count());
  const uint32_t base_party = static_cast<uint32_t>(party_count());
  const uint32_t base_agent = static_cast<uint32_t>(agents_[0].size());
  std::vector<uint32_t> kept_parties, kept_agents, party_begin, agent_begin;
  for (uint32_t row : rows) {
    if (row >= kc[0].size()) return Status::Internal("stored row out of range");
    uint32_t pb = kc[kPartyBegin].U32(row), n = kc[kPartyCount].U32(row);
    if (uint64_t{pb} + n > pc[0].size()) return r.file().Corrupt(*r.case_columns()[kPartyBegin], "party range out of bounds");
    party_begin.push_back(base_party + static_cast<uint32_t>(kept_parties.size()));
    for (uint32_t p = pb; p < pb + n; ++p) {
      uint32_t ab = pc[kAgentBegin].U32(p), an = pc[kAgentCount].U32(p);
      if (uint64_t{ab} + an > ac[0].size()) return r.file().Corrupt(*r.party_columns()[kAgentBegin], "agent range out of bounds");
      agent_begin.push_back(base_agent + static_cast<uint32_t>(kept_agents.size()));
      for (uint32_t a = ab; a < ab + an; ++a) kept_agents.push_back(a);
      kept_parties.push_back(p);
    }
  }
  for (size_t j = 0; j < kc.size(); ++j) kc[j].AppendRows(&cases_[j], rows);
  for (size_t j = 0; j < pc.size(); ++j) pc[j].AppendRows(&parties_[j], kept_parties);
  for (size_t j = 0; j < ac.size(); ++j) ac[j].AppendRows(&agents_[j], kept_agents);
  // Renumber the row references into the new tables.
  for (size_t i = 0; i < rows.size(); ++i) {
    uint32_t crow = base_case + static_cast<uint32_t>(i);
    cases_[kPartyBegin].SetU32(crow, party_begin[i]);
    uint32_t n = cases_[kPartyCount].Get<uint32_t>(crow);
    for (uint32_t k = 0; k < n; ++k) parties_[kPartyCaseRow].SetU32(party_begin[i] + k, crow);
  }
  for (size_t j = 0; j < kept_parties.size(); ++j) {
    uint32_t prow = base_party + static_cast<uint32_t>(j);
    parties_[kAgentBegin].SetU32(prow, agent_begin[j]);
    uint32_t n = parties_[kAgentCount].Get<uint32_t>(prow);
    for (uint32_t k = 0; k < n; ++k) agents_[kAgentPartyRow].SetU32(agent_begin[j] + k, prow);
  }
  dropped_.resize(case_count(), false);
  return Status::Ok();
}

// Keeps the undropped cases with their parties and agents and renumbers the row references.
void CaseSegmentBuilder::ApplyDrops() {
  std::vector<uint32_t> keep_cases, keep_parties, keep_agents;
  std::vector<uint32_t> new_party_begin, new_agent_begin;
  for (uint32_t r = 0; r < case_count(); ++r) {
    if (dropped_[r]) continue;
    uint32_t begin = cases_[kPartyBegin].Get<uint32_t>(r), count = cases_[kPartyCount].Get<uint32_t>(r);
    new_party_begin.push_back(static_cast<uint32_t>(keep_parties.size()));
    for (uint32_t p = begin; p < begin + count; ++p) {
      uint32_t ab = parties_[kAgentBegin].Get<uint32_t>(p), ac = parties_[kAgentCount].Get<uint32_t>(p);
      new_agent_begin.push_back(static_cast<uint32_t>(keep_agents.size()));
      for (uint32_t a = ab; a < ab + ac; ++a) keep_agents.push_back(a);
      keep_parties.push_back(p);
    }
    keep_cases.push_back(r);
  }
  SelectAll(&cases_, keep_cases);
  SelectAll(&parties_, keep_parties);
  SelectAll(&agents_, keep_agents);
  for (uint32_t r = 0; r < case_count(); ++r) cases_[kPartyBegin].SetU32(r, new_party_begin[r]);
  for (uint32_t r = 0; r < case_count(); ++r) {
    uint32_t begin = new_party_begin[r], count = cases_[kPartyCount].Get<uint32_t>(r);
    for (uint32_t p = begin; p < begin + count; ++p) {
      parties_[kPartyCaseRow].SetU32(p, r);
      parties_[kAgentBegin].SetU32(p, new_agent_begin[p]);
      uint32_t ab = new_agent_begin[p], ac = parties_[kAgentCount].Get<uint32_t>(p);
      for (uint32_t a = ab; a < ab + ac; ++a) agents_[kAgentPartyRow].SetU32(a, p);
    }
  }
  dropped_.assign(case_count(), false);
  dropped_count_ = 0;
}

Status WriteHashIndex(SegmentWriter* writer, const char* name, const ColumnBuilder& keys) {
  // Dictionary entries keep their Hash64 from encoding; empty keys are skipped.
  std::vector<std::pair<uint64_t, uint32_t>> pairs;
  pairs.reserve(keys.size());
  for (size_t r = 0; r < keys.size(); ++r) {
    if (keys.GetString(r).empty()) continue;
    pairs.emplace_back(keys.RowHash(r), static_cast<uint32_t>(r));
  }
  std::sort(pairs.begin(), pairs.end());
  ColumnBuilder hash("hash", ColumnType::kU64), row("row", ColumnType::kU32);
  for (const auto& [h, r] : pairs) {
    hash.AddU64(h);
    row.AddU32(r);
  }
  return writer->AddTable(name, kIndexRowsPerBlock, {&hash, &row});
}

Status CaseSegmentBuilder::WriteTo(SegmentWriter* writer) {
  if (dropped_count_ > 0) ApplyDrops();
  TP_RETURN_IF_ERROR(writer->AddTable(kCasesTable, rows_per_block_, Pointers(cases_)));
  TP_RETURN_IF_ERROR(writer->AddTable(kPartiesTable, rows_per_block_, Pointers(parties_)));
  TP_RETURN_IF_ERROR(writer->AddTable(kAgentsTable, rows_per_block_, Pointers(agents_)));
  TP_RETURN_IF_ERROR(WriteHashIndex(writer, kIdxCaseId, cases_[kCaseId]));
  TP_RETURN_IF_ERROR(WriteHashIndex(writer, kIdxCaseNumber, cases_[kCaseNumber]));
  TP_RETURN_IF_ERROR(WriteHashIndex(writer, kIdxDerived, cases_[kDerivedCaseId]));
  TP_RETURN_IF_ERROR(WriteHashIndex(writer, kIdxPartyName, parties_[kPartyName]));
  TP_RETURN_IF_ERROR(WriteHashIndex(writer, kIdxIdNumber, parties_[kIdNumber]));
  return WriteHashIndex(writer, kIdxCreditCode, parties_[kCreditCode]);
}

Status CaseSegmentBuilder::WriteRunTo(SegmentWriter* writer) const {
  TP_RETURN_IF_ERROR(writer->AddTable(kCasesTable, kRunRowsPerBlock, Pointers(cases_)));
  TP_RETURN_IF_ERROR(writer->AddTable(kPartiesTable, kRunRowsPerBlock, Pointers(parties_)));
  return writer->AddTable(kAgentsTable, kRunRowsPerBlock, Pointers(agents_));
}

DocSegmentBuilder::DocSegmentBuilder(uint32_t version) : cols_(MakeColumns(kDocColumns, version)) {}

uint32_t DocSegmentBuilder::Add(const Document& d, uint64_t fingerprint) {
  uint32_t row = static_cast<uint32_t>(size());
  cols_[kDocId].AddString(d.doc_id);
  cols_[kDocCaseId].AddString(d.case_id);
  cols_[kDocKind].AddString(d.kind);
  cols_[kDocTitle].AddString(d.title);
  cols_[kDocText].AddString(d.text);
  cols_[kDocFingerprint].AddU64(fingerprint);
  dropped_.push_back(false);
  return row;
}

std::string_view DocSegmentBuilder::DocId(uint32_t row) const { return cols_[kDocId].GetString(row); }
Document DocSegmentBuilder::Get(uint32_t row) const {
  Document d;
  d.doc_id = cols_[kDocId].GetString(row);
  d.case_id = cols_[kDocCaseId].GetString(row);
  d.kind = cols_[kDocKind].GetString(row);
  d.title = cols_[kDocTitle].GetString(row);
  d.text = cols_[kDocText].GetString(row);
  return d;
}

uint64_t DocSegmentBuilder::Fingerprint(uint32_t row) const { return cols_[kDocFingerprint].Get<uint64_t>(row); }

void DocSegmentBuilder::Drop(uint32_t row) {
  if (!dropped_[row]) {
    dropped_[row] = true;
    ++dropped_count_;
  }
}

Status DocSegmentBuilder::AppendStored(const DocSegmentReader& r, const std::vector<uint32_t>& rows) {
  if (rows.empty()) return Status::Ok();
  std::vector<LoadedColumn> dc;
  TP_RETURN_IF_ERROR(LoadColumns(r.file(), r.table(), r.columns(), &dc));
  for (uint32_t row : rows) {
    if (row >= dc[0].size()) return Status::Internal("stored row out of range");
  }
  for (size_t j = 0; j < dc.size(); ++j) dc[j].AppendRows(&cols_[j], rows);
  dropped_.resize(size(), false);
  return Status::Ok();
}

Status DocSegmentBuilder::WriteTo(SegmentWriter* writer) {
  if (dropped_count_ > 0) {
    std::vector<uint32_t> keep;
    for (uint32_t r = 0; r < size(); ++r) if (!dropped_[r]) keep.push_back(r);
    SelectAll(&cols_, keep);
    dropped_.assign(size(), false);
    dropped_count_ = 0;
  }
  TP_RETURN_IF_ERROR(writer->AddTable(kDocsTable, kDocRowsPerBlock, Pointers(cols_)));
  TP_RETURN_IF_ERROR(WriteHashIndex(writer, kIdxDocId, cols_[kDocId]));
  return WriteHashIndex(writer, kIdxDocCase, cols_[kDocCaseId]);
}

}  // namespace tianping::store
