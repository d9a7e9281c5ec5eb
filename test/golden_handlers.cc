// Registers one golden handler per module folder under test/golden/.
#include "golden_runner.h"
#include "golden_store_validate.h"

#include <sstream>

#include "golden_case_number.h"
#include "tianping/common/date.h"

namespace tianping::golden {
namespace {

// date: one "YYYY-MM-DD" per line → "YYYY-MM-DD weekday day-of-year +1month" or "invalid".
std::string DateHandler(const std::string& input) {
  std::istringstream in(input);
  std::string line, out;
  while (std::getline(in, line)) {
    auto d = Date::Parse(line);
    if (!d) { out += line + " invalid\n"; continue; }
    out += d->ToString() + " w" + std::to_string(d->weekday()) + " d" + std::to_string(d->day_of_year()) +
           " " + d->AddMonths(1).ToString() + "\n";
  }
  return out;
}

}  // namespace

void RegisterHandlers(std::map<std::string, Handler>* handlers) {
  (*handlers)["date"] = DateHandler;
  (*handlers)["case_number"] = CaseNumberHandler;
  (*handlers)["store_validate"] = StoreValidateHandler;
}

}  // namespace tianping::golden
