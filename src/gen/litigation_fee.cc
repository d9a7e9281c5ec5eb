#include "gen/litigation_fee.h"

namespace tianping::gen {
namespace {

struct Bracket {
  Fen upper;          // upper bound of the bracket in fen (inclusive); -1 = unbounded
  int per_100000;     // rate in units of 1/100000 (2.5% = 2500)
};

// Sum over brackets of portion * rate, rounded half up to the fen once at the end.
Fen Progressive(Fen amount, Fen base_fee, Fen base_upper, const Bracket* brackets, int n) {
  if (amount <= base_upper) return base_fee;
  // Accumulate in 1/100000 fen to stay exact.
  __int128 acc = 0;
  Fen lower = base_upper;
  for (int i = 0; i < n && amount > lower; ++i) {
    Fen upper = brackets[i].upper < 0 ? amount : (amount < brackets[i].upper ? amount : brackets[i].upper);
    acc += static_cast<__int128>(upper - lower) * brackets[i].per_100000;
    lower = upper;
  }
  return base_fee + static_cast<Fen>((acc + 50000) / 100000);
}

constexpr Fen kYuan = 100;

}  // namespace

Fen PropertyCaseFee(Fen claim) {
  static constexpr Bracket kBrackets[] = {
      {100000 * kYuan, 2500},   {200000 * kYuan, 2000},   {500000 * kYuan, 1500},
      {1000000 * kYuan, 1000},  {2000000 * kYuan, 900},   {5000000 * kYuan, 800},
      {10000000 * kYuan, 700},  {20000000 * kYuan, 600},  {-1, 500},
  };
  return Progressive(claim, 50 * kYuan, 10000 * kYuan, kBrackets, 9);
}

Fen ExecutionFee(Fen applied) {
  static constexpr Bracket kBrackets[] = {
      {500000 * kYuan, 1500}, {5000000 * kYuan, 1000}, {10000000 * kYuan, 500}, {-1, 100},
  };
  return Progressive(applied, 50 * kYuan, 10000 * kYuan, kBrackets, 4);
}

Fen CaseAcceptanceFee(std::string_view category, std::string_view cause_name, Fen claim) {
  if (category == "刑事" || category == "执行") return 0;
  if (category == "行政") return 50 * kYuan;
  if (cause_name.find("离婚") != std::string_view::npos) {
    Fen fee = 300 * kYuan;
    if (claim > 200000 * kYuan) fee += ((claim - 200000 * kYuan) * 5 + 500) / 1000;
    return fee;
  }
  if (cause_name.find("劳动") != std::string_view::npos) return 10 * kYuan;
  return PropertyCaseFee(claim);
}

}  // namespace tianping::gen
