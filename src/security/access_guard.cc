#include "tianping/security/access_guard.h"

#include <algorithm>
#include <array>

#include "tianping/security/masking.h"

namespace tianping::security {
namespace {

constexpr std::array<std::string_view, 14> kFamilyCauseWords = {
    "婚姻", "离婚", "抚养", "扶养", "赡养", "继承", "收养", "监护", "同居关系", "探望权", "亲子关系", "遗赠",
    "夫妻", "家庭"};

}  // namespace

bool AccessGuard::InScope(const Principal& p, std::string_view court_code) const {
  switch (p.scope.kind) {
    case CourtScope::Kind::kNation: return true;
    case CourtScope::Kind::kProvince: {
      if (const Court* c = ref_.FindCourt(court_code)) return c->province == p.scope.code;
      // A court missing from the table (one derived from the division codes): 法院代字 start with the
      // province abbreviation followed by digits (京0199).
      const std::string& abbr = p.scope.code;
      return !abbr.empty() && court_code.size() > abbr.size() && court_code.substr(0, abbr.size()) == abbr &&
             court_code[abbr.size()] >= '0' && court_code[abbr.size()] <= '9';
    }
    case CourtScope::Kind::kCourt: {
      const Court* c = ref_.FindCourt(court_code);
      for (int depth = 0; c != nullptr && depth < 8; ++depth) {
        if (c->code == p.scope.code) return true;
        if (c->parent_code.empty()) break;
        c = ref_.FindCourt(c->parent_code);
      }
      return false;
    }
  }
  return false;
}

bool AccessGuard::IsOwnCase(const Principal& p, const Case& c) const {
  return SpecOf(p.role).own_cases_full && !p.judge_id.empty() && p.judge_id == c.judge_id;
}

bool AccessGuard::CanSee(const Principal& p, const Case& c) const {
  if (!SpecOf(p.role).reads_cases) return false;
  if (!InScope(p, c.court_code)) return false;
  if (c.is_sealed) return IsOwnCase(p, c) || EffectiveClearance(p, c) >= Grade::kCore;
  return true;
}

Grade AccessGuard::EffectiveClearance(const Principal& p, const Case& c) const {
  if (IsOwnCase(p, c)) return Grade::kCore;
  const RoleSpec& spec = SpecOf(p.role);
  Grade g = std::min(p.clearance, spec.max_clearance);
  if (spec.execution_full && c.category == "执行" && g < Grade::kGeneral4) g = Grade::kGeneral4;
  return g;
}

bool AccessGuard::IsProtectedCase(const Case& c) {
  for (const auto& party : c.parties) {
    if (party.is_minor) return true;
    if (party.birth_date && party.birth_date->AddMonths(18 * 12) > c.filed_date) return true;
  }
  auto family = [](std::string_view s) {
    for (auto w : kFamilyCauseWords) if (s.find(w) != std::string_view::npos) return true;
    return false;
  };
  if (family(c.cause_name)) return true;
  for (const auto& step : c.cause_path) if (family(step)) return true;
  return false;
}

bool AccessGuard::Anonymised(const Principal& p, const Case& c) const {
  if (IsOwnCase(p, c)) return false;
  if (SpecOf(p.role).anonymised_only) return true;
  return IsProtectedCase(c) && EffectiveClearance(p, c) < Grade::kGeneral4;
}

AccessGuard::CaseAccess AccessGuard::AccessFor(const Principal& p, const Case& c) const {
  return CaseAccess{IsOwnCase(p, c), EffectiveClearance(p, c), Anonymised(p, c)};
}

FieldView AccessGuard::View(const Principal& p, const Case& c, std::string_view field) const {
  return View(p, AccessFor(p, c), field);
}

FieldView AccessGuard::View(const Principal& p, const CaseAccess& a, std::string_view field) const {
  if (a.own) return FieldView::kClear;
  const CatalogEntry& e = catalog_.Get(field);
  const RoleSpec& spec = SpecOf(p.role);
  bool personal = field.rfind("party.", 0) == 0 || field == "document.text";
  if (a.anonymised && e.sharing == Sharing::kNeverPublished) return FieldView::kRemoved;
  bool hide = e.grade > a.clearance || (spec.shareable_only && e.sharing != Sharing::kShareable) ||
              (a.anonymised && personal && e.mask != MaskRule::kNone);
  if (!hide) return FieldView::kClear;
  return e.mask == MaskRule::kDrop || e.mask == MaskRule::kNone ? FieldView::kRemoved : FieldView::kMasked;
}

}  // namespace tianping::security
