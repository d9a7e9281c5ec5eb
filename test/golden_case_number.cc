// Golden handler for test/golden/case_number: one compact, stable line per input line.
//   OK <normalized> court=<code> level=<最高|高级|中级|基层|?> [div=<6 digits>] [special=<NN><kind>]
//      [trial=<ch>] type=<code|?> cat=<category> [stage=<stage>] seq=<digits> [suffix=<之一>] [legacy=<raw type>]
//   ERR @<position> <reason>
#include "golden_case_number.h"

#include <sstream>

#include "tianping/model/case_number.h"

namespace tianping::golden {

std::string CaseNumberHandler(const std::string& input) {
  std::istringstream in(input);
  std::string line, out;
  while (std::getline(in, line)) {
    if (line == "<empty>") line.clear();
    CaseNumberError err;
    auto r = ParseCaseNumber(line, &err);
    if (!r.ok()) {
      out += "ERR @" + std::to_string(err.position) + " " + err.reason + "\n";
      continue;
    }
    const ParsedCaseNumber& p = r.value();
    out += "OK " + p.normalized + " court=" + p.court_code +
           " level=" + (p.court_level ? CourtLevelLabel(*p.court_level) : "?");
    if (!p.division_code.empty()) out += " div=" + p.division_code;
    if (p.special_code) out += " special=" + std::to_string(p.special_code) + p.special_kind;
    if (!p.trial_character.empty()) out += " trial=" + p.trial_character;
    out += " type=" + (p.type_code.empty() ? std::string("?") : p.type_code) + " cat=" + p.category;
    if (!p.stage.empty()) out += " stage=" + p.stage;
    out += " seq=" + p.sequence_text;
    if (!p.suffix.empty()) out += " suffix=" + p.suffix;
    if (p.legacy) out += " legacy=" + p.legacy_type;
    out += "\n";
  }
  return out;
}

}  // namespace tianping::golden
