// tianping source load-pg --to URL [--schema FILE] [--quiet] FILE...
// Creates the court case-management source schema (data/source/postgresql-schema.sql) in a PostgreSQL
// database and loads cases.jsonl / documents.jsonl into it, so `tianping ingest --from URL` can be shown on
// generated data (docs/source-postgresql.md). The URL's password is never printed.
#include <CLI/CLI.hpp>

#include <cstdio>

#include "commands.h"
#include "exit_codes.h"
#include "tianping/source/postgres_source.h"

namespace tianping::cli {

int RunSource(int argc, char** argv) {
  CLI::App app{"数据源 / source systems: load generated data into a court database"};
  app.require_subcommand(1);
  CLI::App* load = app.add_subcommand("load-pg", "create the court schema in PostgreSQL and load JSONL cases/documents");
  std::string url, schema = DefaultPostgresSchemaFile();
  std::vector<std::string> files;
  bool quiet = false;
  load->add_option("--to", url, "postgresql://user:password@host:port/db")->required();
  load->add_option("--schema", schema, "DDL file")->capture_default_str();
  load->add_flag("--quiet", quiet, "no progress on stderr");
  load->add_option("files", files, "cases.jsonl, documents.jsonl")->required();
  CLI11_PARSE(app, argc, argv);
  auto report = LoadIntoPostgres(url, schema, files, !quiet);
  if (!report.ok()) return Fail("source load-pg", report.status());
  std::printf("loaded into %s: %lld cases, %lld parties, %lld agents, %lld documents\n",
              MaskConnectionUrl(url).c_str(), static_cast<long long>(report->cases),
              static_cast<long long>(report->parties), static_cast<long long>(report->agents),
              static_cast<long long>(report->documents));
  return 0;
}

}  // namespace tianping::cli
