#include "text/chinese_number.h"

#include <string>
#include <vector>

#include "text/text_scan.h"

namespace tianping::text {
namespace {

constexpr int64_t kMax = 1'000'000'000'000'000LL;

// Digit value 0–9 of a code point, or -1.
int DigitValue(char32_t c) {
  if (IsAsciiDigit(c)) return static_cast<int>(c - '0');
  if (IsFullDigit(c)) return static_cast<int>(c - 0xFF10);
  switch (c) {
    case U'〇': case U'○': case U'零': case U'O': case U'o': case U'Ｏ': case U'Ο': case U'◯': return 0;
    case U'一': case U'壹': case U'幺': return 1;
    case U'二': case U'贰':  case U'两': case U'貳': return 2;
    case U'三': case U'叁': case U'參': return 3;
    case U'四': case U'肆': return 4;
    case U'五': case U'伍': return 5;
    case U'六': case U'陆': case U'陸': return 6;
    case U'七': case U'柒': return 7;
    case U'八': case U'捌': return 8;
    case U'九': case U'玖': return 9;
    default: return -1;
  }
}

// Unit value of a code point (十 百 千 万 亿 and 大写 forms), or 0.
int64_t UnitValue(char32_t c) {
  switch (c) {
    case U'十': case U'拾': return 10;
    case U'百': case U'佰': return 100;
    case U'千': case U'仟': return 1000;
    case U'万': case U'萬': return 10000;
    case U'亿': case U'億': return 100000000;
    default: return 0;
  }
}

std::vector<char32_t> Decode(std::string_view s) {
  std::vector<char32_t> out;
  for (size_t i = 0; i < s.size();) {
    size_t n;
    out.push_back(CpAt(s, i, &n));
    i += n;
  }
  return out;
}

}  // namespace

bool IsNumeralCp(char32_t c) { return DigitValue(c) >= 0 || UnitValue(c) > 0; }

std::optional<int64_t> ParseChineseInteger(std::string_view s) {
  std::vector<char32_t> cps = Decode(s);
  if (cps.empty()) return std::nullopt;
  bool has_unit = false;
  for (char32_t c : cps) {
    if (UnitValue(c) > 0) has_unit = true;
    else if (DigitValue(c) < 0) return std::nullopt;
  }
  if (!has_unit) {  // digit by digit: 二〇二三, 2023
    if (cps.size() > 15) return std::nullopt;
    int64_t v = 0;
    for (char32_t c : cps) v = v * 10 + DigitValue(c);
    return v;
  }
  // Positional: total (above 亿), section (below 万 within the current 万 group), number (pending digits).
  int64_t total = 0, wan = 0, section = 0, number = 0;
  bool pending = false;
  for (char32_t c : cps) {
    int d = DigitValue(c);
    if (d >= 0) {
      number = pending ? number * 10 + d : d;  // Arabic runs such as "3" in 3万 or 12 in 12万
      pending = true;
      if (number > kMax) return std::nullopt;
      continue;
    }
    int64_t u = UnitValue(c);
    if (u < 10000) {
      if (!pending) number = 1;  // 十五 → 15
      section += number * u;
    } else if (u == 10000) {
      section += pending ? number : 0;
      if (section == 0) section = 1;
      wan += section * 10000;
      section = 0;
    } else {
      section += pending ? number : 0;
      int64_t part = wan + section;
      if (part == 0) part = 1;
      total = (total + part) * 100000000;
      wan = section = 0;
    }
    number = 0;
    pending = false;
    if (total > kMax || wan > kMax || section > kMax) return std::nullopt;
  }
  int64_t v = total + wan + section + (pending ? number : 0);
  if (v > kMax) return std::nullopt;
  return v;
}

std::optional<Date> ParseDateAt(std::string_view s, size_t* consumed) {
  size_t i = 0;
  auto take_run = [&](size_t max_cps) -> std::string_view {
    size_t start = i, count = 0;
    while (i < s.size() && count < max_cps) {
      size_t n;
      char32_t c = CpAt(s, i, &n);
      if (!IsNumeralCp(c) || UnitValue(c) >= 10000) break;
      i += n;
      ++count;
    }
    return s.substr(start, i - start);
  };
  auto expect = [&](std::string_view lit) {
    if (!StartsWithAt(s, i, lit)) return false;
    i += lit.size();
    return true;
  };
  std::string_view ys = take_run(4);
  auto year = ParseChineseInteger(ys);
  if (!year || *year < 1900 || *year > 2200 || !expect("年")) return std::nullopt;
  auto month = ParseChineseInteger(take_run(3));
  if (!month || !expect("月")) return std::nullopt;
  auto day = ParseChineseInteger(take_run(3));
  if (!day || !(expect("日") || expect("号"))) return std::nullopt;
  if (!Date::IsValidYmd(static_cast<int>(*year), static_cast<int>(*month), static_cast<int>(*day)))
    return std::nullopt;
  if (consumed) *consumed = i;
  return Date::FromYmd(static_cast<int>(*year), static_cast<int>(*month), static_cast<int>(*day));
}

std::optional<Fen> ParseAmountAt(std::string_view s, size_t* consumed) {
  size_t i = 0;
  if (StartsWithAt(s, i, "人民币")) i += std::string_view("人民币").size();
  // Integer part: numeral characters, Arabic digits with separators, and at most one decimal point.
  std::string digits;       // normalised numeral text (separators removed)
  std::string frac;         // Arabic decimals
  bool arabic = false, chinese = false, in_frac = false;
  size_t num_start = i;
  while (i < s.size()) {
    size_t n;
    char32_t c = CpAt(s, i, &n);
    int d = DigitValue(c);
    bool ascii_digit = IsAsciiDigit(c) || IsFullDigit(c);
    if (ascii_digit) {
      arabic = true;
      (in_frac ? frac : digits).push_back(static_cast<char>('0' + d));
    } else if ((c == '.' || c == 0xFF0E) && arabic && !in_frac) {
      in_frac = true;
    } else if ((c == ',' || c == 0xFF0C) && arabic && !in_frac && i + n < s.size()) {
      // A thousands separator only when three digits follow.
      size_t j = i + n, k = 0;
      while (k < 3 && j < s.size() && IsAsciiDigit(static_cast<unsigned char>(s[j]))) { ++j; ++k; }
      if (k != 3) break;
    } else if (d >= 0 || UnitValue(c) > 0) {
      if (in_frac) break;
      if (UnitValue(c) >= 10000 && arabic) break;  // 1.5万 handled below as a multiplier
      chinese = true;
      digits.append(s.substr(i, n));
    } else {
      break;
    }
    i += n;
  }
  if (i == num_start || digits.empty()) return std::nullopt;
  int64_t multiplier = 1;
  if (StartsWithAt(s, i, "万")) { multiplier = 10000; i += 3; }
  else if (StartsWithAt(s, i, "亿")) { multiplier = 100000000; i += 3; }
  if (!(StartsWithAt(s, i, "元") || StartsWithAt(s, i, "圆"))) return std::nullopt;
  i += 3;
  auto whole = ParseChineseInteger(digits);
  if (!whole) return std::nullopt;
  Fen fen = 0;
  if (arabic && !chinese) {
    // Exact decimal arithmetic in fen: whole * multiplier * 100 + fraction scaled.
    Fen scale = multiplier * 100;
    fen = *whole * scale;
    Fen unit = scale;
    for (char f : frac) {
      unit /= 10;
      if (unit == 0) break;
      fen += (f - '0') * unit;
    }
  } else {
    if (!frac.empty()) return std::nullopt;
    fen = *whole * multiplier * 100;
  }
  // 角 and 分 after 元 (大写 or lower-case digits).
  for (auto [unit_text, unit_fen] : {std::pair{std::string_view("角"), 10}, std::pair{std::string_view("分"), 1}}) {
    size_t n;
    if (i < s.size()) {
      char32_t c = CpAt(s, i, &n);
      if (c == U'零') { i += n; if (i >= s.size()) break; c = CpAt(s, i, &n); }
      int d = DigitValue(c);
      if (d >= 0 && StartsWithAt(s, i + n, unit_text)) {
        fen += d * unit_fen;
        i += n + unit_text.size();
      }
    }
  }
  if (StartsWithAt(s, i, "整")) i += 3;
  if (consumed) *consumed = i;
  return fen;
}

}  // namespace tianping::text
