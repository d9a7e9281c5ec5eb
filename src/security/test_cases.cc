#include "test_cases.h"

#include <cstdlib>

#include "model/sample_case_test_util.h"
#include "tianping/security/catalog.h"

namespace tianping::security::testing {
namespace {

Party Person(const std::string& role, const std::string& name, const std::string& id, const std::string& phone,
             const std::string& address, const char* birth) {
  Party p = tianping::samples::NaturalPerson(role, name, id.size() == 18 && (id[16] - '0') % 2 ? "男" : "女", Date{},
                                             id, address);
  p.birth_date = Date::Parse(birth);
  p.phone = phone;
  p.occupation = "无业";
  return p;
}

Case Base(const std::string& id, const std::string& number, const std::string& court_code, const std::string& court,
          const std::string& category, const std::string& cause, const std::string& judge_id) {
  Case c;
  c.case_id = id;
  c.case_number = number;
  c.court_code = court_code;
  c.court_name = court;
  c.type_code = category == "刑事" ? "刑初" : category == "执行" ? "执" : "民初";
  c.category = category;
  c.cause_name = cause;
  c.cause_path = {cause};
  c.procedure = category == "执行" ? "执行" : "普通程序";
  c.received_date = Date::Parse("2023-03-01");
  c.filed_date = *Date::Parse("2023-03-06");
  c.closed_date = Date::Parse("2023-08-30");
  c.closure_method = "判决";
  c.statutory_limit_days = 180;
  c.extension_days = 17;
  c.excluded_days = 23;
  c.correction_requested = true;
  c.judge_id = judge_id;
  c.judge_name = "审判员" + judge_id.substr(1);
  c.panel = {c.judge_name};
  c.clerk = "书记员甲";
  c.claim_amount = 12345600;
  c.awarded_amount = 9876500;
  c.has_payment_content = true;
  c.document_id = "DOC-" + id;
  c.updated_at = "2023-09-01T08:00:00Z";
  return c;
}

}  // namespace

std::vector<Case> SampleCases() {
  std::vector<Case> out;
  Case c1 = Base("C1", "（2023）京0105民初1001号", "京0105", "北京市朝阳区人民法院", "民事", "民间借贷纠纷", "J1");
  c1.parties.push_back(Person("原告", "张三丰", "110105199001011234", "13812345678", "北京市朝阳区建国路88号", "1990-01-01"));
  Party org;
  org.role = "被告";
  org.kind = "法人";
  org.name = "北京星辰科技有限公司";
  org.credit_code = "91110105MA01ABCD2X";
  org.legal_representative = "王五洲";
  org.address = "北京市海淀区中关村大街1号";
  Agent lawyer{"赵律", "律师", "北京某某律师事务所", "11101200910123456"};
  org.agents.push_back(lawyer);
  c1.parties.push_back(org);
  c1.derived_from = CaseLink{"上诉", "C0-origin", "（2022）京0105民初9号"};
  out.push_back(c1);

  Case c2 = Base("C2", "（2023）粤0106民初2002号", "粤0106", "广州市天河区人民法院", "民事", "离婚纠纷", "J2");
  c2.cause_path = {"婚姻家庭、继承纠纷", "婚姻家庭纠纷", "离婚纠纷"};
  c2.parties.push_back(Person("原告", "李梅", "440106198803154321", "13922223333", "广州市天河区体育西路9号", "1988-03-15"));
  c2.parties.push_back(Person("被告", "王强", "440106198512019876", "13744445555", "广州市越秀区东风路3号", "1985-12-01"));
  c2.parties[0].agents.push_back(Agent{"李建国", "近亲属", "", ""});
  out.push_back(c2);

  Case c3 = Base("C3", "（2023）沪0115刑初3003号", "沪0115", "上海市浦东新区人民法院", "刑事", "盗窃罪", "J3");
  c3.parties.push_back(Person("被告人", "刘小军", "310115200801017777", "13600001111", "上海市浦东新区张杨路7号", "2008-01-01"));
  c3.parties[0].is_minor = true;
  out.push_back(c3);

  Case c4 = Base("C4", "（2023）川0104刑初4004号", "川0104", "成都市锦江区人民法院", "刑事", "故意泄露国家秘密罪", "J9");
  c4.is_sealed = true;
  c4.parties.push_back(Person("被告人", "孙秘", "510104197001015555", "13500002222", "成都市锦江区春熙路1号", "1970-01-01"));
  out.push_back(c4);

  Case c5 = Base("C5", "（2023）京0105执5005号", "京0105", "北京市朝阳区人民法院", "执行", "申请执行", "J5");
  c5.parties.push_back(Person("申请执行人", "陈一鸣", "110105198001013333", "13011112222", "北京市朝阳区望京街5号", "1980-01-01"));
  c5.parties.push_back(Person("被执行人", "周二虎", "110105198202024444", "13133334444", "北京市朝阳区酒仙桥路6号", "1982-02-02"));
  c5.execution = ExecutionResult{5000000, 1200000, false};
  out.push_back(c5);

  Case c6 = Base("C6", "（2023）京0102民初6006号", "京0102", "北京市西城区人民法院", "民事", "买卖合同纠纷", "J6");
  c6.parties.push_back(Person("原告", "吴六顺", "110102197506066666", "18600006666", "北京市西城区金融街6号", "1975-06-06"));
  out.push_back(c6);
  return out;
}

std::vector<NamedPrincipal> SamplePrincipals() {
  auto make = [](const char* key, Role role, CourtScope::Kind kind, const char* code, Grade g, const char* judge) {
    return NamedPrincipal{key, Principal{key, role, CourtScope{kind, code}, g, judge}};
  };
  using K = CourtScope::Kind;
  return {
      make("spc", Role::kSpcAnalyst, K::kNation, "", Grade::kImportant, ""),
      make("spc_core", Role::kSpcAnalyst, K::kNation, "", Grade::kCore, ""),
      make("high_jing", Role::kHighCourtAnalyst, K::kProvince, "京", Grade::kGeneral3, ""),
      make("high_yue", Role::kHighCourtAnalyst, K::kProvince, "粤", Grade::kGeneral3, ""),
      make("judge_j1", Role::kJudge, K::kCourt, "京0105", Grade::kGeneral3, "J1"),
      make("judge_other", Role::kJudge, K::kCourt, "京03", Grade::kGeneral3, "J7"),
      make("exec", Role::kExecutionJudge, K::kCourt, "京0105", Grade::kGeneral3, "J8"),
      make("researcher", Role::kResearcher, K::kNation, "", Grade::kGeneral2, ""),
      make("public", Role::kPublic, K::kNation, "", Grade::kGeneral1, ""),
      make("admin", Role::kAdmin, K::kNation, "", Grade::kGeneral1, ""),
  };
}

const Principal& PrincipalOf(const std::string& key) {
  static const auto* all = new std::vector<NamedPrincipal>(SamplePrincipals());
  for (const auto& n : *all) if (n.key == key) return n.p;
  std::abort();
}

const Case& CaseOf(const std::string& id) {
  static const auto* all = new std::vector<Case>(SampleCases());
  for (const auto& c : *all) if (c.case_id == id) return c;
  std::abort();
}

const ReferenceData& TestRef() {
  static const auto* ref = new ReferenceData(ReferenceData::Load(ReferenceData::DefaultRefDir()).value());
  return *ref;
}

const AccessGuard& TestGuard() {
  static const auto* g = new AccessGuard(Catalog::Default(), TestRef());
  return *g;
}

}  // namespace tianping::security::testing
