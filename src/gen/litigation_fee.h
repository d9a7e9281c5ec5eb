// Case acceptance fees (案件受理费) by the State Council's 诉讼费用交纳办法 (2007), articles 13–16.
// Money in fen; fractional fen from the percentage brackets are rounded half up.
// Thread-safety: pure functions.
#pragma once

#include <string_view>

#include "tianping/model/case.h"

namespace tianping::gen {

// Art. 13(1), property cases, progressive brackets on the claim:
//   ≤1万 50元; 1万–10万 2.5%; 10万–20万 2%; 20万–50万 1.5%; 50万–100万 1%; 100万–200万 0.9%;
//   200万–500万 0.8%; 500万–1000万 0.7%; 1000万–2000万 0.6%; >2000万 0.5%.
// E.g. 100,000元 → 2,300元; 1,000,000元 → 13,800元.
Fen PropertyCaseFee(Fen claim);

// Art. 14(1), application for execution (申请执行费): ≤1万 50元; 1万–50万 1.5%; 50万–500万 1%;
// 500万–1000万 0.5%; >1000万 0.1%.
Fen ExecutionFee(Fen applied);

// Fee for a first-instance or appeal case of `category` (民事 行政 …) and `cause_name`:
//   离婚纠纷: 300元, plus 0.5% of property over 20万 (art. 13(2)(1));
//   劳动争议 (cause name contains 劳动): 10元 (art. 13(4));
//   行政: 50元 (art. 13(5)(2));
//   other civil: the property fee of `claim` (at least 50元).
//   刑事 and 执行: 0 (no acceptance fee).
Fen CaseAcceptanceFee(std::string_view category, std::string_view cause_name, Fen claim);

// Half a fee, rounded half up to the fen: 简易程序 (art. 16), 调解 and 撤诉 (art. 15).
inline Fen HalveFee(Fen fee) { return (fee + 1) / 2; }

}  // namespace tianping::gen
