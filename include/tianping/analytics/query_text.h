// Text forms of an indicator query shared by `tianping indicators` and `GET /api/indicators`: months
// ("2024-03") and the drill-down step (province → region → court → judge). docs/indicators.md
// "Dimensions and drill-down". Thread-safety: pure functions.
#pragma once

#include <string>
#include <vector>

#include "tianping/analytics/engine.h"
#include "tianping/common/date.h"
#include "tianping/common/status.h"

namespace tianping::analytics {

// "YYYY-MM" → the first day of the month (end = false) or its last day (end = true).
// Errors: InvalidArgument "expected YYYY-MM, found '…'".
Result<Date> ParseMonth(const std::string& text, bool end);

// Comma-separated list without empty items.
std::vector<std::string> SplitList(const std::string& text);

// The drill-down chain and the next level below `level` ("" after judge or for an unknown level).
const std::vector<std::string>& DrillChain();  // province region court judge
std::string NextDrillLevel(const std::string& level);

// Applies "LEVEL=VALUE" (province=广东省, region=…, court=<court name>) to `q`: restricts q->where to VALUE
// (and-ed with the existing condition) and puts the next level first in q->by.
// Errors: InvalidArgument when LEVEL is not province, region or court.
Status ApplyDrill(const std::string& drill, IndicatorQuery* q);

// A string literal of the expression language (no escapes): 'text', or "text" when it holds a '.
// Errors: InvalidArgument when it holds both quote characters.
Result<std::string> QuoteLiteral(const std::string& text);

}  // namespace tianping::analytics
