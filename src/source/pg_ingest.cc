// IngestFromPostgres: pull (pg_pull.h) → JSONL in a private file in the store directory → IngestFiles with
// removals, the new watermarks as source_state and a locator that names source rows in quarantine entries.
#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <nlohmann/json.hpp>

#include "source/pg_conn.h"
#include "source/pg_pull.h"
#include "tianping/model/case_json.h"
#include "tianping/source/postgres_source.h"
#include "tianping/store/store.h"

namespace tianping {
namespace {

using source::PullState;
using source::RowOrigin;
using source::Watermark;

// source_state keys (persisted in snapshot manifests: do not rename).
constexpr const char* kStateSource = "postgresql.source";
constexpr const char* kStateCases = "postgresql.cases";
constexpr const char* kStateDocuments = "postgresql.documents";
constexpr const char* kStateDeletions = "postgresql.deleted_rows";

// The source's identity for the watermark: the masked URL without its query string.
std::string SourceIdentity(const std::string& url) {
  std::string m = MaskConnectionUrl(url);
  return m.substr(0, m.find('?'));
}

// Writes the record's JSON, with unrepresentable values put back as their raw text so the ingest
// quarantines the record naming the field.
std::string CaseLine(const Case& c, const std::vector<source::BadValue>& bad) {
  std::string line;
  AppendCaseJson(c, &line);
  if (bad.empty()) return line;
  auto j = nlohmann::json::parse(line);
  for (const auto& b : bad) {
    nlohmann::json* at = &j;
    std::string_view path = b.field;
    if (path.rfind("parties[", 0) == 0) {
      size_t close = path.find(']');
      at = &j["parties"][std::stoul(std::string(path.substr(8, close - 8)))];
      path.remove_prefix(close + 2);
    }
    (*at)[std::string(path)] = b.raw;
  }
  return j.dump();
}

constexpr const char* kPullFilePrefix = ".pull-postgresql-";

// The pull's private file DIR/.pull-postgresql-<pid>.jsonl. The process holds an exclusive flock on it
// from creation until it is removed, so a file nobody holds a lock on was left by a killed pull.
class TempFile {
 public:
  static Result<std::unique_ptr<TempFile>> Create(std::string path) {
    int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
    if (fd < 0) return Status::IoError("cannot write " + path + ": " + std::strerror(errno));
    auto t = std::unique_ptr<TempFile>(new TempFile(std::move(path), fd));
    if (::flock(fd, LOCK_EX | LOCK_NB) != 0) return Status::IoError("cannot lock " + t->path_ + ": " + std::strerror(errno));
    return t;
  }
  ~TempFile() {
    std::remove(path_.c_str());
    ::close(fd_);  // releases the lock after the file is gone
  }
  const std::string& path() const { return path_; }

