// Robustness: random bytes and mutations of valid case numbers never crash the parser; every result is
// either a parse whose normalised form parses to itself, or an error positioned inside the input.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "tianping/common/rng.h"
#include "tianping/model/case_number.h"

namespace tianping {
namespace {

// Upper bound on the characters the parser counts: one per byte that is not a UTF-8 continuation byte.
size_t MaxCharacters(const std::string& s) {
  size_t n = 0;
  for (unsigned char c : s) n += (c & 0xC0) != 0x80;
  return n;
}

int g_parsed = 0;

void Check(const std::string& input) {
  CaseNumberError err;
  auto r = ParseCaseNumber(input, &err);
  if (r.ok()) {
    ++g_parsed;
    auto again = ParseCaseNumber(r->normalized);
    ASSERT_TRUE(again.ok()) << input << " → " << r->normalized << ": " << again.status().message();
    ASSERT_EQ(again->normalized, r->normalized) << input;
    ASSERT_EQ(again->type_code, r->type_code) << input;
    ASSERT_EQ(again->court_code, r->court_code) << input;
    ASSERT_EQ(again->sequence, r->sequence) << input;
    ASSERT_EQ(again->legacy, r->legacy) << input;
  } else {
    ASSERT_EQ(r.status().code(), Status::Code::kParseError) << input;
    ASSERT_LE(err.position, MaxCharacters(input)) << input;
    ASSERT_FALSE(err.reason.empty()) << input;
  }
}

const std::vector<std::string> kSeeds = {
    "（2023）京0105民初12345号", "(2019)粤13刑终230号",        "（2015）吴江商初字第01894号",
    "（2020）最高法刑核12345678号", "〔2021〕京73知民初100号",    "[2022]沪7101执恢3号",
    "（2019）京01民终123号之一",    "（2014）渝二中法刑终字第00273号", "（2023）兵0102诉前调确7号",
    "（2023）最高法民督监1号",       "（2018）新40行赔初9号"};

const std::vector<std::string> kPieces = {"（", "）", "(", ")", "〔", "〕", "号", "字", "第", "民", "刑", "初",
                                          "终", "京", "最高法", "知", "执", "恢", "之一", "0", "9", "\xE4",
                                          "\xBD", "\x80", " ", "　", "２"};

TEST(CaseNumberFuzz, RandomBytesAndMutations) {
  Rng rng(20260101);
  const int kRounds = 200000;
  for (int round = 0; round < kRounds; ++round) {
    std::string s;
    if (round % 4 == 0) {
      int n = static_cast<int>(rng.Range(0, 40));
      for (int i = 0; i < n; ++i) s.push_back(static_cast<char>(rng.Range(0, 255)));
    } else {
      s = kSeeds[rng.Range(0, static_cast<int64_t>(kSeeds.size()) - 1)];
      int edits = static_cast<int>(rng.Range(1, 4));
      for (int e = 0; e < edits && !s.empty(); ++e) {
        size_t at = static_cast<size_t>(rng.Range(0, static_cast<int64_t>(s.size()) - 1));
        switch (rng.Range(0, 5)) {
          case 0: s.erase(at, 1); break;                                        // delete a byte
          case 1: s[at] = static_cast<char>(rng.Range(0, 255)); break;          // replace a byte
          case 2: s.insert(at, 1, static_cast<char>(rng.Range(0, 255))); break;  // insert a byte
          case 3: s.resize(at); break;                                          // truncate (often mid-UTF-8)
          case 4: s.insert(at, kPieces[rng.Range(0, static_cast<int64_t>(kPieces.size()) - 1)]); break;
          default: s.erase(at, static_cast<size_t>(rng.Range(1, 6))); break;
        }
      }
    }
    Check(s);
    if (HasFatalFailure()) return;
  }
  // Both branches must be exercised: mutations keep many inputs valid (e.g. an inserted space).
  EXPECT_GT(g_parsed, kRounds / 200);
  EXPECT_LT(g_parsed, kRounds / 2);
}

TEST(CaseNumberFuzz, SeedsParse) {
  for (const auto& s : kSeeds) EXPECT_TRUE(ParseCaseNumber(s).ok()) << s;
}

}  // namespace
}  // namespace tianping
