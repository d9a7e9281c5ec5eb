// CleanStore: one pass over the cases (single-row rules, and the state for the cross-row ones), one over the
// documents, then the cross-row rules. CleanFix: FixCase over every case, the changed ones re-ingested.
#include "tianping/store/clean.h"

#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <unordered_map>
#include <unordered_set>

#include "case_segment_reader.h"
#include "clean_checks.h"
#include "tianping/common/progress.h"
#include "tianping/model/case_json.h"
#include "tianping/model/case_number.h"
#include "tianping/store/ingest.h"
#include "tianping/store/store.h"

namespace tianping {
namespace {

using store::CleanRuleIndex;

struct Identity {                // the first occurrence of an ID number
  std::string name, gender, case_id;
  std::optional<Date> birth_date;
};

struct CaseDates {
  Date filed;
  std::optional<Date> closed;
};

struct Pending {
  std::string case_id;
  Date filed;
  int limit = 0, excluded = 0;
};

struct Derived {
  std::string case_id, parent_id, relation;
  Date filed;
};

class Collector {
 public:
  explicit Collector(size_t samples) : samples_(samples) {
    for (const CleanRule& r : CleanRules()) report_.results.push_back(CleanRuleResult{&r, 0, {}});
  }
  void Add(CleanRuleIndex rule, const std::string& id, std::string detail) {
    CleanRuleResult& r = report_.results[rule];
    ++r.count;
    if (r.samples.size() < samples_) r.samples.push_back({id, std::move(detail)});
  }
  CleanReport& report() { return report_; }

