// LoadAnalyticsDefinitions (indicators, tag rules, document checker) and LoadAnalyticsState (one
// snapshot's cases as a CaseFrame, its tags).
#include <cstdio>
#include <filesystem>

#include "tianping/model/jsonl_reader.h"
#include "tianping/service/analytics_endpoints.h"

namespace tianping::service {
namespace {

// Records of a JSONL file as `tianping summarize` counts them; nullopt when the file is absent.
std::optional<uint64_t> CountLines(const std::filesystem::path& path) {
  auto reader = JsonlReader::Open(path.string());
  if (!reader.ok()) return std::nullopt;
  uint64_t n = 0;
  std::string_view line;
  while ((*reader)->Next(&line)) ++n;
  return n;
}

}  // namespace

Result<std::shared_ptr<const AnalyticsDefinitions>> LoadAnalyticsDefinitions(const AnalyticsOptions& options,
                                                                              const ReferenceData& ref) {
  auto defs = std::make_shared<AnalyticsDefinitions>();
  auto reg = analytics::IndicatorRegistry::LoadDir(options.indicator_dir.empty() ? analytics::IndicatorRegistry::DefaultDir()
                                                                                 : options.indicator_dir);
  if (!reg.ok()) return reg.status();
  defs->indicators = std::move(reg).value();
  auto tag_defs = analytics::LoadTagDefs(options.tag_dir.empty() ? analytics::DefaultTagDir() : options.tag_dir);
  if (!tag_defs.ok()) return tag_defs.status();
  defs->tags = std::move(tag_defs).value();

  text::DocCheckOptions check;
  check.ref = &ref;
  check.segmenter = options.segmenter;
  auto checker = text::DocChecker::Create(check);
  if (checker.ok()) {
    defs->checker = std::move(checker).value();
  } else {
    defs->checker_status = checker.status();
    std::fprintf(stderr, "serve: document checker unavailable (%s)\n", checker.status().ToString().c_str());
  }
  return std::shared_ptr<const AnalyticsDefinitions>(std::move(defs));
}

Result<std::unique_ptr<AnalyticsState>> LoadAnalyticsState(const AnalyticsOptions& options, const ReferenceData& ref,
                                                           const AnalyticsDefinitions& defs,
                                                           const StoreSnapshot* snapshot) {
  auto s = std::make_unique<AnalyticsState>();
  s->ref = &ref;
  s->guarded = options.guarded;
  s->data_dir = options.data_dir;
  s->indicators = defs.indicators;
  s->checker = defs.checker;
  s->checker_status = defs.checker_status;

  // Cases: the store snapshot, else <data>/cases.jsonl.
  namespace fs = std::filesystem;
  std::error_code ec;
  if (snapshot) {
    s->snapshot_id = snapshot->info().id;
    s->documents = snapshot->info().document_count();
    auto frame = analytics::LoadCaseFrameStore(*snapshot, ref);
    if (!frame.ok()) return frame.status();
    s->frame = std::move(frame).value();
  } else if (fs::exists(fs::path(options.data_dir) / "cases.jsonl", ec)) {
    auto frame = analytics::LoadCaseFrameJsonl(options.data_dir, ref);
    if (!frame.ok()) return frame.status();
    s->frame = std::move(frame).value();
    s->documents = CountLines(fs::path(options.data_dir) / "documents.jsonl");
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
  auto tags = analytics::TagSet::Compute(f, defs.tags, s->asof.days());
  if (!tags.ok()) return tags.status();
  s->tags.emplace(std::move(tags).value());
  for (uint32_t code = 1; code < f.courts.size(); ++code)
    if (code < f.court_names.size()) s->court_by_name.emplace(f.court_names[code], code);
  return s;
}

}  // namespace tianping::service
