// LoadAnalyticsState: the dataset's cases as a CaseFrame, tags, indicator definitions, document checker.
#include <cstdio>
#include <filesystem>

#include "tianping/service/analytics_endpoints.h"

namespace tianping::service {

Result<std::unique_ptr<AnalyticsState>> LoadAnalyticsState(const AnalyticsOptions& options, const ReferenceData& ref) {
  auto s = std::make_unique<AnalyticsState>();
  s->ref = &ref;
  s->guarded = options.guarded;
  s->data_dir = options.data_dir;
  auto reg = analytics::IndicatorRegistry::LoadDir(options.indicator_dir.empty() ? analytics::IndicatorRegistry::DefaultDir()
                                                                                 : options.indicator_dir);
  if (!reg.ok()) return reg.status();
  s->indicators = std::move(reg).value();
  auto tag_defs = analytics::LoadTagDefs(options.tag_dir.empty() ? analytics::DefaultTagDir() : options.tag_dir);
  if (!tag_defs.ok()) return tag_defs.status();

  text::DocCheckOptions check;
  check.ref = &ref;
  check.segmenter = options.segmenter;
  auto checker = text::DocChecker::Create(check);
  if (checker.ok()) {
    s->checker = std::move(checker).value();
  } else {
    s->checker_status = checker.status();
    std::fprintf(stderr, "serve: document checker unavailable (%s)\n", checker.status().ToString().c_str());
  }

  // Cases: the store's current snapshot, else <data>/cases.jsonl.
  namespace fs = std::filesystem;
  std::error_code ec;
  if (fs::exists(fs::path(options.data_dir) / "CURRENT", ec)) {
    auto snap = StoreSnapshot::Open(options.data_dir);
    if (!snap.ok()) return snap.status();
    s->snapshot_id = (*snap)->info().id;
    auto frame = analytics::LoadCaseFrameStore(**snap, ref);
    if (!frame.ok()) return frame.status();
    s->frame = std::move(frame).value();
    // The snapshot (and its block cache) is closed here: documents are read through the StoreHolder.
  } else if (fs::exists(fs::path(options.data_dir) / "cases.jsonl", ec)) {
    auto frame = analytics::LoadCaseFrameJsonl(options.data_dir, ref);
    if (!frame.ok()) return frame.status();
    s->frame = std::move(frame).value();
  } else {
    s->frame_status = Status::FailedPrecondition("no cases in " + options.data_dir +
                                                 " (tianping ingest --data DIR, or a cases.jsonl there)");
    return s;
  }
  s->frame_status = Status::Ok();
  const analytics::CaseFrame& f = *s->frame;
  s->asof = f.max_date == analytics::kNoDate ? Date::FromYmd(2024, 12, 31) : Date::FromDays(f.max_date);
  s->default_from = Date::FromYmd(s->asof.year(), 1, 1);
  s->default_to = Date::FromYmd(s->asof.year(), 12, 31);
  auto tags = analytics::TagSet::Compute(f, *tag_defs, s->asof.days());
  if (!tags.ok()) return tags.status();
  s->tags.emplace(std::move(tags).value());
  for (uint32_t code = 1; code < f.courts.size(); ++code)
    if (code < f.court_names.size()) s->court_by_name.emplace(f.court_names[code], code);
  return s;
}

}  // namespace tianping::service
