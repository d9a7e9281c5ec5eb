// `tianping ingest --from postgresql://…`: the PostgreSQL source connector (docs/source-postgresql.md),
// called by cmd_ingest.cc. Prints what was pulled, then the snapshot summary (or that nothing changed).
#include "ingest_from.h"

#include <cstdio>

#include "exit_codes.h"
#include "tianping/common/json_writer.h"
#include "tianping/source/postgres_source.h"

namespace tianping::cli {

void PrintSnapshotSummary(const SnapshotInfo& s, const std::string& dir, const std::string& format);

int IngestFrom(const std::string& url, const std::string& data_dir, const IngestOptions& ingest,
               int overlap_seconds, const std::string& format) {
  if (!IsPostgresUrl(url)) {
    return Fail("ingest", Status::InvalidArgument("--from wants a postgresql:// URL, got " + MaskConnectionUrl(url)));
  }
  PgSourceOptions options;
  options.ingest = ingest;
  options.overlap_seconds = overlap_seconds;
  auto report = IngestFromPostgres(data_dir, url, options);
  if (!report.ok()) return Fail("ingest", report.status());
  const PgSourceReport& r = *report;
  if (format == "json") {
    std::string out;
    JsonWriter w(&out);
    w.BeginObject();
    w.Field("source", MaskConnectionUrl(url));
    w.FieldInt("snapshot", static_cast<int64_t>(r.ingest.snapshot.id));
    w.Key("committed");
    w.Bool(r.committed);
    w.FieldInt("cases_read", r.cases_read);
    w.FieldInt("documents_read", r.documents_read);
    w.FieldInt("cases_deleted", r.cases_deleted);
    w.FieldInt("documents_deleted", r.documents_deleted);
    w.FieldInt("stale_files_removed", r.stale_files_removed);
    w.Field("cases_watermark", r.cases_watermark);
    w.Field("documents_watermark", r.documents_watermark);
    w.Field("deletions_watermark", r.deletions_watermark);
    w.EndObject();
    std::printf("%s\n", out.c_str());
  } else {
    std::printf("pulled from %s: %lld cases, %lld documents, %lld case deletions, %lld document deletions",
                MaskConnectionUrl(url).c_str(), static_cast<long long>(r.cases_read),
                static_cast<long long>(r.documents_read), static_cast<long long>(r.cases_deleted),
                static_cast<long long>(r.documents_deleted));
    std::printf("\nwatermark: cases %s\n", r.cases_watermark.empty() ? "(none)" : r.cases_watermark.c_str());
  }
  if (!r.committed) {
    if (format == "json") {
      std::printf("{\"snapshot\":%llu,\"unchanged\":true}\n", static_cast<unsigned long long>(r.ingest.snapshot.id));
    } else {
      std::printf("nothing changed at the source: no new snapshot (current %llu)\n",
                  static_cast<unsigned long long>(r.ingest.snapshot.id));
    }
    return 0;
  }
  PrintSnapshotSummary(r.ingest.snapshot, data_dir, format);
  return 0;
}

}  // namespace tianping::cli
