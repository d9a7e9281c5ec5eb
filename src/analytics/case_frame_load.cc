// LoadCaseFrameJsonl: cases.jsonl → CaseFrame, one parsed case at a time (no Case kept in memory).
#include <filesystem>

#include "tianping/analytics/case_frame.h"
#include "tianping/common/progress.h"
#include "tianping/model/case_json.h"
#include "tianping/model/jsonl_reader.h"

namespace tianping::analytics {

Result<std::shared_ptr<const CaseFrame>> LoadCaseFrameJsonl(const std::string& path, const ReferenceData& ref) {
  std::string file = path;
  if (std::filesystem::is_directory(path)) file = (std::filesystem::path(path) / "cases.jsonl").string();
  auto reader = JsonlReader::Open(file);
  if (!reader.ok()) return reader.status();
  CaseFrameBuilder builder(ref);
  std::string_view line;
  while ((*reader)->Next(&line)) {
    auto c = ParseCaseJson(line);
    if (!c.ok()) return c.status().WithContext((*reader)->Where());
    builder.Add(*c);
  }
  if (!(*reader)->status().ok()) return (*reader)->status();
  return std::make_shared<const CaseFrame>(builder.Finish());
}

}  // namespace tianping::analytics
