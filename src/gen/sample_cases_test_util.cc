#include "gen/sample_cases_test_util.h"

namespace tianping::gen::testing {
namespace {

Party Person(std::string role, std::string name, std::string gender, Date birth, std::string id, std::string address) {
  Party p;
  p.role = std::move(role);
  p.kind = "自然人";
  p.name = std::move(name);
  p.gender = std::move(gender);
  p.birth_date = birth;
  p.ethnicity = "汉族";
  p.id_number = std::move(id);
  p.address = std::move(address);
  return p;
}

Agent Lawyer(std::string name, std::string firm) {
  Agent a;
  a.name = std::move(name);
  a.kind = "律师";
  a.law_firm = std::move(firm);
  a.license_number = "11101200910012345";
  return a;
}

}  // namespace

const ReferenceData& SampleRef() {
  static const ReferenceData* ref = [] {
    auto r = ReferenceData::Load(ReferenceData::DefaultRefDir());
    return r.ok() ? new ReferenceData(std::move(r).value()) : new ReferenceData();
  }();
  return *ref;
}

Case LoanCase() {
  Case c;
  c.case_id = "C0001";
  c.case_number = "（2023）京0105民初12345号";
  c.court_code = "京0105";
  c.court_name = "北京市朝阳区人民法院";
  c.type_code = "民初";
  c.category = "民事";
  c.cause_code = "M0111";
  c.cause_name = "民间借贷纠纷";
  c.procedure = "简易程序";
  c.filed_date = Date::FromYmd(2023, 3, 1);
  c.closed_date = Date::FromYmd(2023, 5, 10);
  c.closure_method = "判决";
  c.judge_name = "李明";
  c.panel = {"李明"};
  c.clerk = "王芳";
  c.claim_amount = 100000 * 100;
  c.awarded_amount = 90000 * 100;
  c.has_payment_content = true;
  c.document_id = "D0001";
  Party plaintiff = Person("原告", "张伟", "男", Date::FromYmd(1980, 1, 2), "110105198001021234",
                           "北京市朝阳区建国路1号");
  plaintiff.agents.push_back(Lawyer("陈静", "北京市信达律师事务所"));
  c.parties.push_back(plaintiff);
  c.parties.push_back(Person("被告", "刘强", "男", Date::FromYmd(1985, 5, 5), "410105198505051236",
                             "河南省郑州市金水区花园路8号"));
  return c;
}

Case CriminalCase() {
  Case c;
  c.case_id = "C0002";
  c.case_number = "（2023）京0105刑初456号";
  c.court_code = "京0105";
  c.court_name = "北京市朝阳区人民法院";
  c.type_code = "刑初";
  c.category = "刑事";
  c.cause_code = "X0101";
  c.cause_name = "危险驾驶罪";
  c.procedure = "简易程序";
  c.filed_date = Date::FromYmd(2023, 6, 1);
  c.closed_date = Date::FromYmd(2023, 6, 20);
  c.closure_method = "判决";
  c.judge_name = "李明";
  c.panel = {"李明"};
  c.clerk = "王芳";
  c.document_id = "D0002";
  Party d = Person("被告人", "赵军", "男", Date::FromYmd(1990, 7, 8), "110105199007081235",
                   "北京市朝阳区望京街5号");
  d.agents.push_back(Lawyer("孙丽", "北京市信达律师事务所"));
  c.parties.push_back(d);
  return c;
}

Case MediationCase() {
  Case c = LoanCase();
  c.case_id = "C0003";
  c.document_id = "D0003";
  c.procedure = "普通程序";
  c.closure_method = "调解";
  c.panel = {"李明", "周杰", "吴敏"};
  c.awarded_amount = 95000 * 100;
  return c;
}

Case WithdrawalCase() {
  Case c = LoanCase();
  c.case_id = "C0004";
  c.document_id = "D0004";
  c.closure_method = "撤诉";
  c.awarded_amount = 0;
  return c;
}

Case AppealCase() {
  Case c = LoanCase();
  c.case_id = "C0005";
  c.document_id = "D0005";
  c.case_number = "（2023）京03民终789号";
  c.court_code = "京03";
  c.court_name = "北京市第三中级人民法院";
  c.type_code = "民终";
  c.procedure = "二审";
  c.filed_date = Date::FromYmd(2023, 7, 1);
  c.closed_date = Date::FromYmd(2023, 9, 15);
  c.closure_method = "维持";
  c.panel = {"郑华", "何平", "林涛"};
  c.judge_name = "郑华";
  c.parties[0].role = "被上诉人";
  c.parties[0].original_role = "原审原告";
  c.parties[1].role = "上诉人";
  c.parties[1].original_role = "原审被告";
  c.derived_from = CaseLink{"上诉", "C0001", "（2023）京0105民初12345号"};
  return c;
}

Case AdministrativeCase() {
  Case c;
  c.case_id = "C0006";
  c.document_id = "D0006";
  c.case_number = "（2022）京0105行初88号";
  c.court_code = "京0105";
  c.court_name = "北京市朝阳区人民法院";
  c.type_code = "行初";
  c.category = "行政";
  c.cause_name = "行政处罚";
  c.procedure = "普通程序";
  c.filed_date = Date::FromYmd(2022, 4, 6);
  c.closed_date = Date::FromYmd(2022, 8, 30);
  c.closure_method = "判决";
  c.judge_name = "李明";
  c.panel = {"李明", "周杰", "吴敏"};
  c.clerk = "王芳";
  c.parties.push_back(Person("原告", "黄丽", "女", Date::FromYmd(1975, 3, 9), "", "北京市朝阳区安贞里3号"));
  Party agency;
  agency.role = "被告";
  agency.kind = "非法人组织";
  agency.name = "北京市朝阳区市场监督管理局";
  agency.address = "北京市朝阳区朝阳路2号";
  agency.legal_representative = "马超";
  c.parties.push_back(agency);
  return c;
}

Case ExecutionCase() {
  Case c = LoanCase();
  c.case_id = "C0007";
  c.document_id = "D0007";
  c.case_number = "（2023）京0105执3456号";
  c.type_code = "执";
  c.category = "执行";
  c.procedure = "执行";
  c.filed_date = Date::FromYmd(2023, 8, 1);
  c.closed_date = Date::FromYmd(2023, 11, 20);
  c.closure_method = "终结本次执行程序";
  c.panel = {"李明", "周杰", "吴敏"};
  c.parties[0].role = "申请执行人";
  c.parties[1].role = "被执行人";
  c.execution = ExecutionResult{9000000, 120000, false};
  c.derived_from = CaseLink{"执行", "C0001", "（2023）京0105民初12345号"};
  return c;
}

}  // namespace tianping::gen::testing
