// 案号 (case number) parser: （收案年度）法院代字[专门审判代字]类型代字案件编号号, SPC 法〔2015〕137号 as amended
// by 法〔2018〕335号, plus the pre-2016 style （2015）吴江商初字第01894号. Grammar, the rule that tells a
// 专门审判代字 from a 类型代字, special-court digits and error positions: docs/case-number.md.
// Thread-safety: the functions are pure (the type table is immutable once loaded); call from any thread.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>

#include "tianping/common/status.h"
#include "tianping/model/reference.h"

namespace tianping {

struct ParsedCaseNumber {
  std::string normalized;         // （2023）京0105民初12345号: full-width brackets, no spaces, ASCII digits
  int year = 0;                   // 收案年度
  std::string court_code;         // 法院代字 (最高法, 京, 京04, 京0105); for legacy numbers the raw court text
  std::optional<CourtLevel> court_level;  // from the code's shape; unknown for legacy numbers
  std::string province;           // 京 … 新, 兵, 军; empty for 最高法 and legacy numbers
  std::string division_code;      // six-digit GB/T 2260 code of an ordinary basic court (110105), else empty
  int special_code = 0;           // 71–99 when the court digits start with a special-court number, else 0
  std::string special_kind;       // 铁路运输 海事 知识产权 油田 森林 农垦 跨行政区划 特定区域, or empty
  std::string trial_character;    // 专门审判代字 (知 金 环 …), empty when absent
  std::string type_code;          // 类型代字 from data/ref/case_types.csv; legacy: normalised when possible
  std::string category;           // 管辖 刑事 民事 破产清算 行政 赔偿救助 司法协助 司法制裁 保全 执行 诉前调解
  std::string stage;              // 一审 二审 再审 再审审查 执行 非诉 其他
  std::string type_name;          // 民事一审案件 (from the type table)
  std::string sequence_text;      // 案件编号 digits as written (leading zeros kept: 01894)
  int64_t sequence = 0;           // its value
  std::string suffix;             // 之一, 之二 … written after 号, else empty
  bool legacy = false;            // pre-2016 style with 字第
  std::string legacy_type;        // legacy type text as written (刑二终, 商初), else empty
  std::string court_name;         // filled by ResolveCourt; empty when unknown
};

struct CaseNumberError {
  size_t position = 0;            // 0-based character (code point) index into the input; may equal its length
  std::string reason;             // "unknown type code '民x'"
};

// Parses one case number. On failure returns Status::ParseError("position N: reason") and, when `error`
// is given, fills it. Whitespace (ASCII and U+3000) anywhere is ignored. When data/ref/case_types.csv
// could not be loaded every call fails at position 0 with the load error.
Result<ParsedCaseNumber> ParseCaseNumber(std::string_view input, CaseNumberError* error = nullptr);

// Court-name lookup for a 法院代字; returns "" when unknown. ReferenceData::ResolveCourtName fits.
using CourtNameLookup = std::function<std::string(std::string_view court_code)>;
// Sets parsed->court_name via `lookup` (modern numbers only; legacy courts are place names).
void ResolveCourt(ParsedCaseNumber* parsed, const CourtNameLookup& lookup);

class JsonWriter;  // tianping/common/json_writer.h
// Writes the fields of `p` (normalized … legacy_type) into the object `w` has open: the one JSON form of a
// parsed 案号, shared by `tianping case-number` and GET /api/case-number.
void WriteCaseNumberFields(const ParsedCaseNumber& p, JsonWriter* w);

// Court level label used in outputs: 最高 高级 中级 基层.
const char* CourtLevelLabel(CourtLevel level);

}  // namespace tianping
