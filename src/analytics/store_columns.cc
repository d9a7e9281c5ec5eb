// Case-segment columns → CaseFrame columns (see store_columns.h).
#include "store_columns.h"

#include <algorithm>
#include <cstring>
#include <map>
#include <unordered_map>

#include "store/case_schema.h"
#include "store/hash64.h"

namespace tianping::analytics {
namespace {

using store::ColumnMeta;
using store::SegmentReader;
using store::TableMeta;

// A fixed-width column into dst[0, rows).
template <typename T>
Status ReadFixed(const SegmentReader& file, const TableMeta& t, const ColumnMeta& c, T* dst) {
  uint64_t at = 0;
  for (const auto& b : c.blocks) {
    auto block = file.ReadBlock(c, b);
    if (!block.ok()) return block.status();
    const std::string& raw = **block;
    if (raw.size() % sizeof(T) != 0 || at + raw.size() / sizeof(T) > t.row_count)
      return file.Corrupt(c, "block length differs from the table's row count");
    std::memcpy(dst + at, raw.data(), raw.size());
    at += raw.size() / sizeof(T);
  }
  if (at != t.row_count) return file.Corrupt(c, "column length differs from the table's row count");
  return Status::Ok();
}

template <typename T>
Status ReadVector(const SegmentReader& file, const TableMeta& t, const ColumnMeta& c, std::vector<T>* out) {
  out->resize(t.row_count);
  return ReadFixed(file, t, c, out->data());
}

// Appends the entries of string-list blocks (dictionary blocks, or the blocks of a blob column) to
// out->values, keeping the blocks alive in out->keep.
Status ReadStringLists(const SegmentReader& file, const ColumnMeta& c, const std::vector<store::BlockRef>& blocks,
                       DictColumn* out) {
  for (const auto& b : blocks) {
    auto block = file.ReadBlock(c, b);
    if (!block.ok()) return block.status();
    out->keep.push_back(*block);
    std::string_view payload = **block;
    uint32_t count = 0;
    if (payload.size() < 4) return file.Corrupt(c, "malformed string block");
    std::memcpy(&count, payload.data(), 4);
    for (uint32_t i = 0; i < count; ++i) {
      std::string_view v;
      if (!store::StringListEntry(payload, i, &v)) return file.Corrupt(c, "malformed string block");
      out->values.push_back(v);
    }
  }
  return Status::Ok();
}

// A dict column, or a blob column (store format version 2: near-unique strings) as a dictionary with
// one entry per row.
Status ReadDict(const SegmentReader& file, const TableMeta& t, const ColumnMeta& c, DictColumn* out) {
  if (c.type == store::ColumnType::kBlob) {
    out->values.reserve(t.row_count);
    TP_RETURN_IF_ERROR(ReadStringLists(file, c, c.blocks, out));
    if (out->values.size() != t.row_count) return file.Corrupt(c, "column length differs from the table's row count");
    out->codes.resize(t.row_count);
    for (uint32_t r = 0; r < out->codes.size(); ++r) out->codes[r] = r;
    return Status::Ok();
  }
  TP_RETURN_IF_ERROR(ReadVector(file, t, c, &out->codes));
  out->values.reserve(c.dict_size);
  TP_RETURN_IF_ERROR(ReadStringLists(file, c, c.dict_blocks, out));
  if (out->values.size() != c.dict_size) return file.Corrupt(c, "dictionary size differs from the footer");
  const uint32_t size = static_cast<uint32_t>(c.dict_size);
  for (uint32_t code : out->codes)
    if (code >= size) return file.Corrupt(c, "dictionary code out of range");
  return Status::Ok();
}

// Distinct tuples of per-row codes in first-row order; row → tuple index. Codes are packed into one
// 64-bit key (21 bits each), which holds for dictionaries of up to 2^21 entries; larger ones use a map.
template <size_t K>
void Tuples(const std::array<const std::vector<uint32_t>*, K>& cols, uint32_t rows,
            std::vector<std::array<uint32_t, K>>* keys, std::vector<uint32_t>* row_key) {
  static_assert(K <= 3);
  row_key->resize(rows);
  bool packable = true;
  for (uint32_t r = 0; r < rows && packable; ++r)
    for (size_t k = 0; k < K; ++k) packable &= (*cols[k])[r] < (1u << 21);
  std::unordered_map<uint64_t, uint32_t> packed;
  std::map<std::array<uint32_t, K>, uint32_t> wide;
  for (uint32_t r = 0; r < rows; ++r) {
    std::array<uint32_t, K> t;
    uint64_t h = 0;
    for (size_t k = 0; k < K; ++k) {
      t[k] = (*cols[k])[r];
      h = (h << 21) | t[k];
    }
    const uint32_t next = static_cast<uint32_t>(keys->size());
    uint32_t at = packable ? packed.emplace(h, next).first->second : wide.emplace(t, next).first->second;
    if (at == next) keys->push_back(t);
    (*row_key)[r] = at;
  }
}

bool OneOf(std::string_view v, std::initializer_list<const char*> names) {
  for (const char* s : names)
    if (v == s) return true;
  return false;
}

}  // namespace

void IdIndex::Build(const DictColumn* ids, uint32_t rows) {
  ids_ = ids;
  uint64_t size = 16;
  while (size < 2ull * rows) size <<= 1;
  slots_.assign(size, 0);
  mask_ = size - 1;
  for (uint32_t r = 0; r < rows; ++r) {
    std::string_view key = ids->Value(r);
    for (uint64_t at = store::Hash64(key) & mask_;; at = (at + 1) & mask_) {
      if (slots_[at] == 0) { slots_[at] = r + 1; break; }
      if (ids->Value(slots_[at] - 1) == key) break;  // duplicate id: the first row wins
    }
  }
}

int64_t IdIndex::Find(std::string_view key, uint64_t hash) const {
  if (slots_.empty()) return -1;
  for (uint64_t at = hash & mask_;; at = (at + 1) & mask_) {
    if (slots_[at] == 0) return -1;
    if (ids_->Value(slots_[at] - 1) == key) return slots_[at] - 1;
  }
}

void FrameMasks::Allocate(uint32_t rows, uint32_t columns) {
  if (columns & kFrameFlags) { has_payment.assign(rows, 0); correction.assign(rows, 0); sealed.assign(rows, 0); }
  if (columns & kFrameExecution) voluntary.assign(rows, 0);
  if (columns & kFrameParties) { org.assign(rows, 0); minor.assign(rows, 0); lawyer.assign(rows, 0); }
}

void FrameMasks::ToBitmaps(CaseFrame* f) {
  auto bits = [](std::vector<uint8_t>* m) {
    Bitmap b = Bitmap::FromMask(*m);
    m->clear();
    m->shrink_to_fit();
    return b;
  };
  f->has_payment = bits(&has_payment);
  f->correction = bits(&correction);
  f->sealed = bits(&sealed);
  f->voluntary = bits(&voluntary);
  f->org_party = bits(&org);
  f->minor_party = bits(&minor);
  f->lawyer_party = bits(&lawyer);
  f->parties.minor = Bitmap::FromSorted(party_minor);
  f->parties.lawyer = Bitmap::FromSorted(party_lawyer);
  f->parties.minor.Optimize();
  f->parties.lawyer.Optimize();
}

void AllocateGroups(CaseFrame* f, uint32_t columns) {
  const uint32_t n = f->rows;
  if (columns & kFrameCategory) f->category.resize(n);
  if (columns & kFrameProcedure) f->procedure.resize(n);
  if (columns & kFrameCause) f->cause.resize(n);
  if (columns & kFrameJudge) f->judge.resize(n);
  if (columns & kFrameReceived) f->received.resize(n);
  if (columns & kFrameLimits) { f->limit_days.resize(n); f->extension_days.resize(n); f->excluded_days.resize(n); }
  if (columns & kFrameClaims) { f->claim_amount.resize(n); f->awarded_amount.resize(n); }
  if (columns & kFrameExecution) { f->applied_amount.assign(n, 0); f->recovered_amount.assign(n, 0); }
}

Status DecodePartition(const store::CaseSegmentReader& seg, uint32_t columns, CaseFrame* f, FrameMasks* m,
                       PartitionColumns* part) {
  using namespace store;  // column enums
  const SegmentReader& file = seg.file();
  const TableMeta& t = seg.cases_table();
  const auto& k = seg.case_columns();
  const uint32_t rows = static_cast<uint32_t>(t.row_count), base = part->base;
  part->rows = rows;
  auto dict = [&](CaseCol c, DictColumn* out) { return ReadDict(file, t, *k[c], out); };
  auto fixed = [&](CaseCol c, auto* dst) { return ReadFixed(file, t, *k[c], dst + base); };
  TP_RETURN_IF_ERROR(fixed(kFiledDate, f->filed.data()));
  TP_RETURN_IF_ERROR(fixed(kClosedDate, f->closed.data()));
  TP_RETURN_IF_ERROR(dict(kCourtCode, &part->court));
  TP_RETURN_IF_ERROR(dict(kTypeCode, &part->type));
  TP_RETURN_IF_ERROR(dict(kClosureMethod, &part->closure));
  TP_RETURN_IF_ERROR(dict(kDerivedRelation, &part->relation));
  TP_RETURN_IF_ERROR(ReadVector(file, t, *k[kHasDerived], &part->has_derived));
  if (columns & kFrameCategory) TP_RETURN_IF_ERROR(dict(kCategory, &part->category));
  if (columns & kFrameProcedure) TP_RETURN_IF_ERROR(dict(kProcedure, &part->procedure));
  if (columns & kFrameCause) {
    TP_RETURN_IF_ERROR(dict(kCauseCode, &part->cause_code));
    TP_RETURN_IF_ERROR(dict(kCauseName, &part->cause_name));
    TP_RETURN_IF_ERROR(dict(kCausePath, &part->cause_path));
    Tuples<3>({&part->cause_code.codes, &part->cause_name.codes, &part->cause_path.codes}, rows, &part->cause_keys,
              &part->cause_row);
  }
  if (columns & kFrameJudge) {
    TP_RETURN_IF_ERROR(dict(kJudgeId, &part->judge_id));
    TP_RETURN_IF_ERROR(dict(kJudgeName, &part->judge_name));
    Tuples<2>({&part->judge_id.codes, &part->judge_name.codes}, rows, &part->judge_keys, &part->judge_row);
  }
  if (columns & kFrameReceived) TP_RETURN_IF_ERROR(fixed(kReceivedDate, f->received.data()));
  if (columns & kFrameLimits) {
    TP_RETURN_IF_ERROR(fixed(kStatutoryLimitDays, f->limit_days.data()));
    TP_RETURN_IF_ERROR(fixed(kExtensionDays, f->extension_days.data()));
    TP_RETURN_IF_ERROR(fixed(kExcludedDays, f->excluded_days.data()));
  }
  if (columns & kFrameClaims) {
    TP_RETURN_IF_ERROR(fixed(kClaimAmount, f->claim_amount.data()));
    TP_RETURN_IF_ERROR(fixed(kAwardedAmount, f->awarded_amount.data()));
  }
  if (columns & kFrameExecution) {
    std::vector<uint8_t> has, vol;
    TP_RETURN_IF_ERROR(ReadVector(file, t, *k[kHasExecution], &has));
    TP_RETURN_IF_ERROR(ReadVector(file, t, *k[kExecVoluntary], &vol));
    TP_RETURN_IF_ERROR(fixed(kExecAppliedAmount, f->applied_amount.data()));
    TP_RETURN_IF_ERROR(fixed(kExecRecoveredAmount, f->recovered_amount.data()));
    for (uint32_t r = 0; r < rows; ++r) {
      if (has[r]) { m->voluntary[base + r] = vol[r] != 0; continue; }
      f->applied_amount[base + r] = 0;
      f->recovered_amount[base + r] = 0;
    }
  }
  if (columns & kFrameFlags) {
    TP_RETURN_IF_ERROR(fixed(kHasPaymentContent, m->has_payment.data()));
    TP_RETURN_IF_ERROR(fixed(kCorrectionRequested, m->correction.data()));
    TP_RETURN_IF_ERROR(fixed(kIsSealed, m->sealed.data()));
  }
  // Links inside the partition.
  TP_RETURN_IF_ERROR(dict(kCaseId, &part->case_id));
  TP_RETURN_IF_ERROR(dict(kDerivedCaseId, &part->derived_id));
  part->ids.Build(&part->case_id, rows);
  std::vector<uint64_t> hash(part->derived_id.values.size());
  for (size_t c = 0; c < hash.size(); ++c) hash[c] = Hash64(part->derived_id.values[c]);
  for (uint32_t r = 0; r < rows; ++r) {
    if (!part->has_derived[r]) continue;
    uint32_t code = part->derived_id.codes[r];
    std::string_view key = part->derived_id.values[code];
    if (key.empty()) continue;
    int64_t hit = part->ids.Find(key, hash[code]);
    if (hit < 0) part->unresolved.push_back(r);
    else if (hit != r) f->parent[base + r] = static_cast<int32_t>(base + hit);
  }
  // Parties: flags per case, and the occurrence table when asked for.
  if (columns & (kFrameParties | kFramePartyTable)) {
    const TableMeta& pt = seg.parties_table();
    const auto& q = seg.party_columns();
    const TableMeta& at = seg.agents_table();
    const auto& a = seg.agent_columns();
    const uint32_t np = static_cast<uint32_t>(pt.row_count);
    std::vector<uint32_t> case_row, agent_party;
    std::vector<uint8_t> minor;
    DictColumn kind, agent_kind;
    TP_RETURN_IF_ERROR(ReadVector(file, pt, *q[kPartyCaseRow], &case_row));
    TP_RETURN_IF_ERROR(ReadVector(file, pt, *q[kIsMinor], &minor));
    TP_RETURN_IF_ERROR(ReadDict(file, pt, *q[kPartyKind], &kind));
    TP_RETURN_IF_ERROR(ReadVector(file, at, *a[kAgentPartyRow], &agent_party));
    TP_RETURN_IF_ERROR(ReadDict(file, at, *a[kAgentKind], &agent_kind));
    std::vector<uint8_t> lawyer(np, 0);
    for (uint32_t r = 0; r < agent_party.size(); ++r) {
      if (agent_party[r] >= np) return file.Corrupt(*a[kAgentPartyRow], "party row out of range");
      if (OneOf(agent_kind.Value(r), {"律师", "法律援助律师"})) lawyer[agent_party[r]] = 1;
    }
    std::vector<uint8_t> org_kind(kind.values.size());
    for (size_t c = 0; c < org_kind.size(); ++c) org_kind[c] = OneOf(kind.values[c], {"法人", "非法人组织"});
    for (uint32_t r = 0; r < np; ++r)
      if (case_row[r] >= rows) return file.Corrupt(*q[kPartyCaseRow], "case row out of range");
    for (uint32_t r = 0; r < np && (columns & kFrameParties); ++r) {
      const uint32_t row = base + case_row[r];
      m->org[row] |= org_kind[kind.codes[r]];
      m->minor[row] |= minor[r] != 0;
      m->lawyer[row] |= lawyer[r];
    }
    if (columns & kFramePartyTable) {
      part->party_rows = np;
      part->party_case = std::move(case_row);
      part->party_kind = std::move(kind);
      part->party_minor = std::move(minor);
      part->party_lawyer = std::move(lawyer);
      TP_RETURN_IF_ERROR(ReadDict(file, pt, *q[kRole], &part->party_role));
      TP_RETURN_IF_ERROR(ReadDict(file, pt, *q[kPartyName], &part->party_name));
      TP_RETURN_IF_ERROR(ReadDict(file, pt, *q[kIdNumber], &part->party_id));
      TP_RETURN_IF_ERROR(ReadDict(file, pt, *q[kCreditCode], &part->party_credit));
    }
  }
  return Status::Ok();
}

void MapDictionaries(CaseFrameBuilder* b, uint32_t columns, PartitionColumns* part,
                     const std::function<std::vector<std::string>(std::string_view)>& split_path) {
  CaseFrame& f = b->frame();
  auto map = [](DictColumn* c, const std::function<uint32_t(std::string_view)>& code) {
    c->map.resize(c->values.size());
    for (size_t i = 0; i < c->values.size(); ++i) c->map[i] = code(c->values[i]);
  };
  map(&part->court, [&](std::string_view v) { return b->CourtCode(v); });
  part->stage_map.resize(part->type.values.size());
  for (size_t i = 0; i < part->type.values.size(); ++i) part->stage_map[i] = b->StageCode(part->type.values[i]);
  map(&part->type, [&](std::string_view v) { return f.type_codes.Code(v); });
  map(&part->closure, [&](std::string_view v) { return f.closures.Code(v); });
  map(&part->relation, [&](std::string_view v) { return f.relations.Code(v); });
  if (columns & kFrameCategory) map(&part->category, [&](std::string_view v) { return f.categories.Code(v); });
  if (columns & kFrameProcedure) map(&part->procedure, [&](std::string_view v) { return f.procedures.Code(v); });
  for (const auto& k : part->cause_keys)
    part->cause_map.push_back(b->CauseCode(part->cause_code.values[k[0]], part->cause_name.values[k[1]],
                                           split_path(part->cause_path.values[k[2]])));
  for (const auto& k : part->judge_keys)
    part->judge_map.push_back(b->JudgeCode(part->judge_id.values[k[0]], part->judge_name.values[k[1]]));
  if (columns & kFramePartyTable) {
    map(&part->party_role, [&](std::string_view v) { return f.parties.roles.Code(v); });
    map(&part->party_kind, [&](std::string_view v) { return f.parties.kinds.Code(v); });
  }
}

void TranslateCodes(uint32_t columns, CaseFrame* f, PartitionColumns* part) {
  const uint32_t base = part->base;
  for (uint32_t r = 0; r < part->rows; ++r) {
    const uint32_t i = base + r;
    f->court[i] = part->court.map[part->court.codes[r]];
    f->type_code[i] = part->type.map[part->type.codes[r]];
    f->stage[i] = part->stage_map[part->type.codes[r]];
    f->closure[i] = f->closed[i] == kNoDate ? kNoCode : part->closure.map[part->closure.codes[r]];
    f->relation[i] = part->has_derived[r] ? part->relation.map[part->relation.codes[r]] : kNoCode;
  }
  if (columns & kFrameCategory)
    for (uint32_t r = 0; r < part->rows; ++r) f->category[base + r] = part->category.map[part->category.codes[r]];
  if (columns & kFrameProcedure)
    for (uint32_t r = 0; r < part->rows; ++r) f->procedure[base + r] = part->procedure.map[part->procedure.codes[r]];
  if (columns & kFrameCause)
    for (uint32_t r = 0; r < part->rows; ++r) f->cause[base + r] = part->cause_map[part->cause_row[r]];
  if (columns & kFrameJudge)
    for (uint32_t r = 0; r < part->rows; ++r) f->judge[base + r] = part->judge_map[part->judge_row[r]];
}

void AppendParties(CaseFrame* f, PartitionColumns* part, FrameMasks* masks) {
  PartyTable& pt = f->parties;
  for (uint32_t r = 0; r < part->party_rows; ++r) {
    const uint32_t occ = pt.rows++;
    pt.case_row.push_back(part->base + part->party_case[r]);
    pt.role.push_back(part->party_role.map[part->party_role.codes[r]]);
    pt.kind.push_back(part->party_kind.map[part->party_kind.codes[r]]);
    std::string_view name = part->party_name.Value(r);
    size_t before = pt.entities.size();
    pt.entity.push_back(pt.entities.Code(PartyEntityKey(part->party_kind.Value(r), name, part->party_id.Value(r),
                                                        part->party_credit.Value(r))));
    if (pt.entities.size() != before) pt.entity_names.emplace_back(name);
    if (part->party_minor[r]) masks->party_minor.push_back(occ);
    if (part->party_lawyer[r]) masks->party_lawyer.push_back(occ);
  }
}

}  // namespace tianping::analytics
