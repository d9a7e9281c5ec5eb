// Content fingerprint of a case: a 64-bit hash over every field (see docs/store-format.md "Hashes").
// Equal fingerprints mean equal content for upsert and diff; stored in the `fingerprint` column.
#pragma once

#include <cstdint>

#include "tianping/model/case.h"

namespace tianping::store {

uint64_t CaseFingerprint(const Case& c);
uint64_t DocumentFingerprint(const Document& d);

}  // namespace tianping::store
