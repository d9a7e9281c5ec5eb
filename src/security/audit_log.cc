#include "tianping/security/audit_log.h"

#include <sodium.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>

#include "sqlite_db.h"
#include "time_util.h"

namespace tianping::security {
namespace {

constexpr const char* kSchema = R"sql(
CREATE TABLE IF NOT EXISTS audit(
  seq INTEGER NOT NULL, ts TEXT NOT NULL, actor TEXT NOT NULL, action TEXT NOT NULL, object TEXT NOT NULL,
  rows INTEGER NOT NULL, detail TEXT NOT NULL, prev_hash TEXT NOT NULL, hash TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS audit_head(id INTEGER PRIMARY KEY CHECK (id = 1), seq INTEGER NOT NULL, hash TEXT NOT NULL);
)sql";

const std::string kGenesis(64, '0');

void Escaped(std::string* out, const std::string& s) {
  for (char c : s) {
    if (c == '\\') out->append("\\\\");
    else if (c == '\n') out->append("\\n");
    else out->push_back(c);
  }
}

AuditRecord FromRow(const Stmt& s) {
  AuditRecord r;
  r.seq = s.Int(0);
  r.ts = s.Text(1);
  r.actor = s.Text(2);
  r.action = s.Text(3);
  r.object = s.Text(4);
  r.rows = s.Int(5);
  r.detail = s.Text(6);
  r.prev_hash = s.Text(7);
  r.hash = s.Text(8);
  return r;
}

constexpr const char* kColumns = "seq,ts,actor,action,object,rows,detail,prev_hash,hash";

// The head as (seq, hash) from the file; (0, genesis) when absent.
bool ReadHeadFile(const std::string& path, int64_t* seq, std::string* hash) {
  std::ifstream f(path);
  if (!f) return false;
  return static_cast<bool>(f >> *seq >> *hash);
}

}  // namespace

std::string CanonicalBytes(const AuditRecord& r) {
  std::string out = r.prev_hash + "\n" + std::to_string(r.seq) + "\n";
  for (const std::string* s : {&r.ts, &r.actor, &r.action, &r.object}) {
    Escaped(&out, *s);
    out.push_back('\n');
  }
  out += std::to_string(r.rows) + "\n";
  Escaped(&out, r.detail);
  return out;
}

std::string HashRecord(const AuditRecord& r) {
  std::string bytes = CanonicalBytes(r);
  unsigned char h[crypto_hash_sha256_BYTES];
  crypto_hash_sha256(h, reinterpret_cast<const unsigned char*>(bytes.data()), bytes.size());
  char hex[2 * sizeof h + 1];
  sodium_bin2hex(hex, sizeof hex, h, sizeof h);
  return hex;
}

AuditLog::AuditLog(std::unique_ptr<Db> db, std::string data_dir) : db_(std::move(db)), data_dir_(std::move(data_dir)) {}
AuditLog::~AuditLog() = default;

std::string AuditLog::HeadPath(const std::string& data_dir) { return data_dir + "/audit.head"; }

Result<std::unique_ptr<AuditLog>> AuditLog::Open(const std::string& data_dir) {
  if (sodium_init() < 0) return Status::Internal("libsodium initialisation failed");
  std::error_code ec;
  std::filesystem::create_directories(data_dir, ec);
  if (ec) return Status::IoError(data_dir + ": " + ec.message());
  auto db = Db::Open(data_dir + "/security.db");
  if (!db.ok()) return db.status();
  TP_RETURN_IF_ERROR((*db)->Exec(kSchema));
  return std::unique_ptr<AuditLog>(new AuditLog(std::move(db).value(), data_dir));
}

Result<AuditRecord> AuditLog::Append(const std::string& actor, const std::string& action, const std::string& object,
                                     int64_t rows, const std::string& detail) {
  auto recs = AppendBatch({AuditEntry{actor, action, object, rows, detail}});
  if (!recs.ok()) return recs.status();
  return std::move(recs->front());
}

Result<std::vector<AuditRecord>> AuditLog::AppendBatch(const std::vector<AuditEntry>& entries) {
  std::vector<AuditRecord> out;
  if (entries.empty()) return out;
  TP_RETURN_IF_ERROR(db_->Exec("BEGIN IMMEDIATE"));
  auto fail = [&](Status s) { (void)db_->Exec("ROLLBACK"); return s; };
  // The head is read under the write lock: another process may have appended since our last batch.
  int64_t seq = 0;
  std::string prev = kGenesis;
  {
    auto s = db_->Prepare("SELECT seq, hash FROM audit ORDER BY rowid DESC LIMIT 1");
    if (!s.ok()) return fail(s.status());
    if ((*s)->Step()) {
      seq = (*s)->Int(0);
      prev = (*s)->Text(1);
    }
    if (!(*s)->status().ok()) return fail((*s)->status());
  }
  auto ins = db_->Prepare(std::string("INSERT INTO audit(") + kColumns + ") VALUES(?,?,?,?,?,?,?,?,?)");
  if (!ins.ok()) return fail(ins.status());
  const std::string ts = NowUtc();  // one commit, one time
  out.reserve(entries.size());
  for (const AuditEntry& e : entries) {
    AuditRecord r;
    r.seq = ++seq;
    r.ts = ts;
    r.actor = e.actor;
    r.action = e.action;
    r.object = e.object;
    r.rows = e.rows;
    r.detail = e.detail;
    r.prev_hash = prev;
    r.hash = HashRecord(r);
    prev = r.hash;
    (*ins)->Reset();
    (*ins)->Bind(1, r.seq).Bind(2, r.ts).Bind(3, r.actor).Bind(4, r.action).Bind(5, r.object).Bind(6, r.rows)
        .Bind(7, r.detail).Bind(8, r.prev_hash).Bind(9, r.hash);
    Status st = (*ins)->Run();
    if (!st.ok()) return fail(st);
    out.push_back(std::move(r));
  }
  const AuditRecord& last = out.back();
  auto head = db_->Prepare("INSERT OR REPLACE INTO audit_head(id, seq, hash) VALUES(1, ?, ?)");
  if (!head.ok()) return fail(head.status());
  (*head)->Bind(1, last.seq).Bind(2, last.hash);
  Status st = (*head)->Run();
  if (!st.ok()) return fail(st);
  // The head file is replaced atomically before the commit, while the write lock is held.
  std::string path = HeadPath(data_dir_), tmp = path + ".tmp";
  {
    std::ofstream f(tmp, std::ios::trunc);
    f << last.seq << " " << last.hash << "\n";
    if (!f) return fail(Status::IoError(tmp + ": cannot write"));
  }
  std::error_code ec;
  std::filesystem::rename(tmp, path, ec);
  if (ec) return fail(Status::IoError(path + ": " + ec.message()));
  st = db_->Exec("COMMIT");
  if (!st.ok()) {
    // Rolled back: put the head file back where the chain still ends (seq 0: no records, no file).
    if (out.front().seq == 1) {
      std::filesystem::remove(path, ec);
    } else {
      std::ofstream f(tmp, std::ios::trunc);
      f << out.front().seq - 1 << " " << out.front().prev_hash << "\n";
      f.close();
      std::filesystem::rename(tmp, path, ec);
    }
    return fail(st);
  }
  return out;
}

Result<VerifyReport> AuditLog::Verify() const {
  VerifyReport rep;
  auto s = db_->Prepare(std::string("SELECT ") + kColumns + " FROM audit ORDER BY rowid");
  if (!s.ok()) return s.status();
  std::string prev = kGenesis;
  auto bad = [&](int64_t pos, const std::string& why) {
    rep.ok = false;
    rep.first_bad = pos;
    rep.problem = "record " + std::to_string(pos) + ": " + why;
  };
  while ((*s)->Step()) {
    AuditRecord r = FromRow(**s);
    int64_t pos = ++rep.records;
    if (r.seq != pos) {
      bad(pos, "sequence number " + std::to_string(r.seq) + " where " + std::to_string(pos) +
                   " was expected (record deleted, inserted or reordered)");
    } else if (r.prev_hash != prev) {
      bad(pos, "previous-hash link broken (a record before it was changed, deleted or reordered)");
    } else if (HashRecord(r) != r.hash) {
      bad(pos, "content does not match its hash (record edited)");
    }
    if (!rep.ok) return rep;
    prev = r.hash;
    rep.head_hash = r.hash;
  }
  if (!(*s)->status().ok()) return (*s)->status();
  // Truncation: the chain must end where the recorded heads say it ends.
  int64_t head_seq = 0;
  std::string head_hash = kGenesis;
  auto h = db_->Prepare("SELECT seq, hash FROM audit_head WHERE id = 1");
  if (!h.ok()) return h.status();
  if ((*h)->Step()) {
    head_seq = (*h)->Int(0);
    head_hash = (*h)->Text(1);
  }
  int64_t file_seq = 0;
  std::string file_hash = kGenesis;
  bool have_file = ReadHeadFile(HeadPath(data_dir_), &file_seq, &file_hash);
  std::string last = rep.records ? rep.head_hash : kGenesis;
  for (auto [seq, hash, where] : {std::tuple{head_seq, head_hash, "table audit_head"},
                                  std::tuple{file_seq, file_hash, "file audit.head"}}) {
    if (std::string(where) == "file audit.head" && !have_file && rep.records == 0) continue;
    if (std::string(where) == "file audit.head" && !have_file) {
      bad(rep.records, "file audit.head is missing");
      return rep;
    }
    if (seq != rep.records || hash != last) {
      bad(std::min(seq, rep.records) + 1, "log ends at record " + std::to_string(rep.records) + " but " + where +
                                                " records " + std::to_string(seq) + " (records truncated or head altered)");
      return rep;
    }
  }
  return rep;
}

Result<std::vector<AuditRecord>> AuditLog::Query(const AuditFilter& f) const {
  std::string sql = std::string("SELECT ") + kColumns + " FROM audit WHERE 1";
  if (!f.actor.empty()) sql += " AND actor = ?1";
  if (!f.action.empty()) sql += " AND action = ?2";
  if (!f.since.empty()) sql += " AND ts >= ?3";
  if (!f.until.empty()) sql += " AND ts < ?4";
  sql += " ORDER BY rowid";
  if (f.limit > 0) sql += " LIMIT " + std::to_string(f.limit);
  auto s = db_->Prepare(sql);
  if (!s.ok()) return s.status();
  if (!f.actor.empty()) (*s)->Bind(1, f.actor);
  if (!f.action.empty()) (*s)->Bind(2, f.action);
  if (!f.since.empty()) (*s)->Bind(3, f.since);
  if (!f.until.empty()) (*s)->Bind(4, f.until);
  std::vector<AuditRecord> out;
  while ((*s)->Step()) out.push_back(FromRow(**s));
  if (!(*s)->status().ok()) return (*s)->status();
  return out;
}

std::vector<ActorVolume> Volumes(const std::vector<AuditRecord>& records, double factor, int64_t min_rows) {
  std::map<std::string, ActorVolume> by_actor;
  for (const auto& r : records) {
    if (r.action != "read" && r.action != "export" && r.action != "count") continue;
    auto& v = by_actor[r.actor];
    v.actor = r.actor;
    v.requests += 1;
    v.rows += r.rows;
  }
  std::vector<ActorVolume> out;
  for (auto& [_, v] : by_actor) out.push_back(v);
  // Each actor is compared with the median of the others, so one heavy reader cannot raise its own bar.
  for (size_t i = 0; i < out.size(); ++i) {
    std::vector<int64_t> others;
    for (size_t k = 0; k < out.size(); ++k) if (k != i) others.push_back(out[k].rows);
    if (others.empty()) continue;
    std::sort(others.begin(), others.end());
    size_t n = others.size();
    double median = n % 2 ? others[n / 2] : (others[n / 2 - 1] + others[n / 2]) / 2.0;
    out[i].flagged = out[i].rows >= min_rows && out[i].rows > factor * median;
  }
  std::sort(out.begin(), out.end(), [](const auto& a, const auto& b) { return a.rows > b.rows; });
  return out;
}

}  // namespace tianping::security
