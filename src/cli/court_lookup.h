// Court-name lookup for commands that print 案号: ReferenceData from data/ref plus the divisions imported
// under a data directory (`tianping ref import-divisions`).
#pragma once

#include <memory>
#include <string>

#include "tianping/common/status.h"
#include "tianping/model/case_number.h"

namespace tianping::cli {

// Loads ReferenceData (DefaultRefDir(), data_dir); a data directory without ref/divisions.csv just leaves
// basic courts outside the court table unresolved. The returned lookup owns the loaded data.
Result<CourtNameLookup> MakeCourtLookup(const std::string& data_dir);

}  // namespace tianping::cli
