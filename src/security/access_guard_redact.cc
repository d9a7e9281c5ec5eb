// AccessGuard, second half: applying the field views to cases, documents and text; lookups and counts.
#include <algorithm>
#include <cstdint>
#include <map>

#include "tianping/security/access_guard.h"
#include "tianping/security/masking.h"

namespace tianping::security {
namespace {

bool IsNaturalPerson(const Party& party) {
  if (party.kind == "自然人") return true;
  return party.kind.empty() && party.credit_code.empty();
}

bool IsLawyer(const Agent& a) {
  return a.kind.find("律师") != std::string::npos || a.kind.find("法律服务") != std::string::npos;
}

std::string MaskWith(MaskRule rule, const std::string& value) {
  switch (rule) {
    case MaskRule::kId: return MaskIdNumber(value);
    case MaskRule::kPhone: return MaskPhone(value);
    case MaskRule::kAddress: return MaskAddress(value);
    case MaskRule::kAccount: return MaskAccount(value);
    case MaskRule::kName: return AnonymiseName(value);
    case MaskRule::kText: return ScrubIdentifiers(value);
    case MaskRule::kNone:
    case MaskRule::kDrop: return "";
  }
  return "";
}

// Pseudonyms for the natural persons of a case: 张某, or 张某1 / 张某2 when two share a surname.
class Pseudonyms {
 public:
  void Add(const std::string& name) {
    if (name.empty() || index_.count(name)) return;
    index_[name] = ++count_[Surname(name)];
  }
  std::string Of(const std::string& name) const {
    auto it = index_.find(name);
    if (it == index_.end()) return AnonymiseName(name);
    return AnonymiseName(name, count_.at(Surname(name)) > 1 ? it->second : 0);
  }

