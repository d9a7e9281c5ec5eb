// Chinese numerals as used in judgment documents: dates in the signature (二〇二三年五月十日), article
// numbers (第六百七十五条), lower-case counts (十五日, 有期徒刑三年), and upper-case money (大写:
// 壹万贰仟元整). Also Arabic money figures in yuan as printed in the body (12000元, 12000.5元).
// Thread-safety: pure functions.
#pragma once

#include <cstdint>
#include <string>

#include "tianping/common/date.h"
#include "tianping/model/case.h"

namespace tianping::gen {

// Lower-case reading of n: 0 → 零, 10 → 十, 15 → 十五, 110 → 一百一十, 1005 → 一千零五,
// 100000 → 十万. REQUIRES: 0 <= n < 10^12.
std::string ChineseInt(int64_t n);
void AppendChineseInt(std::string* out, int64_t n);

// Year digit by digit with 〇 (U+3007) for zero: 2023 → 二〇二三.
void AppendChineseYear(std::string* out, int year);
// 二〇二三年五月十日.
std::string ChineseDate(Date d);
void AppendChineseDate(std::string* out, Date d);

// 第六百七十五条.
std::string ArticleNumber(int n);

// Upper-case money (大写金额): 1200000 fen → 壹万贰仟元整; 10050 → 壹佰元伍角;
// 10005 → 壹佰元零伍分; 1000 → 壹拾元整. REQUIRES: 0 <= fen < 10^14.
std::string CapitalAmount(Fen fen);

// Figures in yuan without separators: 1200000 → "12000", 1200050 → "12000.5", 1200005 → "12000.05".
std::string YuanFigures(Fen fen);
void AppendYuan(std::string* out, Fen fen);

// Arabic date as printed in the body of a judgment: 2023年5月10日.
void AppendArabicDate(std::string* out, Date d);
std::string ArabicDate(Date d);

}  // namespace tianping::gen
