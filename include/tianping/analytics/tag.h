// Tag service (标签): rule-defined tags on cases (超审限, 长期未结, 涉企, 高风险案由 …), each rule a row
// condition of the expression language, computed into CRoaring bitmaps. Definitions: data/tags/*.json;
// docs/indicators.md §Tags. A case tag's rule is a row condition over cases; a party tag's rule is a
// condition over party identities (src/analytics/party_tags.h), computed into a bitmap of identities
// (codes into CaseFrame::parties.entities) and, for use in case queries, the cases in which a tagged
// identity appears.
// Thread-safety: a computed TagSet is immutable; share freely.
#pragma once

#include <map>
#include <memory>
#include <string>
#include <vector>

#include "tianping/analytics/bitmap.h"
#include "tianping/analytics/case_frame.h"
#include "tianping/common/status.h"

namespace tianping::analytics {

struct TagDef {
  std::string name;         // 超审限
  std::string subject;      // case | party (a rule over party identities)
  std::string rule;         // row condition, e.g. overdue
  std::string description;
};

// Loads every *.json under `dir`: {"tags": [ {"name", "subject", "rule", "description"} ]}.
Result<std::vector<TagDef>> LoadTagDefs(const std::string& dir);
std::string DefaultTagDir();  // data/tags of this source tree, or $TP_TAG_DIR

class TagSet {
 public:
  // Evaluates every rule over `frame` with `asof` (days) as "today" for age-based fields. Rules may use
  // tags defined before them. Errors name the tag: "tag 超审限: position 3: …". Party tags need the
  // frame's party table (kFramePartyTable).
  static Result<TagSet> Compute(const CaseFrame& frame, const std::vector<TagDef>& defs, int32_t asof);
  // Case rows of a tag (for a party tag: the cases in which a tagged identity appears); null when unknown.
  const Bitmap* Find(const std::string& name) const;
  // Party identities of a party tag; null for a case tag or an unknown name.
  const Bitmap* FindParties(const std::string& name) const;
  const std::vector<TagDef>& defs() const { return defs_; }

 private:
  std::vector<TagDef> defs_;
  std::map<std::string, Bitmap> bits_;
  std::map<std::string, Bitmap> party_bits_;
};

}  // namespace tianping::analytics
