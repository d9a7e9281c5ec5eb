// Keeps 公民身份号码 unique per distinct person over one generator run. People are drawn at random
// (region · birth date · 3-digit sequence), so two different people can draw the same number; the registry
// decides, in global family order, who owns a number (the first person seen with it, planted-truth people
// first) and gives every later, different person a free number with the same region, birth date and sex.
// The same person (same name, birth date and sex) keeps one number across all its cases.
// docs/generator.md ("Unique ID numbers").
// Thread-safety: Claim/ReservePlanned mutate and must not run concurrently with anything; Resolve is const
// and may be called from many threads while no mutation runs.
#pragma once

#include <cstdint>
#include <string_view>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

#include "tianping/model/case.h"

namespace tianping::gen {

struct GenContext;

// One natural person as it appeared in a rendered case: the number it was drawn with, the number written.
struct PersonUse {
  std::string drawn_id, written_id, identity;
};

// "name|birth|gender": what makes two records the same person.
std::string PersonIdentity(const Party& p);

class IdRegistry {
 public:
  // The number `identity` must carry when drawn with `drawn_id`: drawn_id itself, or its replacement.
  // Never assigns; unknown pairs keep drawn_id.
  const std::string& Resolve(const std::string& drawn_id, const std::string& identity) const;
  // Registers a use in global order and returns the number it must carry (assigns a replacement when
  // another person owns drawn_id).
  const std::string& Claim(const std::string& drawn_id, const std::string& identity);
  // Claims every natural person of the planted truth and the scripts (phase A) in a fixed order and
  // rewrites, in all of them, the numbers that had to be replaced, so the truth and the data agree.
  void ReservePlanned(GenContext* ctx);
  // Claims a chunk's uses in order; true when some written number differs from the one required (the
  // chunk must be rendered again, now that the replacements are known).
  bool ClaimChunk(const std::vector<PersonUse>& uses);
  size_t replacements() const { return replaced_.size(); }

 private:
  // Owners, compactly (≈ 10 M people at 10 M cases): the first 17 digits of the number → a 64-bit hash of
  // the identity, in an open-addressing table (16 bytes a slot, at most 70 % full).
  bool Owned(uint64_t key) const;
  // Inserts key → who if the key is free; returns the owner's hash.
  uint64_t Own(uint64_t key, uint64_t who);
  std::string FreeNumberLike(const std::string& id) const;

  std::vector<std::pair<uint64_t, uint64_t>> slots_ = std::vector<std::pair<uint64_t, uint64_t>>(1 << 16);
  size_t owned_ = 0;
  std::unordered_map<std::string, std::string> replaced_;  // drawn number + '\n' + identity → number
};

}  // namespace tianping::gen
