#include "tianping/security/catalog.h"

#include <gtest/gtest.h>

#include <fstream>
#include <map>
#include <regex>
#include <set>
#include <sstream>

namespace tianping::security {
namespace {

// Every data member of the structs in include/tianping/model/case.h, as "<prefix>.<member>".
// The header is the schema's source of truth: a field added there fails this test until catalogued.
std::vector<std::string> ModelFields() {
  static const std::map<std::string, std::string> kPrefix = {
      {"Agent", "agent"}, {"Party", "party"}, {"CaseLink", "link"}, {"ExecutionResult", "execution"},
      {"Case", "case"}, {"Document", "document"}};
  std::ifstream f(std::string(TP_SOURCE_DIR) + "/include/tianping/model/case.h");
  EXPECT_TRUE(f) << "cannot read case.h";
  std::string line, prefix;
  std::vector<std::string> out;
  const std::regex struct_re(R"(^struct (\w+) \{)");
  const std::regex member_re(R"(^\s+[\w:<>, ]+?[\s>](\w+)\s*(=[^;]*)?;)");
  std::smatch m;
  while (std::getline(f, line)) {
    if (std::regex_search(line, m, struct_re)) {
      auto it = kPrefix.find(m[1]);
      EXPECT_NE(it, kPrefix.end()) << "new struct " << m[1] << " in case.h: give it a catalog prefix here";
      prefix = it == kPrefix.end() ? m[1].str() : it->second;
      continue;
    }
    if (line.rfind("};", 0) == 0) { prefix.clear(); continue; }
    std::string code = line.substr(0, line.find("//"));
    if (!prefix.empty() && std::regex_search(code, m, member_re)) out.push_back(prefix + "." + m[1].str());
  }
  return out;
}

TEST(CatalogTest, DefaultLoads) {
  auto cat = Catalog::Load(Catalog::DefaultPath());
  ASSERT_TRUE(cat.ok()) << cat.status().ToString();
  EXPECT_GT(cat->entries().size(), 50u);
}

TEST(CatalogTest, ParserSeesEveryModelField) {
  auto fields = ModelFields();
  std::set<std::string> set(fields.begin(), fields.end());
  // Spot checks that the header parser works (so completeness below is not vacuous).
  for (const char* f : {"case.case_id", "case.updated_at", "case.cause_path", "case.derived_from", "party.id_number",
                        "party.birth_date", "party.agents", "agent.license_number", "link.relation",
                        "execution.voluntary", "document.text"}) {
    EXPECT_TRUE(set.count(f)) << f;
  }
  EXPECT_EQ(set.size(), fields.size()) << "duplicate field names";
  EXPECT_GE(fields.size(), 60u);
}

TEST(CatalogTest, EveryModelFieldIsCatalogued) {
  const Catalog& cat = Catalog::Default();
  for (const auto& f : ModelFields()) {
    EXPECT_NE(cat.Find(f), nullptr) << "field " << f << " of include/tianping/model/case.h is missing from "
                                    << "data/catalog/fields.csv: add it with its grade and sharing class";
  }
}

TEST(CatalogTest, NoStaleEntries) {
  auto fields = ModelFields();
  std::set<std::string> set(fields.begin(), fields.end());
  for (const auto& e : Catalog::Default().entries()) EXPECT_TRUE(set.count(e.field)) << "stale entry " << e.field;
}

TEST(CatalogTest, GradesFollowTheWorkingFieldMap) {
  // domain.md §6: ID numbers and minors are 一般-4 and PIPL-sensitive; never published.
  const Catalog& cat = Catalog::Default();
  for (const char* f : {"party.id_number", "party.is_minor"}) {
    const auto* e = cat.Find(f);
    ASSERT_NE(e, nullptr);
    EXPECT_EQ(e->grade, Grade::kGeneral4) << f;
    EXPECT_TRUE(e->pipl_sensitive) << f;
    EXPECT_EQ(e->sharing, Sharing::kNeverPublished) << f;
  }
  EXPECT_EQ(cat.Find("party.phone")->grade, Grade::kGeneral3);
  EXPECT_EQ(cat.Find("case.case_number")->sharing, Sharing::kShareable);
}

TEST(CatalogTest, UnknownFieldIsMostRestrictive) {
  const auto& e = Catalog::Default().Get("party.favourite_colour");
  EXPECT_EQ(e.grade, Grade::kCore);
  EXPECT_EQ(e.sharing, Sharing::kNeverPublished);
}

TEST(CatalogTest, ErrorsNameLineAndColumn) {
  std::string head = "field,category,grade,pipl_sensitive,sharing,mask,note\n";
  auto r = Catalog::Parse(head + "case.x,c,一般-5,否,可共享,none,\n", "t.csv");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().message(), "t.csv:2: field 'grade': unknown grade '一般-5'");
  r = Catalog::Parse(head + "party.phone,c,一般-3,否,不予公开,none,\n", "t.csv");
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.status().message().find("needs a mask rule"), std::string::npos);
  r = Catalog::Parse(head + "a.b,c,一般-1,否,可共享,none,\na.b,c,一般-1,否,可共享,none,\n", "t.csv");
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.status().message().find("t.csv:3: field 'field': duplicate"), std::string::npos);
}

}  // namespace
}  // namespace tianping::security
