#include "clean_checks.h"

#include <unicode/utf8.h>

#include "tianping/model/case_number.h"
#include "tianping/model/case_type_table.h"
#include "tianping/model/id_number.h"
#include "tianping/store/clean.h"

namespace tianping {

const std::vector<CleanRule>& CleanRules() {
  // Order = store::CleanRuleIndex.
  static const std::vector<CleanRule> kRules = {
      {"duplicate_case_number", "error", false, "规范化案号相同而案件标识不同（重复案件）"},
      {"orphan_derived_from", "warning", false, "关联前案（derived_from.case_id）不在库中"},
      {"orphan_document", "error", false, "文书所属案件不在库中"},
      {"derived_before_parent", "error", false, "后续案件立案早于前案立案，或上诉/再审/执行立案早于前案结案"},
      {"closed_without_method", "error", false, "有结案日期而无结案方式"},
      {"method_without_closed", "error", false, "有结案方式而无结案日期"},
      {"court_code_mismatch", "error", false, "案号中的法院代字与 court_code 不符"},
      {"year_mismatch", "warning", false, "案号收案年度与立案年度不符"},
      {"type_inconsistent", "warning", false, "类型代字与案件类别或审理程序不一致"},
      {"overdue_pending", "info", false, "未结案件已远超审限（两倍以上）且无延长审限记录"},
      {"party_identity_conflict", "warning", false, "同一身份证号在不同案件中姓名、性别或出生日期不同"},
      {"id_number_disagrees", "warning", false, "出生日期或性别与身份证号不一致"},
      {"court_name_mismatch", "warning", true, "法院名称与参考表中该法院代字的名称不符（修复：改为参考名称）"},
      {"case_number_format", "info", true, "案号含空白、全角数字或半角括号（修复：规范化）"},
      {"name_format", "info", true, "姓名/名称含多余空白或全角数字字母（修复：规范化）"},
  };
  return kRules;
}

const CleanRuleResult* CleanReport::Find(std::string_view rule_id) const {
  for (const auto& r : results) {
    if (r.rule && rule_id == r.rule->id) return &r;
  }
  return nullptr;
}

}  // namespace tianping

