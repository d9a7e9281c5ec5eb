// Data grades (数据分级, GB/T 43697-2024), sharing classes and mask rules of the data catalog.
// The order of Grade is the order of harm: a principal with clearance G sees fields graded <= G.
// Rules and the working court field map: docs/security.md. Thread-safety: plain values.
#pragma once

#include <optional>
#include <string_view>

namespace tianping::security {

// Persisted as text (一般-1 … 核心) in data/catalog/fields.csv and security.db; the numeric values
// are the clearance order and must not be reordered.
enum class Grade { kGeneral1 = 1, kGeneral2 = 2, kGeneral3 = 3, kGeneral4 = 4, kImportant = 5, kCore = 6 };
const char* GradeName(Grade g);                       // 一般-1 … 一般-4, 重要, 核心
std::optional<Grade> ParseGrade(std::string_view s);  // the names above, also "G1".."G4", "important", "core"

enum class Sharing { kShareable, kInternal, kNeverPublished };  // 可共享 / 内部使用 / 不予公开
const char* SharingName(Sharing s);
std::optional<Sharing> ParseSharing(std::string_view s);

// What a field becomes when its reader may not see it in clear.
enum class MaskRule {
  kNone,     // never masked (graded 一般-1 and shareable)
  kId,       // 110105********1234
  kPhone,    // 138****5678
  kName,     // natural persons 张某; organisations unchanged
  kAddress,  // kept down to the county: 北京市朝阳区××
  kAccount,  // 6222***********0123
  kDrop,     // removed (empty / absent)
  kText,     // free text: every personal value of the case replaced (AccessGuard::RedactText)
};
const char* MaskRuleName(MaskRule m);
std::optional<MaskRule> ParseMaskRule(std::string_view s);

}  // namespace tianping::security
