#include "store/manifest.h"

#include <cinttypes>
#include <cstdio>
#include <ctime>

#include <nlohmann/json.hpp>

#include "store/crc32c.h"
#include "store/file_util.h"

namespace tianping::store {

using nlohmann::json;

uint64_t SnapshotInfoSum(const SnapshotInfo& s, uint64_t PartitionInfo::*field) {
  uint64_t n = 0;
  for (const auto& p : s.partitions) n += p.*field;
  return n;
}

std::string SnapshotDirName(uint64_t id) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%06" PRIu64, id);
  return buf;
}

std::string ManifestPath(const std::string& dir, uint64_t id) {
  return dir + "/snapshots/" + SnapshotDirName(id) + "/MANIFEST.json";
}

std::string CurrentPath(const std::string& dir) { return dir + "/CURRENT"; }

std::string NowUtcIso8601() {
  std::time_t t = std::time(nullptr);
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
  return buf;
}

namespace {

std::string Hex8(uint32_t v) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%08x", v);
  return buf;
}

json FileJson(const StoreFile& f) {
  if (f.path.empty()) return nullptr;
  return json{{"path", f.path}, {"size", f.size}, {"crc32c", Hex8(f.crc32c)}};
}

StoreFile FileFromJson(const json& j) {
  StoreFile f;
  if (j.is_null()) return f;
  f.path = j.at("path").get<std::string>();
  f.size = j.at("size").get<uint64_t>();
  f.crc32c = static_cast<uint32_t>(std::stoul(j.at("crc32c").get<std::string>(), nullptr, 16));
  return f;
}

}  // namespace

std::string EncodeManifest(const SnapshotInfo& s) {
  const ChangeSummary& c = s.changes;
  json parts = json::array();
  for (const auto& p : s.partitions) {
    parts.push_back({{"name", p.name}, {"cases_file", FileJson(p.cases)}, {"documents_file", FileJson(p.documents)},
                     {"cases", p.case_count}, {"parties", p.party_count}, {"documents", p.document_count}});
  }
  json j = {
      {"format", "tianping-store"},
      {"version", 1},
      {"snapshot", s.id},
      {"parent", s.parent},
      {"created_at", s.created_at},
      {"description", s.description},
      {"quarantine", s.quarantine},
      {"totals", {{"cases", s.case_count()}, {"parties", s.party_count()}, {"documents", s.document_count()}}},
      {"changes",
       {{"cases_added", c.cases_added}, {"cases_changed", c.cases_changed}, {"cases_removed", c.cases_removed},
        {"cases_unchanged", c.cases_unchanged}, {"documents_added", c.documents_added},
        {"documents_changed", c.documents_changed}, {"documents_removed", c.documents_removed},
        {"documents_unchanged", c.documents_unchanged}, {"quarantined", c.quarantined},
        {"duplicates", c.duplicates}, {"removals_ignored", c.removals_ignored}}},
      {"source_state", s.source_state},
      {"partitions", parts},
  };
  return j.dump(1) + "\n";
}

