#include "dictionary.h"

#include <cmath>
#include <gtest/gtest.h>

namespace tianping::text {
namespace {

std::u32string U(const char32_t* s) { return std::u32string(s); }

std::vector<std::pair<size_t, double>> WordsAt(const Dictionary& d, const std::u32string& s, size_t i) {
  std::vector<std::pair<size_t, double>> out;
  d.ForEachWordAt(s.data(), s.size(), i, [&](size_t end, double lp) { out.emplace_back(end, lp); });
  return out;
}

TEST(DictionaryTest, PrefixWalkFindsEveryWordInOrder) {
  std::string text = "民 10 n\n民间 20 n\n民间借贷 30\n借贷 40 v\n纠纷 50\n";
  auto d = Dictionary::Build({{"t", text, 0}});
  ASSERT_TRUE(d.ok()) << d.status().ToString();
  EXPECT_EQ(d->word_count(), 5u);
  std::u32string s = U(U"民间借贷纠纷");
  auto w = WordsAt(*d, s, 0);
  ASSERT_EQ(w.size(), 3u);
  EXPECT_EQ(w[0].first, 0u);  // 民
  EXPECT_EQ(w[1].first, 1u);  // 民间
  EXPECT_EQ(w[2].first, 3u);  // 民间借贷 (民间借 is a prefix only)
  EXPECT_NEAR(w[2].second, std::log(30.0 / 150.0), 1e-12);
  EXPECT_TRUE(WordsAt(*d, s, 1).empty());  // 间…: no word
  EXPECT_EQ(WordsAt(*d, s, 4).size(), 1u);
  EXPECT_FALSE(d->Contains(s.data(), 3));   // 民间借: prefix, not a word
  EXPECT_TRUE(d->Contains(s.data() + 2, 2));  // 借贷
  EXPECT_NEAR(d->unknown_log_prob(), -std::log(150.0), 1e-12);
}

TEST(DictionaryTest, LaterSourceOverridesAndZeroRemoves) {
  std::string main = "原告 5\n被告 5\n";
  std::string user = "原告 100\n被告 0\n诉讼请求\n# a comment\n\n";
  auto d = Dictionary::Build({{"main", main, 0}, {"user", user, 1000}});
  ASSERT_TRUE(d.ok()) << d.status().ToString();
  std::u32string a = U(U"原告"), b = U(U"被告"), c = U(U"诉讼请求");
  double total = 5 + 5 + 100 + 0 + 1000;
  EXPECT_NEAR(d->LogProb(a.data(), a.size()), std::log(100 / total), 1e-12);
  EXPECT_FALSE(d->Contains(b.data(), b.size()));
  EXPECT_TRUE(d->IsRemoved(b.data(), b.size()));
  EXPECT_FALSE(d->IsRemoved(a.data(), a.size()));
  EXPECT_NEAR(d->LogProb(c.data(), c.size()), std::log(1000 / total), 1e-12);
}

TEST(DictionaryTest, NonBmpAndAsciiWords) {
  std::string text = "c++ 3 nz\n\xF0\xA0\x80\x80\xE5\xAD\x97 7\n";  // U+20000 followed by 字
  auto d = Dictionary::Build({{"t", text, 0}});
  ASSERT_TRUE(d.ok());
  std::u32string s = U(U"c++"), t = U(U"\U00020000字");
  EXPECT_TRUE(d->Contains(s.data(), s.size()));
  EXPECT_TRUE(d->Contains(t.data(), t.size()));
}

TEST(DictionaryTest, ErrorsNameFileAndLine) {
  auto d = Dictionary::Build({{"legal.dict", "原告 5\n被告\n", 0}});
  ASSERT_FALSE(d.ok());
  EXPECT_EQ(d.status().code(), Status::Code::kParseError);
  EXPECT_NE(d.status().message().find("legal.dict:2:"), std::string::npos) << d.status().message();
  auto bad = Dictionary::Build({{"x", "\xE5\xAD 5\n", 0}});
  ASSERT_FALSE(bad.ok());
  EXPECT_NE(bad.status().message().find("UTF-8"), std::string::npos);
}

}  // namespace
}  // namespace tianping::text
