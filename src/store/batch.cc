#include "store/batch.h"

#include <algorithm>
#include <future>
#include <unordered_set>

#include "store/batch_partition.h"
#include "store/case_fingerprint.h"
#include "store/case_schema.h"
#include "store/case_segment_reader.h"
#include "store/file_util.h"
#include "store/hash64.h"
#include "store/worker_pool.h"
#include "tianping/common/json_writer.h"
#include "tianping/model/case_json.h"

namespace tianping::store {

Batch::Batch(StoreWriter* writer, const StoreSnapshot* base) : writer_(writer), base_(base) {
  const auto& parts = base_->info().partitions;
  for (size_t i = 0; i < parts.size(); ++i) partitions_[PartitionIndex(parts[i].name)]->base = static_cast<int>(i);
}

uint32_t Batch::AddFileName(std::string name) {
  files_.push_back(std::move(name));
  return static_cast<uint32_t>(files_.size() - 1);
}

uint32_t Batch::PartitionIndex(const std::string& name) {
  auto it = partition_index_.find(name);
  if (it != partition_index_.end()) return it->second;
  auto p = std::make_unique<Partition>();
  p->name = name;
  partitions_.push_back(std::move(p));
  uint32_t i = static_cast<uint32_t>(partitions_.size() - 1);
  partition_index_.emplace(name, i);
  return i;
}

std::string Batch::Where(SourcePos pos) const {
  if (locate_) {
    RowSource s = locate_(pos.file, pos.line, "");
    return s.table + " " + s.row;
  }
  return (pos.file < files_.size() ? files_[pos.file] : "?") + ":" + std::to_string(pos.line);
}

void Batch::Quarantine(SourcePos pos, std::string_view field, std::string_view reason, std::string_view raw) {
  JsonWriter w(&quarantine_);
  w.BeginObject();
  if (locate_) {
    RowSource s = locate_(pos.file, pos.line, field);
    w.Field("file", s.file);
    w.Field("table", s.table);
    w.Field("row", s.row);
    w.Field("column", s.column);
  } else {
    w.Field("file", pos.file < files_.size() ? files_[pos.file] : "");
    w.FieldInt("line", pos.line);
  }
  w.Field("field", field);
  w.Field("reason", reason);
  w.Field("raw", raw);
  w.EndObject();
  quarantine_.push_back('\n');
  ++quarantined_;
}

bool Batch::EntryMap::Insert(uint64_t hash, const Entry& e) {
  if (Find(hash)) return false;
  if ((entries_.size() + 1) * 2 > slots_.size()) Grow();
  const size_t mask = slots_.size() - 1;
  size_t i = hash & mask;
  while (slots_[i].index_plus_one) i = (i + 1) & mask;
  entries_.push_back(e);
  slots_[i] = Slot{hash, static_cast<uint32_t>(entries_.size())};
  return true;
}

void Batch::EntryMap::Grow() {
  std::vector<Slot> slots(slots_.empty() ? 1024 : slots_.size() * 2, Slot{0, 0});
  const size_t mask = slots.size() - 1;
  for (const Slot& s : slots_) {
    if (!s.index_plus_one) continue;
    size_t i = s.hash & mask;
    while (slots[i].index_plus_one) i = (i + 1) & mask;
    slots[i] = s;
  }
  slots_ = std::move(slots);
}

Batch::Entry* Batch::FindCaseEntry(std::string_view id) { return FindCaseEntry(id, Hash64(id)); }

Batch::Entry* Batch::FindCaseEntry(std::string_view id, uint64_t hash) {
  Entry* e = cases_.Find(hash);
  if (e && e->check == Hash64(id, kCheckSeed)) return e;
  if (case_overflow_.empty()) return nullptr;
  auto o = case_overflow_.find(std::string(id));
  return o == case_overflow_.end() ? nullptr : &o->second;
}

Batch::Entry* Batch::FindDocEntry(std::string_view id) {
  Entry* e = docs_.Find(Hash64(id));
  if (e && partitions_[e->partition]->docs.DocId(e->row) == id) return e;
  if (doc_overflow_.empty()) return nullptr;
  auto o = doc_overflow_.find(std::string(id));
  return o == doc_overflow_.end() ? nullptr : &o->second;
}

void Batch::AddCase(const Case& c, const std::string& partition, SourcePos pos, std::string_view raw) {
  AddCase(c, CaseFingerprint(c), partition, pos, raw);
}

void Batch::AddCase(const Case& c, uint64_t fp, const std::string& partition, SourcePos pos, std::string_view raw) {
  uint32_t pi = PartitionIndex(partition);
  Partition& p = *partitions_[pi];
  if (p.blocks.empty()) p.AddBlock(std::make_unique<CaseSegmentBuilder>());
  p.blocks.back()->Add(c, fp);  // the last block ends at the last batch row
  uint32_t row = p.rows();
  ++p.held;
  p.dropped.resize(p.rows(), false);
  ++held_cases_;
  RegisterCase(pi, row, pos, raw);
}

std::pair<uint32_t, uint32_t> Batch::MergeBlock(const std::string& partition,
                                                std::unique_ptr<CaseSegmentBuilder> block) {
  uint32_t pi = PartitionIndex(partition);
  held_cases_ += block->case_count();
  return {pi, partitions_[pi]->AddBlock(std::move(block))};
}

void Batch::RegisterCase(uint32_t pi, uint32_t row, SourcePos pos, std::string_view raw) {
  ++cases_seen_;
  Partition& p = *partitions_[pi];
  uint32_t local;
  const CaseSegmentBuilder& block = p.BlockOf(row, &local);  // REQUIRES: not spilled yet
  std::string_view id = block.CaseId(local);
  uint64_t fp = block.Fingerprint(local);
  const uint64_t hash = Hash64(id);
  if (Entry* e = FindCaseEntry(id, hash)) {
    p.Drop(row);
    std::string sid(id);
    if (e->conflicted) {
      Quarantine(pos, "case_id", "conflicting content for case " + sid + " (see " + Where(e->pos) + ")", raw);
    } else if (e->fingerprint == fp) {
      ++duplicates_;
    } else {
      partitions_[e->partition]->Drop(e->row);
      e->conflicted = true;
      Quarantine(e->pos, "case_id", "conflicting content for case " + sid + " (see " + Where(pos) + ")", "");
      Quarantine(pos, "case_id", "conflicting content for case " + sid + " (see " + Where(e->pos) + ")", raw);
    }
    return;
  }
  Entry e{pi, row, fp, pos};
  e.check = Hash64(id, kCheckSeed);
  if (!cases_.Insert(hash, e)) case_overflow_.emplace(std::string(id), e);
}

void Batch::AddDocument(const Document& d, SourcePos pos, std::string_view raw) {
  ++documents_seen_;
  Entry* ce = FindCaseEntry(d.case_id);
  if (ce && !ce->conflicted) {
    PlaceDocument(d, ce->partition, pos, raw);
    return;
  }
  pending_docs_.Add(d, 0);
  pending_pos_.push_back(pos);
}

void Batch::PlaceDocument(const Document& d, uint32_t pi, SourcePos pos, std::string_view raw) {
  uint64_t fp = DocumentFingerprint(d);
  if (Entry* e = FindDocEntry(d.doc_id)) {
    if (e->conflicted) {
      Quarantine(pos, "doc_id", "conflicting content for document " + d.doc_id + " (see " + Where(e->pos) + ")", raw);
    } else if (e->fingerprint == fp) {
      ++duplicates_;
    } else {
      Partition& p = *partitions_[e->partition];
      p.docs.Drop(e->row);
      ++p.docs_dropped;
      e->conflicted = true;
      Quarantine(e->pos, "doc_id", "conflicting content for document " + d.doc_id + " (see " + Where(pos) + ")", "");
      Quarantine(pos, "doc_id", "conflicting content for document " + d.doc_id + " (see " + Where(e->pos) + ")", raw);
    }
    return;
  }
  uint32_t row = partitions_[pi]->docs.Add(d, fp);
  Entry e{pi, row, fp, pos};
  if (!docs_.Insert(Hash64(d.doc_id), e)) doc_overflow_.emplace(d.doc_id, e);
}

void Batch::RemoveDocuments(const std::vector<std::string>& doc_ids) {
  for (const auto& id : doc_ids) remove_docs_.insert(id);
}

// Documents whose case was not in the batch go to the partition that stores the case; documents of
// unknown cases are quarantined.
Status Batch::PlacePendingDocuments() {
  if (pending_docs_.size() == 0) return Status::Ok();
  std::unordered_set<uint64_t> wanted;
  for (uint32_t r = 0; r < pending_docs_.size(); ++r) wanted.insert(Hash64(pending_docs_.Get(r).case_id));
  std::unordered_map<std::string, uint32_t> case_partition;
  TP_RETURN_IF_ERROR(base_->ScanCases([&](CaseRef ref, std::string_view id, uint64_t) {
    if (wanted.count(Hash64(id)) && !Removes(id)) case_partition.emplace(std::string(id), ref.partition);
  }));
  for (uint32_t r = 0; r < pending_docs_.size(); ++r) {
    Document d = pending_docs_.Get(r);
    Entry* ce = FindCaseEntry(d.case_id);
    std::string raw;
    if (ce && !ce->conflicted) {
      PlaceDocument(d, ce->partition, pending_pos_[r], "");
      continue;
    }
    auto it = case_partition.find(d.case_id);
    if (it != case_partition.end()) {
      PlaceDocument(d, PartitionIndex(base_->info().partitions[it->second].name), pending_pos_[r], "");
      continue;
    }
    AppendDocumentJson(d, &raw);
    Quarantine(pending_pos_[r], "case_id", "document of unknown case " + d.case_id, raw);
  }
  return Status::Ok();
}

Status Batch::MergeCases(ChangeSummary* ch) {
  for (auto& pp : partitions_) {
    Partition& p = *pp;
    if (p.base < 0) continue;
    uint32_t self = partition_index_.at(p.name);
    TP_RETURN_IF_ERROR(base_->cases(p.base).ScanIds([&](uint32_t row, std::string_view id, uint64_t fp) {
      if (Removes(id)) {
        removed_found_.emplace(id);
        ++ch->cases_removed;
        p.lost_cases = true;
        return;
      }
      Entry* e = FindCaseEntry(id);
      if (!e || e->conflicted) {
        p.keep_old_cases.push_back(row);
        return;
      }
      e->superseded_old = true;
      if (e->fingerprint == fp && e->partition == self) {
        ++ch->cases_unchanged;
        partitions_[e->partition]->Drop(e->row);  // keep the stored row instead
        p.keep_old_cases.push_back(row);
      } else {
        ++ch->cases_changed;
        p.lost_cases = true;
      }
    }));
  }
  auto count_added = [&](const Entry& e) {
    if (!e.conflicted && !e.superseded_old) ++ch->cases_added;
  };
  for (const Entry& e : cases_.entries()) count_added(e);
  for (const auto& [id, e] : case_overflow_) count_added(e);
  for (const auto& id : remove_) {
    Entry* e = FindCaseEntry(id);
    if (!removed_found_.count(id) && (!e || e->conflicted)) ++ch->removals_ignored;
  }
  return Status::Ok();
}

Status Batch::MergeDocuments(ChangeSummary* ch) {
  for (auto& pp : partitions_) {
    Partition& p = *pp;
    if (p.base < 0 || !base_->documents(p.base)) continue;
    uint32_t self = partition_index_.at(p.name);
    const DocSegmentReader& stored = *base_->documents(p.base);
    std::vector<bool> gone;  // stored documents of removed cases
    if (!removed_found_.empty()) {
      gone.assign(stored.size(), false);
      TP_RETURN_IF_ERROR(ScanKeyAndFingerprint(
          stored.file(), stored.table(), *stored.columns()[kDocCaseId], *stored.columns()[kDocFingerprint],
          [&](uint32_t row, std::string_view case_id, uint64_t) {
            if (removed_found_.count(std::string(case_id))) gone[row] = true;
          }));
    }
    TP_RETURN_IF_ERROR(stored.ScanIds([&](uint32_t row, std::string_view id, uint64_t fp) {
      if (!gone.empty() && gone[row]) {
        ++ch->documents_removed;
        p.lost_docs = true;
        return;
      }
      Entry* e = FindDocEntry(id);
      if (!remove_docs_.empty() && remove_docs_.count(std::string(id)) && (!e || e->conflicted)) {
        removed_docs_found_.emplace(id);
        ++ch->documents_removed;
        p.lost_docs = true;
        return;
      }
      if (!e || e->conflicted) {
        p.keep_old_docs.push_back(row);
        return;
      }
      e->superseded_old = true;
      if (e->fingerprint == fp && e->partition == self) {
        ++ch->documents_unchanged;
        Partition& np = *partitions_[e->partition];
        np.docs.Drop(e->row);
        ++np.docs_dropped;
        p.keep_old_docs.push_back(row);
      } else {
        ++ch->documents_changed;
        p.lost_docs = true;
      }
    }));
  }
  auto count_added = [&](const Entry& e) {
    if (!e.conflicted && !e.superseded_old) ++ch->documents_added;
  };
  for (const Entry& e : docs_.entries()) count_added(e);
  for (const auto& [id, e] : doc_overflow_) count_added(e);
  for (const auto& id : remove_docs_) {
    Entry* e = FindDocEntry(id);
    if (!removed_docs_found_.count(id) && (!e || e->conflicted)) ++ch->removals_ignored;
  }
  return Status::Ok();
}

Status Batch::WritePartition(Partition* p, PartitionInfo* out) {
  out->name = p->name;
  const PartitionInfo* old = p->base >= 0 ? &base_->info().partitions[p->base] : nullptr;
  auto write = [&](auto& builder, const char* ext, StoreFile* file) -> Status {
    file->path = writer_->NewFilePath(ext);
    auto w = SegmentWriter::Create(writer_->dir() + "/" + file->path);
    if (!w.ok()) return w.status();
    TP_RETURN_IF_ERROR(builder.WriteTo(w->get()));
    auto info = (*w)->Finish();
    if (!info.ok()) return info.status();
    file->size = info->size;
    file->crc32c = info->crc32c;
    return Status::Ok();
  };
  if (p->NeedsCases() || !old) {
    // Batch rows: the held blocks' (drops marked in them), then each spill run's undropped rows.
    const uint32_t end = p->rows();
    p->cases = p->TakeHeld();
    for (uint32_t r = p->spilled; r < end; ++r) {
      if (p->dropped[r]) p->cases.Drop(r - p->spilled);
    }
    for (const auto& run : p->runs) {
      auto reader = CaseSegmentReader::Open(writer_->dir() + "/" + run.path);
      if (!reader.ok()) return reader.status();
      std::vector<uint32_t> keep;
      for (uint32_t r = 0; r < run.count; ++r) {
        if (!p->dropped[run.begin + r]) keep.push_back(r);
      }
      TP_RETURN_IF_ERROR(p->cases.AppendStored(**reader, keep));
    }
    if (old) TP_RETURN_IF_ERROR(p->cases.AppendStored(base_->cases(p->base), p->keep_old_cases));
    TP_RETURN_IF_ERROR(write(p->cases, "cases", &out->cases));
    out->case_count = p->cases.case_count();
    out->party_count = p->cases.party_count();
  } else {
    out->cases = old->cases;
    out->case_count = old->case_count;
    out->party_count = old->party_count;
  }
  if (p->NeedsDocs()) {
    if (old && base_->documents(p->base)) {
      TP_RETURN_IF_ERROR(p->docs.AppendStored(*base_->documents(p->base), p->keep_old_docs));
    }
    TP_RETURN_IF_ERROR(write(p->docs, "docs", &out->documents));
    out->document_count = p->docs.size();
  } else if (old) {
    out->documents = old->documents;
    out->document_count = old->document_count;
  }
  p->cases = CaseSegmentBuilder();  // written: free the partition's columns before the next one
  p->blocks.clear();                // held rows of a partition left as it was
  p->docs = DocSegmentBuilder();
  return Status::Ok();
}

Result<SnapshotInfo> Batch::Commit(const std::string& description, int threads) {
  TP_RETURN_IF_ERROR(PlacePendingDocuments());
  SnapshotInfo info;
  info.description = description;
  info.source_state = base_->info().source_state;
  for (const auto& [k, v] : source_state_) info.source_state[k] = v;
  TP_RETURN_IF_ERROR(MergeCases(&info.changes));
  TP_RETURN_IF_ERROR(MergeDocuments(&info.changes));
  info.changes.quarantined = quarantined_;
  info.changes.duplicates = duplicates_;
  // Write changed partitions in parallel, `threads` at a time.
  std::vector<PartitionInfo> out(partitions_.size());
  std::vector<Status> status(partitions_.size());
  ParallelFor(partitions_.size(), threads, [&](size_t i) { status[i] = WritePartition(partitions_[i].get(), &out[i]); });
  for (const Status& s : status) TP_RETURN_IF_ERROR(s);
  for (auto& p : out) {
    if (p.case_count == 0 && p.document_count == 0) continue;  // emptied partition
    info.partitions.push_back(std::move(p));
  }
  std::sort(info.partitions.begin(), info.partitions.end(),
            [](const PartitionInfo& a, const PartitionInfo& b) { return a.name < b.name; });
  return writer_->Commit(std::move(info), quarantine_);
}

}  // namespace tianping::store
