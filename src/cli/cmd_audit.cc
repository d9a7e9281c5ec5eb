// tianping audit: the supervision view over the hash-chained audit log in DIR/security.db.
//   tianping audit verify [--data DIR]       exit 0 when intact; 5 (corruption) naming the first bad record
//   tianping audit query [--actor U] [--action A] [--since T] [--until T] [--limit N] [--format table|json|csv]
//   tianping audit query --volumes [--factor 3] [--min-rows 1000]   reads per actor, unusual volumes flagged
// Both need --as an admin once one exists. Record format and hashing: docs/security.md.
#include <CLI/CLI.hpp>

#include "commands.h"
#include "exit_codes.h"
#include "security_context.h"
#include "rows_output.h"
#include "tianping/security/masking.h"

namespace tianping::cli {
namespace {

struct Options {
  std::string data_dir = "./tianping-data", as, format = "table";
  security::AuditFilter filter;
  bool volumes = false;
  double factor = 3.0;
  int64_t min_rows = 1000;
};

int Verify(SecurityContext& ctx, const Options& o) {
  auto actor = ctx.RequireAdmin(o.as, "audit verify");
  if (!actor.ok()) return Fail("audit verify", actor.status());
  auto rep = ctx.audit->Verify();
  if (!rep.ok()) return Fail("audit verify", rep.status());
  if (!rep->ok) {
    return Fail("audit verify", Status::Corruption("audit log broken at " + rep->problem + " (" +
                                                   std::to_string(rep->records) + " records read)"));
  }
  std::printf("ok: %lld records, head %s\n", static_cast<long long>(rep->records),
              rep->head_hash.empty() ? "(empty)" : rep->head_hash.c_str());
  // The verification itself is recorded after the check, so it never changes what was verified.
  auto rec = ctx.audit->Append(*actor, "audit.verify", "audit", 0, "ok " + std::to_string(rep->records));
  return rec.ok() ? 0 : Fail("audit verify", rec.status());
}

int Query(SecurityContext& ctx, const Options& o) {
  auto actor = ctx.RequireAdmin(o.as, "audit query");
  if (!actor.ok()) return Fail("audit query", actor.status());
  auto recs = ctx.audit->Query(o.filter);
  if (!recs.ok()) return Fail("audit query", recs.status());
  std::vector<std::vector<std::string>> rows;
  if (o.volumes) {
    rows.push_back({"actor", "requests", "rows", "flag"});
    int flagged = 0;
    for (const auto& v : security::Volumes(*recs, o.factor, o.min_rows)) {
      rows.push_back({v.actor, std::to_string(v.requests), std::to_string(v.rows), v.flagged ? "UNUSUAL" : ""});
      flagged += v.flagged;
    }
    PrintRows(rows, o.format, {false, true, true, false});
    if (o.format == "table") std::fprintf(stderr, "%d actor(s) flagged (rows > %.1f × the others' median, >= %lld)\n",
                                          flagged, o.factor, static_cast<long long>(o.min_rows));
  } else {
    rows.push_back({"seq", "ts", "actor", "action", "object", "rows", "detail"});
    for (const auto& r : *recs) {
      rows.push_back({std::to_string(r.seq), r.ts, r.actor, r.action, r.object, std::to_string(r.rows),
                      security::MaskAuditDetail(r.detail)});
    }
    PrintRows(rows, o.format, {true, false, false, false, false, true, false});
  }
  auto rec = ctx.audit->Append(*actor, "audit.query", "audit", 0,
                               "actor=" + o.filter.actor + " action=" + o.filter.action + (o.volumes ? " volumes" : ""));
  return rec.ok() ? 0 : Fail("audit query", rec.status());
}

}  // namespace

int RunAudit(int argc, char** argv) {
  CLI::App app{"审计 / verify and query the hash-chained audit log", "tianping audit"};
  app.require_subcommand(1);
  Options o;
  auto* verify = app.add_subcommand("verify", "校验哈希链 / detect edited, deleted, reordered or truncated records");
  auto* query = app.add_subcommand("query", "查询 / who read what; --volumes flags unusual volumes");
  query->add_option("--actor", o.filter.actor, "only this actor");
  query->add_option("--action", o.filter.action, "only this action (read count export user.add ...)");
  query->add_option("--since", o.filter.since, "ts >= this (2026-11-29 or a full timestamp)");
  query->add_option("--until", o.filter.until, "ts < this");
  query->add_option("--limit", o.filter.limit, "at most N records");
  query->add_flag("--volumes", o.volumes, "per-actor read volumes with unusual ones flagged");
  query->add_option("--factor", o.factor, "flag when rows > factor × the median of the other actors")->capture_default_str();
  query->add_option("--min-rows", o.min_rows, "never flag below this many rows")->capture_default_str();
  query->add_option("--format", o.format, "table | json | csv")->check(CLI::IsMember({"table", "json", "csv"}));
  for (auto* sub : {verify, query}) {
    sub->add_option("--data", o.data_dir, "data folder holding security.db")->capture_default_str();
    sub->add_option("--as", o.as, "acting admin user (required once an admin exists)");
  }
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    return app.exit(e);
  }
  auto ctx = SecurityContext::Open(o.data_dir);
  if (!ctx.ok()) return Fail("audit", ctx.status());
  return verify->parsed() ? Verify(*ctx, o) : Query(*ctx, o);
}

}  // namespace tianping::cli
