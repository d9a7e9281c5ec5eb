// tianping summarize --in DIR [--format table|json]: counts of a generated (or ingested JSONL) dataset —
// cases by category, province, year, closure method, pending, documents, and truth entities per kind.
#include <CLI/CLI.hpp>

#include <algorithm>
#include <cstdio>
#include <map>
#include <string>
#include <vector>

#include "commands.h"
#include "exit_codes.h"
#include "tianping/model/dataset_summary.h"
#include "tianping/model/reference.h"

namespace tianping::cli {
namespace {

using Counts = std::map<std::string, uint64_t>;

std::vector<std::pair<std::string, uint64_t>> Sorted(const Counts& c, bool by_count) {
  std::vector<std::pair<std::string, uint64_t>> v(c.begin(), c.end());
  if (by_count) std::stable_sort(v.begin(), v.end(), [](auto& a, auto& b) { return a.second > b.second; });
  return v;
}

// Pads UTF-8 text to `cols` display columns (CJK characters take two).
std::string Pad(const std::string& s, size_t cols) {
  size_t w = 0;
  for (size_t i = 0; i < s.size();) {
    unsigned char c = s[i];
    size_t len = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
    w += len >= 3 ? 2 : 1;
    i += len;
  }
  return w >= cols ? s : s + std::string(cols - w, ' ');
}

void PrintSection(const char* title, const Counts& c, uint64_t total, bool by_count, size_t top = 0) {
  std::printf("\n%s\n", title);
  size_t i = 0;
  for (const auto& [k, n] : Sorted(c, by_count)) {
    if (top && i++ >= top) break;
    std::printf("  %s %12llu  %6.2f%%\n", Pad(k, 28).c_str(), static_cast<unsigned long long>(n),
                total ? 100.0 * static_cast<double>(n) / static_cast<double>(total) : 0.0);
  }
}

}  // namespace

int RunSummarize(int argc, char** argv) {
  CLI::App app{"数据集概览 / summarise a generated dataset", "tianping summarize"};
  std::string dir, format = "table", ref_dir = ReferenceData::DefaultRefDir();
  app.add_option("--in", dir, "dataset folder (cases.jsonl, documents.jsonl, truth.json)")->required();
  app.add_option("--format", format, "table | json")->check(CLI::IsMember({"table", "json"}))->capture_default_str();
  app.add_option("--ref", ref_dir, "reference table folder");
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    return app.exit(e);
  }
  auto ref = ReferenceData::Load(ref_dir);
  if (!ref.ok()) return Fail("summarize", ref.status());

  auto summary = SummarizeDataset(dir, *ref);
  if (!summary.ok()) return Fail("summarize", summary.status());
  const DatasetSummary& s = *summary;
  const uint64_t cases = s.cases, pending = s.pending;
  if (format == "json") {
    std::printf("%s\n", DatasetSummaryJson(s, 2).c_str());
    return 0;
  }
  std::printf("数据集 %s\n  案件总数 %llu  未结 %llu (%.2f%%)  裁判文书 %llu\n", dir.c_str(),
              static_cast<unsigned long long>(cases), static_cast<unsigned long long>(pending),
              cases ? 100.0 * pending / cases : 0.0, static_cast<unsigned long long>(s.documents));
  PrintSection("按案件类别 (category)", s.by_category, cases, true);
  PrintSection("按省份 (province, top 10)", s.by_province, cases, true, 10);
  PrintSection("按立案年度 (filing year)", s.by_year, cases, false);
  PrintSection("结案方式 (closure method, top 25)", s.closure_methods, cases - pending, true, 25);
  std::printf("\n主要比率 (headline rates)\n");
  for (const auto& [k, v] : s.rates) std::printf("  %s %8.2f%%\n", Pad(k, 28).c_str(), 100 * v);
  std::printf("\n标注真值 (truth.json entities per kind)\n");
  for (const auto& [k, n] : s.truth) std::printf("  %-28s %10llu\n", k.c_str(), static_cast<unsigned long long>(n));
  return 0;
}

}  // namespace tianping::cli
