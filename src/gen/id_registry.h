// Keeps 公民身份号码 unique per distinct person over one generator run. People are drawn at random
// (region · birth date · 3-digit sequence), so two different people can draw the same number; the registry
// decides, in global family order, who owns a number (the first person seen with it, planted-truth people
// first) and gives every later, different person a free number with the same region, birth date and sex.
// The same person (same name, birth date and sex) keeps one number across all its cases.
// docs/generator.md ("Unique ID numbers").
// Thread-safety: Claim/ReservePlanned/ClaimChunk mutate and must not run concurrently with anything;
// Resolve is const and may be called from many threads while no mutation runs.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "tianping/model/case.h"

namespace tianping::gen {

struct GenContext;

// A number as a key: its first 17 digits + 1 (never 0).
uint64_t IdNumberKey(std::string_view id_number);
// 64-bit hash of "name|birth|gender": what makes two records the same person.
uint64_t PersonHash(const Party& p);

// One natural person as it appeared in a rendered case: the number drawn, the number written, who.
struct PersonUse {
  uint64_t drawn = 0, written = 0, who = 0;
};

class IdRegistry {
 public:
  // The number person `who` must carry when drawn with `drawn_id`: drawn_id itself, or its replacement.
  // Never assigns; unknown pairs keep drawn_id.
  const std::string& Resolve(const std::string& drawn_id, uint64_t who) const;
  // Registers a use in global order and returns the key of the number it must carry (assigns a
  // replacement when another person owns the drawn number).
  uint64_t Claim(uint64_t drawn, uint64_t who);
  // Claims every natural person of the planted truth and the scripts (phase A) in a fixed order and
  // rewrites, in all of them, the numbers that had to be replaced, so the truth and the data agree.
  void ReservePlanned(GenContext* ctx);
  // Claims a chunk's uses in order; true when some written number differs from the one required (the
  // chunk must be rendered again, now that the replacements are known).
  bool ClaimChunk(const std::vector<PersonUse>& uses);
  size_t replacements() const { return replaced_.size(); }

 private:
  struct Replacement { uint64_t key; std::string number; };
  // Owners, compactly (≈ 10 M people at 10 M cases): number key → person hash, in an open-addressing table
  // (16 bytes a slot, at most 70 % full).
  bool Owned(uint64_t key) const;
  // Inserts key → who if the key is free; returns the owner's hash.
  uint64_t Own(uint64_t key, uint64_t who);
  Replacement FreeNumberLike(uint64_t drawn) const;

  std::vector<std::pair<uint64_t, uint64_t>> slots_ = std::vector<std::pair<uint64_t, uint64_t>>(1 << 16);
  size_t owned_ = 0;
  std::map<std::pair<uint64_t, uint64_t>, Replacement> replaced_;  // (drawn key, who) → replacement
};

}  // namespace tianping::gen
