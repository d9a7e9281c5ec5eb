// Hand-built cases for the document-writer tests (test-only). Values are chosen so that expected
// fees, dates and article numbers can be checked by hand.
#pragma once

#include "tianping/model/case.h"
#include "tianping/model/reference.h"

namespace tianping::gen::testing {

// data/ref of the source tree, loaded once (empty tables if loading fails).
const ReferenceData& SampleRef();

// 民间借贷纠纷, 简易程序, claim 100,000元, awarded 90,000元, filed 2023-03-01, judged 2023-05-10,
// 北京市朝阳区人民法院 (appeals to 北京市第三中级人民法院), judge 李明, clerk 王芳.
Case LoanCase();
// 危险驾驶罪, 简易程序, （2023）京0105刑初456号, 被告人赵军 with 辩护人孙丽.
Case CriminalCase();
// LoanCase closed by 调解 under 普通程序 (collegial panel 李明, 周杰, 吴敏).
Case MediationCase();
// LoanCase withdrawn (撤诉).
Case WithdrawalCase();
// Appeal of LoanCase at 北京市第三中级人民法院, 维持.
Case AppealCase();
// 行政处罚 first instance, 普通程序.
Case AdministrativeCase();
// Execution of LoanCase, 终结本次执行程序.
Case ExecutionCase();

}  // namespace tianping::gen::testing
