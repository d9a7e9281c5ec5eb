#include "text/citation.h"

#include <algorithm>
#include <string>
#include <utility>

#include "text/chinese_number.h"
#include "text/text_scan.h"

namespace tianping::text {
namespace {

// Short names courts use without 《》 after the first full citation (or always, in older documents).
constexpr std::pair<std::string_view, std::string_view> kBuiltinShortNames[] = {
    {"刑法", "中华人民共和国刑法"},
    {"刑事诉讼法", "中华人民共和国刑事诉讼法"},
    {"民事诉讼法", "中华人民共和国民事诉讼法"},
    {"行政诉讼法", "中华人民共和国行政诉讼法"},
    {"民法典", "中华人民共和国民法典"},
    {"合同法", "中华人民共和国合同法"},
    {"民法通则", "中华人民共和国民法通则"},
    {"担保法", "中华人民共和国担保法"},
    {"物权法", "中华人民共和国物权法"},
    {"婚姻法", "中华人民共和国婚姻法"},
    {"继承法", "中华人民共和国继承法"},
    {"侵权责任法", "中华人民共和国侵权责任法"},
    {"公司法", "中华人民共和国公司法"},
    {"劳动合同法", "中华人民共和国劳动合同法"},
    {"道路交通安全法", "中华人民共和国道路交通安全法"},
    {"行政处罚法", "中华人民共和国行政处罚法"},
};

struct ShortName {
  std::string short_name;
  std::string law;
};

// Reads a numeral run at i; returns its value (nullopt when none) and advances i.
std::optional<int64_t> ReadNumeral(std::string_view s, size_t* i) {
  size_t j = *i;
  while (j < s.size() && j - *i < 30) {
    size_t n;
    if (!IsNumeralCp(CpAt(s, j, &n))) break;
    j += n;
  }
  if (j == *i) return std::nullopt;
  auto v = ParseChineseInteger(s.substr(*i, j - *i));
  if (v) *i = j;
  return v;
}

// Parses 第X款 / 第（X）项 at i with the given unit; advances i on success.
bool ReadSub(std::string_view s, size_t* i, std::string_view unit, int* value) {
  size_t j = *i;
  if (!StartsWithAt(s, j, "第")) return false;
  j += 3;
  bool paren = false;
  for (std::string_view open : {"（", "("}) {
    if (StartsWithAt(s, j, open)) { j += open.size(); paren = true; break; }
  }
  auto v = ReadNumeral(s, &j);
  if (!v || *v <= 0 || *v > 10000) return false;
  if (paren) {
    bool closed = false;
    for (std::string_view close : {"）", ")"}) {
      if (StartsWithAt(s, j, close)) { j += close.size(); closed = true; break; }
    }
    if (!closed) return false;
  }
  if (!StartsWithAt(s, j, unit)) return false;
  *i = j + unit.size();
  *value = static_cast<int>(*v);
  return true;
}

// Parses the article chain after a law name at i, appending citations; returns the end offset.
size_t ReadArticles(std::string_view s, size_t i, const std::string& law, const std::string& written,
                    size_t name_begin, std::vector<Citation>* out) {
  bool first = true;
  int last_article = 0, last_suffix = 0;
  while (true) {
    size_t j = SkipSpaces(s, i);
    if (!first) {  // separators between articles
      bool sep = false;
      for (std::string_view p : {"、", "，", ",", "和", "以及", "及"}) {
        if (StartsWithAt(s, j, p)) { j = SkipSpaces(s, j + p.size()); sep = true; break; }
      }
      if (!sep || !StartsWithAt(s, j, "第")) return i;
    }
    if (!StartsWithAt(s, j, "第")) return i;
    size_t k = j + 3;
    Citation c;
    c.law = law;
    c.written_name = written;
    auto art = ReadNumeral(s, &k);
    if (art && StartsWithAt(s, k, "条") && *art > 0 && *art < 100000) {
      k += 3;
      c.article = static_cast<int>(*art);
      if (StartsWithAt(s, k, "之")) {
        size_t m = k + 3;
        auto suf = ReadNumeral(s, &m);
        if (suf && *suf > 0 && *suf < 100) { c.article_suffix = static_cast<int>(*suf); k = m; }
      }
    } else if (!first && last_article > 0) {
      // 第一百四十五条第一款、第二款: a sub-unit of the previous article.
      c.article = last_article;
      c.article_suffix = last_suffix;
      k = j;
      int v = 0;
      if (ReadSub(s, &k, "款", &v)) c.paragraph = v;
      else if (ReadSub(s, &k, "项", &v)) c.item = v;
      else return i;
    } else {
      return i;
    }
    int v = 0;
    if (c.paragraph == 0 && c.item == 0 && ReadSub(s, &k, "款", &v)) c.paragraph = v;
    if (c.item == 0 && ReadSub(s, &k, "项", &v)) c.item = v;
    c.span = {first ? name_begin : j, k};
    last_article = c.article;
    last_suffix = c.article_suffix;
    out->push_back(std::move(c));
    first = false;
    i = k;
  }
}

}  // namespace

std::string_view ResolveLawShortName(std::string_view name) {
  for (const auto& [short_name, full] : kBuiltinShortNames)
    if (name == short_name) return full;
  return name;
}

std::vector<Citation> ExtractCitations(std::string_view s) {
  std::vector<Citation> out;
  std::vector<ShortName> shorts;
  std::vector<Span> bracketed;  // 《…》 spans, so short-name matches inside them are skipped
  constexpr std::string_view kOpen = "《", kClose = "》";
  for (size_t i = s.find(kOpen); i != std::string_view::npos; i = s.find(kOpen, i)) {
    size_t name_begin = i;
    size_t close = s.find(kClose, i + kOpen.size());
    if (close == std::string_view::npos || close - i > 240) { i += kOpen.size(); continue; }
    std::string name(s.substr(i + kOpen.size(), close - i - kOpen.size()));
    bracketed.push_back({i, close + kClose.size()});
    size_t j = close + kClose.size();
    // （以下简称《民诉法解释》） or （以下简称民法典）
    size_t k = SkipSpaces(s, j);
    for (std::string_view open : {"（", "("}) {
      if (!StartsWithAt(s, k, open)) continue;
      size_t m = k + open.size();
      if (!StartsWithAt(s, m, "以下简称")) break;
      m += std::string_view("以下简称").size();
      size_t end = m;
      while (end < s.size() && end - m < 60 && !StartsWithAt(s, end, "）") && !StartsWithAt(s, end, ")")) ++end;
      std::string short_name(s.substr(m, end - m));
      for (std::string_view q : {"《", "》", "“", "”", "\""}) {
        for (size_t p = short_name.find(q); p != std::string::npos; p = short_name.find(q)) short_name.erase(p, q.size());
      }
      if (!short_name.empty() && end < s.size()) {
        shorts.push_back({short_name, name});
        j = end + (StartsWithAt(s, end, "）") ? 3 : 1);
      }
      break;
    }
    std::string law(ResolveLawShortName(name));
    for (const auto& sn : shorts) if (sn.short_name == name) law = sn.law;
    i = ReadArticles(s, j, law, name, name_begin, &out);
    if (i <= close) i = close + kClose.size();
  }
  // Short names followed directly by 第: declared ones first, then the built-in table.
  std::vector<ShortName> all = shorts;
  for (const auto& [short_name, full] : kBuiltinShortNames) all.push_back({std::string(short_name), std::string(full)});
  std::sort(all.begin(), all.end(), [](const ShortName& a, const ShortName& b) {
    return a.short_name.size() > b.short_name.size();
  });
  std::vector<Span> taken;
  for (const auto& sn : all) {
    std::string needle = sn.short_name + "第";
    for (size_t p = s.find(needle); p != std::string_view::npos; p = s.find(needle, p + needle.size())) {
      Span at{p, p + sn.short_name.size()};
      auto overlaps = [&](const Span& b) { return at.begin < b.end && b.begin < at.end; };
      if (std::any_of(bracketed.begin(), bracketed.end(), overlaps)) continue;
      if (std::any_of(taken.begin(), taken.end(), overlaps)) continue;
      taken.push_back(at);
      ReadArticles(s, at.end, sn.law, sn.short_name, p, &out);
    }
  }
  std::stable_sort(out.begin(), out.end(), [](const Citation& a, const Citation& b) { return a.span.begin < b.span.begin; });
  return out;
}

}  // namespace tianping::text
