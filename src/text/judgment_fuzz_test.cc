// Bounded fuzz test: random and mutated documents never crash the parser or the extractors, and every
// span stays inside the text.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>
#include <string>
#include <vector>

#include "tianping/text/extract.h"
#include "tianping/text/judgment.h"

namespace tianping::text {
namespace {

const char* kSeed =
    "北京市朝阳区人民法院\n民事判决书\n（2023）京0105民初12号\n原告：李某1，女，1990年1月1日出生。\n"
    "被告：张x1。\n原告李某1与被告张x1民间借贷纠纷一案，本院于2023年1月5日立案。\n原告向本院提出诉讼请求："
    "1.偿还借款5万元，年利率24%；2.诉讼费由被告负担。\n被告辩称，已还。\n经审理查明，2022年转账50000元。\n"
    "本院认为，应予支持。依照《中华人民共和国民法典》第六百七十五条之规定，判决如下：\n一、被告偿还50000元；\n"
    "二、驳回其他诉讼请求。\n案件受理费1050元，由被告负担。\n审判员　王五\n二〇二三年三月一日\n书记员　赵六\n";

void Check(const std::string& text) {
  ParsedJudgment j = ParseJudgment(text);
  for (const Span& s : j.sections) {
    ASSERT_LE(s.begin, text.size());
    ASSERT_LE(s.end, text.size());
  }
  for (const auto& c : j.citations) ASSERT_LE(c.span.end, text.size());
  ExtractedFacts f = ExtractFacts(text, j);
  for (const auto& a : f.amounts) ASSERT_LE(a.span.end, text.size());
  std::string json;
  AppendJudgmentJson(j, text, &json);
  AppendExtractionJson(f, &json);
  ASSERT_FALSE(json.empty());
}

// Inputs of the golden judgment documents (test/golden/judgment/*.test, up to the ---- line).
std::vector<std::string> GoldenSeeds() {
  std::vector<std::string> out;
  std::filesystem::path dir = std::filesystem::path(TP_SOURCE_DIR) / "test/golden/judgment";
  std::error_code ec;
  for (const auto& e : std::filesystem::directory_iterator(dir, ec)) {
    std::ifstream in(e.path());
    std::stringstream ss;
    ss << in.rdbuf();
    std::string t = ss.str();
    size_t cut = t.find("\n----\n");
    out.push_back(cut == std::string::npos ? t : t.substr(0, cut + 1));
  }
  return out;
}

TEST(JudgmentFuzz, MutatedGoldenDocumentsNeverCrash) {
  std::mt19937 rng(7);
  auto seeds = GoldenSeeds();
  ASSERT_GE(seeds.size(), 5u);
  for (const std::string& seed : seeds) {
    Check(seed);
    for (int round = 0; round < 150; ++round) {
      std::string t = seed;
      int edits = 1 + static_cast<int>(rng() % 8);
      for (int e = 0; e < edits && !t.empty(); ++e) {
        size_t pos = rng() % t.size();
        switch (rng() % 3) {
          case 0: t.erase(pos, 1 + rng() % 40); break;
          case 1: t.insert(pos, t.substr(rng() % t.size(), rng() % 60)); break;  // duplicated fragments
          default: t[pos] = static_cast<char>(rng() & 0xFF); break;
        }
      }
      Check(t);
    }
  }
}

TEST(JudgmentFuzz, MutatedAndRandomTextNeverCrashes) {
  std::mt19937 rng(20261129);
  const std::string seed = kSeed;
  const std::string pieces[] = {"第", "条", "元", "年", "月", "日", "《", "》", "（", "）", "〔", "〕", "：", "，", "。", "\n",
                                "判决如下", "本院认为", "审判长", "书记员", "二〇", "万", "号", "之一", "\xE4", "\xFF"};
  for (int round = 0; round < 400; ++round) {
    std::string t = seed;
    int edits = 1 + static_cast<int>(rng() % 12);
    for (int e = 0; e < edits && !t.empty(); ++e) {
      size_t pos = rng() % t.size();
      switch (rng() % 4) {
        case 0: t.erase(pos, 1 + rng() % 12); break;                               // may split UTF-8
        case 1: t.insert(pos, pieces[rng() % std::size(pieces)]); break;
        case 2: t[pos] = static_cast<char>(rng() & 0xFF); break;
        default: t = t.substr(0, pos); break;                                       // truncated document
      }
    }
    Check(t);
  }
  for (int round = 0; round < 200; ++round) {  // pure noise from the pieces
    std::string t;
    int n = static_cast<int>(rng() % 60);
    for (int k = 0; k < n; ++k) t += pieces[rng() % std::size(pieces)];
    Check(t);
  }
  Check("");
}

}  // namespace
}  // namespace tianping::text
