#include "gen/chinese_numerals.h"

#include <string_view>

namespace tianping::gen {
namespace {

constexpr std::string_view kLower[] = {"零", "一", "二", "三", "四", "五", "六", "七", "八", "九"};
constexpr std::string_view kUpper[] = {"零", "壹", "贰", "叁", "肆", "伍", "陆", "柒", "捌", "玖"};
constexpr std::string_view kLowerUnits[] = {"", "十", "百", "千"};
constexpr std::string_view kUpperUnits[] = {"", "拾", "佰", "仟"};

// Appends a group of up to four digits (1..9999) with inner zeros read once (一千零五).
void AppendGroup(std::string* out, int g, const std::string_view* digits, const std::string_view* units) {
  bool emitted = false, pending_zero = false;
  for (int pos = 3; pos >= 0; --pos) {
    int p10 = pos == 3 ? 1000 : pos == 2 ? 100 : pos == 1 ? 10 : 1;
    int d = (g / p10) % 10;
    if (d == 0) {
      if (emitted) pending_zero = true;
      continue;
    }
    if (pending_zero) out->append(digits[0]);
    pending_zero = false;
    out->append(digits[d]);
    out->append(units[pos]);
    emitted = true;
  }
}

// Numbers up to 10^12 - 1 in groups of 万 and 亿.
void AppendNumber(std::string* out, int64_t n, const std::string_view* digits, const std::string_view* units,
                  std::string_view wan, std::string_view yi) {
  if (n == 0) { out->append(digits[0]); return; }
  int groups[3] = {static_cast<int>(n / 100000000), static_cast<int>((n / 10000) % 10000),
                   static_cast<int>(n % 10000)};
  std::string_view suffix[3] = {yi, wan, ""};
  bool any = false, gap = false;
  int prev = 0;
  for (int i = 0; i < 3; ++i) {
    if (groups[i] == 0) {
      if (any) gap = true;
      continue;
    }
    // Zeros between two non-zero digits across groups are read once as 零: 一万零五, 一亿零一千,
    // 一百万零五千 (the 万 place of 1005000 is zero), but 十二万五千.
    if (any && (gap || groups[i] < 1000 || prev % 10 == 0)) out->append(digits[0]);
    prev = groups[i];
    AppendGroup(out, groups[i], digits, units);
    out->append(suffix[i]);
    any = true;
    gap = false;
  }
}

}  // namespace

void AppendChineseInt(std::string* out, int64_t n) {
  size_t start = out->size();
  AppendNumber(out, n, kLower, kLowerUnits, "万", "亿");
  // 一十五 → 十五, 一十万 → 十万 (only at the very start of the number).
  std::string_view head(out->data() + start, out->size() - start);
  if (head.substr(0, 6) == "一十") out->erase(start, 3);
}

std::string ChineseInt(int64_t n) {
  std::string s;
  AppendChineseInt(&s, n);
  return s;
}

void AppendChineseYear(std::string* out, int year) {
  char buf[8];
  int len = 0;
  int y = year;
  do { buf[len++] = static_cast<char>('0' + y % 10); y /= 10; } while (y > 0 && len < 8);
  for (int i = len - 1; i >= 0; --i) {
    int d = buf[i] - '0';
    out->append(d == 0 ? std::string_view("〇") : kLower[d]);
  }
}

void AppendChineseDate(std::string* out, Date d) {
  AppendChineseYear(out, d.year());
  out->append("年");
  AppendChineseInt(out, d.month());
  out->append("月");
  AppendChineseInt(out, d.day());
  out->append("日");
}

std::string ChineseDate(Date d) {
  std::string s;
  AppendChineseDate(&s, d);
  return s;
}

std::string ArticleNumber(int n) {
  std::string s = "第";
  AppendChineseInt(&s, n);
  s.append("条");
  return s;
}

std::string CapitalAmount(Fen fen) {
  std::string s;
  int64_t yuan = fen / 100;
  int jiao = static_cast<int>((fen / 10) % 10), cents = static_cast<int>(fen % 10);
  if (yuan > 0) {
    AppendNumber(&s, yuan, kUpper, kUpperUnits, "万", "亿");
    s.append("元");
  }
  if (jiao > 0) {
    s.append(kUpper[jiao]);
    s.append("角");
  }
  if (cents > 0) {
    if (jiao == 0 && yuan > 0) s.append("零");
    s.append(kUpper[cents]);
    s.append("分");
  }
  if (s.empty()) s = "零元";
  if (cents == 0 && jiao == 0) s.append("整");
  return s;
}

void AppendYuan(std::string* out, Fen fen) {
  if (fen < 0) { out->push_back('-'); fen = -fen; }
  out->append(std::to_string(fen / 100));
  int rest = static_cast<int>(fen % 100);
  if (rest != 0) {
    out->push_back('.');
    out->push_back(static_cast<char>('0' + rest / 10));
    if (rest % 10 != 0) out->push_back(static_cast<char>('0' + rest % 10));
  }
}

std::string YuanFigures(Fen fen) {
  std::string s;
  AppendYuan(&s, fen);
  return s;
}

void AppendArabicDate(std::string* out, Date d) {
  out->append(std::to_string(d.year()));
  out->append("年");
  out->append(std::to_string(d.month()));
  out->append("月");
  out->append(std::to_string(d.day()));
  out->append("日");
}

std::string ArabicDate(Date d) {
  std::string s;
  AppendArabicDate(&s, d);
  return s;
}

}  // namespace tianping::gen
