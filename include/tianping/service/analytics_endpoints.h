// Endpoints over the dataset's cases: indicators (审判质量指标) with drill-down, the indicator catalogue,
// tags with counts, the warning centre (预警中心), judgment documents (文书 and 文书纠错) and the
// document/case cross-check. docs/api.md "Indicators, tags, warnings, documents".
//
// AnalyticsState is built per store snapshot: the snapshot's cases (else <data>/cases.jsonl) as a
// CaseFrame, the tags computed as of the data's latest date, plus the definitions loaded once at start-up
// (indicators, tag rules, the document checker). When a commit moves DIR/CURRENT the service builds the
// next state in the background and swaps it in (snapshot_holder.h); each handler takes the current state
// once per request from its AnalyticsSource. Every handler restricts rows to the caller's court scope
// and suppresses small cells for roles that require it (data_scope.h).
// Thread-safety: immutable after LoadAnalyticsState except the internally synchronised caches.
#pragma once

#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "tianping/analytics/case_frame.h"
#include "tianping/analytics/indicator.h"
#include "tianping/analytics/tag.h"
#include "tianping/common/date.h"
#include "tianping/common/status.h"
#include "tianping/model/reference.h"
#include "tianping/service/endpoint_registry.h"
#include "tianping/service/guarded_endpoints.h"
#include "tianping/store/store.h"
#include "tianping/text/doc_check.h"
#include "tianping/text/segmenter.h"

namespace tianping::service {

// One red light of the warning centre with its evidence (docs/api.md "Warnings").
struct Warning {
  std::string kind;        // indicator | tag
  std::string court_code, court_name, province;
  std::string subject;     // indicator name or tag name
  std::string level;       // 红 (far outside / many cases) | 黄
  double severity = 0;     // for ordering: relative distance outside the range, or the case count
  // Evidence. indicator: value, numerator, denominator, range; tag: count, share of the court's cases.
  double value = 0, numerator = 0, denominator = 0;
  std::optional<double> range_low, range_high;
  std::string unit;
  int64_t count = 0, court_cases = 0;
  std::vector<std::string> sample_case_ids;  // tag warnings: up to 5 case ids
};

struct AnalyticsState {
  const ReferenceData* ref = nullptr;
  const GuardedState* guarded = nullptr;             // the AccessGuard, the audit log, the current snapshot
  std::string data_dir;
  uint64_t snapshot_id = 0;                          // the frame's snapshot; 0: cases read from cases.jsonl
  std::shared_ptr<const StoreSnapshot> store;        // that snapshot (case and document reads); null without one

  std::shared_ptr<const analytics::CaseFrame> frame;  // null: no dataset (frame_status says why)
  Status frame_status = Status::NotFound("no dataset loaded");
  analytics::IndicatorRegistry indicators;
  std::optional<analytics::TagSet> tags;              // as of `asof`
  Date asof;                                          // latest filed/closed date of the data
  Date default_from, default_to;                      // the calendar year of `asof`
  std::shared_ptr<const text::DocChecker> checker;    // null: /api/documents/check answers 409
  Status checker_status;
  std::unordered_map<std::string, uint32_t> court_by_name;  // frame court name → frame court code
  std::optional<uint64_t> documents;                 // documents of the snapshot (or documents.jsonl)

  // The national warning list, computed on first use (warning_endpoints.cc).
  mutable std::once_flag warnings_once;
  mutable std::vector<Warning> warnings;
  mutable Status warnings_status;
};

struct AnalyticsOptions {
  std::string data_dir;
  std::string indicator_dir;  // empty: IndicatorRegistry::DefaultDir()
  std::string tag_dir;        // empty: DefaultTagDir()
  const text::Segmenter* segmenter = nullptr;  // for the document checker; may be null
  const GuardedState* guarded = nullptr;       // REQUIRED: scope, redaction and audit of every read
};

// What stays fixed while serving: loaded once, shared by the state of every snapshot.
struct AnalyticsDefinitions {
  analytics::IndicatorRegistry indicators;
  std::vector<analytics::TagDef> tags;
  std::shared_ptr<const text::DocChecker> checker;  // null when unavailable (checker_status says why)
  Status checker_status;
};

// Fails for broken definitions (indicators, tags), naming the file; an unavailable checker only logs.
Result<std::shared_ptr<const AnalyticsDefinitions>> LoadAnalyticsDefinitions(const AnalyticsOptions& options,
                                                                              const ReferenceData& ref);

// The state over `snapshot`; with a null snapshot, over <data>/cases.jsonl when there is one. Never fails
// for a missing dataset (the endpoints then answer 409 with the reason); fails when the cases cannot be
// read or the tags not computed.
Result<std::unique_ptr<AnalyticsState>> LoadAnalyticsState(const AnalyticsOptions& options, const ReferenceData& ref,
                                                           const AnalyticsDefinitions& defs,
                                                           const StoreSnapshot* snapshot);

// The state a request is answered from: called once per request, the handler keeps the pointer to the end.
using AnalyticsSource = std::function<std::shared_ptr<const AnalyticsState>()>;

Status RegisterIndicatorEndpoints(EndpointRegistry* registry, AnalyticsSource source);
// GET /api/summary: the dataset summary (数据集概览) over the caller's visible rows (summary_endpoint.cc).
Status RegisterSummaryEndpoint(EndpointRegistry* registry, AnalyticsSource source);
Status RegisterWarningEndpoints(EndpointRegistry* registry, AnalyticsSource source);
Status RegisterDocumentEndpoints(EndpointRegistry* registry, AnalyticsSource source);

}  // namespace tianping::service
