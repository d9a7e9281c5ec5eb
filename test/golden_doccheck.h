// Golden handlers for document checking and standard documents (docs/doc-check.md, docs/templates.md):
//   test/golden/doccheck/*.test   a document in, one finding per line out
//   test/golden/templates/*.test  header lines (template:, date:, party:, set:) and a case: JSON line in,
//                                 the rendered document (or the missing-field error) out
#pragma once

#include <map>
#include <string>

#include "golden_runner.h"

namespace tianping::golden {

void RegisterDocCheckHandlers(std::map<std::string, Handler>* handlers);

}  // namespace tianping::golden
