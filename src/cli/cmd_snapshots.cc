// Snapshot history commands (docs/store-format.md "Snapshots"):
//   tianping snapshots [--data DIR] [--format table|json|csv] [--as ADMIN | --key KEY]
//   tianping diff A B [--as USER | --key KEY] [--data DIR] [--format table|json|csv] [--limit N]
//     lists only cases the reader may see (AccessGuard::CanSee in the snapshot that holds them), by case id
//     when the reader may see case ids, else by 案号; counts through SuppressCell; document counts only
//     when no case was left out; audited (request before, read after).
//   tianping rollback --to ID [--data DIR] [--as ADMIN | --key KEY]
//   tianping verify [--data DIR] [--snapshot ID] [--as ADMIN | --key KEY]   (re-reads every file, checks CRC32C)
// snapshots, rollback and verify are administrative (admin_action.h): an admin once one exists, audited.
#include <CLI/CLI.hpp>

#include <cstdio>

#include "commands.h"
#include "exit_codes.h"
#include "admin_action.h"
#include "guarded_reader.h"
#include "rows_output.h"
#include "tianping/common/json_writer.h"
#include "tianping/store/store.h"

namespace tianping::cli {

std::string Num(int64_t v) { return std::to_string(v); }

// "snapshot 3 (parent 2) ingest a.jsonl" and its change counts, as a table or one JSON object.
void PrintSnapshotSummary(const SnapshotInfo& s, const std::string& dir, const std::string& format) {
  const ChangeSummary& c = s.changes;
  if (format == "json") {
    std::string out;
    JsonWriter w(&out);
    w.BeginObject();
    w.FieldInt("snapshot", static_cast<int64_t>(s.id));
    w.FieldInt("parent", static_cast<int64_t>(s.parent));
    w.Field("description", s.description);
    w.FieldInt("cases_added", c.cases_added);
    w.FieldInt("cases_changed", c.cases_changed);
    w.FieldInt("cases_removed", c.cases_removed);
    w.FieldInt("cases_unchanged", c.cases_unchanged);
    w.FieldInt("documents_added", c.documents_added);
    w.FieldInt("documents_changed", c.documents_changed);
    w.FieldInt("documents_unchanged", c.documents_unchanged);
    w.FieldInt("quarantined", c.quarantined);
    w.FieldInt("duplicates", c.duplicates);
    w.Field("quarantine_file", s.quarantine.empty() ? "" : dir + "/" + s.quarantine);
    w.FieldInt("cases", static_cast<int64_t>(s.case_count()));
    w.FieldInt("parties", static_cast<int64_t>(s.party_count()));
    w.FieldInt("documents", static_cast<int64_t>(s.document_count()));
    w.FieldInt("partitions", static_cast<int64_t>(s.partitions.size()));
    w.FieldInt("bytes", static_cast<int64_t>(s.bytes()));
    w.EndObject();
    std::printf("%s\n", out.c_str());
    return;
  }
  std::printf("snapshot %llu (parent %llu): %s\n", static_cast<unsigned long long>(s.id),
              static_cast<unsigned long long>(s.parent), s.description.c_str());
  Rows rows = {{"", "added", "changed", "removed", "unchanged"},
               {"cases", Num(c.cases_added), Num(c.cases_changed), Num(c.cases_removed), Num(c.cases_unchanged)},
               {"documents", Num(c.documents_added), Num(c.documents_changed), Num(c.documents_removed),
                Num(c.documents_unchanged)}};
  std::fputs(RenderTable(rows).c_str(), stdout);
  std::printf("quarantined %lld%s%s, duplicates %lld\n", static_cast<long long>(c.quarantined),
              s.quarantine.empty() ? "" : " → ", s.quarantine.empty() ? "" : (dir + "/" + s.quarantine).c_str(),
              static_cast<long long>(c.duplicates));
  std::printf("store: %llu cases, %llu parties, %llu documents in %zu partitions, %.1f MB\n",
              static_cast<unsigned long long>(s.case_count()), static_cast<unsigned long long>(s.party_count()),
              static_cast<unsigned long long>(s.document_count()), s.partitions.size(), s.bytes() / 1e6);
}

int RunSnapshots(int argc, char** argv) {
  CLI::App app{"快照列表 / list the store's snapshots"};
  std::string data_dir = DefaultDataDir(), format = "table";
  app.add_option("--data", data_dir, "store directory")->capture_default_str();
  app.add_option("--format", format, "table|json|csv")->capture_default_str();
  ReaderOptions who;
  who.AddTo(app);
  CLI11_PARSE(app, argc, argv);
  if (Status s = CheckFormat(format); !s.ok()) return Fail("snapshots", s);
  auto admin = AdminAction::Begin(data_dir, who, "snapshots");
  if (!admin.ok()) return Fail("snapshots", admin.status());
  auto list = ListSnapshots(data_dir);
  if (!list.ok()) return Fail("snapshots", list.status());
  if (Status s = admin->Record("snapshots", "store", std::to_string(list->size()) + " snapshots listed"); !s.ok()) {
    return Fail("snapshots", s);
  }
  Rows rows = {{"snapshot", "parent", "created_at", "cases", "documents", "added", "changed", "removed",
                "quarantined", "description"}};
  for (const auto& s : *list) {
    rows.push_back({Num(s.id), Num(s.parent), s.created_at, Num(s.case_count()), Num(s.document_count()),
                    Num(s.changes.cases_added), Num(s.changes.cases_changed), Num(s.changes.cases_removed),
                    Num(s.changes.quarantined), s.description});
  }
  if (format == "table" && list->empty()) {
    std::printf("store %s has no snapshots\n", data_dir.c_str());
    return 0;
  }
  PrintRows(rows, format, {true, true, false, true, true, true, true, true, true, false});
  return 0;
}

int RunDiff(int argc, char** argv) {
  CLI::App app{"快照差异 / cases added, changed and removed between two snapshots"};
  std::string data_dir = DefaultDataDir(), format = "table";
  uint64_t a = 0, b = 0;
  size_t limit = 50;
  app.add_option("--data", data_dir, "store directory")->capture_default_str();
  app.add_option("--format", format, "table|json|csv")->capture_default_str();
  app.add_option("--limit", limit, "case ids listed per kind in table form (0 = all)")->capture_default_str();
  ReaderOptions reader;
  reader.AddTo(app);
  app.add_option("from", a, "older snapshot (0 = empty store)")->required();
  app.add_option("to", b, "newer snapshot")->required();
  CLI11_PARSE(app, argc, argv);
  if (Status s = CheckFormat(format); !s.ok()) return Fail("diff", s);
  auto gr = GuardedReader::Open(data_dir, reader, "diff");
  if (!gr.ok()) return Fail("diff", gr.status());
  const std::string object = "store snapshots " + Num(a) + ".." + Num(b);
  if (Status s = (*gr)->Audit("request", object, 0, "diff"); !s.ok()) return Fail("diff", s);
  auto diff = DiffSnapshots(data_dir, a, b);
  if (!diff.ok()) return Fail("diff", diff.status());
  // Keep the cases the reader may see, named as the reader may see them.
  const security::Principal& p = (*gr)->principal();
  const security::AccessGuard& guard = (*gr)->guard();
  bool hidden = false;
  std::unique_ptr<StoreSnapshot> snap_a, snap_b;
  if (a != 0) {
    auto s = StoreSnapshot::Open(data_dir, a);
    if (!s.ok()) return Fail("diff", s.status());
    snap_a = std::move(s).value();
  }
  {
    auto s = StoreSnapshot::Open(data_dir, b);
    if (!s.ok()) return Fail("diff", s.status());
    snap_b = std::move(s).value();
  }
  auto keep = [&](std::vector<std::string>* ids, const StoreSnapshot* snap) -> Status {
    std::vector<std::string> shown;
    for (const auto& id : *ids) {
      std::optional<Case> c;
      if (snap) {
        auto ref = snap->FindCase(id);
        if (!ref.ok()) return ref.status();
        if (ref->has_value()) {
          auto read = snap->ReadCase(**ref);
          if (!read.ok()) return read.status();
          c = std::move(*read);
        }
      }
      if (!c || !guard.CanSee(p, *c)) {
        hidden = true;
        continue;
      }
      Case r = guard.Redact(p, *c);
      shown.push_back(r.case_id.empty() ? r.case_number : r.case_id);
    }
    *ids = std::move(shown);
    return Status::Ok();
  };
  for (auto [ids, snap] : {std::pair{&diff->cases_added, snap_b.get()}, std::pair{&diff->cases_changed, snap_b.get()},
                           std::pair{&diff->cases_removed, snap_a.get()}}) {
    if (Status s = keep(ids, snap); !s.ok()) return Fail("diff", s);
  }
  int64_t listed = static_cast<int64_t>(diff->cases_added.size() + diff->cases_changed.size() + diff->cases_removed.size());
  if (Status s = (*gr)->Audit("read", object, listed, "diff"); !s.ok()) return Fail("diff", s);
  const bool docs_shown = !hidden;
  auto count = [&](int64_t n) {
    auto c = guard.SuppressCell(p, n);
    return c ? std::to_string(*c) : "<" + std::to_string(security::SpecOf(p.role).min_cell);
  };
  const std::pair<const char*, const std::vector<std::string>*> kinds[] = {
      {"added", &diff->cases_added}, {"changed", &diff->cases_changed}, {"removed", &diff->cases_removed}};
  if (format == "json") {
    std::string out;
    JsonWriter w(&out);
    w.BeginObject();
    w.FieldInt("from", static_cast<int64_t>(a));
    w.FieldInt("to", static_cast<int64_t>(b));
    for (const auto& [name, ids] : kinds) {
      w.Key(std::string("cases_") + name);
      w.BeginArray();
      for (const auto& id : *ids) w.String(id);
      w.EndArray();
    }
    if (docs_shown) {
      w.FieldInt("documents_added", diff->documents_added);
      w.FieldInt("documents_changed", diff->documents_changed);
      w.FieldInt("documents_removed", diff->documents_removed);
    }
    w.EndObject();
    std::printf("%s\n", out.c_str());
    return 0;
  }
  if (format == "csv") {
    Rows rows = {{"change", "case_id"}};
    for (const auto& [name, ids] : kinds) {
      for (const auto& id : *ids) rows.push_back({name, id});
    }
    PrintRows(rows, "csv");
    return 0;
  }
  std::printf("snapshot %llu → %llu: cases +%s added, %s changed, %s removed", static_cast<unsigned long long>(a),
              static_cast<unsigned long long>(b), count(static_cast<int64_t>(diff->cases_added.size())).c_str(),
              count(static_cast<int64_t>(diff->cases_changed.size())).c_str(),
              count(static_cast<int64_t>(diff->cases_removed.size())).c_str());
  if (docs_shown) {
    std::printf("; documents +%lld, %lld changed, %lld removed", static_cast<long long>(diff->documents_added),
                static_cast<long long>(diff->documents_changed), static_cast<long long>(diff->documents_removed));
  }
  std::printf("\n");
  for (const auto& [name, ids] : kinds) {
    for (size_t i = 0; i < ids->size() && (limit == 0 || i < limit); ++i) {
      std::printf("  %-8s %s\n", name, (*ids)[i].c_str());
    }
    if (limit && ids->size() > limit) std::printf("  %-8s … %zu more\n", name, ids->size() - limit);
  }
  return 0;
}

int RunRollback(int argc, char** argv) {
  CLI::App app{"回滚 / commit a new snapshot with the content of an older one"};
  std::string data_dir = DefaultDataDir();
  uint64_t to = 0;
  app.add_option("--data", data_dir, "store directory")->capture_default_str();
  app.add_option("--to", to, "snapshot to restore (0 = empty)")->required();
  ReaderOptions who;
  who.AddTo(app);
  CLI11_PARSE(app, argc, argv);
  auto admin = AdminAction::Begin(data_dir, who, "rollback");
  if (!admin.ok()) return Fail("rollback", admin.status());
  auto info = Rollback(data_dir, to);
  if (!info.ok()) return Fail("rollback", info.status());
  if (Status s = admin->Record("rollback", "store snapshot " + std::to_string(info->id),
                              "to=" + std::to_string(to) + " parent=" + std::to_string(info->parent));
      !s.ok()) {
    return Fail("rollback", s);
  }
  PrintSnapshotSummary(*info, data_dir, "table");
  return 0;
}

int RunVerify(int argc, char** argv) {
  CLI::App app{"校验 / re-read every store file and check its checksum"};
  std::string data_dir = DefaultDataDir();
  uint64_t id = 0;
  app.add_option("--data", data_dir, "store directory")->capture_default_str();
  app.add_option("--snapshot", id, "snapshot to verify (default: current)");
  ReaderOptions who;
  who.AddTo(app);
  CLI11_PARSE(app, argc, argv);
  auto admin = AdminAction::Begin(data_dir, who, "verify");
  if (!admin.ok()) return Fail("verify", admin.status());
  auto snap = StoreSnapshot::Open(data_dir, id);
  if (!snap.ok()) return Fail("verify", snap.status());
  if (Status s = (*snap)->Verify(); !s.ok()) {
    (void)admin->Record("store.verify", "store snapshot " + std::to_string(id), "failed: " + s.ToString());
    return Fail("verify", s);
  }
  const SnapshotInfo& info = (*snap)->info();
  if (Status s = admin->Record("store.verify", "store snapshot " + std::to_string(info.id), "ok"); !s.ok()) {
    return Fail("verify", s);
  }
  std::printf("snapshot %llu ok: %zu partitions, %llu cases, %llu documents, %.1f MB checked\n",
              static_cast<unsigned long long>(info.id), info.partitions.size(),
              static_cast<unsigned long long>(info.case_count()),
              static_cast<unsigned long long>(info.document_count()), info.bytes() / 1e6);
  return 0;
}

}  // namespace tianping::cli
