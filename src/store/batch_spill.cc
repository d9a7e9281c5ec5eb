// Batch: spill runs, removals and source state (see batch.h).
#include "store/batch.h"

#include "store/batch_partition.h"
#include "store/file_util.h"
#include "store/segment_writer.h"

namespace tianping::store {

Batch::~Batch() {
  for (const auto& p : partitions_) {
    for (const auto& run : p->runs) (void)RemoveAll(writer_->dir() + "/" + run.path);
  }
}

Status Batch::MaybeSpill() {
  if (spill_cases_ == 0 || held_cases_ < spill_cases_) return Status::Ok();
  for (auto& pp : partitions_) {
    Partition& p = *pp;
    if (p.cases.case_count() == 0) continue;
    Partition::Run run{writer_->NewFilePath("run"), p.spilled, static_cast<uint32_t>(p.cases.case_count())};
    auto w = SegmentWriter::Create(writer_->dir() + "/" + run.path);
    if (!w.ok()) return w.status();
    TP_RETURN_IF_ERROR(p.cases.WriteRunTo(w->get()));
    auto info = (*w)->Finish(/*sync=*/false);
    if (!info.ok()) return info.status();
    p.runs.push_back(std::move(run));
    p.spilled += p.runs.back().count;
    p.cases = CaseSegmentBuilder();
  }
  held_cases_ = 0;
  return Status::Ok();
}

void Batch::RemoveCases(const std::vector<std::string>& case_ids) {
  for (const auto& id : case_ids) remove_.insert(id);
}

void Batch::SetSourceState(const std::map<std::string, std::string>& state) {
  for (const auto& [k, v] : state) source_state_[k] = v;
}

bool Batch::Removes(std::string_view id) {
  if (remove_.empty() || !remove_.count(std::string(id))) return false;
  Entry* e = FindCaseEntry(id);
  return !e || e->conflicted;
}

}  // namespace tianping::store
