// tianping ref: reference tables (courts, causes, time limits) and the division-code import.
//   tianping ref import-divisions FILE.csv... [--data DIR]
//   tianping ref courts [--province 粤] [--level 中级] [--kind 海事] [--format table|json|csv]
//   tianping ref causes [--category 民事] [--level N] [--format table|json|csv]
//   tianping ref resolve CODE... [--data DIR] [--format table|json|csv]
//   tianping ref summary [--format table|json]
#include <CLI/CLI.hpp>

#include <cstdio>
#include <map>
#include <string>
#include <vector>

#include "commands.h"
#include "exit_codes.h"
#include "rows_output.h"
#include "tianping/model/reference.h"

namespace tianping::cli {
namespace {

struct Options {
  std::string ref_dir = ReferenceData::DefaultRefDir();
  std::string data_dir = "./tianping-data";
  std::string format = "table";
  std::string province, level, kind, category;
  int cause_level = 0;
  std::vector<std::string> files;
  std::vector<std::string> codes;
};

// Reference tables right-align their numbers and keep up to four decimals in JSON.
constexpr RowsStyle kRefStyle{.right_align_numeric = true, .json_decimals = 4};

// The level as written in courts.csv (最高 高级 中级 基层).
std::string ShortLevel(CourtLevel level) {
  static const char* kNames[] = {"最高", "高级", "中级", "基层"};
  return kNames[static_cast<int>(level)];
}

std::string Num(double v) {
  char buf[48];
  std::snprintf(buf, sizeof buf, "%.6f", v);  // the tables carry at most six decimals
  std::string s = buf;
  while (s.back() == '0') s.pop_back();
  if (s.back() == '.') s.pop_back();
  return s;
}

int Courts(const ReferenceData& ref, const Options& o) {
  CourtLevel level{};
  if (!o.level.empty() && !ParseCourtLevel(o.level, &level)) {
    return Fail("ref courts", Status::InvalidArgument("unknown --level '" + o.level + "' (最高 高级 中级 基层)"));
  }
  if (!o.province.empty() && ref.FindProvince(o.province) == nullptr) {
    return Fail("ref courts", Status::InvalidArgument("unknown --province '" + o.province + "'"));
  }
  std::vector<std::vector<std::string>> rows = {
      {"code", "name", "level", "province", "parent_code", "division_code", "kind", "size_weight", "judges",
       "former_codes"}};
  for (const auto& c : ref.courts()) {
    if (!o.province.empty() && c.province != o.province) continue;
    if (!o.level.empty() && c.level != level) continue;
    if (!o.kind.empty() && c.kind != o.kind) continue;
    std::string former;
    for (const auto& f : c.former_codes) former += (former.empty() ? "" : " ") + f;
    rows.push_back({c.code, c.name, ShortLevel(c.level), c.province, c.parent_code, c.division_code, c.kind,
                    Num(c.size_weight), std::to_string(c.judges), former});
  }
  PrintRows(rows, o.format, {false, false, false, false, false, false, false, true, true, false}, kRefStyle);
  if (o.format == "table") std::fprintf(stderr, "%zu courts\n", rows.size() - 1);
  return 0;
}

int Causes(const ReferenceData& ref, const Options& o) {
  if (!o.category.empty() && o.category != "民事" && o.category != "刑事" && o.category != "行政") {
    return Fail("ref causes", Status::InvalidArgument("unknown --category '" + o.category + "' (民事 刑事 行政)"));
  }
  std::vector<std::vector<std::string>> rows = {
      {"code", "name", "category", "level", "parent_code", "weight", "high_risk", "aliases"}};
  for (const auto& c : ref.causes()) {
    if (!o.category.empty() && c.category != o.category) continue;
    if (o.cause_level > 0 && c.level != o.cause_level) continue;
    std::string name = o.format == "table" ? std::string(2 * (c.level - 1), ' ') + c.name : c.name;
    std::string aliases;
    for (const auto& a : c.aliases) aliases += (aliases.empty() ? "" : "|") + a;
    rows.push_back({c.code, name, c.category, std::to_string(c.level), c.parent_code, Num(c.weight),
                    c.high_risk ? "1" : "0", aliases});
  }
  PrintRows(rows, o.format, {false, false, false, true, false, true, true, false}, kRefStyle);
  return 0;
}

// Court names for 法院代字: from the court table (incl. former codes), else derived from imported divisions.
int Resolve(const ReferenceData& ref, const Options& o) {
  std::vector<std::vector<std::string>> rows = {{"code", "name", "full_name", "source", "current_code"}};
  int unknown = 0;
  for (const auto& code : o.codes) {
    if (const Court* c = ref.FindCourt(code)) {
      rows.push_back({code, c->name, ref.FullCourtName(*c), c->code == code ? "courts" : "former_code", c->code});
      continue;
    }
    std::string name = ref.DeriveCourtName(code);
    if (name.empty()) ++unknown;
    rows.push_back({code, name, name, name.empty() ? "unknown" : "divisions", ""});
  }
  PrintRows(rows, o.format, {false, false, false, false, false}, kRefStyle);
  return unknown == 0 ? 0 : 3;
}

int Summary(const ReferenceData& ref, const Options& o) {
  std::map<std::string, int> court_levels, cause_cats, cause_leaves;
  std::map<std::string, bool> has_child;
  for (const auto& c : ref.courts()) court_levels[CourtLevelName(c.level)]++;
  for (const auto& c : ref.causes()) has_child[c.parent_code] = true;
  for (const auto& c : ref.causes()) {
    cause_cats[c.category]++;
    if (!has_child.count(c.code)) cause_leaves[c.category]++;
  }
  std::vector<std::vector<std::string>> rows = {{"table", "item", "count"}};
  rows.push_back({"provinces", "高院单位", std::to_string(ref.provinces().size())});
  for (CourtLevel l : {CourtLevel::kSupreme, CourtLevel::kHigh, CourtLevel::kIntermediate, CourtLevel::kBasic}) {
    rows.push_back({"courts", CourtLevelName(l), std::to_string(court_levels[CourtLevelName(l)])});
  }
  rows.push_back({"courts", "合计", std::to_string(ref.courts().size())});
  for (const char* cat : {"民事", "刑事", "行政"}) {
    rows.push_back({"causes", std::string(cat), std::to_string(cause_cats[cat])});
    rows.push_back({"causes", std::string(cat) + "末级", std::to_string(cause_leaves[cat])});
  }
  rows.push_back({"time_limits", "审限", std::to_string(ref.time_limits().size())});
  rows.push_back({"divisions", "已导入区划", std::to_string(ref.division_count())});
  PrintRows(rows, o.format, {false, false, true}, kRefStyle);
  return 0;
}

}  // namespace

int RunRef(int argc, char** argv) {
  CLI::App app{"参考数据 / reference tables: courts, causes, time limits, division codes", "tianping ref"};
  app.require_subcommand(1);
  Options o;
  app.add_option("--ref", o.ref_dir, "reference table folder (default $TP_REF_DIR or data/ref)");
  app.add_option("--data", o.data_dir, "data folder holding ref/divisions.csv")->capture_default_str();
  auto* imp = app.add_subcommand("import-divisions", "导入行政区划代码 / import a division-code table (code,name,...)");
  imp->add_option("files", o.files, "CSV files with code,name columns (2-, 4- or 6-digit codes)")->required();
  imp->add_option("--data", o.data_dir, "data folder")->capture_default_str();
  auto* courts = app.add_subcommand("courts", "法院列表 / list courts");
  courts->add_option("--province", o.province, "province abbreviation, e.g. 粤");
  courts->add_option("--level", o.level, "最高 高级 中级 基层");
  courts->add_option("--kind", o.kind, "普通 海事 知识产权 互联网 …");
  auto* causes = app.add_subcommand("causes", "案由与罪名 / list causes and charges");
  causes->add_option("--category", o.category, "民事 刑事 行政");
  causes->add_option("--level", o.cause_level, "only this level (1–4)");
  auto* resolve = app.add_subcommand("resolve", "法院代字→法院名称 / court names for codes (exit 3 if any unknown)");
  resolve->add_option("codes", o.codes, "法院代字, e.g. 粤0703 辽0122")->required();
  auto* summary = app.add_subcommand("summary", "各表计数 / counts per table");
  for (auto* sub : {courts, causes, resolve, summary}) {
    sub->add_option("--format", o.format, "table | json | csv")
        ->check(CLI::IsMember({"table", "json", "csv"}))
        ->capture_default_str();
    sub->add_option("--data", o.data_dir, "data folder");
  }
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    return app.exit(e);
  }
  if (imp->parsed()) {
    auto n = ReferenceData::ImportDivisions(o.files, o.data_dir);
    if (!n.ok()) return Fail("ref import-divisions", n.status());
    std::printf("imported %d divisions into %s\n", *n, ReferenceData::DivisionsPath(o.data_dir).c_str());
    return 0;
  }
  auto ref = ReferenceData::Load(o.ref_dir, o.data_dir);
  if (!ref.ok()) return Fail("ref", ref.status());
  if (courts->parsed()) return Courts(*ref, o);
  if (causes->parsed()) return Causes(*ref, o);
  if (resolve->parsed()) return Resolve(*ref, o);
  return Summary(*ref, o);
}

}  // namespace tianping::cli
