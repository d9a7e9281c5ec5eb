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
  const uint64_t key = IdNumberKey(drawn);
  Party a = Person("张伟", drawn), b = Person("李强", drawn);
  EXPECT_EQ(ids.Claim(key, PersonHash(a)), key);
  EXPECT_EQ(ids.Claim(key, PersonHash(a)), key);  // same person, another case
  EXPECT_NE(ids.Claim(key, PersonHash(b)), key);
  std::string other = ids.Resolve(drawn, PersonHash(b));
  EXPECT_NE(other, drawn);
  auto info = ParseIdNumber(other);
  ASSERT_TRUE(info.ok()) << other;
  EXPECT_EQ(info->region, "110105");
  EXPECT_EQ(info->birth_date, Date::FromYmd(1980, 5, 6));
  EXPECT_TRUE(info->male);
  EXPECT_EQ(info->sequence, 125);  // the next free sequence of the same sex
  // The replacement is stable for that person; the owner is unaffected.
  EXPECT_EQ(ids.Claim(key, PersonHash(b)), IdNumberKey(other));
  EXPECT_EQ(ids.Resolve(drawn, PersonHash(a)), drawn);
  // A third person drawing the replacement is moved on again, past both taken numbers.
  Party c = Person("王芳", other);
  c.gender = "男";
  EXPECT_NE(ids.Claim(IdNumberKey(other), PersonHash(c)), IdNumberKey(other));
  std::string third = ids.Resolve(other, PersonHash(c));
  EXPECT_EQ(ParseIdNumber(third)->sequence, 127);
  EXPECT_EQ(ids.replacements(), 2u);
}

TEST(IdRegistry, ClaimChunkReportsWrittenNumbersThatAreNoLongerRight) {
  IdRegistry ids;
  const std::string drawn = MakeIdNumber("440106", Date::FromYmd(1990, 1, 2), 8);
  const uint64_t key = IdNumberKey(drawn);
  Party a = Person("陈静", drawn), b = Person("刘娜", drawn);
  EXPECT_FALSE(ids.ClaimChunk({{key, key, PersonHash(a)}}));
  EXPECT_TRUE(ids.ClaimChunk({{key, key, PersonHash(b)}}));  // written as drawn, but 刘娜 needs another number
  uint64_t rewritten = IdNumberKey(ids.Resolve(drawn, PersonHash(b)));
  EXPECT_FALSE(ids.ClaimChunk({{key, rewritten, PersonHash(b)}}));
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
      std::string who = p.name + "|" + (p.birth_date ? p.birth_date->ToString() : "") + "|" + p.gender;
      auto [it, inserted] = owner.try_emplace(p.id_number, who);
      if (!inserted && it->second != who) {
        if (++conflicts <= 5) ADD_FAILURE() << p.id_number << ": " << it->second << " and " << who;
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
