// tianping summarize --in DIR [--format table|json]: counts of a generated (or ingested JSONL) dataset —
// cases by category, province, year, closure method, pending, documents, and truth entities per kind.
#include <CLI/CLI.hpp>

#include <algorithm>
#include <cstdio>
#include <fstream>
#include <map>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "commands.h"
#include "exit_codes.h"
#include "tianping/model/case_json.h"
#include "tianping/model/jsonl_reader.h"
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

  Counts by_category, by_province, by_year, by_closure;
  uint64_t cases = 0, pending = 0, documents = 0;
  // Headline rates: civil first instance (not 重审) closures, appeals, execution results.
  uint64_t civil_closed = 0, civil_judged = 0, civil_mediated = 0, civil_withdrawn = 0, civil_appeals = 0;
  uint64_t exec_closed = 0, exec_done = 0;
  Fen exec_applied = 0, exec_recovered = 0;
  {
    auto reader = JsonlReader::Open(dir + "/cases.jsonl");
    if (!reader.ok()) return Fail("summarize", reader.status());
    std::string_view line;
    while ((*reader)->Next(&line)) {
      auto c = ParseCaseJson(line);
      if (!c.ok()) return Fail("summarize", c.status().WithContext((*reader)->Where()));
      ++cases;
      by_category[c->category]++;
      by_year[std::to_string(c->filed_date.year())]++;
      const Court* court = ref->FindCourt(c->court_code);
      const Province* p = court ? ref->FindProvince(court->province) : nullptr;
      by_province[p ? p->name : "未知"]++;
      if (c->closed_date) by_closure[c->category + "·" + c->closure_method]++;
      else ++pending;
      if (c->type_code == "民初" && !c->derived_from && c->closed_date) {
        ++civil_closed;
        civil_judged += c->closure_method == "判决";
        civil_mediated += c->closure_method == "调解";
        civil_withdrawn += c->closure_method == "撤诉";
      }
      if (c->type_code == "民终") ++civil_appeals;
      if (c->type_code == "执" && c->closed_date && c->execution) {
        ++exec_closed;
        exec_done += c->closure_method == "执行完毕";
        exec_applied += c->execution->applied_amount;
        exec_recovered += c->execution->recovered_amount;
      }
    }
    if (!(*reader)->status().ok()) return Fail("summarize", (*reader)->status());
  }
  {
    auto reader = JsonlReader::Open(dir + "/documents.jsonl");
    if (reader.ok()) {
      std::string_view line;
      while ((*reader)->Next(&line)) ++documents;
    }
  }
  Counts truth;
  {
    std::ifstream in(dir + "/truth.json");
    if (in) {
      nlohmann::json j = nlohmann::json::parse(in, nullptr, false);
      if (j.is_discarded()) return Fail("summarize", Status::ParseError(dir + "/truth.json: invalid JSON"));
      for (auto& [k, v] : j.items())
        if (v.is_array()) truth[k] = v.size();
    }
  }
  auto ratio = [](double a, double b) { return b > 0 ? a / b : 0.0; };
  std::map<std::string, double> rates = {
      {"民事一审判决率", ratio(civil_judged, civil_closed)},
      {"民事一审调解率", ratio(civil_mediated, civil_closed)},
      {"民事一审撤诉率", ratio(civil_withdrawn, civil_closed)},
      {"民事上诉率", ratio(civil_appeals, civil_closed)},
      {"执行完毕率", ratio(exec_done, exec_closed)},
      {"执行到位率", ratio(static_cast<double>(exec_recovered), static_cast<double>(exec_applied))}};
  if (format == "json") {
    nlohmann::json j;
    j["rates"] = rates;
    j["cases"] = cases;
    j["pending"] = pending;
    j["documents"] = documents;
    j["by_category"] = by_category;
    j["by_province"] = by_province;
    j["by_year"] = by_year;
    j["closure_methods"] = by_closure;
    j["truth"] = truth;
    std::printf("%s\n", j.dump(2).c_str());
    return 0;
  }
  std::printf("数据集 %s\n  案件总数 %llu  未结 %llu (%.2f%%)  裁判文书 %llu\n", dir.c_str(),
              static_cast<unsigned long long>(cases), static_cast<unsigned long long>(pending),
              cases ? 100.0 * pending / cases : 0.0, static_cast<unsigned long long>(documents));
  PrintSection("按案件类别 (category)", by_category, cases, true);
  PrintSection("按省份 (province, top 10)", by_province, cases, true, 10);
  PrintSection("按立案年度 (filing year)", by_year, cases, false);
  PrintSection("结案方式 (closure method, top 25)", by_closure, cases - pending, true, 25);
  std::printf("\n主要比率 (headline rates)\n");
  for (const auto& [k, v] : rates) std::printf("  %s %8.2f%%\n", Pad(k, 28).c_str(), 100 * v);
  std::printf("\n标注真值 (truth.json entities per kind)\n");
  for (const auto& [k, n] : truth) std::printf("  %-28s %10llu\n", k.c_str(), static_cast<unsigned long long>(n));
  return 0;
}

}  // namespace tianping::cli
