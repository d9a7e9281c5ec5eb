// Party tags (subject "party"): a rule over party identities, evaluated on the frame's party occurrence
// table (CaseFrame::parties). Private to the tag service. Rule language (docs/indicators.md §Tags):
//   party level:       count(COND) OP N | COND | tag('party tag') | and / or / not of these
//   occurrence level:  party.role / party.kind (= != in), party.minor, party.lawyer, tag('party tag'),
//                      any case-row condition (category, cause4, stage …: read on the occurrence's case),
//                      and / or / not of these
// count(COND) is the number of distinct cases in which the party has an occurrence meeting COND; a bare
// COND at party level means count(COND) >= 1. Thread-safety: one evaluator per thread.
#pragma once

#include <functional>
#include <string>

#include "row_eval.h"
#include "tianping/analytics/case_frame.h"

namespace tianping::analytics {

class PartyTagEvaluator {
 public:
  // `cases` evaluates case-row conditions; `party_tags` resolves a party tag to its identities (null when
  // the name is not a party tag).
  PartyTagEvaluator(const CaseFrame& f, RowEvaluator* cases, std::function<const Bitmap*(const std::string&)> party_tags)
      : f_(f), cases_(cases), party_tags_(std::move(party_tags)) {}

  // Identities (codes into f.parties.entities) meeting a party-level rule. Entity 0 (no identity) never does.
  Result<Bitmap> Entities(const Expr& rule);
  // Case rows in which an identity of `entities` appears.
  Bitmap CasesOf(const Bitmap& entities) const;

 private:
  Result<Bitmap> Occurrences(const Expr& e);
  Bitmap EntitiesOf(const Bitmap& occurrences) const;
  Result<Bitmap> Count(const Expr& call, const std::string& op, double n);
  bool MentionsParty(const Expr& e) const;
  Bitmap AllEntities() const;

  const CaseFrame& f_;
  RowEvaluator* cases_;
  std::function<const Bitmap*(const std::string&)> party_tags_;
};

}  // namespace tianping::analytics
