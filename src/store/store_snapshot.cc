#include <algorithm>
#include <cstdlib>

#include "store/case_segment_reader.h"
#include "store/file_util.h"
#include "store/manifest.h"
#include "tianping/store/store.h"

namespace tianping {

using store::CaseSegmentReader;
using store::DocSegmentReader;

std::string DefaultDataDir() {
  const char* env = std::getenv("TIANPING_DATA");
  return env && *env ? env : "./tianping-data";
}

StoreSnapshot::~StoreSnapshot() = default;

std::unique_ptr<StoreSnapshot> StoreSnapshot::Empty(const std::string& dir) {
  std::unique_ptr<StoreSnapshot> s(new StoreSnapshot());
  s->dir_ = dir;
  return s;
}

Result<std::unique_ptr<StoreSnapshot>> StoreSnapshot::Open(const std::string& dir, uint64_t id) {
  std::unique_ptr<StoreSnapshot> s(new StoreSnapshot());
  s->dir_ = dir;
  auto cur = store::ReadCurrent(dir);
  if (!cur.ok()) {
    if (cur.status().code() != Status::Code::kNotFound) return cur.status();
    if (id != 0) return Status::NotFound("store " + dir + " has no snapshot " + std::to_string(id));
    return s;  // empty store
  }
  if (id > cur->id) return Status::NotFound("store " + dir + " has no snapshot " + std::to_string(id));
  bool is_current = id == 0 || id == cur->id;
  auto info = store::ReadManifest(dir, is_current ? cur->id : id, is_current, cur->manifest_crc);
  if (!info.ok()) return info.status();
  s->info_ = std::move(*info);
  for (const auto& p : s->info_.partitions) {
    auto c = CaseSegmentReader::Open(dir + "/" + p.cases.path, p.cases.size);
    if (!c.ok()) return c.status();
    if ((*c)->case_count() != p.case_count) {
      return Status::Corruption("store file " + dir + "/" + p.cases.path + " holds " +
                                std::to_string((*c)->case_count()) + " cases, the manifest says " +
                                std::to_string(p.case_count));
    }
    s->cases_.push_back(std::move(*c));
    if (p.documents.path.empty()) {
      s->docs_.push_back(nullptr);
      continue;
    }
    auto d = DocSegmentReader::Open(dir + "/" + p.documents.path, p.documents.size);
    if (!d.ok()) return d.status();
    s->docs_.push_back(std::move(*d));
  }
  // One block-cache budget for the whole snapshot ($TIANPING_CACHE_MB, default 512), split over its files.
  size_t budget_mb = 512;
  if (const char* env = std::getenv("TIANPING_CACHE_MB"); env && std::atol(env) > 0) budget_mb = std::atol(env);
  size_t files = 0;
  for (const auto& d : s->docs_) files += 1 + (d != nullptr);
  size_t per_file = std::max<size_t>(2u << 20, (budget_mb << 20) / std::max<size_t>(1, files));
  for (const auto& c : s->cases_) c->file().SetCacheCapacity(per_file);
  for (const auto& d : s->docs_) {
    if (d) d->file().SetCacheCapacity(per_file);
  }
  return s;
}

Result<Case> StoreSnapshot::ReadCase(CaseRef ref) const {
  if (ref.partition >= cases_.size()) return Status::NotFound("no such partition");
  return cases_[ref.partition]->ReadCase(ref.row);
}

Result<Case> StoreSnapshot::ReadCaseFields(CaseRef ref, uint32_t fields, uint32_t* first_party_row) const {
  if (ref.partition >= cases_.size()) return Status::NotFound("no such partition");
  return cases_[ref.partition]->ReadCaseFields(ref.row, fields, first_party_row);
}

Result<Party> StoreSnapshot::ReadParty(uint32_t partition, uint32_t party_row) const {
  if (partition >= cases_.size()) return Status::NotFound("no such partition");
  return cases_[partition]->ReadParty(party_row);
}

Result<std::optional<CaseRef>> StoreSnapshot::FindCase(std::string_view case_id) const {
  for (uint32_t p = 0; p < cases_.size(); ++p) {
    auto rows = cases_[p]->FindByCaseId(case_id);
    if (!rows.ok()) return rows.status();
    if (!rows->empty()) return std::optional<CaseRef>(CaseRef{p, rows->front()});
  }
  return std::optional<CaseRef>();
}

namespace {

template <typename Fn>
Result<std::vector<CaseRef>> Collect(size_t partitions, Fn find) {
  std::vector<CaseRef> out;
  for (uint32_t p = 0; p < partitions; ++p) {
    auto rows = find(p);
    if (!rows.ok()) return rows.status();
    for (uint32_t r : *rows) out.push_back(CaseRef{p, r});
  }
  return out;
}

}  // namespace

Result<std::vector<CaseRef>> StoreSnapshot::FindCasesByNumber(std::string_view n) const {
  return Collect(cases_.size(), [&](uint32_t p) { return cases_[p]->FindByCaseNumber(n); });
}

Result<std::vector<CaseRef>> StoreSnapshot::FindDerivedFrom(std::string_view id) const {
  return Collect(cases_.size(), [&](uint32_t p) { return cases_[p]->FindDerivedFrom(id); });
}

Result<std::vector<PartyHit>> StoreSnapshot::FindParties(PartyKey key, std::string_view value) const {
  std::vector<PartyHit> out;
  for (uint32_t p = 0; p < cases_.size(); ++p) {
    const CaseSegmentReader& r = *cases_[p];
    auto rows = key == PartyKey::kName       ? r.FindPartiesByName(value)
                : key == PartyKey::kIdNumber ? r.FindPartiesByIdNumber(value)
                                             : r.FindPartiesByCreditCode(value);
    if (!rows.ok()) return rows.status();
    for (uint32_t pr : *rows) {
      auto case_row = r.PartyCaseRow(pr);
      if (!case_row.ok()) return case_row.status();
      out.push_back(PartyHit{CaseRef{p, *case_row}, pr});
    }
  }
  return out;
}

Result<std::vector<Document>> StoreSnapshot::DocumentsOfCase(std::string_view case_id) const {
  std::vector<Document> out;
  for (const auto& d : docs_) {
    if (!d) continue;
    auto rows = d->FindByCaseId(case_id);
    if (!rows.ok()) return rows.status();
    for (uint32_t r : *rows) {
      auto doc = d->ReadDocument(r);
      if (!doc.ok()) return doc.status();
      out.push_back(std::move(*doc));
    }
  }
  return out;
}

Result<std::optional<Document>> StoreSnapshot::FindDocument(std::string_view doc_id) const {
  for (const auto& d : docs_) {
    if (!d) continue;
    auto rows = d->FindByDocId(doc_id);
    if (!rows.ok()) return rows.status();
    if (rows->empty()) continue;
    auto doc = d->ReadDocument(rows->front());
    if (!doc.ok()) return doc.status();
    return std::optional<Document>(std::move(*doc));
  }
  return std::optional<Document>();
}

Status StoreSnapshot::ScanCases(const std::function<void(CaseRef, std::string_view, uint64_t)>& fn) const {
  for (uint32_t p = 0; p < cases_.size(); ++p) {
    TP_RETURN_IF_ERROR(cases_[p]->ScanIds([&](uint32_t row, std::string_view id, uint64_t fp) {
      fn(CaseRef{p, row}, id, fp);
    }));
  }
  return Status::Ok();
}

Status StoreSnapshot::ScanDocuments(const std::function<void(CaseRef, std::string_view, uint64_t)>& fn) const {
  for (uint32_t p = 0; p < docs_.size(); ++p) {
    if (!docs_[p]) continue;
    TP_RETURN_IF_ERROR(docs_[p]->ScanIds([&](uint32_t row, std::string_view id, uint64_t fp) {
      fn(CaseRef{p, row}, id, fp);
    }));
  }
  return Status::Ok();
}

Status StoreSnapshot::Verify() const {
  for (size_t p = 0; p < cases_.size(); ++p) {
    TP_RETURN_IF_ERROR(cases_[p]->file().VerifyFileChecksum(info_.partitions[p].cases.crc32c));
    if (docs_[p]) TP_RETURN_IF_ERROR(docs_[p]->file().VerifyFileChecksum(info_.partitions[p].documents.crc32c));
  }
  return Status::Ok();
}

Result<std::vector<SnapshotInfo>> ListSnapshots(const std::string& dir) {
  std::vector<SnapshotInfo> out;
  auto cur = store::ReadCurrent(dir);
  if (!cur.ok()) {
    if (cur.status().code() == Status::Code::kNotFound) return out;
    return cur.status();
  }
  for (uint64_t id = 1; id <= cur->id; ++id) {
    auto info = store::ReadManifest(dir, id, id == cur->id, cur->manifest_crc);
    if (!info.ok()) return info.status();
    out.push_back(std::move(*info));
  }
  return out;
}

}  // namespace tianping
