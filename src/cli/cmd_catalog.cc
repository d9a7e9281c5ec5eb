// tianping catalog [--grade G] [--sharing S] [--sensitive] [--format table|json|csv] [--catalog FILE]
// Lists the data catalog: every field of the case model with category, grade, PIPL flag, sharing class
// and mask rule (data/catalog/fields.csv, docs/security.md).
#include <CLI/CLI.hpp>

#include "commands.h"
#include "exit_codes.h"
#include "rows_output.h"
#include "tianping/security/catalog.h"

namespace tianping::cli {

int RunCatalog(int argc, char** argv) {
  CLI::App app{"数据目录 / the data catalog: fields, grades, sharing classes", "tianping catalog"};
  std::string path = security::Catalog::DefaultPath(), grade, sharing, format = "table";
  bool sensitive = false;
  app.add_option("--catalog", path, "catalog CSV (default $TP_CATALOG or data/catalog/fields.csv)");
  app.add_option("--grade", grade, "only this grade: 一般-1 … 一般-4 重要 核心");
  app.add_option("--sharing", sharing, "only this sharing class: 可共享 内部使用 不予公开");
  app.add_flag("--sensitive", sensitive, "only PIPL-sensitive fields");
  app.add_option("--format", format, "table | json | csv")->check(CLI::IsMember({"table", "json", "csv"}))->capture_default_str();
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    return app.exit(e);
  }
  auto cat = security::Catalog::Load(path);
  if (!cat.ok()) return Fail("catalog", cat.status());
  security::CatalogQuery q;
  q.sensitive_only = sensitive;
  if (!grade.empty() && !(q.grade = security::ParseGrade(grade))) {
    return Fail("catalog", Status::InvalidArgument("unknown --grade '" + grade + "'"));
  }
  if (!sharing.empty() && !(q.sharing = security::ParseSharing(sharing))) {
    return Fail("catalog", Status::InvalidArgument("unknown --sharing '" + sharing + "'"));
  }
  std::vector<std::vector<std::string>> rows = {{"field", "category", "grade", "pipl_sensitive", "sharing", "mask", "note"}};
  for (const security::CatalogEntry* e : cat->Select(q)) {
    rows.push_back({e->field, e->category, security::GradeName(e->grade), e->pipl_sensitive ? "是" : "否",
                    security::SharingName(e->sharing), security::MaskRuleName(e->mask), e->note});
  }
  PrintRows(rows, format, {});
  if (format == "table") std::fprintf(stderr, "%zu fields\n", rows.size() - 1);
  return 0;
}

}  // namespace tianping::cli
