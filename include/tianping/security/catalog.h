// The data catalog (数据目录): every field of the unified case model with its category, grade,
// PIPL-sensitive flag, sharing class and mask rule, loaded from data/catalog/fields.csv.
// Field names are "<struct>.<member>" with struct one of case, party, agent, link (CaseLink),
// execution (ExecutionResult), document — e.g. "party.id_number". A field of case.h that is not in
// the catalog fails catalog_test. Format and rules: docs/security.md. Thread-safety: immutable after
// Load(); share freely.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "tianping/common/status.h"
#include "tianping/security/grade.h"

namespace tianping::security {

struct CatalogEntry {
  std::string field;          // "party.id_number"
  std::string category;       // 个人身份 联系方式 案件标识 ...
  Grade grade = Grade::kGeneral1;
  bool pipl_sensitive = false;  // PIPL §28 敏感个人信息
  Sharing sharing = Sharing::kShareable;
  MaskRule mask = MaskRule::kNone;
  std::string note;
};

// A selection of catalog rows (`tianping catalog`, GET /api/catalog): each set filter must match.
struct CatalogQuery {
  std::optional<Grade> grade;
  std::optional<Sharing> sharing;
  bool sensitive_only = false;  // only PIPL-sensitive fields
};

class Catalog {
 public:
  // Parses the CSV text (header field,category,grade,pipl_sensitive,sharing,mask,note; '#' comments).
  // Errors name the file, line and column: "fields.csv:12: field 'grade': unknown grade '一般-5'".
  static Result<Catalog> Parse(std::string_view text, const std::string& name);
  static Result<Catalog> Load(const std::string& path);
  // data/catalog/fields.csv of this source tree, or $TP_CATALOG when set.
  static std::string DefaultPath();
  // The default catalog, loaded once; aborts with a message if the file is missing or malformed
  // (the catalog is part of the program, like its code).
  static const Catalog& Default();

  const std::vector<CatalogEntry>& entries() const { return entries_; }
  // nullptr when the field is not catalogued.
  const CatalogEntry* Find(std::string_view field) const;
  // Find() that treats an uncatalogued field as the most restrictive (核心, never published, drop):
  // an unknown field is never shown by mistake.
  const CatalogEntry& Get(std::string_view field) const;
  // The entries matching `q`, in catalog order.
  std::vector<const CatalogEntry*> Select(const CatalogQuery& q) const;

 private:
  // Looked up by string_view without building a string: Redact asks for ~100 fields per case.
  struct FieldHash {
    using is_transparent = void;
    size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
  };
  std::vector<CatalogEntry> entries_;
  std::unordered_map<std::string, size_t, FieldHash, std::equal_to<>> index_;
};

}  // namespace tianping::security
