#include "store/validate.h"

#include "tianping/model/case_number.h"
#include "tianping/model/credit_code.h"
#include "tianping/model/id_number.h"

namespace tianping::store {
namespace {

constexpr int kMinYear = 1949, kMaxYear = 2100;

std::optional<ValidationIssue> Issue(std::string field, std::string reason) {
  return ValidationIssue{std::move(field), std::move(reason)};
}

bool PlausibleYear(Date d) { return d.year() >= kMinYear && d.year() <= kMaxYear; }

size_t Utf8Len(unsigned char lead) { return lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4; }

// Province partition of a court code: 最高法, or the code's leading province abbreviation.
std::optional<ValidationIssue> CourtPartition(const std::string& code, const ReferenceData* ref, std::string* out) {
  if (code == "最高法") {
    *out = code;
    return std::nullopt;
  }
  if (code.empty()) return Issue("court_code", "required");
  std::string abbr = code.substr(0, Utf8Len(static_cast<unsigned char>(code[0])));
  if (ref) {
    const Court* court = ref->FindCourt(code);
    if (court) {
      *out = court->province.empty() ? "最高法" : court->province;
      return std::nullopt;
    }
    if (!ref->FindProvince(abbr)) return Issue("court_code", "unknown court " + code);
    // Without an imported division table basic and intermediate courts cannot be named; the shape is
    // checked by the 案号 parser instead.
    if (ref->division_count() > 0 && ref->ResolveCourtName(code).empty()) {
      return Issue("court_code", "unknown court " + code);
    }
  }
  *out = abbr;
  return std::nullopt;
}

}  // namespace

std::optional<ValidationIssue> ValidateCase(const Case& c, const ReferenceData* ref, std::string* partition) {
  if (c.case_id.empty()) return Issue("case_id", "required");
  if (c.case_number.empty()) return Issue("case_number", "required");
  if (c.category.empty()) return Issue("category", "required");
  if (c.parties.empty()) return Issue("parties", "required");
  CaseNumberError err;
  auto parsed = ParseCaseNumber(c.case_number, &err);
  if (!parsed.ok()) return Issue("case_number", "bad 案号: " + parsed.status().message());
  if (!parsed->legacy) {
    if (parsed->court_code != c.court_code) {
      return Issue("court_code", "court_code " + c.court_code + " differs from the 案号's " + parsed->court_code);
    }
    if (!c.type_code.empty() && parsed->type_code != c.type_code) {
      return Issue("type_code", "type_code " + c.type_code + " differs from the 案号's " + parsed->type_code);
    }
  }
  if (auto bad = CourtPartition(c.court_code, ref, partition)) return bad;
  if (!PlausibleYear(c.filed_date)) return Issue("filed_date", "impossible date " + c.filed_date.ToString());
  if (c.received_date) {
    if (!PlausibleYear(*c.received_date)) return Issue("received_date", "impossible date " + c.received_date->ToString());
    if (*c.received_date > c.filed_date) return Issue("received_date", "received after filing");
  }
  if (c.closed_date) {
    if (!PlausibleYear(*c.closed_date)) return Issue("closed_date", "impossible date " + c.closed_date->ToString());
    if (*c.closed_date < c.filed_date) return Issue("closed_date", "closed before filing");
  }
  if (!parsed->legacy && parsed->year != 0 && (c.filed_date.year() < parsed->year - 1 || c.filed_date.year() > parsed->year + 1)) {
    return Issue("filed_date", "filed in " + std::to_string(c.filed_date.year()) + " but the 案号 year is " +
                                   std::to_string(parsed->year));
  }
  for (size_t i = 0; i < c.parties.size(); ++i) {
    const Party& p = c.parties[i];
    // The field path is built only for an issue (most cases have none).
    auto at = [i] { return "parties[" + std::to_string(i) + "]"; };
    if (p.name.empty()) return Issue(at() + ".name", "required");
    if (p.role.empty()) return Issue(at() + ".role", "required");
    if (!p.id_number.empty()) {
      auto id = ParseIdNumber(p.id_number);
      if (!id.ok()) return Issue(at() + ".id_number", "bad 公民身份号码: " + id.status().message());
    }
    if (!p.credit_code.empty()) {
      auto cc = ParseCreditCode(p.credit_code);
      if (!cc.ok()) return Issue(at() + ".credit_code", "bad 统一社会信用代码: " + cc.status().message());
    }
    if (p.birth_date && (p.birth_date->year() < 1880 || *p.birth_date > c.filed_date)) {
      return Issue(at() + ".birth_date", "impossible birth date " + p.birth_date->ToString());
    }
  }
  if (c.derived_from && c.derived_from->case_id.empty() && c.derived_from->case_number.empty()) {
    return Issue("derived_from", "names neither case_id nor case_number");
  }
  return std::nullopt;
}

std::optional<ValidationIssue> ValidateDocument(const Document& d) {
  if (d.doc_id.empty()) return Issue("doc_id", "required");
  if (d.case_id.empty()) return Issue("case_id", "required");
  return std::nullopt;
}

}  // namespace tianping::store
