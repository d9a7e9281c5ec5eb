#include "id_registry.h"

#include <fmt/format.h>

#include "gen_context.h"
#include "tianping/model/id_number.h"

namespace tianping::gen {
namespace {

uint64_t Fnv(uint64_t h, std::string_view s) {
  for (unsigned char c : s) { h ^= c; h *= 1099511628211ULL; }
  return h;
}

size_t Slot(uint64_t key, size_t mask) { return static_cast<size_t>((key * 0x9E3779B97F4A7C15ULL) >> 17) & mask; }

// The full 18-character number of a key (the check character recomputed).
std::string NumberOfKey(uint64_t key) {
  std::string body = fmt::format("{:017d}", key - 1);
  return body + IdNumberCheckCharacter(body);
}

}  // namespace

uint64_t IdNumberKey(std::string_view id) {
  uint64_t k = 0;
  for (size_t i = 0; i < 17 && i < id.size(); ++i) k = k * 10 + static_cast<uint64_t>(id[i] - '0');
  return k + 1;
}

uint64_t PersonHash(const Party& p) {
  uint64_t h = Fnv(14695981039346656037ULL, p.name);
  h = Fnv(h, "|");
  if (p.birth_date) h = Fnv(h, p.birth_date->ToString());
  h = Fnv(h, "|");
  return Fnv(h, p.gender);
}

const std::string& IdRegistry::Resolve(const std::string& drawn_id, uint64_t who) const {
  if (replaced_.empty()) return drawn_id;
  auto it = replaced_.find({IdNumberKey(drawn_id), who});
  return it == replaced_.end() ? drawn_id : it->second.number;
}

uint64_t IdRegistry::Claim(uint64_t drawn, uint64_t who) {
  if (!replaced_.empty()) {
    auto r = replaced_.find({drawn, who});
    if (r != replaced_.end()) return r->second.key;
  }
  if (Own(drawn, who) == who) return drawn;
  Replacement fresh = FreeNumberLike(drawn);
  if (fresh.key == 0) return drawn;  // all 500 numbers of that day and sex taken: cannot happen at our sizes
  Own(fresh.key, who);
  return replaced_.emplace(std::make_pair(drawn, who), std::move(fresh)).first->second.key;
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
IdRegistry::Replacement IdRegistry::FreeNumberLike(uint64_t drawn) const {
  auto info = ParseIdNumber(NumberOfKey(drawn));
  if (!info.ok()) return {};
  for (int step = 1; step < 500; ++step) {
    int seq = (info->sequence + 2 * step) % 1000;
    std::string candidate = MakeIdNumber(info->region, info->birth_date, seq);
    uint64_t key = IdNumberKey(candidate);
    if (!Owned(key)) return {key, std::move(candidate)};
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
    std::string drawn = p->id_number;
    uint64_t who = PersonHash(*p);
    if (Claim(IdNumberKey(drawn), who) == IdNumberKey(drawn)) continue;
    const std::string& required = Resolve(drawn, who);
    for (Party* q : people)
      if (q->id_number == drawn && PersonHash(*q) == who) q->id_number = required;
  }
}

bool IdRegistry::ClaimChunk(const std::vector<PersonUse>& uses) {
  bool stale = false;
  for (const PersonUse& u : uses) stale |= Claim(u.drawn, u.who) != u.written;
  return stale;
}

}  // namespace tianping::gen
