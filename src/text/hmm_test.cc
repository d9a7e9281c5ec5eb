#include "hmm.h"

#include <gtest/gtest.h>

#include "py_literal.h"

namespace tianping::text {
namespace {

// A toy model: 张 begins words, 三 ends them, 在 stands alone; transitions as in jieba's model.
Hmm ToyHmm() {
  Hmm::Params p;
  p.start = {-0.26, Hmm::kMinLogProb, Hmm::kMinLogProb, -1.47};
  for (auto& row : p.trans) row.fill(Hmm::kMinLogProb);
  p.trans[Hmm::kB][Hmm::kE] = -0.51; p.trans[Hmm::kB][Hmm::kM] = -0.92;
  p.trans[Hmm::kE][Hmm::kB] = -0.59; p.trans[Hmm::kE][Hmm::kS] = -0.81;
  p.trans[Hmm::kM][Hmm::kE] = -0.33; p.trans[Hmm::kM][Hmm::kM] = -1.26;
  p.trans[Hmm::kS][Hmm::kB] = -0.72; p.trans[Hmm::kS][Hmm::kS] = -0.67;
  //            B     E     M     S
  p.emit.push_back({U'张', {-1.0, -9.0, -9.0, -9.0}});
  p.emit.push_back({U'三', {-9.0, -1.0, -5.0, -9.0}});
  p.emit.push_back({U'在', {-9.0, -9.0, -9.0, -1.0}});
  p.emit.push_back({U'小', {-9.0, -9.0, -1.0, -9.0}});
  return Hmm(p);
}

std::vector<size_t> Ends(const Hmm& h, const std::u32string& s) {
  std::vector<size_t> ends;
  h.Cut(s.data(), s.size(), &ends);
  return ends;
}

TEST(HmmTest, ViterbiFollowsEmissions) {
  Hmm h = ToyHmm();
  std::u32string s = U"张三在张小三";
  std::vector<Hmm::State> states;
  h.Viterbi(s.data(), s.size(), &states);
  std::vector<Hmm::State> want = {Hmm::kB, Hmm::kE, Hmm::kS, Hmm::kB, Hmm::kM, Hmm::kE};
  EXPECT_EQ(states, want);
  EXPECT_EQ(Ends(h, s), (std::vector<size_t>{2, 3, 6}));
}

TEST(HmmTest, UnknownCharactersStillGiveAValidSegmentation) {
  Hmm h = ToyHmm();
  std::u32string s = U"龘龘龘";
  auto ends = Ends(h, s);
  ASSERT_FALSE(ends.empty());
  EXPECT_EQ(ends.back(), 3u);
  // A lone 张 cannot end in B: the last state is E or S.
  EXPECT_EQ(Ends(h, U"张"), (std::vector<size_t>{1}));
}

TEST(PyLiteralTest, ParsesJiebaStyleDicts) {
  std::string text =
      "from __future__ import unicode_literals\n# comment\nP={'B': {'\\u4e00': -3.65,\n"
      "       u'\\u4e01': -8.1e+00, '\xE4\xB8\x83': 2},  # trailing\n 'E': -3.14e+100,}\n";
  auto v = ParsePyDict(text, "prob.py");
  ASSERT_TRUE(v.ok()) << v.status().ToString();
  ASSERT_TRUE(v->is_dict);
  ASSERT_EQ(v->items.size(), 2u);
  const auto& b = v->items[0].second;
  ASSERT_EQ(b.items.size(), 3u);
  EXPECT_EQ(b.items[0].first, "一");
  EXPECT_DOUBLE_EQ(b.items[0].second.number, -3.65);
  EXPECT_EQ(b.items[1].first, "丁");
  EXPECT_EQ(b.items[2].first, "七");
  EXPECT_DOUBLE_EQ(v->items[1].second.number, -3.14e100);
}

TEST(PyLiteralTest, ErrorsSayWhere) {
  auto v = ParsePyDict("P={'B': -1, 'E' -2}", "x.py");
  ASSERT_FALSE(v.ok());
  EXPECT_NE(v.status().message().find("x.py: byte"), std::string::npos) << v.status().message();
  EXPECT_FALSE(ParsePyDict("nothing here", "y.py").ok());
  EXPECT_FALSE(ParsePyDict("P={'B': ", "z.py").ok());
}

}  // namespace
}  // namespace tianping::text
