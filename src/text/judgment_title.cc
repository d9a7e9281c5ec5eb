// Title: [published heading …书] COURT 法院 KIND 书 案号 — court, document kind and 案号 with spans.
#include <algorithm>
#include <cctype>

#include "text/judgment_parts.h"
#include "text/text_scan.h"
#include "tianping/model/case_number.h"

namespace tianping::text {
namespace {

// Document kinds, longest first so 刑事附带民事判决书 wins over 判决书.
constexpr std::string_view kKinds[] = {
    "刑事附带民事判决书", "刑事附带民事裁定书", "刑事附带民事调解书", "行政赔偿判决书", "行政赔偿调解书",
    "国家赔偿决定书", "刑事判决书", "刑事裁定书", "刑事决定书", "民事判决书", "民事裁定书", "民事调解书",
    "民事决定书", "行政判决书", "行政裁定书", "行政调解书", "执行裁定书", "执行决定书", "执行通知书",
    "赔偿决定书", "判决书", "裁定书", "调解书", "决定书", "支付令"};

// The document kind starting at i, also spaced out as in court originals (民 事 判 决 书); *end gets the
// offset after it.
std::string_view KindAt(std::string_view s, size_t i, size_t* end = nullptr) {
  for (std::string_view k : kKinds) {
    size_t p = i;
    bool ok = true;
    for (size_t c = 0; c < k.size() && ok; c += 3) {  // every kind character is three bytes in UTF-8
      if (c > 0) p = SkipSpaces(s, p);
      ok = StartsWithAt(s, p, k.substr(c, 3));
      p += 3;
    }
    if (ok) {
      if (end) *end = p;
      return k;
    }
  }
  return {};
}

bool IsOpenBracket(char32_t c) { return c == 0xFF08 || c == '(' || c == 0x3014 || c == '[' || c == 0xFF3B || c == 0x3010 || c == 0x3016; }
bool IsCloseBracket(char32_t c) { return c == 0xFF09 || c == ')' || c == 0x3015 || c == ']' || c == 0xFF3D || c == 0x3011 || c == 0x3017; }

// Court name ending at `end` (just past 法院): Han characters back to a boundary (non-Han, or the 书 of
// a published heading before it), at most 30 characters.
size_t CourtStart(std::string_view s, size_t end) {
  size_t i = end, count = 0;
  while (i > 0 && count < 30) {
    size_t p = PrevCp(s, i), n;
    char32_t c = CpAt(s, p, &n);
    if (!IsHan(c) || c == U'书' || c == U'令') break;
    i = p;
    ++count;
  }
  return i;
}

}  // namespace

std::vector<CaseNumberHit> FindCaseNumbers(std::string_view s, size_t from, size_t to, size_t max_hits) {
  std::vector<CaseNumberHit> out;
  to = std::min(to, s.size());
  size_t i = from;
  while (i < to && out.size() < max_hits) {
    size_t n;
    char32_t c = CpAt(s, i, &n);
    if (!IsOpenBracket(c)) { i += n; continue; }
    size_t j = i + n, digits = 0;
    while (j < s.size() && digits < 4) {
      size_t m;
      char32_t d = CpAt(s, j, &m);
      if (!IsAsciiDigit(d) && !IsFullDigit(d)) break;
      j += m;
      ++digits;
    }
    size_t m;
    if (digits != 4 || j >= s.size() || !IsCloseBracket(CpAt(s, j, &m))) { i += n; continue; }
    j += m;
    size_t k = j, count = 0, end = 0;
    while (k < s.size() && count < 40) {
      size_t q;
      char32_t d = CpAt(s, k, &q);
      if (d == U'号') { end = k + q; break; }
      if (!(IsHan(d) || IsAsciiDigit(d) || IsFullDigit(d) || (d < 0x80 && std::isalpha(static_cast<int>(d))) ||
            d == U'×' || d == U'＊' || d == '*' || d == '-' || d == U'－' || IsSpaceCp(d)))
        break;
      k += q;
      ++count;
    }
    if (end == 0 || end - j < 4) { i += n; continue; }
    if (StartsWithAt(s, end, "之")) {
      size_t q;
      size_t e = end + 3;
      if (e < s.size() && IsHan(CpAt(s, e, &q)) && CpAt(s, e, &q) != U'规') end = e + q;
    }
    out.push_back({{i, end}, std::string(s.substr(i, end - i))});
    i = end;
  }
  return out;
}

size_t ParseTitle(std::string_view s, ParsedJudgment* j) {
  constexpr std::string_view kCourt = "法院";
  size_t limit = std::min<size_t>(s.size(), 1200);
  size_t title_end = 0;
  // The first 法院 followed (after spaces/line breaks) by a document kind.
  for (size_t p = s.find(kCourt); p != std::string_view::npos && p < limit; p = s.find(kCourt, p + 1)) {
    size_t after = p + kCourt.size();
    // 新疆维吾尔自治区高级人民法院伊犁哈萨克自治州分院: a branch court named after its parent.
    size_t branch = s.find("分院", after);
    if (branch != std::string_view::npos && branch - after <= 45) {
      bool han = true;
      for (size_t q = after; q < branch && han;) {
        size_t n;
        han = IsHan(CpAt(s, q, &n));
        q += n;
      }
      if (han) after = branch + std::string_view("分院").size();
    }
    size_t k = after;
    while (k < s.size() && (s[k] == '\n' || s[k] == '\r')) ++k;
    k = SkipSpaces(s, k);
    while (k < s.size() && (s[k] == '\n' || s[k] == '\r')) ++k;
    size_t kind_end = k;
    std::string_view kind = KindAt(s, k, &kind_end);
    if (kind.empty()) continue;
    size_t start = CourtStart(s, after);
    if (after - start < 9) continue;  // at least three characters (X法院 is too short)
    j->court = std::string(s.substr(start, after - start));
    j->court_span = {start, after};
    j->kind = std::string(kind);
    j->kind_span = {k, kind_end};
    title_end = kind_end;
    break;
  }
  // Without a court heading, the title can only be in the head: before the first ， or 。 (a court or 案号
  // quoted in the body is not the title).
  size_t head = limit;
  for (std::string_view p : {"，", "。"}) head = std::min(head, s.find(p) == std::string_view::npos ? head : s.find(p));
  if (j->kind.empty()) {  // no court heading: the first kind word, the first court name
    for (size_t i = 0; i < head;) {
      std::string_view kind = KindAt(s, i);
      if (!kind.empty()) {
        j->kind = std::string(kind);
        j->kind_span = {i, i + kind.size()};
        title_end = i + kind.size();
        break;
      }
      size_t n;
      CpAt(s, i, &n);
      i += n;
    }
    size_t p = s.find(kCourt);
    if (p != std::string_view::npos && p < head) {
      size_t start = CourtStart(s, p + kCourt.size());
      if (p + kCourt.size() - start >= 9) {
        j->court = std::string(s.substr(start, p + kCourt.size() - start));
        j->court_span = {start, p + kCourt.size()};
        title_end = std::max(title_end, p + kCourt.size());
      }
    }
  }
  // 案号: right after the title, else the first one in the head.
  auto hits = FindCaseNumbers(s, title_end, std::min(s.size(), title_end + 200), 1);
  if (hits.empty() || hits[0].span.begin > title_end + 12)
    hits = FindCaseNumbers(s, 0, j->kind_span.empty() ? head : limit, 1);
  if (!hits.empty()) {
    j->case_number = hits[0].raw;
    j->case_number_span = hits[0].span;
    auto parsed = ParseCaseNumber(hits[0].raw);
    if (parsed.ok()) j->case_number_normalized = parsed->normalized;
    title_end = std::max(title_end, hits[0].span.end);
  }
  j->section(SectionKind::kTitle) = {0, title_end};
  return title_end;
}

size_t SentenceStart(std::string_view s, size_t pos, size_t floor) {
  size_t i = pos;
  while (i > floor) {
    size_t p = PrevCp(s, i), n;
    char32_t c = CpAt(s, p, &n);
    if (c == U'。' || c == U'；' || c == '\n' || c == ';') break;
    i = p;
  }
  return SkipSpaces(s, i);
}

size_t SentenceEnd(std::string_view s, size_t pos, size_t limit) {
  limit = std::min(limit, s.size());
  size_t i = pos;
  while (i < limit) {
    size_t n;
    char32_t c = CpAt(s, i, &n);
    i += n;
    if (c == U'。' || c == '\n') break;
  }
  return std::min(i, limit);
}

}  // namespace tianping::text
