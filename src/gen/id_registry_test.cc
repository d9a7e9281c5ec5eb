// ID numbers are unique per distinct person: IdRegistry rules, and a dense one-court dataset in which random
// draws do collide (≈ 30 000 people in one region), checked for one person per number and for the same
// bytes with 1 and 2 threads.
#include "id_registry.h"

#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>

#include <unistd.h>

#include <gtest/gtest.h>

#include "tianping/gen/generator.h"
#include "tianping/model/case_json.h"
#include "tianping/model/id_number.h"
#include "tianping/model/jsonl_reader.h"
#include "tianping/model/reference.h"

namespace tianping::gen {
namespace {

Party Person(const std::string& name, const std::string& id) {
  Party p;
  p.kind = "自然人";
  p.name = name;
  p.id_number = id;
  auto info = ParseIdNumber(id);
  p.birth_date = info->birth_date;
  p.gender = info->male ? "男" : "女";
  return p;
}

TEST(IdRegistry, SamePersonKeepsNumberOtherPersonGetsAFreeOneOfSameDayAndSex) {
  IdRegistry ids;
  const std::string drawn = MakeIdNumber("110105", Date::FromYmd(1980, 5, 6), 123);  // odd: 男
  Party a = Person("张伟", drawn), b = Person("李强", drawn);
  EXPECT_EQ(ids.Claim(drawn, PersonIdentity(a)), drawn);
  EXPECT_EQ(ids.Claim(drawn, PersonIdentity(a)), drawn);  // same person, another case
  std::string other = ids.Claim(drawn, PersonIdentity(b));
  EXPECT_NE(other, drawn);
  auto info = ParseIdNumber(other);
  ASSERT_TRUE(info.ok());
  EXPECT_EQ(info->region, "110105");
  EXPECT_EQ(info->birth_date, Date::FromYmd(1980, 5, 6));
  EXPECT_TRUE(info->male);
  // The replacement is stable for that person and visible to Resolve; the owner is unaffected.
  EXPECT_EQ(ids.Claim(drawn, PersonIdentity(b)), other);
  EXPECT_EQ(ids.Resolve(drawn, PersonIdentity(b)), other);
  EXPECT_EQ(ids.Resolve(drawn, PersonIdentity(a)), drawn);
  // A third person drawing the replacement is moved on again.
  Party c = Person("王芳", other);
  c.gender = "男";
  std::string third = ids.Claim(other, PersonIdentity(c));
  EXPECT_NE(third, other);
  EXPECT_NE(third, drawn);
  EXPECT_EQ(ids.replacements(), 2u);
}

TEST(IdRegistry, ClaimChunkReportsWrittenNumbersThatAreNoLongerRight) {
  IdRegistry ids;
  const std::string drawn = MakeIdNumber("440106", Date::FromYmd(1990, 1, 2), 8);
  Party a = Person("陈静", drawn), b = Person("刘娜", drawn);
  std::vector<PersonUse> first = {{drawn, drawn, PersonIdentity(a)}};
  EXPECT_FALSE(ids.ClaimChunk(first));
  std::vector<PersonUse> second = {{drawn, drawn, PersonIdentity(b)}};
  EXPECT_TRUE(ids.ClaimChunk(second));  // written as drawn, but 刘娜 must get another number
  std::vector<PersonUse> rendered_again = {{drawn, ids.Resolve(drawn, PersonIdentity(b)), PersonIdentity(b)}};
  EXPECT_FALSE(ids.ClaimChunk(rendered_again));
}

std::string ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

// data/ref with a single basic court (and the courts above it), so every party shares one region code.
std::string OneCourtRefDir(const std::string& dir) {
  std::filesystem::create_directories(dir);
  std::string src = ReferenceData::DefaultRefDir();
  for (const auto& e : std::filesystem::directory_iterator(src)) {
    std::string name = e.path().filename().string();
    if (name == "courts.csv") continue;
    std::filesystem::copy_file(e.path(), dir + "/" + name, std::filesystem::copy_options::overwrite_existing);
  }
  std::istringstream in(ReadFile(src + "/courts.csv"));
  std::ofstream out(dir + "/courts.csv", std::ios::binary);
  std::string line;
  for (int i = 0; std::getline(in, line); ++i) {
    std::string code = line.substr(0, line.find(','));
    if (i == 0 || code == "最高法" || code == "京" || code == "京01" || code == "京0107") out << line << '\n';
  }
  return dir;
}

TEST(GeneratorIdNumbers, OneNumberOnePersonInADenseRegion) {
  std::string base = testing::TempDir() + "/tp_gen_ids_" + std::to_string(::getpid());
  std::filesystem::remove_all(base);
  auto ref = ReferenceData::Load(OneCourtRefDir(base + "/ref"));
  ASSERT_TRUE(ref.ok()) << ref.status().ToString();
  auto run = [&](const std::string& sub, int threads) {
    GenOptions o;
    o.cases = 30000;
    o.seed = 5;
    o.threads = threads;
    o.progress = false;
    o.doc_share = 0.02;
    o.out_dir = base + "/" + sub;
    auto s = Generate(o, *ref);
    EXPECT_TRUE(s.ok()) << s.status().ToString();
    return o.out_dir;
  };
  std::string one = run("one", 1);
  std::map<std::string, std::string> owner;  // number → identity
  int uses = 0, conflicts = 0;
  auto reader = JsonlReader::Open(one + "/cases.jsonl");
  ASSERT_TRUE(reader.ok());
  std::string_view line;
  while ((*reader)->Next(&line)) {
    auto c = ParseCaseJson(line);
    ASSERT_TRUE(c.ok()) << (*reader)->Where();
    for (const Party& p : c->parties) {
      if (p.id_number.empty()) continue;
      ++uses;
      auto [it, inserted] = owner.try_emplace(p.id_number, PersonIdentity(p));
      if (!inserted && it->second != PersonIdentity(p)) {
        if (++conflicts <= 5) ADD_FAILURE() << p.id_number << ": " << it->second << " and " << PersonIdentity(p);
      }
    }
  }
  EXPECT_EQ(conflicts, 0);
  // Dense enough that random draws collide: tens of thousands of people in one region (the expected
  // number of colliding pairs among them is in the dozens).
  EXPECT_GT(owner.size(), 30000u);
  EXPECT_LT(owner.size(), static_cast<size_t>(uses));  // people do recur (pools, appeals, executions)
  // Replacements are decided in chunk order: the same bytes whatever the thread count.
  std::string two = run("two", 2);
  EXPECT_TRUE(ReadFile(one + "/cases.jsonl") == ReadFile(two + "/cases.jsonl"));
  EXPECT_TRUE(ReadFile(one + "/documents.jsonl") == ReadFile(two + "/documents.jsonl"));
  EXPECT_TRUE(ReadFile(one + "/truth.json") == ReadFile(two + "/truth.json"));
  std::filesystem::remove_all(base);
}

}  // namespace
}  // namespace tianping::gen
