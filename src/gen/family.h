// A family: a first-instance case (or a planted script's case) and every proceeding derived from it —
// appeal, remand retrial (重审), retrial review and retrial, execution, execution objection. Families are
// the generator's unit of work: each draws from its own streams Rng::Derive(seed, 2i) (structure) and
// Rng::Derive(seed, 2i+1) (details), so any thread can produce any family. docs/generator.md.
// Thread-safety: PlanFamily and RenderFamily are reentrant; ChunkOutput is per thread.
#pragma once

#include <array>
#include <map>
#include <string>
#include <vector>

#include "gen_context.h"
#include "id_registry.h"
#include "tianping/gen/truth.h"

namespace tianping::gen {

struct MemberPlan {
  CaseType type = CaseType::kMinChu;
  int court = 0;
  int cause = -1;
  int parent = -1;              // member index it derives from
  const char* relation = "";    // 上诉 重审 再审审查 再审 执行 执行异议
  const char* procedure = "";
  const char* closure = "";     // empty while pending at the end date
  Date received, filed;
  std::optional<Date> closed;
  int limit = 0, extension = 0, excluded = 0;
  bool correction = false;
  bool plaintiff_wins = true;   // first instance: the claim (mostly) succeeded
  bool payment = false;         // effective decision with payment content
  bool stalled = false;         // planted: pending far past its limit
  bool objection_by_script = false;
  int judge = 0, clerk = 0;
  std::array<int, 3> panel{};   // judge indexes; collegial panels only
  bool collegial = false;
};

struct FamilyPlan {
  const Script* script = nullptr;
  std::vector<MemberPlan> members;
};

// Structure only (cheap): courts, types, dates, procedures, closures. Deterministic in (seed, family).
void PlanFamily(const GenContext& ctx, uint64_t family, FamilyPlan* plan);

struct StalledCase { std::string case_id; int days_over = 0; bool planted = false; };
struct TruthRef { Script::Kind kind; int entity; std::string role, case_id, case_number; };

// What one chunk of families produced, concatenated in family order by the writer.
struct ChunkOutput {
  std::string cases, documents;
  uint64_t case_count = 0, document_count = 0;
  std::vector<TruthRef> refs;
  std::vector<PlantedDocError> errors;
  std::vector<PlantedMismatch> mismatches;
  std::vector<StalledCase> stalled;
  std::map<int64_t, std::map<std::string, int>> judge_closures;  // court*4096+judge → closure → count
  std::map<int, std::vector<int>> monthly;                        // special court → filings per month
  std::vector<PersonUse> people;                                  // natural persons with an ID number, in order
  void Clear();
};

// Renders members [0, keep) of the family. `first_case` is the global index of its first member,
// `seqs` the 案号 sequence numbers of its members. ID numbers are written as `ids` resolves them (null: as
// drawn); every use is listed in out->people for IdRegistry::ClaimChunk.
void RenderFamily(const GenContext& ctx, uint64_t family, const FamilyPlan& plan, size_t keep,
                  uint64_t first_case, const uint32_t* seqs, const IdRegistry* ids, ChunkOutput* out);

std::string CaseIdOf(uint64_t global_index);
std::string CaseNumberOf(const GenContext& ctx, const MemberPlan& m, uint32_t seq);

}  // namespace tianping::gen
