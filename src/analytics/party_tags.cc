// Party tags: party-level rules over the party occurrence table (see party_tags.h).
#include "party_tags.h"

#include <cmath>

namespace tianping::analytics {
namespace {

bool IsPartyField(const Expr& e) { return e.kind == Expr::Kind::kField && e.text.rfind("party.", 0) == 0; }

bool Test(const std::string& op, int64_t a, int64_t b) {
  return op == "=" ? a == b : op == "!=" ? a != b : op == "<" ? a < b : op == "<=" ? a <= b : op == ">" ? a > b : a >= b;
}

}  // namespace

bool PartyTagEvaluator::MentionsParty(const Expr& e) const {
  if (IsPartyField(e)) return true;
  if (e.kind == Expr::Kind::kCall && e.text == "count") return true;
  if (e.kind == Expr::Kind::kCall && e.text == "tag" && e.args.size() == 1 && party_tags_(e.args[0]->text)) return true;
  for (const auto& a : e.args)
    if (MentionsParty(*a)) return true;
  return false;
}

Bitmap PartyTagEvaluator::AllEntities() const {
  Bitmap all = Bitmap::Range(static_cast<uint32_t>(f_.parties.entities.size()));
  return all.AndNot(Bitmap::FromSorted({0}));
}

Bitmap PartyTagEvaluator::EntitiesOf(const Bitmap& occurrences) const {
  std::vector<uint8_t> mask(f_.parties.entities.size(), 0);
  occurrences.ForEach([&](uint32_t o) { mask[f_.parties.entity[o]] = 1; });
  if (!mask.empty()) mask[0] = 0;
  return Bitmap::FromMask(mask);
}

Bitmap PartyTagEvaluator::CasesOf(const Bitmap& entities) const {
  const PartyTable& pt = f_.parties;
  std::vector<uint8_t> tagged(pt.entities.size(), 0);
  entities.ForEach([&](uint32_t e) { tagged[e] = 1; });
  std::vector<uint8_t> cases(f_.rows, 0);
  for (uint32_t o = 0; o < pt.rows; ++o)
    if (tagged[pt.entity[o]]) cases[pt.case_row[o]] = 1;
  return Bitmap::FromMask(cases);
}

Result<Bitmap> PartyTagEvaluator::Occurrences(const Expr& e) {
  const PartyTable& pt = f_.parties;
  if (!MentionsParty(e)) {  // a case-row condition, read on each occurrence's case
    auto b = cases_->Predicate(e);
    if (!b.ok()) return b.status();
    std::vector<uint8_t> in(f_.rows, 0), out(pt.rows, 0);
    b->ForEach([&](uint32_t r) { in[r] = 1; });
    for (uint32_t o = 0; o < pt.rows; ++o) out[o] = in[pt.case_row[o]];
    return Bitmap::FromMask(out);
  }
  if (e.kind == Expr::Kind::kBinary && (e.text == "and" || e.text == "or")) {
    auto l = Occurrences(*e.args[0]);
    if (!l.ok()) return l;
    auto r = Occurrences(*e.args[1]);
    if (!r.ok()) return r;
    return e.text == "and" ? l->And(*r) : l->Or(*r);
  }
  if (e.kind == Expr::Kind::kUnary && e.text == "not") {
    auto o = Occurrences(*e.args[0]);
    if (!o.ok()) return o;
    return o->Not(pt.rows);
  }
  if (e.kind == Expr::Kind::kField) {
    if (e.text == "party.minor") return pt.minor;
    if (e.text == "party.lawyer") return pt.lawyer;
    return ExprError(e.pos, "'" + e.text + "' is not a condition (party fields: party.role, party.kind, "
                            "party.minor, party.lawyer)");
  }
  if (e.kind == Expr::Kind::kCall && e.text == "tag") {  // a party tag: occurrences of its identities
    const Bitmap* ents = party_tags_(e.args[0]->text);
    std::vector<uint8_t> tagged(pt.entities.size(), 0), out(pt.rows, 0);
    ents->ForEach([&](uint32_t x) { tagged[x] = 1; });
    for (uint32_t o = 0; o < pt.rows; ++o) out[o] = tagged[pt.entity[o]];
    return Bitmap::FromMask(out);
  }
  // party.role / party.kind compared with values.
  const bool in = e.kind == Expr::Kind::kIn;
  const bool eq = e.kind == Expr::Kind::kBinary && (e.text == "=" || e.text == "!=");
  if ((in || eq) && IsPartyField(*e.args[0])) {
    const std::string& field = e.args[0]->text;
    const Dictionary* dict = field == "party.role" ? &pt.roles : field == "party.kind" ? &pt.kinds : nullptr;
    const std::vector<uint32_t>* col = field == "party.role" ? &pt.role : &pt.kind;
    if (!dict) return ExprError(e.args[0]->pos, "unknown party field '" + field + "' (party.role, party.kind, party.minor, party.lawyer)");
    std::vector<uint8_t> hit(dict->size(), 0);
    for (size_t k = 1; k < e.args.size(); ++k) {
      if (e.args[k]->kind != Expr::Kind::kString) return ExprError(e.args[k]->pos, "expected a quoted value such as '原告'");
      uint32_t code = 0;
      if (dict->Find(e.args[k]->text, &code)) hit[code] = 1;
    }
    const bool negate = in ? e.negated : e.text == "!=";
    std::vector<uint8_t> out(pt.rows, 0);
    for (uint32_t o = 0; o < pt.rows; ++o) out[o] = hit[(*col)[o]] != negate;
    return Bitmap::FromMask(out);
  }
  return ExprError(e.pos, "a party rule condition combines party.role / party.kind (= != in), party.minor, "
                          "party.lawyer, tag('…') and case conditions with and / or / not; found " + e.ToString());
}

Result<Bitmap> PartyTagEvaluator::Count(const Expr& call, const std::string& op, double n) {
  if (call.args.size() != 1) return ExprError(call.pos, "count takes one condition: count(party.role = '原告' and …)");
  if (n != std::floor(n)) return ExprError(call.pos, "compare count(…) with an integer");
  auto occ = Occurrences(*call.args[0]);
  if (!occ.ok()) return occ.status();
  // Distinct cases per identity: occurrences come in case-row order, so a repeat of the same case for an
  // identity is always its latest.
  const PartyTable& pt = f_.parties;
  std::vector<int64_t> count(pt.entities.size(), 0);
  std::vector<int64_t> last_case(pt.entities.size(), -1);
  occ->ForEach([&](uint32_t o) {
    uint32_t ent = pt.entity[o];
    if (last_case[ent] == pt.case_row[o]) return;
    last_case[ent] = pt.case_row[o];
    ++count[ent];
  });
  std::vector<uint8_t> mask(pt.entities.size(), 0);
  const int64_t k = static_cast<int64_t>(n);
  for (size_t x = 1; x < mask.size(); ++x) mask[x] = Test(op, count[x], k);
  return Bitmap::FromMask(mask);
}

Result<Bitmap> PartyTagEvaluator::Entities(const Expr& e) {
  if (!(f_.loaded & kFramePartyTable)) return Status::Internal("party tags need the frame's party table, not loaded");
  if (e.kind == Expr::Kind::kBinary && (e.text == "and" || e.text == "or")) {
    auto l = Entities(*e.args[0]);
    if (!l.ok()) return l;
    auto r = Entities(*e.args[1]);
    if (!r.ok()) return r;
    return e.text == "and" ? l->And(*r) : l->Or(*r);
  }
  if (e.kind == Expr::Kind::kUnary && e.text == "not") {
    auto o = Entities(*e.args[0]);
    if (!o.ok()) return o;
    return AllEntities().AndNot(*o);
  }
  static const char* kOps[] = {"=", "!=", "<", "<=", ">", ">="};
  if (e.kind == Expr::Kind::kBinary) {
    for (const char* op : kOps) {
      if (e.text != op) continue;
      const Expr& l = *e.args[0];
      const Expr& r = *e.args[1];
      if (l.kind == Expr::Kind::kCall && l.text == "count" && r.kind == Expr::Kind::kNumber) return Count(l, e.text, r.number);
      if (r.kind == Expr::Kind::kCall && r.text == "count" && l.kind == Expr::Kind::kNumber) {
        std::string flipped = e.text == "<" ? ">" : e.text == ">" ? "<" : e.text == "<=" ? ">=" : e.text == ">=" ? "<=" : e.text;
        return Count(r, flipped, l.number);
      }
    }
  }
  if (e.kind == Expr::Kind::kCall && e.text == "count")
    return ExprError(e.pos, "compare count(…) with a number: count(…) >= 5");
  if (e.kind == Expr::Kind::kCall && e.text == "tag" && e.args.size() == 1) {
    if (const Bitmap* b = party_tags_(e.args[0]->text)) return *b;
  }
  auto occ = Occurrences(e);
  if (!occ.ok()) return occ.status();
  return EntitiesOf(*occ);
}

}  // namespace tianping::analytics