 private:
  size_t samples_;
  CleanReport report_;
};

void CheckIdentity(const Case& c, std::unordered_map<std::string, Identity>* ids, Collector* out) {
  for (const Party& p : c.parties) {
    if (p.id_number.empty()) continue;
    auto [it, inserted] = ids->try_emplace(p.id_number, Identity{p.name, p.gender, c.case_id, p.birth_date});
    if (inserted || it->second.case_id == c.case_id) continue;
    const Identity& first = it->second;
    std::string what;
    if (p.name != first.name) what = "name " + p.name + " here, " + first.name;
    else if (!p.gender.empty() && !first.gender.empty() && p.gender != first.gender)
      what = "gender " + p.gender + " here, " + first.gender;
    else if (p.birth_date && first.birth_date && *p.birth_date != *first.birth_date)
      what = "birth_date " + p.birth_date->ToString() + " here, " + first.birth_date->ToString();
    if (!what.empty()) out->Add(store::kPartyIdentityConflict, c.case_id, p.id_number + ": " + what + " in " + first.case_id);
  }
}

}  // namespace

Result<CleanReport> CleanStore(const StoreSnapshot& snap, const CleanOptions& options) {
  Collector out(options.samples);
  CleanReport& report = out.report();
  report.snapshot = snap.info().id;
  std::unordered_map<std::string, std::string> by_number;  // normalised 案号 → first case id
  std::unordered_map<std::string, CaseDates> dates;        // case id → dates
  std::unordered_map<std::string, Identity> identities;
  std::vector<Pending> pending;
  std::vector<Derived> derived;
  std::vector<store::RowFinding> row;
  std::optional<Progress> progress;
  if (options.progress) progress.emplace("clean", "cases", snap.info().case_count());
  Status read_status;
  Status scan = snap.ScanCases([&](CaseRef ref, std::string_view, uint64_t) {
    if (!read_status.ok()) return;
    auto c = snap.ReadCase(ref);
    if (!c.ok()) {
      read_status = c.status();
      return;
    }
    ++report.cases;
    if (progress) progress->Add(1);
    row.clear();
    store::CheckCaseRow(*c, options.ref, &row);
    for (auto& f : row) out.Add(f.rule, c->case_id, std::move(f.detail));
    auto parsed = ParseCaseNumber(c->case_number);
    std::string key = parsed.ok() ? parsed->normalized : c->case_number;
    auto [it, inserted] = by_number.try_emplace(key, c->case_id);
    if (!inserted && it->second != c->case_id) {
      out.Add(store::kDuplicateCaseNumber, c->case_id, key + " also " + it->second);
    }
    dates[c->case_id] = CaseDates{c->filed_date, c->closed_date};
    report.as_of = std::max(report.as_of, c->closed_date ? std::max(*c->closed_date, c->filed_date) : c->filed_date);
    if (!c->closed_date && c->statutory_limit_days > 0 && c->extension_days == 0) {
      pending.push_back({c->case_id, c->filed_date, c->statutory_limit_days, c->excluded_days});
    }
    if (c->derived_from && !c->derived_from->case_id.empty()) {
      derived.push_back({c->case_id, c->derived_from->case_id, c->derived_from->relation, c->filed_date});
    }
    CheckIdentity(*c, &identities, &out);
  });
  if (!scan.ok()) return scan;
  if (!read_status.ok()) return read_status;
  if (progress) progress->Finish();

  for (uint32_t p = 0; p < snap.info().partitions.size(); ++p) {
    const store::DocSegmentReader* docs = snap.documents(p);
    if (!docs) continue;
    for (uint32_t r = 0; r < docs->size(); ++r) {
      auto d = docs->ReadDocument(r);
      if (!d.ok()) return d.status();
      ++report.documents;
      if (!dates.contains(d->case_id)) out.Add(store::kOrphanDocument, d->doc_id, "case " + d->case_id + " missing");
    }
  }
  for (const Derived& d : derived) {
    auto it = dates.find(d.parent_id);
    if (it == dates.end()) {
      out.Add(store::kOrphanDerivedFrom, d.case_id, d.relation + " from " + d.parent_id + ", not in the store");
      continue;
    }
    const CaseDates& parent = it->second;
    bool after_judgment = d.relation == "上诉" || d.relation == "再审" || d.relation == "执行";
    if (d.filed < parent.filed) {
      out.Add(store::kDerivedBeforeParent, d.case_id,
              "filed " + d.filed.ToString() + " before " + d.parent_id + " filed " + parent.filed.ToString());
    } else if (after_judgment && parent.closed && d.filed < *parent.closed) {
      out.Add(store::kDerivedBeforeParent, d.case_id,
              d.relation + " filed " + d.filed.ToString() + " before " + d.parent_id + " closed " + parent.closed->ToString());
    }
  }
  for (const Pending& p : pending) {
    int elapsed = (report.as_of - p.filed) - p.excluded;
    if (elapsed > 2 * p.limit) {
      out.Add(store::kOverduePending, p.case_id,
              "pending " + std::to_string(elapsed) + " days (limit " + std::to_string(p.limit) + ") as of " +
                  report.as_of.ToString());
    }
  }
  return std::move(report);
}

Result<CleanFixResult> CleanFix(const std::string& dir, const CleanOptions& options) {
  if (!options.ref) return Status::InvalidArgument("clean --fix needs the reference data");
  auto snap = StoreSnapshot::Open(dir);
  if (!snap.ok()) return snap.status();
  CleanFixResult result;
  std::unordered_map<std::string, int64_t> counts;
  std::string jsonl;
  Status read_status;
  Status scan = (*snap)->ScanCases([&](CaseRef ref, std::string_view, uint64_t) {
    if (!read_status.ok()) return;
    auto c = (*snap)->ReadCase(ref);
    if (!c.ok()) {
      read_status = c.status();
      return;
    }
    Case fixed;
    std::vector<std::string> rules;
    if (!FixCase(*c, options.ref, &fixed, &rules)) return;
    for (const auto& r : rules) ++counts[r];
    result.changed.push_back(fixed.case_id);
    AppendCaseJson(fixed, &jsonl);
    jsonl.push_back('\n');
  });
  if (!scan.ok()) return scan;
  if (!read_status.ok()) return read_status;
  std::string description = "clean --fix:";
  for (const CleanRule& r : CleanRules()) {
    if (auto it = counts.find(r.id); it != counts.end()) {
      result.fixed.emplace_back(r.id, it->second);
      description += " " + std::string(r.id) + " " + std::to_string(it->second);
    }
  }
  if (result.changed.empty()) return result;
  std::error_code ec;
  std::string tmp = (std::filesystem::temp_directory_path(ec) / ("tianping-clean-" + std::to_string(getpid()) + ".jsonl")).string();
  {
    std::ofstream f(tmp, std::ios::binary | std::ios::trunc);
    f << jsonl;
    if (!f.flush()) return Status::IoError(tmp + ": write failed");
  }
  IngestOptions ingest;
  ingest.ref = options.ref;
  ingest.progress = options.progress;
  ingest.description = description;
  ingest.input_format = "jsonl";
  auto committed = IngestFiles(dir, {tmp}, ingest);
  std::filesystem::remove(tmp, ec);
  if (!committed.ok()) return committed.status();
  if (committed->snapshot.changes.quarantined != 0) {
    return Status::Internal("clean --fix: " + std::to_string(committed->snapshot.changes.quarantined) +
                            " fixed cases were quarantined by ingest (snapshot " +
                            std::to_string(committed->snapshot.id) + ")");
  }
  result.committed = true;
  result.snapshot = committed->snapshot;
  return result;
}

}  // namespace tianping
