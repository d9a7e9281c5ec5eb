// GuardedStore: construction, the case lookup with its chain, field and count helpers, CaseViewJson.
// The party profile is in guarded_party.cc.
#include "tianping/security/guarded_store.h"

#include <algorithm>
#include <set>

#include "tianping/common/json_writer.h"
#include "tianping/model/case_json.h"
#include "tianping/model/case_number.h"

namespace tianping::security {
namespace {

constexpr int kMaxChain = 64;  // guards against cyclic links in bad data

std::string DateText(const std::optional<Date>& d) { return d ? d->ToString() : ""; }

struct Ctx {
  const StoreSnapshot& s;
  const AccessGuard& guard;
  const Principal& p;
};

// The first case the reader may see among `refs`.
Result<std::optional<Case>> FirstVisible(const Ctx& r, const std::vector<CaseRef>& refs) {
  for (CaseRef ref : refs) {
    auto c = r.s.ReadCase(ref);
    if (!c.ok()) return c.status();
    if (r.guard.CanSee(r.p, *c)) return std::optional<Case>(std::move(*c));
  }
  return std::optional<Case>();
}

// A visible case by case id (only when `by_id`) or 案号; nullopt when missing or invisible alike.
Result<std::optional<Case>> FindOne(const Ctx& r, const std::string& key, bool by_id) {
  if (by_id) {
    auto ref = r.s.FindCase(key);
    if (!ref.ok()) return ref.status();
    if (ref->has_value()) {
      auto c = FirstVisible(r, {**ref});
      if (!c.ok() || c->has_value()) return c;
    }
  }
  auto by_number = r.s.FindCasesByNumber(key);
  if (!by_number.ok()) return by_number.status();
  if (by_number->empty()) {
    auto parsed = ParseCaseNumber(key);  // accept half-width brackets and spaces
    if (parsed.ok() && parsed->normalized != key) {
      by_number = r.s.FindCasesByNumber(parsed->normalized);
      if (!by_number.ok()) return by_number.status();
    }
  }
  return FirstVisible(r, *by_number);
}

// The visible case `c` derives from; nullopt when it has none, or it is missing or invisible.
Result<std::optional<Case>> Parent(const Ctx& r, const Case& c) {
  if (!c.derived_from) return std::optional<Case>();
  if (!c.derived_from->case_id.empty()) {
    auto p = FindOne(r, c.derived_from->case_id, /*by_id=*/true);
    if (!p.ok() || p->has_value()) return p;
  }
  if (!c.derived_from->case_number.empty()) return FindOne(r, c.derived_from->case_number, false);
  return std::optional<Case>();
}

// Root of the chain, then every derived proceeding depth-first, children in filing order.
// Only visible cases: the walk up stops below an invisible parent, whose link is then dropped from the
// root (a missing parent is treated the same, so the two cannot be told apart); invisible children are
// left out with everything below them. Nodes hold the cases as stored: redact before showing.
Status BuildChain(const Ctx& r, const Case& start, std::vector<ChainNode>* chain) {
  Case root = start;
  std::set<std::string> seen{root.case_id};
  for (int i = 0; i < kMaxChain; ++i) {
    auto p = Parent(r, root);
    if (!p.ok()) return p.status();
    if (!p->has_value()) root.derived_from.reset();
    if (!p->has_value() || seen.count((*p)->case_id)) break;
    seen.insert((*p)->case_id);
    root = std::move(**p);
  }
  seen.clear();
  std::vector<ChainNode> stack{{0, root}};
  while (!stack.empty() && chain->size() < static_cast<size_t>(kMaxChain)) {
    ChainNode node = std::move(stack.back());
    stack.pop_back();
    if (!seen.insert(node.c.case_id).second) continue;
    auto kids = r.s.FindDerivedFrom(node.c.case_id);
    if (!kids.ok()) return kids.status();
    std::vector<Case> children;
    for (CaseRef ref : *kids) {
      auto k = r.s.ReadCase(ref);
      if (!k.ok()) return k.status();
      if (r.guard.CanSee(r.p, *k)) children.push_back(std::move(*k));
    }
    std::sort(children.begin(), children.end(), [](const Case& a, const Case& b) {
      return a.filed_date != b.filed_date ? a.filed_date < b.filed_date : a.case_id < b.case_id;
    });
    for (auto it = children.rbegin(); it != children.rend(); ++it) stack.push_back({node.depth + 1, *it});
    chain->push_back(std::move(node));
  }
  return Status::Ok();
}

}  // namespace

GuardedStore::GuardedStore(const StoreSnapshot& snapshot, const AccessGuard& guard, const Principal& reader,
                           AuditSink audit)
    : snap_(snapshot), guard_(guard), reader_(reader), audit_(std::move(audit)) {}

std::string GuardedStore::Object() const { return "store snapshot " + std::to_string(snap_.info().id); }

Result<CaseView> GuardedStore::ReadCase(const std::string& key) const {
  Ctx r{snap_, guard_, reader_};
  const std::string object = Object(), detail = "case=" + key;
  // One audit record per lookup (as for the party profile), appended after the lookup and before any row
  // leaves this function: no record, no data. A lookup that fails inside the store is read.failed.
  auto failed = [&](Status s) {
    (void)audit_("read.failed", object, 0, detail + " failed: " + s.ToString());
    return s;
  };
  auto found = FindOne(r, key, guard_.CheckFilter(reader_, "case.case_id").ok());
  if (!found.ok()) return failed(found.status());
  if (!found->has_value()) {
    TP_RETURN_IF_ERROR(audit_("read.notfound", object, 0, detail));
    return AccessGuard::NotFound("case", key);
  }
  CaseView v;
  v.stored = std::move(**found);
  if (Status s = BuildChain(r, v.stored, &v.chain); !s.ok()) return failed(s);
  auto docs = snap_.DocumentsOfCase(v.stored.case_id);
  if (!docs.ok()) return failed(docs.status());
  TP_RETURN_IF_ERROR(audit_("read", object, static_cast<int64_t>(v.chain.size()), detail));
  // From here on only redacted values. The case's own link survives only when its parent is shown.
  v.shown = guard_.Redact(reader_, v.stored);
  bool parent_shown = !v.chain.empty() && v.chain.front().c.case_id != v.stored.case_id;
  if (!parent_shown) v.shown.derived_from.reset();
  for (const auto& d : *docs) v.documents.push_back(guard_.RedactDocument(reader_, v.stored, d));
  for (auto& n : v.chain) {
    n.self = n.c.case_id == v.stored.case_id;
    n.c = guard_.Redact(reader_, n.c);
  }
  return v;
}

std::optional<int64_t> GuardedStore::AmountShown(const Case& stored, std::string_view field, int64_t fen) const {
  if (guard_.View(reader_, stored, field) == FieldView::kRemoved) return std::nullopt;
  return fen;
}

std::string GuardedStore::CountText(int64_t n) const {
  auto shown = guard_.SuppressCell(reader_, n);
  return shown ? std::to_string(*shown) : "<" + std::to_string(SpecOf(reader_.role).min_cell);
}

std::string CaseViewJson(const CaseView& v) {
  std::string out = "{\"case\":";
  AppendCaseJson(v.shown, &out);
  out += ",\"chain\":[";
  for (size_t i = 0; i < v.chain.size(); ++i) {
    const Case& c = v.chain[i].c;
    if (i) out += ",";
    JsonWriter w(&out);
    w.BeginObject();
    w.FieldInt("depth", v.chain[i].depth);
    w.Field("relation", c.derived_from ? c.derived_from->relation : "");
    w.Field("case_id", c.case_id);
    w.Field("case_number", c.case_number);
    w.Field("court_name", c.court_name);
    w.Field("procedure", c.procedure);
    w.Field("filed_date", c.filed_date.ToString());
    w.Field("closed_date", DateText(c.closed_date));
    w.Field("closure_method", c.closure_method);
    w.EndObject();
  }
  out += "],\"documents\":[";
  for (size_t i = 0; i < v.documents.size(); ++i) {
    if (i) out += ",";
    JsonWriter w(&out);
    w.BeginObject();
    w.Field("doc_id", v.documents[i].doc_id);
    w.Field("kind", v.documents[i].kind);
    w.Field("title", v.documents[i].title);
    w.EndObject();
  }
  out += "]}";
  return out;
}

}  // namespace tianping::security
