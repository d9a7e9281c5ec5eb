#include "gen/sample_cases_test_util.h"

#include "model/sample_case_test_util.h"

namespace tianping::gen::testing {
namespace {

using tianping::samples::BeijingLoanCase;
Party Person(std::string role, std::string name, std::string gender, Date birth, std::string id, std::string address) {
  return tianping::samples::NaturalPerson(std::move(role), std::move(name), std::move(gender), birth, std::move(id),
                                          std::move(address));
}
Agent Lawyer(std::string name, std::string firm) {
  return tianping::samples::Lawyer(std::move(name), std::move(firm), "11101200910012345");
}

}  // namespace

Party GuarantorParty() {
  return Person("被告", "王静", "女", Date::FromYmd(1988, 9, 9), "410105198809091248", "河南省郑州市二七区大学路6号");
}

const ReferenceData& SampleRef() {
  static const ReferenceData* ref = [] {
    auto r = ReferenceData::Load(ReferenceData::DefaultRefDir());
    return r.ok() ? new ReferenceData(std::move(r).value()) : new ReferenceData();
  }();
  return *ref;
}

Case LoanCase() {
  Case c = BeijingLoanCase("C0001", 2023, 12345);
  c.cause_code = "M0111";
  c.filed_date = Date::FromYmd(2023, 3, 1);
  c.closed_date = Date::FromYmd(2023, 5, 10);
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
  c.parties.back().phone = "13903710001";  // never printed in a public version
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
  Party prosecutor;  // the generator lists the procuratorate as a party
  prosecutor.role = "公诉机关";
  prosecutor.kind = "法人";
  prosecutor.name = "北京市朝阳区人民检察院";
  c.parties.push_back(prosecutor);
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

std::vector<Case> VariedCases() {
  std::vector<Case> out;
  const int years[] = {2019, 2022, 2024};
  int n = 0;
  auto dated = [&](Case c, int year) {
    c.filed_date = Date::FromYmd(year, 2, 10);
    c.closed_date = Date::FromYmd(year, 6, 20);
    std::string num = c.case_number;
    size_t p = num.find_first_of("0123456789");
    num.replace(p, 4, std::to_string(year));
    c.case_number = num;
    c.case_id = "V" + std::to_string(++n);
    c.document_id = "DV" + std::to_string(n);
    return c;
  };
  Party company;
  company.role = "被告";
  company.kind = "法人";
  company.name = "河南宏达商贸有限公司";
  company.credit_code = "91410100MA3X5K7Q2L";
  company.address = "河南省郑州市金水区花园路18号";
  company.legal_representative = "陈刚";
  for (std::string cause : {"民间借贷纠纷", "金融借款合同纠纷", "信用卡纠纷", "买卖合同纠纷", "离婚纠纷",
                            "机动车交通事故责任纠纷", "劳动争议", "房屋租赁合同纠纷"}) {
    for (std::string closure : {"判决", "调解", "撤诉", "驳回起诉", "移送", "其他"}) {
      for (int year : years) {
        Case c = LoanCase();
        c.cause_name = cause;
        c.closure_method = closure;
        c.procedure = (n % 3 == 0) ? "普通程序" : (n % 3 == 1) ? "简易程序" : "小额诉讼程序";
        if (c.procedure == "普通程序") c.panel = {"李明", "周杰", "吴敏"};
        if (closure == "判决" && n % 4 == 0) c.awarded_amount = 0;
        if (n % 2 == 0 && cause.find("离婚") == std::string::npos) c.parties[1] = company;
        if (n % 5 == 0) c.parties.push_back(GuarantorParty());
        out.push_back(dated(c, year));
      }
    }
  }
  for (std::string cause : {"离婚纠纷", "劳动争议", "房屋租赁合同纠纷"}) {  // claims without an amount
    for (std::string closure : {"判决", "调解"}) {
      Case c = LoanCase();
      c.cause_name = cause;
      c.closure_method = closure;
      c.claim_amount = 0;
      c.awarded_amount = 0;
      out.push_back(dated(c, 2022));
    }
  }
  for (std::string closure : {"维持", "改判", "发回重审", "撤诉", "调解"}) {
    for (int year : years) out.push_back(dated(AppealCase(), year));
    out.back().closure_method = closure;
    out[out.size() - 2].closure_method = closure;
    out[out.size() - 3].closure_method = closure;
  }
  for (std::string closure : {"驳回再审申请", "裁定再审", "撤回再审申请"}) {
    Case c = AppealCase();
    c.case_number = "（2023）京03民申55号";
    c.type_code = "民申";
    c.procedure = "再审审查";
    c.closure_method = closure;
    c.parties[1].role = "再审申请人";
    c.parties[0].role = "被申请人";
    for (int year : years) out.push_back(dated(c, year));
  }
  for (std::string closure : {"维持", "改判", "发回重审"}) {
    Case c = AppealCase();
    c.case_number = "（2023）京03民再12号";
    c.type_code = "民再";
    c.procedure = "再审";
    c.closure_method = closure;
    c.parties[1].role = "再审申请人";
    c.parties[0].role = "被申请人";
    for (int year : years) out.push_back(dated(c, year));
  }
  for (std::string charge : {"危险驾驶罪", "盗窃罪", "诈骗罪", "故意伤害罪", "寻衅滋事罪"}) {
    for (std::string closure : {"判决", "撤诉", "终止审理"}) {
      Case c = CriminalCase();
      c.cause_name = charge;
      c.closure_method = closure;
      c.procedure = charge == "危险驾驶罪" ? "速裁程序" : "普通程序";
      c.claim_amount = charge == "盗窃罪" || charge == "诈骗罪" ? 860000 : 0;
      for (int year : years) out.push_back(dated(c, year));
    }
    for (std::string closure : {"维持", "改判", "发回重审", "撤诉"}) {
      Case c = CriminalCase();
      c.cause_name = charge;
      c.case_number = "（2023）京03刑终77号";
      c.court_code = "京03";
      c.court_name = "北京市第三中级人民法院";
      c.type_code = "刑终";
      c.procedure = "二审";
      c.closure_method = closure;
      c.parties[0].role = "原公诉机关";
      c.parties[1].role = "上诉人";
      c.parties[1].original_role = "原审被告人";
      c.panel = {"郑华", "何平", "林涛"};
      out.push_back(dated(c, 2024));
    }
  }
  for (std::string closure : {"判决", "撤销", "驳回起诉", "撤诉"}) {
    Case c = AdministrativeCase();
    c.closure_method = closure == "撤销" ? "判决" : closure;
    c.awarded_amount = closure == "撤销" ? 1 : 0;
    for (int year : years) out.push_back(dated(c, year));
  }
  for (std::string closure : {"执行完毕", "终结本次执行程序", "终结执行", "执行和解", "不予执行"}) {
    Case c = ExecutionCase();
    c.closure_method = closure;
    for (int year : years) out.push_back(dated(c, year));
  }
  for (std::string closure : {"驳回异议", "异议成立", "撤回异议"}) {
    Case c = ExecutionCase();
    if (closure != "撤回异议") {
      c.parties.insert(c.parties.begin(), Person("案外人", "孙敏", "女", Date::FromYmd(1979, 4, 4), "", "北京市朝阳区团结湖路7号"));
    }
    c.case_number = "（2023）京0105执异21号";
    c.type_code = "执异";
    c.closure_method = closure;
    for (int year : years) out.push_back(dated(c, year));
  }
  return out;
}

}  // namespace tianping::gen::testing