 private:
  std::map<std::string, int> index_, count_;
};

void ReplaceAll(std::string* s, const std::string& from, const std::string& to) {
  if (from.empty() || from == to) return;
  for (size_t pos = s->find(from); pos != std::string::npos; pos = s->find(from, pos + to.size())) {
    s->replace(pos, from.size(), to);
  }
}

std::string ChineseDate(Date d) {
  return std::to_string(d.year()) + "年" + std::to_string(d.month()) + "月" + std::to_string(d.day()) + "日";
}

}  // namespace

Case AccessGuard::Redact(const Principal& p, const Case& c) const {
  Case out = c;
  const CaseAccess access = AccessFor(p, c);
  if (access.own) return out;
  auto hidden = [&](std::string_view f) { return View(p, access, f) != FieldView::kClear; };
  auto str = [&](std::string_view f, std::string* s) {
    FieldView v = View(p, access, f);
    if (v == FieldView::kRemoved) s->clear();
    else if (v == FieldView::kMasked && !s->empty()) *s = MaskWith(catalog_.Get(f).mask, *s);
  };
  auto drop = [&](std::string_view f, auto* value) {
    if (hidden(f)) *value = {};
  };

  str("case.case_id", &out.case_id);
  str("case.case_number", &out.case_number);
  str("case.court_code", &out.court_code);
  str("case.court_name", &out.court_name);
  str("case.type_code", &out.type_code);
  str("case.category", &out.category);
  str("case.cause_code", &out.cause_code);
  str("case.cause_name", &out.cause_name);
  drop("case.cause_path", &out.cause_path);
  str("case.procedure", &out.procedure);
  drop("case.received_date", &out.received_date);
  drop("case.filed_date", &out.filed_date);
  drop("case.closed_date", &out.closed_date);
  str("case.closure_method", &out.closure_method);
  drop("case.statutory_limit_days", &out.statutory_limit_days);
  drop("case.extension_days", &out.extension_days);
  drop("case.excluded_days", &out.excluded_days);
  drop("case.correction_requested", &out.correction_requested);
  str("case.judge_id", &out.judge_id);
  str("case.judge_name", &out.judge_name);
  drop("case.panel", &out.panel);
  str("case.clerk", &out.clerk);
  drop("case.claim_amount", &out.claim_amount);
  drop("case.awarded_amount", &out.awarded_amount);
  drop("case.has_payment_content", &out.has_payment_content);
  drop("case.derived_from", &out.derived_from);
  if (out.derived_from) {
    str("link.relation", &out.derived_from->relation);
    str("link.case_id", &out.derived_from->case_id);
    str("link.case_number", &out.derived_from->case_number);
  }
  drop("case.execution", &out.execution);
  if (out.execution) {
    drop("execution.applied_amount", &out.execution->applied_amount);
    drop("execution.recovered_amount", &out.execution->recovered_amount);
    drop("execution.voluntary", &out.execution->voluntary);
  }
  str("case.document_id", &out.document_id);
  drop("case.is_sealed", &out.is_sealed);
  str("case.updated_at", &out.updated_at);
  drop("case.parties", &out.parties);

  // Natural persons (and, in anonymised cases, non-lawyer agents such as relatives) get pseudonyms
  // that stay distinct within the case.
  bool anon = access.anonymised;
  FieldView name_view = View(p, access, "party.name");
  Pseudonyms pseudonyms;
  if (anon || name_view == FieldView::kMasked) {
    for (const auto& party : c.parties) {
      if (IsNaturalPerson(party)) pseudonyms.Add(party.name);
      if (anon) for (const auto& a : party.agents) if (!IsLawyer(a)) pseudonyms.Add(a.name);
    }
  }
  for (auto& party : out.parties) {
    str("party.role", &party.role);
    str("party.original_role", &party.original_role);
    str("party.kind", &party.kind);
    if (name_view == FieldView::kRemoved) party.name.clear();
    else if (name_view == FieldView::kMasked && IsNaturalPerson(party)) party.name = pseudonyms.Of(party.name);
    str("party.id_number", &party.id_number);
    str("party.credit_code", &party.credit_code);
    str("party.gender", &party.gender);
    drop("party.birth_date", &party.birth_date);
    str("party.ethnicity", &party.ethnicity);
    str("party.phone", &party.phone);
    str("party.address", &party.address);
    str("party.legal_representative", &party.legal_representative);
    str("party.occupation", &party.occupation);
    drop("party.is_minor", &party.is_minor);
    drop("party.agents", &party.agents);
    for (auto& a : party.agents) {
      if (anon && !IsLawyer(a)) a.name = pseudonyms.Of(a.name);
      else str("agent.name", &a.name);
      str("agent.kind", &a.kind);
      str("agent.law_firm", &a.law_firm);
      str("agent.license_number", &a.license_number);
    }
  }
  return out;
}

std::string AccessGuard::RedactText(const Principal& p, const Case& c, std::string_view text) const {
  if (View(p, c, "document.text") == FieldView::kClear) return std::string(text);
  Case shown = Redact(p, c);
  std::vector<std::pair<std::string, std::string>> swaps;  // original → shown
  auto pair = [&](const std::string& from, const std::string& to) {
    if (!from.empty() && from != to) swaps.emplace_back(from, to.empty() ? "××" : to);
  };
  for (size_t i = 0; i < c.parties.size(); ++i) {
    const Party& a = c.parties[i];
    const Party* b = i < shown.parties.size() ? &shown.parties[i] : nullptr;
    auto other = [&](const std::string Party::*m) { return b ? b->*m : std::string(); };
    pair(a.name, other(&Party::name));
    pair(a.id_number, other(&Party::id_number));
    pair(a.phone, other(&Party::phone));
    pair(a.address, other(&Party::address));
    pair(a.occupation, other(&Party::occupation));
    if (a.birth_date && !(b && b->birth_date)) pair(ChineseDate(*a.birth_date), "××××年××月××日");
    for (size_t k = 0; k < a.agents.size(); ++k) {
      const Agent* shown_agent = b && k < b->agents.size() ? &b->agents[k] : nullptr;
      pair(a.agents[k].name, shown_agent ? shown_agent->name : "");
      pair(a.agents[k].license_number, shown_agent ? shown_agent->license_number : "");
    }
  }
  // Longest first, so 张三丰 is replaced before 张三.
  std::stable_sort(swaps.begin(), swaps.end(),
                   [](const auto& x, const auto& y) { return x.first.size() > y.first.size(); });
  std::string out(text);
  for (const auto& [from, to] : swaps) ReplaceAll(&out, from, to);
  FieldView id_view = View(p, c, "party.id_number");
  if (id_view != FieldView::kClear) out = ScrubIdentifiers(out, id_view == FieldView::kRemoved);
  return out;
}

Document AccessGuard::RedactDocument(const Principal& p, const Case& c, const Document& d) const {
  Document out = d;
  auto str = [&](std::string_view f, std::string* s) {
    if (View(p, c, f) != FieldView::kClear) s->clear();
  };
  str("document.doc_id", &out.doc_id);
  str("document.case_id", &out.case_id);
  str("document.kind", &out.kind);
  // Titles name the parties (张三与李四民间借贷纠纷一审民事判决书): masked like the text.
  if (View(p, c, "document.title") != FieldView::kClear) out.title = RedactText(p, c, d.title);
  out.text = RedactText(p, c, d.text);
  return out;
}

Status AccessGuard::NotFound(std::string_view kind, std::string_view id) {
  return Status::NotFound(std::string(kind) + " " + std::string(id) + " not found");
}

Result<Case> AccessGuard::Fetch(const Principal& p, const Case* found, std::string_view id) const {
  if (found == nullptr || !CanSee(p, *found)) return NotFound("case", id);
  return Redact(p, *found);
}

Status AccessGuard::CheckFilter(const Principal& p, std::string_view field) const {
  const CatalogEntry& e = catalog_.Get(field);
  const RoleSpec& spec = SpecOf(p.role);
  bool personal = field.rfind("party.", 0) == 0;
  bool ok = e.grade <= std::min(p.clearance, spec.max_clearance) &&
            !(spec.shareable_only && e.sharing != Sharing::kShareable) &&
            !(spec.anonymised_only && (e.sharing == Sharing::kNeverPublished || (personal && e.mask != MaskRule::kNone)));
  if (ok) return Status::Ok();
  return Status::PermissionDenied("field " + std::string(field) + " cannot be searched by role " + spec.name);
}

std::optional<int64_t> AccessGuard::SuppressCell(const Principal& p, int64_t count) const {
  int min_cell = SpecOf(p.role).min_cell;
  if (min_cell > 0 && count > 0 && count < min_cell) return std::nullopt;
  return count;
}

std::vector<std::optional<int64_t>> AccessGuard::SuppressCells(const Principal& p,
                                                               const std::vector<int64_t>& cells) const {
  std::vector<std::optional<int64_t>> out;
  int suppressed = 0;
  for (int64_t n : cells) {
    out.push_back(SuppressCell(p, n));
    if (!out.back()) ++suppressed;
  }
  if (suppressed == 1) {
    int best = -1;
    for (size_t i = 0; i < cells.size(); ++i) {
      if (out[i] && cells[i] > 0 && (best < 0 || cells[i] < cells[best])) best = static_cast<int>(i);
    }
    if (best >= 0) out[best] = std::nullopt;
  }
  return out;
}

int64_t AccessGuard::BulkLimit(const Principal& p) const {
  const RoleSpec& spec = SpecOf(p.role);
  if (spec.anonymised_only) return INT64_MAX;
  Grade g = std::min(p.clearance, spec.max_clearance);
  if (g < Grade::kImportant) return kBulkPartyRows;
  if (g < Grade::kCore) return kBulkNationalRows;
  return INT64_MAX;
}

Status AccessGuard::BulkDenied(int64_t limit) {
  return Status::PermissionDenied("bulk read: more than " + std::to_string(limit) +
                                  " cases with personal data need a higher clearance (重要 / 核心); narrow the query");
}

}  // namespace tianping::security
