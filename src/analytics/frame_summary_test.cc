#include "tianping/analytics/frame_summary.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>

#include "tianping/gen/generator.h"
#include "tianping/model/case_json.h"
#include "tianping/model/jsonl_reader.h"

namespace tianping::analytics {
namespace {

void ExpectSameSummary(const DatasetSummary& want, const DatasetSummary& got) {
  EXPECT_EQ(want.cases, got.cases);
  EXPECT_EQ(want.pending, got.pending);
  EXPECT_EQ(want.by_category, got.by_category);
  EXPECT_EQ(want.by_province, got.by_province);
  EXPECT_EQ(want.by_year, got.by_year);
  EXPECT_EQ(want.closure_methods, got.closure_methods);
  ASSERT_EQ(want.rates.size(), got.rates.size());
  for (const auto& [name, v] : want.rates) EXPECT_DOUBLE_EQ(v, got.rates.at(name)) << name;
}

// The frame summary is the JSONL summary of exactly the visible rows: over a generated dataset, and over
// the cases of one province written out as their own dataset.
TEST(FrameSummary, EqualsTheDatasetSummaryOfTheVisibleCases) {
  auto ref = ReferenceData::Load(ReferenceData::DefaultRefDir());
  ASSERT_TRUE(ref.ok()) << ref.status().ToString();
  namespace fs = std::filesystem;
  fs::path dir = fs::temp_directory_path() / ("tp_frame_summary_" + std::to_string(::getpid()));
  gen::GenOptions opt;
  opt.cases = 3000;
  opt.seed = 5;
  opt.out_dir = dir.string();
  opt.threads = 1;
  opt.doc_share = 0;
  opt.progress = false;
  ASSERT_TRUE(gen::Generate(opt, *ref).ok());
  fs::remove(dir / "truth.json");

  auto frame = LoadCaseFrameJsonl(dir.string(), *ref);
  ASSERT_TRUE(frame.ok()) << frame.status().ToString();
  auto all = SummarizeFrame(**frame, [](uint32_t) { return true; });
  ASSERT_TRUE(all.ok()) << all.status().ToString();
  auto want = SummarizeDataset(dir.string(), *ref);
  ASSERT_TRUE(want.ok()) << want.status().ToString();
  ExpectSameSummary(*want, all->counts);
  EXPECT_GT(all->rate_parts.civil_closed, 0u);
  EXPECT_GT(all->rate_parts.exec_closed, 0u);

  // 广东省 only: the frame's rows of 粤 courts vs the dataset of those lines.
  const CaseFrame& f = **frame;
  uint32_t gd = 0;
  ASSERT_TRUE(f.provinces.Find("广东省", &gd));
  fs::path sub = dir / "gd";
  fs::create_directories(sub);
  {
    std::ofstream out(sub / "cases.jsonl");
    auto reader = JsonlReader::Open((dir / "cases.jsonl").string());
    ASSERT_TRUE(reader.ok());
    std::string_view line;
    uint32_t row = 0;
    while ((*reader)->Next(&line)) {
      if (f.court_province[f.court[row++]] == gd) out << line << "\n";
    }
  }
  auto part = SummarizeFrame(f, [&](uint32_t i) { return f.court_province[f.court[i]] == gd; });
  ASSERT_TRUE(part.ok());
  auto want_gd = SummarizeDataset(sub.string(), *ref);
  ASSERT_TRUE(want_gd.ok()) << want_gd.status().ToString();
  ExpectSameSummary(*want_gd, part->counts);
  EXPECT_EQ(part->counts.by_province.size(), 1u);
  EXPECT_GT(part->counts.cases, 0u);
  EXPECT_LT(part->counts.cases, all->counts.cases);
  fs::remove_all(dir);
}

TEST(FrameSummary, NeedsTheCategoryAndExecutionColumns) {
  CaseFrame f;
  f.loaded = kFrameFlags;
  auto s = SummarizeFrame(f, [](uint32_t) { return true; });
  EXPECT_EQ(s.status().code(), Status::Code::kFailedPrecondition);
}

}  // namespace
}  // namespace tianping::analytics
