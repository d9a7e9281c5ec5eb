// Document-vs-record mismatches: builds the case as the document will present it, with chosen fields
// contradicting the structured record, and reports each as a PlantedMismatch. Private to src/gen.
// Thread-safety: pure function of its arguments; the Rng is the caller's.
#pragma once

#include <string>
#include <vector>

#include "tianping/common/rng.h"
#include "tianping/gen/truth.h"
#include "tianping/model/case.h"
#include "tianping/model/reference.h"

namespace tianping::gen {

// Applies `fields` (see MismatchFields()) to `shown`, a copy of the record, and appends what changed.
// Fields that cannot be contradicted for this case (closure_method outside civil first instance,
// amounts in criminal cases …) are skipped.
void ApplyMismatches(const Case& record, const std::vector<std::string>& fields, const ReferenceData& ref,
                     Rng& rng, Case* shown, std::vector<PlantedMismatch>* out);

}  // namespace tianping::gen
