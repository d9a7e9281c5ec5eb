#include "store/store_writer.h"

#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <set>

#include "store/crc32c.h"
#include "store/file_util.h"
#include "store/manifest.h"

namespace tianping::store {

Result<std::unique_ptr<StoreWriter>> StoreWriter::Open(const std::string& dir) {
  for (const char* sub : {"", "/segments", "/snapshots", "/quarantine"}) TP_RETURN_IF_ERROR(MakeDirs(dir + sub));
  std::string lock_path = dir + "/LOCK";
  int fd = ::open(lock_path.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0644);
  if (fd < 0) return Status::IoError("cannot open " + lock_path + ": " + std::strerror(errno));
  if (::flock(fd, LOCK_EX | LOCK_NB) != 0) {
    ::close(fd);
    return Status::FailedPrecondition("store " + dir + " is being written by another process (" + lock_path + ")");
  }
  std::unique_ptr<StoreWriter> w(new StoreWriter(dir, fd));
  auto cur = ReadCurrent(dir);
  if (cur.ok()) {
    auto info = ReadManifest(dir, cur->id, true, cur->manifest_crc);
    if (!info.ok()) return info.status();
    w->current_ = std::move(*info);
  } else if (cur.status().code() != Status::Code::kNotFound) {
    return cur.status();
  }
  TP_RETURN_IF_ERROR(w->CollectGarbage());
  return w;
}

StoreWriter::~StoreWriter() {
  if (lock_fd_ >= 0) ::close(lock_fd_);  // releases the flock
}

// Snapshot directories above CURRENT belong to commits that never finished; segment and quarantine files
// that no committed manifest names were written by them too. Both are removed.
Status StoreWriter::CollectGarbage() {
  std::set<std::string> live;
  bool all_manifests_read = true;
  for (const std::string& name : ListDir(dir_ + "/snapshots")) {
    uint64_t id = std::strtoull(name.c_str(), nullptr, 10);
    std::string path = dir_ + "/snapshots/" + name;
    if (id == 0 || id > current_.id) {
      TP_RETURN_IF_ERROR(RemoveAll(path));
      continue;
    }
    auto info = ReadManifest(dir_, id, false, 0);
    if (!info.ok()) {
      // An older snapshot whose manifest is damaged: keep its files (they may be shared) but say so.
      if (id == current_.id) return info.status();
      all_manifests_read = false;
      continue;
    }
    for (const auto& p : info->partitions) {
      live.insert(p.cases.path);
      if (!p.documents.path.empty()) live.insert(p.documents.path);
    }
    if (!info->quarantine.empty()) live.insert(info->quarantine);
  }
  for (const char* sub : {"segments", "quarantine"}) {
    if (!all_manifests_read) break;  // cannot tell which files are unreferenced
    for (const std::string& name : ListDir(dir_ + "/" + sub)) {
      std::string rel = std::string(sub) + "/" + name;
      if (!live.count(rel)) TP_RETURN_IF_ERROR(RemoveAll(dir_ + "/" + rel));
    }
  }
  ::unlink((dir_ + "/CURRENT.tmp").c_str());
  return Status::Ok();
}

std::string StoreWriter::NewFilePath(const std::string& ext) {
  return "segments/" + SnapshotDirName(next_id()) + "-" + std::to_string(file_seq_.fetch_add(1)) + "." + ext;
}

Result<SnapshotInfo> StoreWriter::Commit(SnapshotInfo info, const std::string& quarantine_jsonl) {
  info.id = next_id();
  info.parent = current_.id;
  if (info.created_at.empty()) info.created_at = NowUtcIso8601();
  TP_RETURN_IF_ERROR(FsyncDir(dir_ + "/segments"));
  if (!quarantine_jsonl.empty()) {
    info.quarantine = "quarantine/" + SnapshotDirName(info.id) + ".jsonl";
    TP_RETURN_IF_ERROR(WriteNewFile(dir_ + "/" + info.quarantine, quarantine_jsonl));
    TP_RETURN_IF_ERROR(FsyncDir(dir_ + "/quarantine"));
  }
  std::string snap_dir = dir_ + "/snapshots/" + SnapshotDirName(info.id);
  TP_RETURN_IF_ERROR(MakeDirs(snap_dir));
  std::string manifest = EncodeManifest(info);
  uint32_t crc = Crc32c(manifest);
  TP_RETURN_IF_ERROR(WriteNewFile(ManifestPath(dir_, info.id), manifest));
  TP_RETURN_IF_ERROR(WriteNewFile(ManifestCrcPath(dir_, info.id), EncodeManifestCrc(crc)));
  TP_RETURN_IF_ERROR(FsyncDir(snap_dir));
  TP_RETURN_IF_ERROR(FsyncDir(dir_ + "/snapshots"));
  if (fail_before_current_) return Status::Internal("commit stopped before CURRENT (test hook)");
  TP_RETURN_IF_ERROR(WriteFileAtomic(CurrentPath(dir_), EncodeCurrent(info.id, crc)));
  current_ = info;
  file_seq_ = 0;
  return info;
}

}  // namespace tianping::store
