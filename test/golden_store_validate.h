// Golden handler for the store's ingest validation (test/golden/store_validate/*.test). Input: one case
// JSON line per line. Output per line: "ok <partition>" or "quarantine <field>: <reason>".
#pragma once

#include <string>

namespace tianping::golden {

std::string StoreValidateHandler(const std::string& input);

}  // namespace tianping::golden
