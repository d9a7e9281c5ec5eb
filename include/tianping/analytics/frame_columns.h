// Which CaseFrame columns a query needs, so that a store-backed frame decodes only those. The core
// columns (court, type / stage, dates filed and closed, closure, derived_from links and what follows from
// them: parent, root, effective, appealed …) are always loaded; the groups below only when an expression
// reads one of their fields. Field → group: docs/indicators.md §Engine. Thread-safety: pure functions.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "tianping/analytics/expr.h"
#include "tianping/common/status.h"

namespace tianping::analytics {

struct TagDef;
struct IndicatorDef;

enum FrameColumn : uint32_t {
  kFrameCategory = 1u << 0,     // category
  kFrameProcedure = 1u << 1,    // procedure
  kFrameCause = 1u << 2,        // cause, cause1..cause4, high_risk_cause
  kFrameJudge = 1u << 3,        // judge (id and name)
  kFrameReceived = 1u << 4,     // received_date, filing_lag
  kFrameLimits = 1u << 5,       // limit, extension, excluded … within_limit, extended, overdue
  kFrameClaims = 1u << 6,       // claim_amount, awarded_amount
  kFrameExecution = 1u << 7,    // applied_amount, recovered_amount, voluntary
  kFrameFlags = 1u << 8,        // has_payment, correction, sealed
  kFrameParties = 1u << 9,      // org_party, minor_party, lawyer_party (party kinds, minors, agents)
  kFramePartyTable = 1u << 10,  // the party occurrence table with party identities (party tags)
  kFrameCaseIds = 1u << 11,     // CaseFrame::case_ids (samples shown as evidence, e.g. warnings)
  kFrameAllColumns = (1u << 12) - 1,
};

// Human-readable names of the groups in `columns` ("category,cause,…"), for errors and traces.
std::string FrameColumnNames(uint32_t columns);
// Group of one field name (parent./root./party. prefixes allowed); 0 for core fields and unknown names.
uint32_t FrameColumnsOfField(const std::string& field);
// Groups read by an expression; tag('X') adds the groups of X's rule (looked up in `tags`, transitively).
uint32_t FrameColumnsOf(const Expr& e, const std::vector<TagDef>& tags);
// Groups for an indicator query: its indicators' formulas and filters, --where and --by (tag:NAME too).
// Parse errors are left to the engine (the columns of an unparsable text are not needed).
uint32_t FrameColumnsForQuery(const std::vector<const IndicatorDef*>& indicators, const std::string& where,
                              const std::vector<std::string>& by, const std::vector<TagDef>& tags);
// Groups needed to compute every tag of `tags`.
uint32_t FrameColumnsForTags(const std::vector<TagDef>& tags);
// The tags among `all` that `names` need, with the tags their rules use (in the order of `all`).
std::vector<TagDef> TagsNeeded(const std::vector<TagDef>& all, const std::vector<std::string>& names);
// Tag names an expression refers to with tag('X').
void TagNamesOf(const Expr& e, std::vector<std::string>* names);

}  // namespace tianping::analytics
