#include "model/sample_case_test_util.h"

namespace tianping::samples {

Case BeijingLoanCase(const std::string& case_id, int year, int number) {
  Case c;
  c.case_id = case_id;
  c.case_number = "（" + std::to_string(year) + "）京0105民初" + std::to_string(number) + "号";
  c.court_code = "京0105";
  c.court_name = "北京市朝阳区人民法院";
  c.type_code = "民初";
  c.category = "民事";
  c.cause_code = "M0206";
  c.cause_name = "民间借贷纠纷";
  c.procedure = "简易程序";
  c.closure_method = "判决";
  return c;
}

Party NaturalPerson(std::string role, std::string name, std::string gender, Date birth, std::string id_number,
                    std::string address) {
  Party p;
  p.role = std::move(role);
  p.kind = "自然人";
  p.name = std::move(name);
  p.gender = std::move(gender);
  p.birth_date = birth;
  p.ethnicity = "汉族";
  p.id_number = std::move(id_number);
  p.address = std::move(address);
  return p;
}

Party Company(std::string role, std::string name, std::string credit_code, std::string legal_representative) {
  Party p;
  p.role = std::move(role);
  p.kind = "法人";
  p.name = std::move(name);
  p.credit_code = std::move(credit_code);
  p.legal_representative = std::move(legal_representative);
  return p;
}

Agent Lawyer(std::string name, std::string firm, std::string license_number) {
  Agent a;
  a.name = std::move(name);
  a.kind = "律师";
  a.law_firm = std::move(firm);
  a.license_number = std::move(license_number);
  return a;
}

}  // namespace tianping::samples
