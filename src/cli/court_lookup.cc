#include "court_lookup.h"

namespace tianping::cli {

Result<CourtNameLookup> MakeCourtLookup(const std::string& data_dir) {
  // ReferenceData (branch `ref`) is not merged yet: no resolution.
  (void)data_dir;
  return CourtNameLookup{};
}

}  // namespace tianping::cli
