#include "id_registry.h"

#include "gen_context.h"
#include "tianping/model/id_number.h"

namespace tianping::gen {
namespace {

std::string Key(const std::string& id, const std::string& identity) { return id + '\n' + identity; }

// The 17 digits before the check character, + 1 (0 marks a free slot).
uint64_t NumberKey(std::string_view id) {
  uint64_t k = 0;
  for (size_t i = 0; i < 17 && i < id.size(); ++i) k = k * 10 + static_cast<uint64_t>(id[i] - '0');
  return k + 1;
}

uint64_t IdentityHash(std::string_view s) {  // FNV-1a
  uint64_t h = 14695981039346656037ULL;
  for (unsigned char c : s) { h ^= c; h *= 1099511628211ULL; }
  return h;
}

size_t Slot(uint64_t key, size_t mask) { return static_cast<size_t>((key * 0x9E3779B97F4A7C15ULL) >> 17) & mask; }

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
  uint64_t who = IdentityHash(identity);
  if (Own(NumberKey(drawn_id), who) == who) return drawn_id;
  std::string fresh = FreeNumberLike(drawn_id);
  if (fresh.empty()) return drawn_id;  // all 500 numbers of that day and sex taken: cannot happen at our sizes
  Own(NumberKey(fresh), who);
  return replaced_.emplace(Key(drawn_id, identity), std::move(fresh)).first->second;
}

bool IdRegistry::Owned(uint64_t key) const {
  size_t mask = slots_.size() - 1;
  for (size_t i = Slot(key, mask);; i = (i + 1) & mask) {
    if (slots_[i].first == key) return true;
    if (slots_[i].first == 0) return false;
  }
}

uint64_t IdRegistry::Own(uint64_t key, uint64_t who) {
  if ((owned_ + 1) * 10 > slots_.size() * 7) {
    std::vector<std::pair<uint64_t, uint64_t>> old(slots_.size() * 2);
    old.swap(slots_);
    size_t mask = slots_.size() - 1;
    for (const auto& e : old) {
      if (e.first == 0) continue;
      size_t i = Slot(e.first, mask);
      while (slots_[i].first != 0) i = (i + 1) & mask;
      slots_[i] = e;
    }
  }
  size_t mask = slots_.size() - 1;
  size_t i = Slot(key, mask);
  for (; slots_[i].first != 0; i = (i + 1) & mask)
    if (slots_[i].first == key) return slots_[i].second;
  slots_[i] = {key, who};
  ++owned_;
  return who;
}

// The next free sequence number (same parity, i.e. sex) after the drawn one, wrapping within 000-999.
std::string IdRegistry::FreeNumberLike(const std::string& id) const {
  auto info = ParseIdNumber(id);
  if (!info.ok()) return {};
  for (int step = 1; step < 500; ++step) {
    int seq = (info->sequence + 2 * step) % 1000;
    std::string candidate = MakeIdNumber(info->region, info->birth_date, seq);
    if (!Owned(NumberKey(candidate))) return candidate;
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
