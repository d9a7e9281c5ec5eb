// Test-only helpers: realistic cases and documents for store tests. Not part of the library.
#pragma once

#include <string>

#include "tianping/model/case.h"
#include "tianping/model/credit_code.h"
#include "tianping/model/id_number.h"

namespace tianping::store::testing {

// Case i of a small deterministic family: court 京0105 (even i) or 沪0115 (odd i), two parties with
// agents, every third case an appeal derived from case i-1, execution data on every fifth.
inline Case MakeCase(int i) {
  Case c;
  bool bj = i % 2 == 0;
  c.case_id = "C" + std::to_string(100000 + i);
  c.court_code = bj ? "京0105" : "沪0115";
  c.court_name = bj ? "北京市朝阳区人民法院" : "上海市浦东新区人民法院";
  c.type_code = "民初";
  c.case_number = "（2023）" + c.court_code + "民初" + std::to_string(1000 + i) + "号";
  c.category = "民事";
  c.cause_code = "M0206";
  c.cause_name = "民间借贷纠纷";
  c.cause_path = {"合同、准合同纠纷", "合同纠纷", "借款合同纠纷", "民间借贷纠纷"};
  c.procedure = i % 4 == 0 ? "普通程序" : "简易程序";
  c.received_date = Date::FromYmd(2023, 3, 1).AddDays(i % 300);
  c.filed_date = c.received_date->AddDays(i % 7);
  if (i % 3 != 1) {
    c.closed_date = c.filed_date.AddDays(30 + i % 90);
    c.closure_method = i % 2 ? "调解" : "判决";
  }
  c.statutory_limit_days = 90;
  c.judge_id = "J" + std::to_string(i % 17);
  c.judge_name = i % 2 ? "王芳" : "李明";
  c.panel = {c.judge_name};
  c.clerk = "赵书记";
  c.claim_amount = 1000000 + i * 137;
  c.awarded_amount = i % 2 ? c.claim_amount / 2 : 0;
  c.has_payment_content = i % 2 == 1;
  if (i % 3 == 0 && i > 0) c.derived_from = CaseLink{"上诉", "C" + std::to_string(100000 + i - 1), "（2022）京0105民初1号"};
  Party plaintiff;
  plaintiff.role = "原告";
  plaintiff.kind = "自然人";
  plaintiff.name = i % 5 == 0 ? "张三" : "原告" + std::to_string(i);
  plaintiff.id_number = MakeIdNumber("110105", Date::FromYmd(1980, 1, 1), i % 1000);
  plaintiff.gender = "男";
  plaintiff.birth_date = Date::FromYmd(1980, 1, 1);
  plaintiff.ethnicity = "汉族";
  plaintiff.address = "北京市朝阳区建国路" + std::to_string(i % 100) + "号";
  plaintiff.agents.push_back(Agent{"刘律师", "律师", "北京某某律师事务所", "11101201010000" + std::to_string(i % 10)});
  Party defendant;
  defendant.role = "被告";
  defendant.kind = "法人";
  defendant.name = "北京某某科技有限公司";
  defendant.credit_code = MakeCreditCode('9', '1', "110105", "MA01234T");
  defendant.legal_representative = "孙总";
  c.parties = {plaintiff, defendant};
  if (i % 5 == 4) c.execution = ExecutionResult{500000, 250000 + i, i % 2 == 0};
  c.document_id = i % 2 ? "D" + std::to_string(i) : "";
  c.updated_at = "2024-01-02T03:04:05Z";
  return c;
}

inline Document MakeDocument(int i) {
  Document d;
  d.doc_id = "D" + std::to_string(i);
  d.case_id = "C" + std::to_string(100000 + i);
  d.kind = "民事判决书";
  d.title = "原告" + std::to_string(i) + "与北京某某科技有限公司民间借贷纠纷一审民事判决书";
  d.text = "北京市朝阳区人民法院\n民事判决书\n原告" + std::to_string(i) + "诉称……\n本院认为……\n判决如下：";
  return d;
}

}  // namespace tianping::store::testing