namespace tianping::store {
namespace {

// Decodes one UTF-8 code point at s[*i] and advances *i (ICU's U8_NEXT); a malformed sequence decodes as
// its first byte.
char32_t NextCodePoint(std::string_view s, size_t* i) {
  int32_t at = static_cast<int32_t>(*i);
  UChar32 c;
  U8_NEXT(reinterpret_cast<const uint8_t*>(s.data()), at, static_cast<int32_t>(s.size()), c);
  char32_t cp = c < 0 ? static_cast<unsigned char>(s[*i]) : static_cast<char32_t>(c);
  *i = static_cast<size_t>(at);
  return cp;
}

void AppendUtf8(char32_t cp, std::string* out) {
  char buf[U8_MAX_LENGTH];
  int32_t n = 0;
  U8_APPEND_UNSAFE(buf, n, static_cast<UChar32>(cp));
  out->append(buf, static_cast<size_t>(n));
}

bool IsSpace(char32_t cp) { return cp == ' ' || cp == '\t' || cp == '\n' || cp == '\r' || cp == 0x3000 || cp == 0xA0; }

// Case categories use short forms of the type table's categories.
bool CategoryFits(std::string_view case_category, std::string_view type_category) {
  if (case_category == type_category) return true;
  if (type_category == "破产清算") return case_category == "破产";
  if (type_category == "赔偿救助") return case_category == "赔偿";
  return false;
}

// Procedure (简易程序 二审 执行 …) against the type's stage (一审 二审 再审 再审审查 执行 …).
bool ProcedureFits(std::string_view procedure, std::string_view stage) {
  if (procedure.empty()) return true;
  bool appeal = procedure == "二审", retrial = procedure == "再审", review = procedure == "再审审查",
       execution = procedure.starts_with("执行");
  if (stage == "一审") return !appeal && !retrial && !review && !execution;
  if (stage == "二审") return appeal;
  if (stage == "再审") return retrial;
  if (stage == "再审审查") return review;
  if (stage == "执行") return execution;
  return true;  // 非诉 其他: no fixed procedure
}

void CheckName(std::string_view field, const std::string& value, std::vector<RowFinding>* out) {
  if (value.empty()) return;
  std::string norm = NormalizeName(value);
  if (norm != value) out->push_back({kNameFormat, std::string(field) + " '" + value + "' → '" + norm + "'"});
}

}  // namespace

std::string NormalizeName(std::string_view s) {
  std::vector<char32_t> cps;
  for (size_t i = 0; i < s.size();) {
    char32_t cp = NextCodePoint(s, &i);
    if (cp >= 0xFF10 && cp <= 0xFF19) cp = '0' + (cp - 0xFF10);
    else if (cp >= 0xFF21 && cp <= 0xFF3A) cp = 'A' + (cp - 0xFF21);
    else if (cp >= 0xFF41 && cp <= 0xFF5A) cp = 'a' + (cp - 0xFF41);
    cps.push_back(cp);
  }
  std::string out;
  for (size_t i = 0; i < cps.size();) {
    if (!IsSpace(cps[i])) {
      AppendUtf8(cps[i++], &out);
      continue;
    }
    size_t j = i;
    while (j < cps.size() && IsSpace(cps[j])) ++j;
    bool at_edge = i == 0 || j == cps.size();
    bool between_cjk = !at_edge && cps[i - 1] >= 0x80 && cps[j] >= 0x80;
    if (!at_edge && !between_cjk) out.push_back(' ');
    i = j;
  }
  return out;
}

std::string NormalizedCaseNumberIfDifferent(std::string_view number) {
  auto parsed = ParseCaseNumber(number);
  if (!parsed.ok() || parsed->normalized == number) return "";
  return parsed->normalized;
}

std::string ExpectedCourtName(const Case& c, const ReferenceData& ref) {
  const Court* court = ref.FindCourt(c.court_code);
  std::string expected = court ? court->name : ref.ResolveCourtName(c.court_code);
  if (expected.empty() || c.court_name == expected) return "";
  if (court && c.court_name == ref.FullCourtName(*court)) return "";
  return expected;
}

void CheckCaseRow(const Case& c, const ReferenceData* ref, std::vector<RowFinding>* out) {
  if (c.closed_date && c.closure_method.empty()) {
    out->push_back({kClosedWithoutMethod, "closed " + c.closed_date->ToString() + ", closure_method empty"});
  }
  if (!c.closed_date && !c.closure_method.empty()) {
    out->push_back({kMethodWithoutClosed, "closure_method " + c.closure_method + ", closed_date empty"});
  }
  auto parsed = ParseCaseNumber(c.case_number);
  if (parsed.ok() && !parsed->legacy) {
    if (parsed->court_code != c.court_code) {
      out->push_back({kCourtCodeMismatch, "案号 " + c.case_number + " has " + parsed->court_code + ", court_code " +
                                              c.court_code});
    }
    if (parsed->year != 0 && parsed->year != c.filed_date.year()) {
      out->push_back({kYearMismatch, "案号 year " + std::to_string(parsed->year) + ", filed " + c.filed_date.ToString()});
    }
  }
  std::string type_code = c.type_code.empty() && parsed.ok() ? parsed->type_code : c.type_code;
  if (const CaseType* type = CaseTypeTable::Default().Find(type_code)) {
    if (!CategoryFits(c.category, type->category) || !ProcedureFits(c.procedure, type->stage)) {
      out->push_back({kTypeInconsistent, "type_code " + type_code + " (" + type->category + " " + type->stage +
                                             ") vs category " + c.category + ", procedure " + c.procedure});
    }
  }
  for (size_t i = 0; i < c.parties.size(); ++i) {
    const Party& p = c.parties[i];
    if (p.id_number.empty()) continue;
    auto id = ParseIdNumber(p.id_number);
    if (!id.ok()) continue;
    std::string at = "parties[" + std::to_string(i) + "] " + p.name + " " + p.id_number;
    if (p.birth_date && *p.birth_date != id->birth_date) {
      out->push_back({kIdNumberDisagrees, at + ": birth_date " + p.birth_date->ToString() + ", ID says " +
                                              id->birth_date.ToString()});
    } else if ((p.gender == "男" && !id->male) || (p.gender == "女" && id->male)) {
      out->push_back({kIdNumberDisagrees, at + ": gender " + p.gender + ", ID says " + (id->male ? "男" : "女")});
    }
  }
  if (ref) {
    std::string expected = ExpectedCourtName(c, *ref);
    if (!expected.empty()) {
      out->push_back({kCourtNameMismatch, c.court_code + " '" + c.court_name + "' → '" + expected + "'"});
    }
  }
  if (std::string norm = NormalizedCaseNumberIfDifferent(c.case_number); !norm.empty()) {
    out->push_back({kCaseNumberFormat, "'" + c.case_number + "' → '" + norm + "'"});
  } else if (c.derived_from) {
    if (std::string n2 = NormalizedCaseNumberIfDifferent(c.derived_from->case_number); !n2.empty()) {
      out->push_back({kCaseNumberFormat, "derived_from '" + c.derived_from->case_number + "' → '" + n2 + "'"});
    }
  }
  size_t before = out->size();
  for (size_t i = 0; i < c.parties.size() && out->size() == before; ++i) {
    CheckName("parties[" + std::to_string(i) + "].name", c.parties[i].name, out);
    for (size_t k = 0; k < c.parties[i].agents.size() && out->size() == before; ++k) {
      CheckName("parties[" + std::to_string(i) + "].agents[" + std::to_string(k) + "].name",
                c.parties[i].agents[k].name, out);
    }
  }
  if (out->size() == before) CheckName("judge_name", c.judge_name, out);
  for (size_t i = 0; i < c.panel.size() && out->size() == before; ++i) CheckName("panel", c.panel[i], out);
  if (out->size() == before) CheckName("clerk", c.clerk, out);
}

}  // namespace tianping::store

namespace tianping {

bool FixCase(const Case& c, const ReferenceData* ref, Case* fixed, std::vector<std::string>* rules) {
  using namespace store;
  *fixed = c;
  bool court = false, number = false, names = false;
  if (ref) {
    std::string expected = ExpectedCourtName(c, *ref);
    if (!expected.empty()) fixed->court_name = expected, court = true;
  }
  if (std::string n = NormalizedCaseNumberIfDifferent(c.case_number); !n.empty()) fixed->case_number = n, number = true;
  if (fixed->derived_from) {
    if (std::string n = NormalizedCaseNumberIfDifferent(fixed->derived_from->case_number); !n.empty()) {
      fixed->derived_from->case_number = n, number = true;
    }
  }
  auto fix_name = [&names](std::string* s) {
    std::string n = NormalizeName(*s);
    if (n != *s) *s = std::move(n), names = true;
  };
  for (Party& p : fixed->parties) {
    fix_name(&p.name);
    for (Agent& a : p.agents) fix_name(&a.name);
  }
  fix_name(&fixed->judge_name);
  for (std::string& m : fixed->panel) fix_name(&m);
  fix_name(&fixed->clerk);
  const auto& table = CleanRules();
  if (court) rules->push_back(table[kCourtNameMismatch].id);
  if (number) rules->push_back(table[kCaseNumberFormat].id);
  if (names) rules->push_back(table[kNameFormat].id);
  return court || number || names;
}

}  // namespace tianping
