// tianping ingest [--data DIR] [--threads N] [--ref DIR | --no-ref] [--quiet] [--format table|json]
//                 [--input-format auto|jsonl|csv] [--remove ID]... [--remove-document DOC_ID]... [--state KEY=VALUE]... [FILE...]
//        tianping ingest [--data DIR] … --from postgresql://… [--overlap-seconds N]   (docs/source-postgresql.md)
// Loads JSONL or CSV cases and documents ("-" = stdin) into the store as one new snapshot; rejected rows go to
// DIR/quarantine/<snapshot>.jsonl. Prints a summary of what changed. Administrative (admin_action.h):
// once security.db has an admin, --as ADMIN or --key KEY; audited.
#include <CLI/CLI.hpp>

#include <cstdio>

#include "commands.h"
#include "admin_action.h"
#include "exit_codes.h"
#include "ingest_from.h"
#include "rows_output.h"
#include "tianping/common/json_writer.h"
#include "tianping/source/postgres_source.h"
#include "tianping/store/ingest.h"
#include "tianping/store/store.h"

namespace tianping::cli {

void PrintSnapshotSummary(const SnapshotInfo& s, const std::string& dir, const std::string& format);

int RunIngest(int argc, char** argv) {
  CLI::App app{"导入案件与文书 / ingest JSONL cases and documents into the store"};
  std::string data_dir = DefaultDataDir(), ref_dir = ReferenceData::DefaultRefDir(), format = "table";
  std::vector<std::string> files;
  int threads = 0;
  bool no_ref = false, quiet = false;
  app.add_option("--data", data_dir, "store directory")->capture_default_str();
  app.add_option("--threads", threads, "parser threads (0 = all cores)");
  app.add_option("--ref", ref_dir, "reference data directory")->capture_default_str();
  app.add_flag("--no-ref", no_ref, "check courts by shape only, without reference data");
  app.add_flag("--quiet", quiet, "no progress on stderr");
  app.add_option("--format", format, "summary format: table|json")->capture_default_str();
  std::string input_format = "auto";
  app.add_option("--input-format", input_format, "auto (.csv = CSV) | jsonl | csv")->capture_default_str();
  std::vector<std::string> remove, remove_docs, state;
  size_t spill_cases = IngestOptions().spill_cases;
  app.add_option("--spill-cases", spill_cases, "cases held in memory before spilling to run files (0 = never)")
      ->capture_default_str();
  app.add_option("--remove", remove, "case id to delete in the new snapshot (repeatable)")->allow_extra_args(false);
  app.add_option("--remove-document", remove_docs, "document id to delete, its case kept (repeatable)")
      ->allow_extra_args(false);
  app.add_option("--state", state, "KEY=VALUE recorded in the snapshot's source_state (repeatable)")
      ->allow_extra_args(false);
  app.add_option("files", files, "JSONL files, - for stdin (none: only --remove / --remove-document / --state)");
  std::string from;
  int overlap_seconds = 120;
  app.add_option("--from", from, "pull changes from a court database: postgresql://user:password@host:port/db");
  app.add_option("--overlap-seconds", overlap_seconds, "with --from: re-read rows this much older than the "
                 "watermark (late commits); 0 = exact")->capture_default_str();
  ReaderOptions who;
  who.AddTo(app);
  CLI11_PARSE(app, argc, argv);
  if (Status s = CheckFormat(format); !s.ok()) return Fail("ingest", s);
  if (!from.empty() && (!files.empty() || !remove.empty() || !remove_docs.empty() || !state.empty())) {
    return Fail("ingest", Status::InvalidArgument("--from takes no files, --remove, --remove-document or --state"));
  }
  auto admin = AdminAction::Begin(data_dir, who, "ingest");
  if (!admin.ok()) return Fail("ingest", admin.status());

  std::optional<ReferenceData> ref;
  if (!no_ref) {
    auto loaded = ReferenceData::Load(ref_dir, data_dir);
    if (!loaded.ok()) return Fail("ingest", loaded.status());
    ref = std::move(*loaded);
  }
  IngestOptions options;
  options.threads = threads;
  options.ref = ref ? &*ref : nullptr;
  options.progress = !quiet;
  options.input_format = input_format;
  options.remove_case_ids = remove;
  options.remove_document_ids = remove_docs;
  options.spill_cases = spill_cases;
  for (const std::string& kv : state) {
    size_t eq = kv.find('=');
    if (eq == std::string::npos || eq == 0) {
      return Fail("ingest", Status::InvalidArgument("--state wants KEY=VALUE, got \"" + kv + "\""));
    }
    options.source_state[kv.substr(0, eq)] = kv.substr(eq + 1);
  }
  if (input_format != "auto" && input_format != "jsonl" && input_format != "csv") {
    return Fail("ingest", Status::InvalidArgument("--input-format must be auto, jsonl or csv"));
  }
  if (!from.empty()) {
    int rc = IngestFrom(from, data_dir, options, overlap_seconds, format);
    if (rc == 0) {
      if (Status s = admin->Record("ingest", "store", "from " + MaskConnectionUrl(from)); !s.ok()) {
        return Fail("ingest", s);
      }
    }
    return rc;
  }
  auto report = IngestFiles(data_dir, files, options);
  if (!report.ok()) return Fail("ingest", report.status());
  std::string detail;
  for (const auto& f : files) detail += (detail.empty() ? "" : " ") + f;
  detail += " cases=" + std::to_string(report->cases) + " documents=" + std::to_string(report->documents) +
            " quarantined=" + std::to_string(report->snapshot.changes.quarantined);
  if (Status s = admin->Record("ingest", "store snapshot " + std::to_string(report->snapshot.id), detail); !s.ok()) {
    return Fail("ingest", s);
  }
  if (format == "json") {
    std::string out;
    JsonWriter w(&out);
    w.BeginObject();
    w.FieldInt("snapshot", static_cast<int64_t>(report->snapshot.id));
    w.FieldInt("lines", report->lines);
    w.FieldInt("cases_read", report->cases);
    w.FieldInt("documents_read", report->documents);
    w.EndObject();
    std::printf("%s\n", out.c_str());
  } else {
    std::printf("read %lld lines: %lld cases, %lld documents\n", static_cast<long long>(report->lines),
                static_cast<long long>(report->cases), static_cast<long long>(report->documents));
  }
  PrintSnapshotSummary(report->snapshot, data_dir, format);
  return 0;
}

}  // namespace tianping::cli
