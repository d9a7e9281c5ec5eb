#include "tianping/security/grade.h"

#include <array>
#include <utility>

namespace tianping::security {
namespace {

constexpr std::array<std::pair<Grade, const char*>, 6> kGrades = {{
    {Grade::kGeneral1, "一般-1"}, {Grade::kGeneral2, "一般-2"}, {Grade::kGeneral3, "一般-3"},
    {Grade::kGeneral4, "一般-4"}, {Grade::kImportant, "重要"}, {Grade::kCore, "核心"}}};
constexpr std::array<std::pair<Grade, const char*>, 6> kGradeAliases = {{
    {Grade::kGeneral1, "G1"}, {Grade::kGeneral2, "G2"}, {Grade::kGeneral3, "G3"},
    {Grade::kGeneral4, "G4"}, {Grade::kImportant, "important"}, {Grade::kCore, "core"}}};
constexpr std::array<std::pair<Sharing, const char*>, 3> kSharing = {{
    {Sharing::kShareable, "可共享"}, {Sharing::kInternal, "内部使用"}, {Sharing::kNeverPublished, "不予公开"}}};
constexpr std::array<std::pair<MaskRule, const char*>, 8> kMasks = {{
    {MaskRule::kNone, "none"}, {MaskRule::kId, "id"}, {MaskRule::kPhone, "phone"}, {MaskRule::kName, "name"},
    {MaskRule::kAddress, "address"}, {MaskRule::kAccount, "account"}, {MaskRule::kDrop, "drop"},
    {MaskRule::kText, "text"}}};

template <typename E, size_t N>
const char* NameOf(const std::array<std::pair<E, const char*>, N>& table, E e) {
  for (const auto& [v, name] : table) if (v == e) return name;
  return "?";
}
template <typename E, size_t N>
std::optional<E> Parse(const std::array<std::pair<E, const char*>, N>& table, std::string_view s) {
  for (const auto& [v, name] : table) if (s == name) return v;
  return std::nullopt;
}

}  // namespace

const char* GradeName(Grade g) { return NameOf(kGrades, g); }
std::optional<Grade> ParseGrade(std::string_view s) {
  if (auto g = Parse(kGrades, s)) return g;
  return Parse(kGradeAliases, s);
}
const char* SharingName(Sharing s) { return NameOf(kSharing, s); }
std::optional<Sharing> ParseSharing(std::string_view s) { return Parse(kSharing, s); }
const char* MaskRuleName(MaskRule m) { return NameOf(kMasks, m); }
std::optional<MaskRule> ParseMaskRule(std::string_view s) { return Parse(kMasks, s); }

}  // namespace tianping::security
