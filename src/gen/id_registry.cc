#include "id_registry.h"

#include "gen_context.h"
#include "tianping/model/id_number.h"

namespace tianping::gen {
namespace {

std::string Key(const std::string& id, const std::string& identity) { return id + '\n' + identity; }

}  // namespace

std::string PersonIdentity(const Party& p) {
  std::string s = p.name;
  s += '|';
  if (p.birth_date) s += p.birth_date->ToString();
  s += '|';
  s += p.gender;
  return s;
}

const std::string& IdRegistry::Resolve(const std::string& drawn_id, const std::string& identity) const {
  if (replaced_.empty()) return drawn_id;
  auto it = replaced_.find(Key(drawn_id, identity));
  return it == replaced_.end() ? drawn_id : it->second;
}

const std::string& IdRegistry::Claim(const std::string& drawn_id, const std::string& identity) {
  if (!replaced_.empty()) {
    auto r = replaced_.find(Key(drawn_id, identity));
    if (r != replaced_.end()) return r->second;
  }
  auto [it, inserted] = owner_.try_emplace(drawn_id, identity);
  if (inserted || it->second == identity) return drawn_id;
  std::string fresh = FreeNumberLike(drawn_id);
  if (fresh.empty()) return drawn_id;  // all 500 numbers of that day and sex taken: cannot happen at our sizes
  owner_.emplace(fresh, identity);
  return replaced_.emplace(Key(drawn_id, identity), std::move(fresh)).first->second;
}

// The next free sequence number (same parity, i.e. sex) after the drawn one, wrapping within 000-999.
std::string IdRegistry::FreeNumberLike(const std::string& id) const {
  auto info = ParseIdNumber(id);
  if (!info.ok()) return {};
  for (int step = 1; step < 500; ++step) {
    int seq = (info->sequence + 2 * step) % 1000;
    std::string candidate = MakeIdNumber(info->region, info->birth_date, seq);
    if (!owner_.contains(candidate)) return candidate;
  }
  return {};
}

void IdRegistry::ReservePlanned(GenContext* ctx) {
  std::vector<Party*> people;
  auto add = [&](Party& p) { if (!p.id_number.empty()) people.push_back(&p); };
  for (LenderTruth& l : ctx->lenders) for (Party& p : l.plaintiffs) add(p);
  for (RingTruth& r : ctx->rings) {
    for (Party& p : r.members) add(p);
    add(r.debtor);
    add(r.creditor);
  }
  for (AbuseTruth& a : ctx->abusers) add(a.litigant);
  for (Script& s : ctx->scripts) {
    for (Party& p : s.plaintiffs) add(p);
    for (Party& p : s.defendants) add(p);
    add(s.objector);
  }
  for (Party* p : people) {
    std::string drawn = p->id_number, identity = PersonIdentity(*p);
    const std::string& required = Claim(drawn, identity);
    if (required == drawn) continue;
    for (Party* q : people)
      if (q->id_number == drawn && PersonIdentity(*q) == identity) q->id_number = required;
  }
}

bool IdRegistry::ClaimChunk(const std::vector<PersonUse>& uses) {
  bool stale = false;
  for (const PersonUse& u : uses) stale |= Claim(u.drawn_id, u.identity) != u.written_id;
  return stale;
}

}  // namespace tianping::gen
