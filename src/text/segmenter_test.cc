#include "tianping/text/segmenter.h"

#include "tianping/common/rng.h"

#include <gtest/gtest.h>

#include <atomic>
#include <filesystem>
#include <fstream>
#include <string>
#include <thread>

namespace tianping::text {
namespace {

std::string Join(const std::vector<std::string_view>& words) {
  std::string out;
  for (size_t i = 0; i < words.size(); ++i) {
    if (i > 0) out += " / ";
    out += words[i];
  }
  return out;
}

// A tiny dictionary: the classic 有意见分歧 ambiguity, legal words for search mode.
Segmenter TinySegmenter() {
  SegmenterOptions o;
  o.dict_text =
      "有 100\n有意 50\n意见 200\n见 50\n分歧 300\n分 10\n歧 1\n意 10\n"
      "民间 40\n借贷 40\n纠纷 40\n民间借贷纠纷 20\n借贷纠纷 10\n";
  o.load_hmm = false;
  o.legal_rules = false;
  auto s = Segmenter::Load(o);
  EXPECT_TRUE(s.ok()) << s.status().ToString();
  return std::move(s).value();
}

TEST(SegmenterTest, MaximumProbabilityRoute) {
  Segmenter s = TinySegmenter();
  // 有/意见/分歧: log(100·200·300/T³) beats 有意/见/分歧 = log(50·50·300/T³).
  EXPECT_EQ(Join(s.Cut("有意见分歧", CutMode::kExact)), "有 / 意见 / 分歧");
  // Unknown characters are single words; punctuation and spaces are tokens of their own.
  EXPECT_EQ(Join(s.Cut("甲有意见，乙 丙", CutMode::kExactNoHmm)), "甲 / 有 / 意见 / ， / 乙 /   / 丙");
  // Consecutive single ASCII letters/digits are joined.
  EXPECT_EQ(Join(s.Cut("有abc12分歧", CutMode::kExactNoHmm)), "有 / abc12 / 分歧");
  EXPECT_EQ(Join(s.Cut("民间借贷纠纷", CutMode::kExactNoHmm)), "民间借贷纠纷");
}

TEST(SegmenterTest, SearchModeEmitsSubWordsBeforeTheWord) {
  Segmenter s = TinySegmenter();
  EXPECT_EQ(Join(s.Cut("民间借贷纠纷有意见", CutMode::kSearch)),
            "民间 / 借贷 / 借贷纠纷 / 纠纷 / 民间借贷纠纷 / 有 / 意见");
}

TEST(SegmenterTest, InvalidUtf8IsCoveredByteByByte) {
  Segmenter s = TinySegmenter();
  std::string text = "\xFF有意见\xE5\xAD\x80\xC3";  // stray byte, valid 字-like char, truncated tail
  text += std::string("\0分歧", 7);
  for (CutMode m : {CutMode::kExact, CutMode::kExactNoHmm, CutMode::kSearch}) {
    auto words = s.Cut(text, m);
    std::string joined;
    for (auto w : words) {
      ASSERT_FALSE(w.empty());
      if (m != CutMode::kSearch) joined += w;
    }
    if (m != CutMode::kSearch) {
      EXPECT_EQ(joined, text);
    }
  }
  auto words = s.Cut(text, CutMode::kExact);
  ASSERT_GE(words.size(), 2u);
  EXPECT_EQ(words[0], "\xFF");
  EXPECT_EQ(words[1], "有");
  EXPECT_EQ(s.Cut("", CutMode::kExact).size(), 0u);
}

// Random byte strings mixing valid Chinese, ASCII, punctuation and garbage: never a crash, and the exact
// modes cover the input exactly.
void CheckRandomInputs(const Segmenter& s, uint64_t seed) {
  const char* pieces[] = {"民间", "借贷", "纠纷", "李", "某", "1", "x", "第", "六百", "条", "年", "〇", "，",
                          " ", "\r\n", "\xFF", "\xE5\xAD", "\xC3", "\xF0\x9F\x98\x80", "%", ".", "-", "\0"};
  Rng rng(seed);
  for (int round = 0; round < 2000; ++round) {
    std::string text;
    int len = static_cast<int>(rng.Range(0, 30));
    for (int k = 0; k < len; ++k) text += std::string(pieces[rng.Range(0, std::size(pieces) - 1)]);
    if (rng.Chance(0.3)) text += std::string(1, static_cast<char>(rng.Range(0, 255)));
    for (CutMode m : {CutMode::kExact, CutMode::kExactNoHmm, CutMode::kSearch}) {
      std::string joined;
      for (auto w : s.Cut(text, m)) {
        ASSERT_FALSE(w.empty());
        ASSERT_GE(w.data(), text.data());
        ASSERT_LE(w.data() + w.size(), text.data() + text.size());
        joined += w;
      }
      if (m != CutMode::kSearch) {
        ASSERT_EQ(joined, text) << "mode " << static_cast<int>(m);
      }
    }
  }
}

TEST(SegmenterTest, RandomInputsAreCoveredExactly) { CheckRandomInputs(TinySegmenter(), 7); }

TEST(SegmenterTest, MissingDictionaryIsAClearError) {
  SegmenterOptions o;
  o.jieba_dir = "/nonexistent/jieba";
  auto s = Segmenter::Load(o);
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(s.status().code(), Status::Code::kNotFound);
  EXPECT_NE(s.status().message().find("/nonexistent/jieba/dict.txt"), std::string::npos);
  EXPECT_NE(s.status().message().find("python3-jieba"), std::string::npos);
  EXPECT_FALSE(ParseCutMode("fast").ok());
}

// Tests against the real Debian dictionary: skipped when python3-jieba is not installed.
class RealSegmenterTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    auto o = SegmenterOptions::Default();
    auto s = Segmenter::Load(o);
    if (s.ok()) {
      seg_ = new Segmenter(std::move(s).value());
    } else {
      error_ = s.status().ToString();
    }
  }
  static void TearDownTestSuite() { delete seg_; seg_ = nullptr; }
  void SetUp() override {
    if (seg_ == nullptr) GTEST_SKIP() << "jieba dictionary unavailable: " << error_;
  }
  static Segmenter* seg_;
  static std::string error_;
};
Segmenter* RealSegmenterTest::seg_ = nullptr;
std::string RealSegmenterTest::error_;

