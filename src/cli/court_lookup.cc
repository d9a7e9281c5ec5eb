#include "court_lookup.h"

#include "tianping/model/reference.h"

namespace tianping::cli {

Result<CourtNameLookup> MakeCourtLookup(const std::string& data_dir) {
  auto ref = ReferenceData::Load(ReferenceData::DefaultRefDir(), data_dir);
  if (!ref.ok()) return ref.status();
  auto shared = std::make_shared<ReferenceData>(std::move(ref).value());
  return CourtNameLookup([shared](std::string_view code) { return shared->ResolveCourtName(code); });
}

}  // namespace tianping::cli
