// Test-only building blocks shared by the module tests that need hand-made cases (gen document writer,
// case JSON, cross-check, security, store): the usual first-instance civil case at 北京市朝阳区人民法院 and
// parties. Values are plain and fixed so tests can check them by hand; callers override what they test.
#pragma once

#include <string>

#include "tianping/model/case.h"

namespace tianping::samples {

// （year）京0105民初number号 at 北京市朝阳区人民法院: 民事 民初, 民间借贷纠纷 (cause code M0206), 简易程序,
// closed by 判决; no dates, people or amounts.
Case BeijingLoanCase(const std::string& case_id, int year, int number);

// A 自然人 of 汉族 with the given role, name, gender, birth date, ID number and address.
Party NaturalPerson(std::string role, std::string name, std::string gender, Date birth, std::string id_number,
                    std::string address);
// A 法人 with credit code and legal representative.
Party Company(std::string role, std::string name, std::string credit_code, std::string legal_representative);
// A 律师 of `firm`.
Agent Lawyer(std::string name, std::string firm, std::string license_number);

}  // namespace tianping::samples
