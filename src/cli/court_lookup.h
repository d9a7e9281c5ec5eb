// Court-name lookup for commands that print 案号: wraps ReferenceData when it can be loaded.
#pragma once

#include <string>

#include "tianping/common/status.h"
#include "tianping/model/case_number.h"

namespace tianping::cli {

// A lookup over data/ref plus the divisions imported under `data_dir` (absent directory = none imported).
// Before reference data exists the lookup is empty and courts stay unresolved.
Result<CourtNameLookup> MakeCourtLookup(const std::string& data_dir);

}  // namespace tianping::cli