Result<SnapshotInfo> DecodeManifest(const std::string& text, const std::string& where) {
  try {
    json j = json::parse(text);
    if (j.at("format") != "tianping-store") return Status::Corruption(where + ": not a Tianping manifest");
    if (j.at("version") != 1) return Status::Corruption(where + ": unsupported manifest version");
    SnapshotInfo s;
    s.id = j.at("snapshot").get<uint64_t>();
    s.parent = j.at("parent").get<uint64_t>();
    s.created_at = j.at("created_at").get<std::string>();
    s.description = j.at("description").get<std::string>();
    s.quarantine = j.at("quarantine").get<std::string>();
    const json& c = j.at("changes");
    ChangeSummary& ch = s.changes;
    ch.cases_added = c.at("cases_added");
    ch.cases_changed = c.at("cases_changed");
    ch.cases_removed = c.at("cases_removed");
    ch.cases_unchanged = c.at("cases_unchanged");
    ch.documents_added = c.at("documents_added");
    ch.documents_changed = c.at("documents_changed");
    ch.documents_removed = c.at("documents_removed");
    ch.documents_unchanged = c.at("documents_unchanged");
    ch.quarantined = c.at("quarantined");
    ch.duplicates = c.at("duplicates");
    ch.removals_ignored = c.value("removals_ignored", int64_t{0});  // absent before source_state existed
    if (auto it = j.find("source_state"); it != j.end()) {
      for (const auto& [k, v] : it->items()) s.source_state[k] = v.get<std::string>();
    }
    for (const json& p : j.at("partitions")) {
      PartitionInfo pi;
      pi.name = p.at("name").get<std::string>();
      pi.cases = FileFromJson(p.at("cases_file"));
      pi.documents = FileFromJson(p.at("documents_file"));
      pi.case_count = p.at("cases");
      pi.party_count = p.at("parties");
      pi.document_count = p.at("documents");
      s.partitions.push_back(std::move(pi));
    }
    return s;
  } catch (const std::exception& e) {
    return Status::Corruption(where + ": malformed manifest: " + e.what());
  }
}

std::string EncodeCurrent(uint64_t id, uint32_t manifest_crc) {
  return SnapshotDirName(id) + " " + Hex8(manifest_crc) + "\n";
}

Result<CurrentPointer> ReadCurrent(const std::string& dir) {
  std::string path = CurrentPath(dir);
  auto text = ReadWholeFile(path);
  if (!text.ok()) return text.status();
  unsigned long long id = 0;
  unsigned int crc = 0;
  char tail = 0;
  if (std::sscanf(text->c_str(), "%llu %8x%c", &id, &crc, &tail) != 3 || tail != '\n' || id == 0) {
    return Status::Corruption(path + " is malformed (expected \"<snapshot> <manifest crc32c>\")");
  }
  return CurrentPointer{id, crc};
}

std::string ManifestCrcPath(const std::string& dir, uint64_t id) {
  return dir + "/snapshots/" + SnapshotDirName(id) + "/MANIFEST.crc32c";
}

std::string EncodeManifestCrc(uint32_t crc) { return Hex8(crc) + "\n"; }

Result<SnapshotInfo> ReadManifest(const std::string& dir, uint64_t id, bool check_crc, uint32_t expected_crc) {
  std::string path = ManifestPath(dir, id);
  auto text = ReadWholeFile(path);
  if (!text.ok()) {
    if (text.status().code() == Status::Code::kNotFound) return Status::NotFound("no snapshot " + std::to_string(id));
    return text.status();
  }
  uint32_t crc = Crc32c(*text);
  auto sidecar = ReadWholeFile(ManifestCrcPath(dir, id));
  if (!sidecar.ok()) return Status::Corruption(ManifestCrcPath(dir, id) + " is missing");
  if (*sidecar != EncodeManifestCrc(crc)) return Status::Corruption(path + ": checksum mismatch");
  if (check_crc && crc != expected_crc) return Status::Corruption(path + ": checksum differs from CURRENT");
  auto info = DecodeManifest(*text, path);
  if (info.ok() && info->id != id) return Status::Corruption(path + ": names snapshot " + std::to_string(info->id));
  return info;
}

}  // namespace tianping::store

namespace tianping {
uint64_t SnapshotInfo::case_count() const { return store::SnapshotInfoSum(*this, &PartitionInfo::case_count); }
uint64_t SnapshotInfo::party_count() const { return store::SnapshotInfoSum(*this, &PartitionInfo::party_count); }
uint64_t SnapshotInfo::document_count() const {
  return store::SnapshotInfoSum(*this, &PartitionInfo::document_count);
}
uint64_t SnapshotInfo::bytes() const {
  uint64_t n = 0;
  for (const auto& p : partitions) n += p.cases.size + p.documents.size;
  return n;
}
}  // namespace tianping
