// Shared, immutable state of one generator run: court and cause tables prepared for sampling, the filing
// calendar, and the serial plan of planted scenarios (scripts). Built once from the seed (phase A), then
// read by every worker thread. Thread-safety: immutable after BuildContext.
#pragma once

#include <array>
#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "tianping/common/date.h"
#include "tianping/common/rng.h"
#include "tianping/gen/generator.h"
#include "tianping/model/case.h"
#include "tianping/model/reference.h"

namespace tianping::gen {

// Case types the generator produces (类型代字).
enum class CaseType : uint8_t { kMinChu, kMinZhong, kMinShen, kMinZai, kZhi, kZhiYi, kXingChu, kXingZhong,
                                kXingZhengChu, kXingZhengZhong, kCount };
const char* TypeCode(CaseType t);      // 民初 …
const char* TypeCategory(CaseType t);  // 民事 刑事 行政 执行

struct CourtInfo {
  const Court* court = nullptr;
  int province = -1;         // index into ref.provinces()
  int parent = -1;           // index into courts
  int region = -1;           // intermediate court of its area (itself for intermediate courts)
  std::string locality;      // address prefix: 广东省广州市天河区
  std::string city;          // company-name prefix: 广州市
  std::string region6;       // division code for ID numbers and credit codes
  std::string prosecutor;    // 公诉机关
  int judges = 10;
};

// A planted scenario's scripted family (phase A). Unset fields fall back to the ordinary random choice.
struct Script {
  enum class Kind : uint8_t { kRingSuit, kRingCreditor, kAbuseRefile, kAbuseResue, kAbuseBatch, kLenderSuit,
                              kLenderCrime };
  Kind kind = Kind::kRingSuit;
  int entity = 0;            // index into the matching truth list
  int court = -1;
  int cause = -1;            // index into ref.causes()
  CaseType type = CaseType::kMinChu;
  std::string procedure;     // empty = random
  Date filed;
  int duration = 0;          // days to closure (0 = random)
  std::string closure;       // empty = random
  std::vector<Party> plaintiffs, defendants;
  Fen claim = 0;
  bool plaintiff_wins = true;
  bool execution = false;            // force an execution case
  std::string execution_closure;     // empty = pending at the end date
  int execution_delay = 20;
  int execution_duration = 150;
  bool objection = false;            // force a 执行异议 by `objector`
  Party objector;
  int objection_delay = 30;
  std::vector<std::string> doc_features;     // sentences inserted into the document (事实 section)
  std::vector<std::string> lender_features;  // DocumentPlan::lender_features (worded by RenderDocument)
};

struct LenderTruth {
  std::string id, level;
  std::vector<Party> plaintiffs;
  int region = -1;
  int year = 0;
  int suits = 0;
  Fen total = 0;
  std::vector<std::string> features;
  std::string reason;
};
struct RingTruth {
  std::string id;
  int court = -1;
  std::vector<Party> members;  // ring plaintiffs and objector
  Party debtor, creditor;
  std::vector<std::string> links;     // same_surname_address, same_phone, same_agent
  std::vector<std::string> features;
};
struct AbuseTruth {
  std::string id, pattern;
  Party litigant;
  std::vector<int> courts;
};
struct DeviationTruth { int court; std::vector<int> years; double december_factor, january_factor; };
struct SurgeTruth { int court; int year, month, months; double factor; };
struct OutlierJudgeTruth { int court; int judge; std::string method; double boost; };

struct GenContext {
  const ReferenceData* ref = nullptr;
  GenOptions options;
  Date start, end;
  std::vector<CourtInfo> courts;
  std::vector<int> basic, intermediate;      // court indexes
  std::vector<double> basic_cum, inter_cum;  // cumulative size weights
  // Causes per category: leaf indexes and, per province, cumulative weights (regional mix).
  std::vector<int> civil_causes, criminal_causes, admin_causes;
  std::vector<std::vector<double>> civil_cum_by_province;
  std::vector<std::vector<double>> civil_cum_inter_by_province;  // intermediate first instance: commercial mix
  std::vector<double> criminal_cum, admin_cum;
  int cause_lending = -1, cause_credit_card = -1, cause_bank_loan = -1, cause_sales = -1, cause_fraud = -1;
  // Filing-day weights: the national calendar and, per special court, its own.
  std::vector<double> day_cum;
  std::map<int, std::vector<double>> court_day_cum;
  // Plan.
  std::vector<Script> scripts;
  uint64_t script_stride = 0;                 // family i is script (i / stride) when i % stride == stride-1
  std::vector<LenderTruth> lenders;
  std::vector<RingTruth> rings;
  std::vector<AbuseTruth> abusers;
  std::vector<DeviationTruth> deviations;
  std::vector<SurgeTruth> surges;
  std::vector<OutlierJudgeTruth> outliers;
  std::map<int64_t, int> outlier_index;       // court * 4096 + judge → outliers index
  double doc_share = 1.0;

  // Script for family i, or nullptr.
  const Script* ScriptFor(uint64_t family) const {
    if (script_stride == 0 || family % script_stride != script_stride - 1) return nullptr;  // stride 1: all
    uint64_t k = family / script_stride;
    return k < scripts.size() ? &scripts[k] : nullptr;
  }
  int SampleBasicCourt(Rng& rng) const;
  int SampleIntermediateCourt(Rng& rng) const;
  Date SampleFiledDate(Rng& rng, int court) const;
  int SampleCause(Rng& rng, CaseType type, int court) const;
  // Deterministic per-court staff names.
  std::string JudgeName(int court, int judge) const;
  std::string ClerkName(int court, int clerk) const;
  std::string JudgeId(int court, int judge) const;
  // Repeat litigants and agents: deterministic pools per area.
  Party PoolPerson(int court, uint64_t k, Date on) const;
  Party PoolCompany(int court, uint64_t k) const;
  Party Bank(int court, uint64_t k) const;
  Agent Lawyer(int court, uint64_t k) const;
};

// Phase A: prepares tables and plans the scenarios. `families_estimate` spreads the scripts.
Result<GenContext> BuildContext(const GenOptions& options, const ReferenceData& ref);
void PlaceScripts(GenContext* ctx, uint64_t families_estimate);

}  // namespace tianping::gen
