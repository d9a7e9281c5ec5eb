// tianping define-indicator --name NAME --formula "count(closed and closure = '调解') / count(closed)"
//                           [--filter EXPR] [--unit %] [--scale 100] [--description TEXT] [--data DIR]
// tianping define-indicator --list [--data DIR]
// Validates the formula (errors give position and reason) and saves it as the next version of NAME in
// <data>/analytics/definitions.db (docs/indicators.md §"User-defined indicators").
#include <CLI/CLI.hpp>

#include <cstdio>

#include "commands.h"
#include "exit_codes.h"
#include "tianping/analytics/definition_store.h"
#include "tianping/analytics/indicator.h"
#include "tianping/analytics/tag.h"
#include "tianping/store/store.h"

namespace tianping::cli {

int RunDefineIndicator(int argc, char** argv) {
  CLI::App app{"自定义指标 / save a user-defined indicator", "tianping define-indicator"};
  analytics::IndicatorDef def;
  std::string formula, data_dir = DefaultDataDir(), tag_dir = analytics::DefaultTagDir();
  bool list = false;
  def.scale = 100;
  def.unit = "%";
  app.add_option("--name", def.name, "indicator name (a new name, or a new version of an existing one)");
  app.add_option("--formula", formula, "aggregates combined with + - * /; a top-level '/' separates numerator and denominator");
  app.add_option("--filter", def.filter, "row condition applied to every aggregate");
  app.add_option("--unit", def.unit, "unit shown with the value")->capture_default_str();
  app.add_option("--scale", def.scale, "value = numerator / denominator × scale")->capture_default_str();
  app.add_option("--description", def.description, "meaning in words");
  app.add_option("--data", data_dir, "data folder (the case store's; definitions go to <data>/analytics/)")->capture_default_str();
  app.add_option("--tag-dir", tag_dir, "tag definitions (for tag('…') in formulas)");
  app.add_flag("--list", list, "list saved indicators (latest versions)");
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    return app.exit(e);
  }
  auto store = analytics::DefinitionStore::Open(data_dir);
  if (!store.ok()) return Fail("define-indicator", store.status());
  if (list) {
    auto defs = (*store)->List();
    if (!defs.ok()) return Fail("define-indicator", defs.status());
    for (const auto& d : *defs)
      std::printf("%s@%d\t%s%s%s\t%s\n", d.name.c_str(), d.version, d.numerator.c_str(),
                  d.denominator.empty() ? "" : " / ", d.denominator.c_str(), d.filter.c_str());
    return 0;
  }
  if (def.name.empty() || formula.empty())
    return Fail("define-indicator", Status::InvalidArgument("--name and --formula are required"));
  if (def.name.find('@') != std::string::npos || def.name.find(',') != std::string::npos)
    return Fail("define-indicator", Status::InvalidArgument("a name cannot contain '@' or ','"));
  def.id = def.name;
  def.category = "自定义";
  // Validate against the tag names (tags only need their names here).
  auto tag_defs = analytics::LoadTagDefs(tag_dir);
  if (!tag_defs.ok()) return Fail("define-indicator", tag_defs.status());
  analytics::CaseFrame empty;
  auto tags = analytics::TagSet::Compute(empty, *tag_defs, 0);
  if (!tags.ok()) return Fail("define-indicator", tags.status());
  // Validate the formula as typed, so that error positions refer to it; then split it.
  analytics::IndicatorDef check = def;
  check.name = "--formula";
  check.numerator = formula;
  Status s = analytics::ValidateIndicator(check, &*tags);
  if (!s.ok()) return Fail("define-indicator", s);
  auto parts = analytics::SplitFormula(formula);
  if (!parts.ok()) return Fail("define-indicator", parts.status().WithContext("--formula: "));
  def.numerator = parts->first;
  def.denominator = parts->second;
  auto version = (*store)->Save(def, formula);
  if (!version.ok()) return Fail("define-indicator", version.status());
  std::printf("saved %s@%d: %s%s%s\n", def.name.c_str(), *version, def.numerator.c_str(),
              def.denominator.empty() ? "" : " / ", def.denominator.c_str());
  return 0;
}

}  // namespace tianping::cli
