// Varied phrasing for generated documents: pick one of several equivalent wordings with the caller's
// Rng, plus small name tables for people the Case does not name (extra panel members, prosecutors).
// Every alternative is error-free text: the planter's patterns (我院, ○, 。。 …) never occur here.
// Thread-safety: pure functions over constant tables; the Rng is the caller's.
#pragma once

#include <initializer_list>
#include <string>
#include <string_view>

#include "tianping/common/rng.h"

namespace tianping::gen {

inline std::string_view Pick(Rng& rng, std::initializer_list<std::string_view> alternatives) {
  return alternatives.begin()[rng.Range(0, static_cast<int64_t>(alternatives.size()) - 1)];
}

// A plausible two- or three-character personal name (surname + given name).
std::string RandomPersonName(Rng& rng);

// A name that differs from `name` by one character in a way clerks get wrong (同音/形近字: 明→铭,
// 有限公司→有限责任公司). Deterministic; never returns `name` itself.
std::string VariantName(std::string_view name);

// The other side's role word (原告↔被告, 上诉人↔被上诉人, 被告人→被害人 …).
std::string_view OppositeRole(std::string_view role);

}  // namespace tianping::gen
