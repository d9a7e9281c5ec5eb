// 案号 parser. Grammar and rules: docs/case-number.md.
#include "tianping/model/case_number.h"

#include <array>
#include <cstring>
#include <vector>

#include <unicode/utf8.h>

#include "tianping/common/json_writer.h"
#include "tianping/model/case_type_table.h"

namespace tianping {
namespace {

constexpr int kMinYear = 1949;
constexpr int kMaxYear = 2099;
constexpr size_t kMaxSequenceDigits = 8;

// One input character after normalisation (full-width digits → ASCII), with its index in the input.
struct Ch {
  char32_t cp;
  size_t pos;
};

void AppendUtf8(std::string* out, char32_t cp) {
  char buf[U8_MAX_LENGTH];
  int32_t n = 0;
  U8_APPEND_UNSAFE(buf, n, static_cast<UChar32>(cp));
  out->append(buf, static_cast<size_t>(n));
}

// Decodes one UTF-8 character at s[*i]; returns false on a malformed sequence (overlong, surrogate,
// truncated, out of range): ICU's U8_NEXT.
bool DecodeUtf8(std::string_view s, size_t* i, char32_t* cp) {
  int32_t at = static_cast<int32_t>(*i);
  UChar32 c;
  U8_NEXT(reinterpret_cast<const uint8_t*>(s.data()), at, static_cast<int32_t>(s.size()), c);
  if (c < 0) return false;
  *cp = static_cast<char32_t>(c);
  *i = static_cast<size_t>(at);
  return true;
}

// Whitespace and invisible characters dropped before parsing (BOM and zero-width space included).
bool IsSpace(char32_t c) {
  return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == 0x3000 || c == 0xA0 || c == 0xFEFF || c == 0x200B;
}
bool IsOpen(char32_t c) {
  return c == '(' || c == 0xFF08 || c == 0x3014 || c == '[' || c == 0xFF3B || c == 0x3010 || c == 0xFE5D;
}
bool IsClose(char32_t c) {
  return c == ')' || c == 0xFF09 || c == 0x3015 || c == ']' || c == 0xFF3D || c == 0x3011 || c == 0xFE5E;
}
bool IsDigit(char32_t c) { return c >= '0' && c <= '9'; }

std::string Text(const std::vector<Ch>& v, size_t b, size_t e) {
  std::string s;
  for (size_t i = b; i < e && i < v.size(); ++i) AppendUtf8(&s, v[i].cp);
  return s;
}

// Province abbreviations of high courts with the GB/T 2260 prefix of their area (兵团 66, 军 none).
struct ProvinceCode {
  const char* abbr;
  const char* prefix;
};
constexpr ProvinceCode kProvinces[] = {
    {"京", "11"}, {"津", "12"}, {"冀", "13"}, {"晋", "14"}, {"内", "15"}, {"辽", "21"}, {"吉", "22"},
    {"黑", "23"}, {"沪", "31"}, {"苏", "32"}, {"浙", "33"}, {"皖", "34"}, {"闽", "35"}, {"赣", "36"},
    {"鲁", "37"}, {"豫", "41"}, {"鄂", "42"}, {"湘", "43"}, {"粤", "44"}, {"桂", "45"}, {"琼", "46"},
    {"渝", "50"}, {"川", "51"}, {"黔", "52"}, {"云", "53"}, {"藏", "54"}, {"陕", "61"}, {"甘", "62"},
    {"青", "63"}, {"宁", "64"}, {"新", "65"}, {"兵", "66"}, {"军", ""}};

const ProvinceCode* FindProvince(const std::string& ch) {
  for (const auto& p : kProvinces) {
    if (ch == p.abbr) return &p;
  }
  return nullptr;
}

// 专门审判代字 accepted before a type code (docs/case-number.md: none of them starts a type code).
constexpr const char* kTrialCharacters[] = {"知", "金", "环", "海", "劳", "少", "家", "互"};

bool IsTrialCharacter(const std::string& ch) {
  for (const char* t : kTrialCharacters) {
    if (ch == t) return true;
  }
  return false;
}

// 74 was the oilfield courts' number in the 2015 rules; the financial courts created since 2018 took it in
// 沪 京 渝 (上海金融法院 沪74, 北京金融法院 京74, 成渝金融法院 渝74). docs/case-number.md.
const char* SpecialKind(int n, std::string_view province) {
  if (n == 71) return "铁路运输";
  if (n == 72) return "海事";
  if (n == 73) return "知识产权";
  if (n == 74) return province == "沪" || province == "京" || province == "渝" ? "金融" : "油田";
  if (n >= 75 && n <= 80) return "森林";
  if (n >= 81 && n <= 85) return "农垦";
  if (n >= 87 && n <= 95) return "跨行政区划";
  if (n >= 96 && n <= 99) return "特定区域";
  return "";
}

// Legacy (pre-2016) type text: category character, optional 庭 number (一 … 十), optional 公/自, then a
// stage text.
struct LegacyCategory {
  const char* ch;
  const char* prefix;    // prefix of the current code it maps to
  const char* category;
};
constexpr LegacyCategory kLegacyCategories[] = {
    {"刑", "刑", "刑事"}, {"民", "民", "民事"}, {"商", "民", "民事"}, {"经", "民", "民事"},
    {"知", "民", "民事"}, {"海", "民", "民事"}, {"行", "行", "行政"}, {"执", "执", "执行"},
    {"破", "破", "破产清算"}, {"赔", "赔", "赔偿救助"}};
constexpr const char* kLegacyStages[] = {"初", "终", "监", "申", "再", "抗", "核", "更", "特", "催", "督",
                                         "撤", "辖", "他", "复", "异", "恢", "保", "审", "提", "辖终",
                                         "再初", "再终"};
bool IsNumeral(char32_t c) {
  return c == U'一' || c == U'二' || c == U'三' || c == U'四' || c == U'五' || c == U'六' || c == U'七' ||
         c == U'八' || c == U'九' || c == U'十';
}

// Fills the legacy type fields when v[b, e) is a legacy type text.
bool ParseLegacyType(const std::vector<Ch>& v, size_t b, size_t e, ParsedCaseNumber* out) {
  if (b >= e) return false;
  std::string first = Text(v, b, b + 1);
  const LegacyCategory* cat = nullptr;
  for (const auto& c : kLegacyCategories) {
    if (first == c.ch) cat = &c;
  }
  if (!cat) return false;
  size_t i = b + 1;
  for (int k = 0; k < 2 && i < e && IsNumeral(v[i].cp); ++k) ++i;
  // 公诉 / 自诉 / 简易 qualifier: 刑公初, 民简初.
  if (i < e && (v[i].cp == U'公' || v[i].cp == U'自' || v[i].cp == U'简')) ++i;
  std::string stage = Text(v, i, e);
  bool ok = false;
  if (stage.empty()) {
    ok = std::strcmp(cat->prefix, "执") == 0 || std::strcmp(cat->prefix, "破") == 0 ||
         std::strcmp(cat->prefix, "赔") == 0;
  } else {
    for (const char* s : kLegacyStages) ok = ok || stage == s;
  }
  if (!ok) return false;
  out->legacy_type = Text(v, b, e);
  // A retrial heard at first or second instance (刑再终) is a retrial case today (刑再).
  std::string code = std::string(cat->prefix) + (stage == "再初" || stage == "再终" ? std::string("再") : stage);
  if (const CaseType* t = CaseTypeTable::Default().Find(code)) {
    out->type_code = t->code;
    out->category = t->category;
    out->stage = t->stage;
    out->type_name = t->name;
  } else {
    out->type_code.clear();
    out->category = cat->category;
    out->stage.clear();
    out->type_name.clear();
  }
  return true;
}

Status Fail(CaseNumberError* error, size_t pos, std::string reason) {
  if (error) {
    error->position = pos;
    error->reason = reason;
  }
  return Status::ParseError("position " + std::to_string(pos) + ": " + reason);
}

}  // namespace

const char* CourtLevelLabel(CourtLevel level) {
  switch (level) {
    case CourtLevel::kSupreme: return "最高";
    case CourtLevel::kHigh: return "高级";
    case CourtLevel::kIntermediate: return "中级";
    case CourtLevel::kBasic: return "基层";
  }
  return "";
}

Result<ParsedCaseNumber> ParseCaseNumber(std::string_view input, CaseNumberError* error) {
  const CaseTypeTable& types = CaseTypeTable::Default();
  if (types.types().empty()) return Fail(error, 0, "case-type table not loaded: " + types.load_status().message());

  // Decode, drop whitespace, map full-width digits to ASCII.
  std::vector<Ch> v;
  size_t chars = 0;
  for (size_t i = 0; i < input.size(); ++chars) {
    char32_t cp;
    size_t at = i;
    if (!DecodeUtf8(input, &i, &cp)) return Fail(error, chars, "invalid UTF-8 at byte " + std::to_string(at));
    if (IsSpace(cp)) continue;
    if (cp >= 0xFF10 && cp <= 0xFF19) cp = cp - 0xFF10 + '0';
    v.push_back({cp, chars});
  }
  const size_t end_pos = chars;
  auto pos_of = [&](size_t k) { return k < v.size() ? v[k].pos : end_pos; };

  if (v.empty()) return Fail(error, 0, "empty input");
  if (!IsOpen(v[0].cp)) return Fail(error, v[0].pos, "missing opening bracket before the year");

  ParsedCaseNumber out;
  size_t k = 1;
  size_t year_begin = k;
  while (k < v.size() && IsDigit(v[k].cp)) ++k;
  if (k - year_begin != 4) return Fail(error, pos_of(year_begin), "year must have 4 digits");
  for (size_t j = year_begin; j < k; ++j) out.year = out.year * 10 + static_cast<int>(v[j].cp - '0');
  if (out.year < kMinYear || out.year > kMaxYear) {
    return Fail(error, pos_of(year_begin), "year " + std::to_string(out.year) + " out of range " +
                                               std::to_string(kMinYear) + "-" + std::to_string(kMaxYear));
  }
  if (k >= v.size() || !IsClose(v[k].cp)) return Fail(error, pos_of(k), "missing closing bracket after the year");
  ++k;
  const size_t body_begin = k;

  // 号 ends the body; only 之一 … may follow it.
  size_t hao = body_begin;
  while (hao < v.size() && v[hao].cp != U'号') ++hao;
  if (hao >= v.size()) return Fail(error, end_pos, "missing 号");
  size_t after = hao + 1;
  if (after < v.size()) {
    if (v[after].cp != U'之') return Fail(error, v[after].pos, "unexpected text after 号");
    size_t j = after + 1;
    while (j < v.size() && j - after <= 3 && IsNumeral(v[j].cp)) ++j;
    if (j == after + 1 || j != v.size()) return Fail(error, pos_of(j), "unexpected text after 号");
    out.suffix = Text(v, after, v.size());
  }

  // Sequence digits just before 号.
  size_t seq_begin = hao;
  while (seq_begin > body_begin && IsDigit(v[seq_begin - 1].cp)) --seq_begin;
  if (seq_begin == hao) return Fail(error, v[hao].pos, "missing case sequence number before 号");
  if (hao - seq_begin > kMaxSequenceDigits) {
    return Fail(error, v[seq_begin].pos, "sequence number longer than " + std::to_string(kMaxSequenceDigits) + " digits");
  }
  out.sequence_text = Text(v, seq_begin, hao);
  for (size_t j = seq_begin; j < hao; ++j) out.sequence = out.sequence * 10 + (v[j].cp - '0');

  // Legacy style: …字第N号, …第N号 or …字N号.
  size_t body_end = seq_begin;
  bool legacy = false;
  if (body_end > body_begin && v[body_end - 1].cp == U'第') { --body_end; legacy = true; }
  if (body_end > body_begin && v[body_end - 1].cp == U'字') { --body_end; legacy = true; }
  std::string year_text = std::to_string(out.year);
  if (legacy) {
    if (body_end == body_begin) return Fail(error, pos_of(body_begin), "missing court code");
    size_t split = 0;
    bool found = false;
    for (size_t j = body_begin + 1; j < body_end && !found; ++j) {
      if (ParseLegacyType(v, j, body_end, &out)) { split = j; found = true; }
    }
    // Without court text the number is the SPC's own (（2015）民一他字第9号: 民一庭).
    if (!found && ParseLegacyType(v, body_begin, body_end, &out)) { split = body_begin; found = true; }
    if (!found) {
      return Fail(error, v[body_begin].pos, "unknown legacy court and type '" + Text(v, body_begin, body_end) + "'");
    }
    out.legacy = true;
    out.court_code = Text(v, body_begin, split);
    out.normalized = "（" + year_text + "）" + Text(v, body_begin, body_end) + "字第" + out.sequence_text + "号" + out.suffix;
    return out;
  }

  // Court code: 最高法 | province [2 or 4 digits].
  size_t j = body_begin;
  std::string first = Text(v, j, j + 1);
  if (Text(v, j, j + 3) == "最高法") {
    out.court_code = "最高法";
    out.court_level = CourtLevel::kSupreme;
    j += 3;
  } else if (const ProvinceCode* p = FindProvince(first)) {
    size_t d = j + 1;
    while (d < body_end && IsDigit(v[d].cp)) ++d;
    size_t ndigits = d - j - 1;
    if (ndigits != 0 && ndigits != 2 && ndigits != 4) {
      return Fail(error, v[j + 1].pos, "court code needs 0, 2 or 4 digits after '" + first + "', got " +
                                           std::to_string(ndigits));
    }
    out.province = first;
    out.court_code = Text(v, j, d);
    out.court_level = ndigits == 0 ? CourtLevel::kHigh : ndigits == 2 ? CourtLevel::kIntermediate : CourtLevel::kBasic;
    if (ndigits > 0) {
      int n = static_cast<int>((v[j + 1].cp - '0') * 10 + (v[j + 2].cp - '0'));
      if (n >= 71) {
        out.special_code = n;
        out.special_kind = SpecialKind(n, out.province);
      } else if (ndigits == 4 && *p->prefix) {
        out.division_code = std::string(p->prefix) + Text(v, j + 1, d);
      }
    }
    j = d;
  } else {
    std::string rest = Text(v, j, body_end);
    if (j < body_end && types.LongestPrefix(rest)) return Fail(error, v[j].pos, "missing court code");
    if (j == body_end) return Fail(error, pos_of(j), "missing court code and type code");
    return Fail(error, v[j].pos, "unknown court code '" + first + "'");
  }

  // [专门审判代字] 类型代字: the whole text up to the digits must be a code, else its first character is a
  // trial character followed by a code.
  if (j >= body_end) return Fail(error, pos_of(j), "missing type code");
  std::string type_text = Text(v, j, body_end);
  const CaseType* t = types.Find(type_text);
  if (!t && body_end - j >= 2) {
    std::string ch = Text(v, j, j + 1);
    const CaseType* rest = types.Find(Text(v, j + 1, body_end));
    if (rest && IsTrialCharacter(ch)) {
      out.trial_character = ch;
      t = rest;
    } else if (rest && !types.IsFirstCharacter(ch)) {
      return Fail(error, v[j].pos, "unknown specialised-trial character '" + ch + "'");
    }
  }
  if (!t) return Fail(error, v[j].pos, "unknown type code '" + type_text + "'");
  out.type_code = t->code;
  out.category = t->category;
  out.stage = t->stage;
  out.type_name = t->name;
  if (t->code == "刑核" && out.sequence_text.size() != 8) {
    return Fail(error, v[seq_begin].pos, "刑核 numbers have 8 digits, got " + std::to_string(out.sequence_text.size()));
  }
  out.normalized = "（" + year_text + "）" + out.court_code + out.trial_character + out.type_code +
                   out.sequence_text + "号" + out.suffix;
  return out;
}

void ResolveCourt(ParsedCaseNumber* parsed, const CourtNameLookup& lookup) {
  if (parsed->legacy || !lookup) return;
  parsed->court_name = lookup(parsed->court_code);
}

void WriteCaseNumberFields(const ParsedCaseNumber& p, JsonWriter* writer) {
  JsonWriter& w = *writer;
  w.Field("normalized", p.normalized);
  w.FieldInt("year", p.year);
  w.Field("court_code", p.court_code);
  w.Key("court_level");
  if (p.court_level) w.String(CourtLevelLabel(*p.court_level));
  else w.Null();
  w.Field("court_name", p.court_name);
  w.Field("province", p.province);
  w.Field("division_code", p.division_code);
  w.FieldInt("special_code", p.special_code);
  w.Field("special_kind", p.special_kind);
  w.Field("trial_character", p.trial_character);
  w.Field("type_code", p.type_code);
  w.Field("type_name", p.type_name);
  w.Field("category", p.category);
  w.Field("stage", p.stage);
  w.Field("sequence_text", p.sequence_text);
  w.FieldInt("sequence", p.sequence);
  w.Field("suffix", p.suffix);
  w.Key("legacy");
  w.Bool(p.legacy);
  w.Field("legacy_type", p.legacy_type);
}

}  // namespace tianping
