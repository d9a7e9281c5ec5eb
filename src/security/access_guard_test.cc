// The role × case × field matrix over the enforcement API: no field above clearance and no row outside
// scope leaks through results, text (snippets), party lookups, counts or error messages.
#include "tianping/security/access_guard.h"

#include <gtest/gtest.h>

#include <functional>
#include <map>
#include <set>

#include "test_cases.h"
#include "tianping/model/case_json.h"

namespace tianping::security {
namespace {

using testing::CaseOf;
using testing::PrincipalOf;

const ReferenceData& Ref() { return testing::TestRef(); }
const AccessGuard& Guard() { return testing::TestGuard(); }
std::string Json(const Case& c) {
  std::string s;
  AppendCaseJson(c, &s);
  return s;
}

// String-valued fields of the model with their getters, to compare originals with what is shown.
using PartyGetter = std::function<std::string(const Party&)>;
const std::map<std::string, PartyGetter>& PartyStrings() {
  static const std::map<std::string, PartyGetter> m = {
      {"party.name", [](const Party& p) { return p.name; }},
      {"party.id_number", [](const Party& p) { return p.id_number; }},
      {"party.gender", [](const Party& p) { return p.gender; }},
      {"party.birth_date", [](const Party& p) { return p.birth_date ? p.birth_date->ToString() : ""; }},
      {"party.ethnicity", [](const Party& p) { return p.ethnicity; }},
      {"party.phone", [](const Party& p) { return p.phone; }},
      {"party.address", [](const Party& p) { return p.address; }},
      {"party.occupation", [](const Party& p) { return p.occupation; }},
      {"party.credit_code", [](const Party& p) { return p.credit_code; }},
  };
  return m;
}
using CaseGetter = std::function<std::string(const Case&)>;
const std::map<std::string, CaseGetter>& CaseStrings() {
  static const std::map<std::string, CaseGetter> m = {
      {"case.case_id", [](const Case& c) { return "\"" + c.case_id + "\""; }},
      {"case.judge_id", [](const Case& c) { return "\"" + c.judge_id + "\""; }},
      {"case.document_id", [](const Case& c) { return c.document_id; }},
      {"case.updated_at", [](const Case& c) { return c.updated_at; }},
      {"case.received_date", [](const Case& c) { return c.received_date ? c.received_date->ToString() : ""; }},
      {"case.claim_amount", [](const Case& c) { return "\"claim_amount\""; }},
      {"case.statutory_limit_days", [](const Case& c) { return "\"statutory_limit_days\""; }},
      {"case.is_sealed", [](const Case& c) { return c.is_sealed ? "\"is_sealed\"" : ""; }},
      {"case.case_number", [](const Case& c) { return c.case_number; }},
      {"case.judge_name", [](const Case& c) { return c.judge_name; }},
  };
  return m;
}

const std::vector<std::string> kPrincipals = {"spc", "spc_core", "high_jing", "high_yue", "judge_j1",
                                              "judge_other", "exec", "researcher", "public", "admin"};
const std::vector<std::string> kCases = {"C1", "C2", "C3", "C4", "C5", "C6"};

// Hand-derived visibility (rows): scope, sealed cases, roles that read no cases.
TEST(AccessGuardTest, RowVisibilityMatrix) {
  const std::map<std::string, std::set<std::string>> expected = {
      {"spc", {"C1", "C2", "C3", "C5", "C6"}},
      {"spc_core", {"C1", "C2", "C3", "C4", "C5", "C6"}},
      {"high_jing", {"C1", "C5", "C6"}},
      {"high_yue", {"C2"}},
      {"judge_j1", {"C1", "C5"}},
      {"judge_other", {"C1", "C5"}},  // 京03 covers 京0105, not 京0102
      {"exec", {"C1", "C5"}},
      {"researcher", {"C1", "C2", "C3", "C5", "C6"}},
      {"public", {"C1", "C2", "C3", "C5", "C6"}},
      {"admin", {}},
  };
  for (const auto& pk : kPrincipals) {
    for (const auto& id : kCases) {
      EXPECT_EQ(Guard().CanSee(PrincipalOf(pk), CaseOf(id)), expected.at(pk).count(id) > 0) << pk << " " << id;
    }
  }
}

// For every principal, visible case and catalogued string field: a field not shown in clear never
// appears in the serialized result, and a field shown in clear appears unchanged.
TEST(AccessGuardTest, FieldMatrixNoLeak) {
  int hidden_checked = 0, clear_checked = 0;
  for (const auto& pk : kPrincipals) {
    const Principal& p = PrincipalOf(pk);
    for (const auto& id : kCases) {
      const Case& c = CaseOf(id);
      if (!Guard().CanSee(p, c)) continue;
      Case shown = Guard().Redact(p, c);
      std::string json = Json(shown);
      for (const auto& [field, get] : PartyStrings()) {
        FieldView v = Guard().View(p, c, field);
        for (size_t i = 0; i < c.parties.size(); ++i) {
          std::string orig = get(c.parties[i]);
          if (orig.empty()) continue;
          if (field == "party.name" && c.parties[i].kind != "自然人") continue;  // organisations keep names
          if (v == FieldView::kClear) {
            EXPECT_EQ(get(shown.parties[i]), orig) << pk << " " << id << " " << field;
            ++clear_checked;
          } else {
            EXPECT_EQ(json.find(orig), std::string::npos) << pk << " " << id << " leaks " << field << ": " << json;
            ++hidden_checked;
          }
        }
      }
      for (const auto& [field, get] : CaseStrings()) {
        std::string orig = get(c);
        if (orig.empty()) continue;
        bool present = json.find(orig) != std::string::npos;
        EXPECT_EQ(present, Guard().View(p, c, field) == FieldView::kClear) << pk << " " << id << " " << field;
      }
    }
  }
  EXPECT_GT(hidden_checked, 100);
  EXPECT_GT(clear_checked, 50);
}

TEST(AccessGuardTest, HandCheckedRedactions) {
  // Own case: everything in clear.
  Case own = Guard().Redact(PrincipalOf("judge_j1"), CaseOf("C1"));
  EXPECT_EQ(own.parties[0].id_number, "110105199001011234");
  EXPECT_EQ(own.parties[0].ethnicity, "汉族");
  // Another judge of 京03 with 一般-3: names, phones and addresses clear; ID masked; ethnicity removed.
  Case other = Guard().Redact(PrincipalOf("judge_other"), CaseOf("C1"));
  EXPECT_EQ(other.parties[0].name, "张三丰");
  EXPECT_EQ(other.parties[0].phone, "13812345678");
  EXPECT_EQ(other.parties[0].id_number, "110105********1234");
  EXPECT_EQ(other.parties[0].ethnicity, "");
  EXPECT_EQ(other.parties[1].agents[0].license_number, "11101200910123456");
  // Execution judge: 一般-4 on execution cases, so ID numbers in clear there but not in civil cases.
  EXPECT_EQ(Guard().Redact(PrincipalOf("exec"), CaseOf("C5")).parties[1].id_number, "110105198202024444");
  EXPECT_EQ(Guard().Redact(PrincipalOf("exec"), CaseOf("C1")).parties[0].id_number, "110105********1234");
  // Researcher: anonymised; never-published fields removed; 一般-2 workflow fields kept.
  Case res = Guard().Redact(PrincipalOf("researcher"), CaseOf("C1"));
  EXPECT_EQ(res.parties[0].name, "张某");
  EXPECT_EQ(res.parties[0].id_number, "");
  EXPECT_EQ(res.parties[0].phone, "");
  EXPECT_EQ(res.parties[0].address, "");
  EXPECT_EQ(res.parties[0].occupation, "");
  EXPECT_EQ(res.parties[1].name, "北京星辰科技有限公司");
  EXPECT_EQ(res.claim_amount, 12345600);
  EXPECT_EQ(res.parties[1].agents[0].license_number, "11101200910123456");  // 一般-2, not a party field
  // Public: shareable fields only.
  Case pub = Guard().Redact(PrincipalOf("public"), CaseOf("C1"));
  EXPECT_EQ(pub.parties[0].name, "张某");
  EXPECT_EQ(pub.claim_amount, 0);
  EXPECT_EQ(pub.case_id, "");
  EXPECT_EQ(pub.judge_name, "审判员1");
  EXPECT_EQ(pub.case_number, "（2023）京0105民初1001号");
  EXPECT_FALSE(pub.derived_from && !pub.derived_from->case_id.empty());
}

TEST(AccessGuardTest, FamilyAndMinorCasesAnonymisedWithoutGrade) {
  // 高院 analyst of 粤 at 一般-3 sees the divorce case anonymised; same-surname persons stay distinct.
  Case d = Guard().Redact(PrincipalOf("high_yue"), CaseOf("C2"));
  EXPECT_EQ(d.parties[0].name, "李某1");
  EXPECT_EQ(d.parties[1].name, "王某");
  EXPECT_EQ(d.parties[0].agents[0].name, "李某2");  // 近亲属 agent anonymised too
  EXPECT_EQ(d.parties[0].address, "");
  EXPECT_FALSE(d.parties[0].birth_date.has_value());
  // The SPC analyst (重要 ≥ 一般-4) sees it in clear.
  EXPECT_EQ(Guard().Redact(PrincipalOf("spc"), CaseOf("C2")).parties[0].name, "李梅");
  // A minor defendant: anonymised for 一般-3 and below.
  EXPECT_TRUE(AccessGuard::IsProtectedCase(CaseOf("C3")));
  EXPECT_EQ(Guard().Redact(PrincipalOf("public"), CaseOf("C3")).parties[0].name, "刘某");
  EXPECT_FALSE(AccessGuard::IsProtectedCase(CaseOf("C1")));
  // Born less than 18 years before filing counts as a minor even without the flag.
  Case c = CaseOf("C6");
  c.parties[0].birth_date = Date::Parse("2010-05-05");
  EXPECT_TRUE(AccessGuard::IsProtectedCase(c));
}

TEST(AccessGuardTest, PublicSeesOnlyShareableFields) {
  const Principal& p = PrincipalOf("public");
  for (const auto& e : Catalog::Default().entries()) {
    if (e.field.rfind("document.", 0) == 0) continue;
    bool clear = Guard().View(p, CaseOf("C1"), e.field) == FieldView::kClear;
    EXPECT_EQ(clear, e.sharing == Sharing::kShareable && e.grade == Grade::kGeneral1) << e.field;
  }
}

// Catches a field that is catalogued but forgotten in Redact(): every field removed for the public must
// be absent from the JSON of a case that has all fields set.
TEST(AccessGuardTest, RemovedFieldsAbsentFromJson) {
  const Principal& p = PrincipalOf("public");
  Case c = CaseOf("C1");
  c.parties[0].original_role = "原审原告";
  c.parties[0].is_minor = false;
  c.parties[0].legal_representative = "某某";
  c.execution = ExecutionResult{100, 50, true};
  c.is_sealed = false;
  std::string json = Json(Guard().Redact(p, c));
  int removed = 0;
  for (const auto& e : Catalog::Default().entries()) {
    if (e.field.rfind("document.", 0) == 0) continue;
    if (Guard().View(p, c, e.field) != FieldView::kRemoved) continue;
    std::string key = "\"" + e.field.substr(e.field.find('.') + 1) + "\":";
    // The serializer always writes a few keys (case_id, execution amounts): then only as empty or zero.
    for (size_t pos = json.find(key); pos != std::string::npos; pos = json.find(key, pos + 1)) {
      std::string rest = json.substr(pos + key.size(), 3);
      bool empty = rest.rfind("\"\"", 0) == 0 || rest.rfind("0,", 0) == 0 || rest.rfind("0}", 0) == 0 ||
                   rest.rfind("[]", 0) == 0 || rest.rfind("fal", 0) == 0;
      EXPECT_TRUE(empty) << e.field << " removed for public but present: " << json;
    }
    ++removed;
  }
  EXPECT_GE(removed, 20);
}

TEST(AccessGuardTest, TextAndSnippetsRedacted) {
  const Case& c = CaseOf("C1");
  std::string text = "原告张三丰，男，1990年1月1日出生，汉族，住北京市朝阳区建国路88号，公民身份号码110105199001011234，"
                     "联系电话13812345678。证人钱七（身份证号110105196001015678）出庭作证。";
  std::string r = Guard().RedactText(PrincipalOf("researcher"), c, text);
  for (const char* secret : {"张三丰", "1990年1月1日", "建国路88号", "110105199001011234", "13812345678",
                             "110105196001015678"}) {
    EXPECT_EQ(r.find(secret), std::string::npos) << secret << " in " << r;
  }
  EXPECT_NE(r.find("原告张某"), std::string::npos) << r;
  // Researchers get identifiers removed, even in their published masked form; a 一般-3 judge sees masks.
  EXPECT_EQ(Guard().RedactText(PrincipalOf("researcher"), c, "证人孙某，身份证号210782********9778。"),
            "证人孙某，身份证号××。");
  EXPECT_EQ(Guard().RedactText(PrincipalOf("judge_other"), c, "公民身份号码110105199001011234"),
            "公民身份号码110105********1234");
  // The judge of the case reads the text unchanged.
  EXPECT_EQ(Guard().RedactText(PrincipalOf("judge_j1"), c, text), text);
  Document d{"DOC-C1", "C1", "民事判决书", "张三丰与北京星辰科技有限公司民间借贷纠纷一审民事判决书", text};
  Document shown = Guard().RedactDocument(PrincipalOf("public"), c, d);
  EXPECT_EQ(shown.doc_id, "");
  EXPECT_EQ(shown.title, "张某与北京星辰科技有限公司民间借贷纠纷一审民事判决书");  // titles name the parties
  EXPECT_EQ(shown.text.find("张三丰"), std::string::npos);
}

TEST(AccessGuardTest, NotFoundIsTheSameForMissingAndInvisible) {
  const Principal& p = PrincipalOf("high_jing");
  auto missing = Guard().Fetch(p, nullptr, "C2");
  auto invisible = Guard().Fetch(p, &CaseOf("C2"), "C2");
  ASSERT_FALSE(missing.ok());
  ASSERT_FALSE(invisible.ok());
  EXPECT_EQ(missing.status().code(), invisible.status().code());
  EXPECT_EQ(missing.status().message(), invisible.status().message());
  EXPECT_EQ(invisible.status().message().find("粤"), std::string::npos);
  auto sealed = Guard().Fetch(PrincipalOf("spc"), &CaseOf("C4"), "C4");
  EXPECT_EQ(sealed.status().message(), "case C4 not found");
  EXPECT_TRUE(Guard().Fetch(p, &CaseOf("C1"), "C1").ok());
}

TEST(AccessGuardTest, PartyLookupCannotProbeHiddenFields) {
  // Researchers cannot search on ID numbers, and matching on the redacted rows finds nothing either.
  EXPECT_EQ(Guard().CheckFilter(PrincipalOf("researcher"), "party.id_number").code(), Status::Code::kPermissionDenied);
  EXPECT_EQ(Guard().CheckFilter(PrincipalOf("public"), "party.name").code(), Status::Code::kPermissionDenied);
  EXPECT_TRUE(Guard().CheckFilter(PrincipalOf("public"), "case.case_number").ok());
  EXPECT_TRUE(Guard().CheckFilter(PrincipalOf("spc"), "party.id_number").ok());
  for (const auto& id : kCases) {
    const Case& c = CaseOf(id);
    if (!Guard().CanSee(PrincipalOf("researcher"), c)) continue;
    EXPECT_EQ(Json(Guard().Redact(PrincipalOf("researcher"), c)).find("110105199001011234"), std::string::npos);
  }
}

TEST(AccessGuardTest, SmallCellsSuppressed) {
  const Principal& pub = PrincipalOf("public");
  EXPECT_EQ(Guard().SuppressCell(pub, 3), std::nullopt);
  EXPECT_EQ(Guard().SuppressCell(pub, 9), std::nullopt);
  EXPECT_EQ(Guard().SuppressCell(pub, 10), 10);
  EXPECT_EQ(Guard().SuppressCell(pub, 0), 0);
  EXPECT_EQ(Guard().SuppressCell(PrincipalOf("researcher"), 4), std::nullopt);
  EXPECT_EQ(Guard().SuppressCell(PrincipalOf("spc"), 1), 1);
  // One small cell in a breakdown with a total: the next smallest is suppressed too.
  auto cells = Guard().SuppressCells(pub, {3, 50, 20, 0});
  EXPECT_EQ(cells, (std::vector<std::optional<int64_t>>{std::nullopt, 50, std::nullopt, 0}));
  cells = Guard().SuppressCells(pub, {3, 4, 50});
  EXPECT_EQ(cells, (std::vector<std::optional<int64_t>>{std::nullopt, std::nullopt, 50}));
}

TEST(AccessGuardTest, SealedCaseOpenToItsOwnJudgeOnly) {
  Principal own{"judge_j9", Role::kJudge, CourtScope{CourtScope::Kind::kCourt, "川0104"}, Grade::kGeneral3, "J9"};
  Principal colleague = own;
  colleague.judge_id = "J10";
  const Case& sealed = CaseOf("C4");
  ASSERT_TRUE(Guard().CanSee(own, sealed));
  EXPECT_EQ(Guard().Redact(own, sealed).parties[0].id_number, "510104197001015555");
  EXPECT_FALSE(Guard().CanSee(colleague, sealed));
  EXPECT_EQ(Guard().Fetch(colleague, &sealed, "C4").status().message(), "case C4 not found");
}

TEST(AccessGuardTest, BulkLimitsFollowGrades) {
  EXPECT_EQ(Guard().BulkLimit(PrincipalOf("judge_other")), AccessGuard::kBulkPartyRows);  // 一般-3
  EXPECT_EQ(Guard().BulkLimit(PrincipalOf("high_jing")), AccessGuard::kBulkPartyRows);
  EXPECT_EQ(Guard().BulkLimit(PrincipalOf("spc")), AccessGuard::kBulkNationalRows);       // 重要
  EXPECT_EQ(Guard().BulkLimit(PrincipalOf("spc_core")), INT64_MAX);                      // 核心
  EXPECT_EQ(Guard().BulkLimit(PrincipalOf("researcher")), INT64_MAX);                    // anonymised only
  Principal capped = PrincipalOf("judge_other");
  capped.clearance = Grade::kCore;  // above the judge role's maximum: the role caps it
  EXPECT_EQ(Guard().BulkLimit(capped), AccessGuard::kBulkPartyRows);
  EXPECT_EQ(AccessGuard::BulkDenied(10000).code(), Status::Code::kPermissionDenied);
}

TEST(AccessGuardTest, ScopesFollowTheCourtHierarchy) {
  Principal p = PrincipalOf("judge_other");  // court:京03
  EXPECT_TRUE(Guard().InScope(p, "京03"));
  EXPECT_TRUE(Guard().InScope(p, "京0105"));
  EXPECT_FALSE(Guard().InScope(p, "京0102"));
  EXPECT_FALSE(Guard().InScope(p, "京"));
  EXPECT_FALSE(Guard().InScope(p, "京9999"));  // unknown courts: only the nation
  EXPECT_TRUE(Guard().InScope(PrincipalOf("spc"), "京9999"));
  EXPECT_TRUE(Guard().InScope(PrincipalOf("high_jing"), "京0102"));
  EXPECT_TRUE(Guard().InScope(PrincipalOf("high_jing"), "京0199"));   // not in the table: by its prefix
  EXPECT_FALSE(Guard().InScope(PrincipalOf("high_jing"), "京A"));
  EXPECT_FALSE(Guard().InScope(PrincipalOf("high_yue"), "京0199"));
  EXPECT_FALSE(Guard().InScope(PrincipalOf("high_jing"), "最高法"));
}

}  // namespace
}  // namespace tianping::security
