// Batch: spill runs, removals and source state (see batch.h).
#include "store/batch.h"

#include "store/batch_partition.h"
#include "store/file_util.h"
#include "store/segment_writer.h"
#include "store/worker_pool.h"

namespace tianping::store {

Batch::~Batch() {
  for (const auto& p : partitions_) {
    for (const auto& run : p->runs) (void)RemoveAll(writer_->dir() + "/" + run.path);
  }
}

// Runs are read back once, soon after: compressing them costs more CPU than their extra bytes cost I/O.
constexpr int kRunZstdLevel = SegmentWriter::kNoCompression;

Status Batch::MaybeSpill() {
  if (spill_cases_ == 0 || held_cases_ < spill_cases_) return Status::Ok();
  std::vector<Partition*> todo;
  for (auto& pp : partitions_) {
    if (pp->held > 0) todo.push_back(pp.get());
  }
  // Run paths are taken here, in partition order, so that file names do not depend on thread timing.
  std::vector<Partition::Run> runs;
  for (Partition* p : todo) runs.push_back({writer_->NewFilePath("run"), p->spilled, p->held});
  std::vector<Status> status(todo.size());
  ParallelFor(todo.size(), spill_threads_, [&](size_t i) {
    CaseSegmentBuilder rows = todo[i]->TakeHeld();
    auto w = SegmentWriter::Create(writer_->dir() + "/" + runs[i].path, kRunZstdLevel);
    if (!w.ok()) {
      status[i] = w.status();
      return;
    }
    status[i] = rows.WriteRunTo(w->get());
    if (status[i].ok()) status[i] = (*w)->Finish(/*sync=*/false).status();
  });
  for (size_t i = 0; i < todo.size(); ++i) {
    if (!status[i].ok()) continue;  // the rows are lost with the batch: Commit must not be called
    todo[i]->runs.push_back(runs[i]);
    todo[i]->spilled += runs[i].count;
  }
  for (const Status& s : status) TP_RETURN_IF_ERROR(s);
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
