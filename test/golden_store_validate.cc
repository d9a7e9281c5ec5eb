#include "golden_store_validate.h"

#include <sstream>

#include "store/validate.h"
#include "tianping/model/case_json.h"
#include "tianping/model/reference.h"

namespace tianping::golden {

std::string StoreValidateHandler(const std::string& input) {
  static const auto ref = ReferenceData::Load(ReferenceData::DefaultRefDir());
  const ReferenceData* r = ref.ok() ? &ref.value() : nullptr;
  std::istringstream in(input);
  std::string line, out;
  while (std::getline(in, line)) {
    auto c = ParseCaseJson(line);
    if (!c.ok()) {
      out += "quarantine " + c.status().message() + "\n";
      continue;
    }
    std::string partition;
    auto issue = store::ValidateCase(*c, r, &partition);
    out += issue ? "quarantine " + issue->field + ": " + issue->reason + "\n" : "ok " + partition + "\n";
  }
  return out;
}

}  // namespace tianping::golden