 private:
  TempFile(std::string path, int fd) : path_(std::move(path)), fd_(fd) {}
  std::string path_;
  int fd_;
};

// Removes pull files of killed pulls (no lock held on them); returns how many. docs/source-postgresql.md.
int RemoveStalePullFiles(const std::string& dir, bool progress) {
  int removed = 0;
  std::error_code ec;
  for (const auto& entry : std::filesystem::directory_iterator(dir, ec)) {
    std::string name = entry.path().filename().string();
    if (name.rfind(kPullFilePrefix, 0) != 0 || name.size() < 6 || name.compare(name.size() - 6, 6, ".jsonl") != 0) continue;
    int fd = ::open(entry.path().c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) continue;
    // Held by a running pull: EWOULDBLOCK. Ours (same pid, earlier pull in this process) cannot exist.
    bool stale = ::flock(fd, LOCK_EX | LOCK_NB) == 0;
    if (stale && std::remove(entry.path().c_str()) == 0) {
      ++removed;
      if (progress) std::fprintf(stderr, "ingest: removed %s, left by an interrupted pull\n", entry.path().c_str());
    }
    ::close(fd);
  }
  return removed;
}

}  // namespace

Result<PgSourceReport> IngestFromPostgres(const std::string& dir, const std::string& url,
                                          const PgSourceOptions& options) {
  const std::string masked = MaskConnectionUrl(url);
  const bool progress = options.ingest.progress;
  if (options.batch_rows < 1) return Status::InvalidArgument("batch rows must be positive");
  if (options.overlap_seconds < 0) return Status::InvalidArgument("overlap seconds must not be negative");
  // Where the last pull from this source ended.
  PullState from;
  bool same_source = false;
  SnapshotInfo current;
  std::unique_ptr<StoreSnapshot> stored;  // to pass on only deletions of cases the store holds
  if (std::filesystem::exists(dir + "/CURRENT")) {
    auto snap = StoreSnapshot::Open(dir);
    if (!snap.ok()) return snap.status();
    stored = std::move(*snap);
    current = stored->info();
    const auto& state = current.source_state;
    auto get = [&](const char* k) {
      auto it = state.find(k);
      return it == state.end() ? std::string() : it->second;
    };
    if (get(kStateSource) == SourceIdentity(url)) {
      same_source = true;
      from = {Watermark::Parse(get(kStateCases)), Watermark::Parse(get(kStateDocuments)),
              Watermark::Parse(get(kStateDeletions))};
    } else if (!get(kStateSource).empty() && progress) {
      std::fprintf(stderr, "ingest: the store was last fed from %s; pulling everything from %s\n",
                   get(kStateSource).c_str(), masked.c_str());
    }
  }
  if (progress) {
    std::fprintf(stderr, "ingest: pulling from %s %s\n", masked.c_str(),
                 from.cases.empty() ? "(everything)" : ("(cases since " + from.cases.ts + ")").c_str());
  }
  auto conn = source::PgConn::Connect(url);
  if (!conn.ok()) return conn.status();
  TP_RETURN_IF_ERROR(source::CheckSourceSchema(**conn));

  std::error_code ec;
  std::filesystem::create_directories(dir, ec);
  if (ec) return Status::IoError("cannot create " + dir + ": " + ec.message());
  PgSourceReport report;
  report.stale_files_removed = RemoveStalePullFiles(dir, progress);
  auto created = TempFile::Create(dir + "/" + kPullFilePrefix + std::to_string(::getpid()) + ".jsonl");
  if (!created.ok()) return created.status();
  const TempFile& tmp = **created;
  std::FILE* out = std::fopen(tmp.path().c_str(), "w");
  if (out == nullptr) return Status::IoError("cannot write " + tmp.path());
  std::vector<RowOrigin> origins;  // origins[line - 1]
  std::vector<std::string> removals, document_removals;
  auto write = [&](const std::string& line, RowOrigin origin) -> Status {
    if (std::fwrite(line.data(), 1, line.size(), out) != line.size() || std::fputc('\n', out) == EOF) {
      return Status::IoError("cannot write " + tmp.path());
    }
    origins.push_back(std::move(origin));
    return Status::Ok();
  };
  source::PullSink sink;
  sink.on_case = [&](const Case& c, const RowOrigin& o, const std::vector<source::BadValue>& bad) {
    ++report.cases_read;
    return write(CaseLine(c, bad), o);
  };
  sink.on_document = [&](const Document& d, const RowOrigin& o) {
    ++report.documents_read;
    std::string line;
    AppendDocumentJson(d, &line);
    return write(line, o);
  };
  sink.on_tombstone = [&](const source::Tombstone& t) {
    if (t.table == "documents" && t.case_exists) {
      // A document deleted while its case remains. Re-created: its current row comes through the pull.
      if (t.row_exists) return;
      if (stored) {
        auto found = stored->FindDocument(t.row_id);
        if (found.ok() && !found->has_value()) return;  // never stored, or removed by an earlier pull
      }
      document_removals.push_back(t.row_id);
      return;
    }
    if (t.case_exists) return;  // the case was re-created: its current rows come through the pull
    if (t.table != "cases") return;  // the documents of a deleted case go with it
    if (stored) {
      auto found = stored->FindCase(t.case_id);
      if (found.ok() && !found->has_value()) return;  // never stored, or removed by an earlier pull
    }
    removals.push_back(t.case_id);
  };
  auto to = source::PullChanges(**conn, from, options.overlap_seconds, options.batch_rows, sink, progress);
  if (std::fclose(out) != 0 && to.ok()) return Status::IoError("cannot write " + tmp.path());
  if (!to.ok()) return to.status();
  report.cases_deleted = static_cast<int64_t>(removals.size());
  report.documents_deleted = static_cast<int64_t>(document_removals.size());
  report.cases_watermark = to->cases.ToString();
  report.documents_watermark = to->documents.ToString();
  report.deletions_watermark = to->deletions.ToString();

  if (same_source && origins.empty() && removals.empty() && document_removals.empty() && *to == from) {
    if (progress) std::fprintf(stderr, "ingest: nothing changed at %s since snapshot %llu\n", masked.c_str(),
                               static_cast<unsigned long long>(current.id));
    report.ingest.snapshot = current;
    return report;
  }
  IngestOptions ingest = options.ingest;
  if (ingest.description.empty()) ingest.description = "ingest " + masked;
  ingest.input_format = "jsonl";
  ingest.remove_case_ids = std::move(removals);
  ingest.remove_document_ids = std::move(document_removals);
  ingest.source_state = {{kStateSource, SourceIdentity(url)},
                         {kStateCases, report.cases_watermark},
                         {kStateDocuments, report.documents_watermark},
                         {kStateDeletions, report.deletions_watermark}};
  ingest.locate_row = [&](size_t, int64_t line, std::string_view field) {
    RowSource s;
    s.file = masked;
    if (line < 1 || static_cast<size_t>(line) > origins.size()) return s;
    source::SourceCell cell = source::LocateField(origins[static_cast<size_t>(line - 1)], field);
    s.table = cell.table;
    s.row = cell.id_column + "=" + cell.id;
    s.column = cell.column;
    return s;
  };
  std::vector<std::string> files;
  if (!origins.empty()) files.push_back(tmp.path());
  auto done = IngestFiles(dir, files, ingest);
  if (!done.ok()) return done.status();
  report.ingest = std::move(*done);
  report.committed = true;
  return report;
}

}  // namespace tianping