TEST_F(RealSegmenterTest, LegalWordsStayWhole) {
  EXPECT_EQ(Join(seg_->Cut("原告李四与被告张三民间借贷纠纷一案", CutMode::kExact)),
            "原告 / 李四 / 与 / 被告 / 张三 / 民间借贷纠纷 / 一案");
  EXPECT_EQ(Join(seg_->Cut("依法适用简易程序公开开庭进行了审理", CutMode::kExact)),
            "依法 / 适用 / 简易程序 / 公开 / 开庭 / 进行 / 了 / 审理");
  EXPECT_TRUE(seg_->Contains("民间借贷纠纷"));
  EXPECT_TRUE(seg_->Contains("李四"));
  EXPECT_FALSE(seg_->Contains("民间借贷纠"));
}

TEST_F(RealSegmenterTest, HmmJoinsUnknownNames) {
  // 郑晓梅 is in no dictionary; the route leaves single characters that the HMM joins back.
  auto nohmm = Join(seg_->Cut("原告郑晓梅诉称", CutMode::kExactNoHmm));
  auto hmm = Join(seg_->Cut("原告郑晓梅诉称", CutMode::kExact));
  EXPECT_NE(nohmm, hmm);
  EXPECT_EQ(hmm, "原告 / 郑晓梅 / 诉称");
}

TEST_F(RealSegmenterTest, SearchModeAddsSubWordsOfCauses) {
  auto words = seg_->Cut("民间借贷纠纷", CutMode::kSearch);
  std::string j = Join(words);
  EXPECT_NE(j.find("民间 / "), std::string::npos) << j;
  EXPECT_NE(j.find("借贷 / "), std::string::npos) << j;
  EXPECT_NE(j.find("纠纷 / "), std::string::npos) << j;
  EXPECT_EQ(words.back(), "民间借贷纠纷");
}

TEST_F(RealSegmenterTest, ConcurrentCutsAgreeWithSequentialOnes) {
  std::vector<std::string> texts = {"原告李四与被告张三民间借贷纠纷一案", "被告人王某某犯盗窃罪，判处有期徒刑六个月",
                                    "原告郑晓梅诉称被告欠款50000元", "根据《中华人民共和国民法典》第六百七十五条"};
  std::vector<std::string> want;
  for (const auto& t : texts) want.push_back(Join(seg_->Cut(t, CutMode::kSearch)));
  std::atomic<int> mismatches{0};
  std::vector<std::thread> threads;
  for (int k = 0; k < 4; ++k) {
    threads.emplace_back([&, k] {
      for (int round = 0; round < 200; ++round) {
        size_t i = (k + round) % texts.size();
        if (Join(seg_->Cut(texts[i], CutMode::kSearch)) != want[i]) ++mismatches;
      }
    });
  }
  for (auto& t : threads) t.join();
  EXPECT_EQ(mismatches.load(), 0);
}

TEST_F(RealSegmenterTest, RandomInputsAreCoveredExactly) { CheckRandomInputs(*seg_, 11); }

TEST_F(RealSegmenterTest, RealJudgmentTextIsCoveredExactly) {
  std::ifstream in(std::string(TP_SOURCE_DIR) + "/../shared/realdata/facts_with_cause_dev.jsonl");
  if (!in) GTEST_SKIP() << "../shared/realdata not present";
  std::string line;
  int n = 0;
  while (std::getline(in, line) && n++ < 200) {
    std::string joined;
    for (auto w : seg_->Cut(line, CutMode::kExact)) joined += w;
    ASSERT_EQ(joined, line);
  }
}

}  // namespace
}  // namespace tianping::text
