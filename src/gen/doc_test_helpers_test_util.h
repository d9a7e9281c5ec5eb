// Helpers shared by the document-writer tests (test-only): rendering with a seed, substring counts,
// and an independent reader of upper-case amounts for the words-vs-figures check.
#pragma once

#include <gtest/gtest.h>

#include <string>
#include <string_view>
#include <vector>

#include "gen/document_writer.h"
#include "gen/sample_cases_test_util.h"

namespace tianping::gen::testing {

inline RenderedDocument Render(const Case& c, uint64_t seed, const DocumentPlan& plan = {}) {
  Rng rng(seed);
  return RenderDocument(c, nullptr, SampleRef(), rng, plan);
}

inline bool Has(const std::string& text, std::string_view s) { return text.find(s) != std::string::npos; }

inline size_t CountOf(const std::string& text, std::string_view s) {
  size_t n = 0;
  for (size_t p = text.find(s); p != std::string::npos; p = text.find(s, p + s.size())) ++n;
  return n;
}

inline std::vector<Case> AllSamples() {
  return {testing::LoanCase(),   testing::CriminalCase(),       testing::MediationCase(), testing::WithdrawalCase(),
          testing::AppealCase(), testing::AdministrativeCase(), testing::ExecutionCase()};
}

// Independent reader of upper-case amounts (大写) for the words-vs-figures check: fen, or -1.
inline int64_t ParseCapital(std::string_view s) {
  static constexpr std::string_view kDigits[] = {"零", "壹", "贰", "叁", "肆", "伍", "陆", "柒", "捌", "玖"};
  int64_t total = 0, section = 0, digit = 0, fen = 0;
  while (!s.empty()) {
    std::string_view ch = s.substr(0, 3);
    s.remove_prefix(3);
    int d = -1;
    for (int i = 0; i < 10; ++i) if (ch == kDigits[i]) d = i;
    if (d >= 0) { digit = d; continue; }
    if (ch == "拾") { section += (digit ? digit : 1) * 10; digit = 0; }
    else if (ch == "佰") { section += digit * 100; digit = 0; }
    else if (ch == "仟") { section += digit * 1000; digit = 0; }
    else if (ch == "万") { total += (section + digit) * 10000; section = digit = 0; }
    else if (ch == "亿") { total = (total + section + digit) * 100000000; section = digit = 0; }
    else if (ch == "元") { total += section + digit; section = digit = 0; fen = total * 100; total = 0; }
    else if (ch == "角") { fen += digit * 10; digit = 0; }
    else if (ch == "分") { fen += digit; digit = 0; }
    else if (ch == "整") {}
    else return -1;
  }
  return fen;
}

inline int64_t ParseFiguresFen(std::string_view s) {  // "85000" or "85000.5"
  int64_t yuan = 0, frac = 0, scale = 0;
  for (char ch : s) {
    if (ch == '.') { scale = 1; continue; }
    if (ch < '0' || ch > '9') return -1;
    if (scale) { frac = frac * 10 + (ch - '0'); scale *= 10; }
    else yuan = yuan * 10 + (ch - '0');
  }
  if (scale == 10) frac *= 10;
  return yuan * 100 + frac;
}

// Every "人民币<大写>（<figures>元）" in `text` agrees.
inline void ExpectWordsMatchFigures(const std::string& text) {
  const std::string open = "人民币", paren = "（", close = "元）";
  for (size_t p = text.find(open); p != std::string::npos; p = text.find(open, p + 1)) {
    size_t a = p + open.size();
    size_t b = text.find(paren, a);
    if (b == std::string::npos) continue;
    std::string words = text.substr(a, b - a);
    if (words.empty() || words.find("元") == std::string::npos || words.size() > 90) continue;
    if (ParseCapital(words) < 0) continue;  // lower-case figures such as 罚金人民币五千元
    size_t c = text.find(close, b);
    ASSERT_NE(c, std::string::npos);
    std::string figures = text.substr(b + paren.size(), c - b - paren.size());
    EXPECT_EQ(ParseCapital(words), ParseFiguresFen(figures)) << words << " vs " << figures;
  }
}

}  // namespace tianping::gen::testing
