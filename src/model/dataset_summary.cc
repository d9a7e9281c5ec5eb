#include "tianping/model/dataset_summary.h"

#include <fstream>

#include <nlohmann/json.hpp>

#include "tianping/model/case_json.h"
#include "tianping/model/jsonl_reader.h"

namespace tianping {

Result<DatasetSummary> SummarizeDataset(const std::string& dir, const ReferenceData& ref) {
  DatasetSummary s;
  // Headline rates: civil first instance (not 重审) closures, appeals, execution results.
  uint64_t civil_closed = 0, civil_judged = 0, civil_mediated = 0, civil_withdrawn = 0, civil_appeals = 0;
  uint64_t exec_closed = 0, exec_done = 0;
  Fen exec_applied = 0, exec_recovered = 0;
  {
    auto reader = JsonlReader::Open(dir + "/cases.jsonl");
    if (!reader.ok()) return reader.status();
    std::string_view line;
    while ((*reader)->Next(&line)) {
      auto c = ParseCaseJson(line);
      if (!c.ok()) return c.status().WithContext((*reader)->Where());
      ++s.cases;
      s.by_category[c->category]++;
      s.by_year[std::to_string(c->filed_date.year())]++;
      const Court* court = ref.FindCourt(c->court_code);
      const Province* p = court ? ref.FindProvince(court->province) : nullptr;
      s.by_province[p ? p->name : "未知"]++;
      if (c->closed_date) s.closure_methods[c->category + "·" + c->closure_method]++;
      else ++s.pending;
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
    if (!(*reader)->status().ok()) return (*reader)->status();
  }
  {
    auto reader = JsonlReader::Open(dir + "/documents.jsonl");
    if (reader.ok()) {
      std::string_view line;
      while ((*reader)->Next(&line)) ++s.documents;
    }
  }
  {
    std::ifstream in(dir + "/truth.json");
    if (in) {
      nlohmann::json j = nlohmann::json::parse(in, nullptr, false);
      if (j.is_discarded()) return Status::ParseError(dir + "/truth.json: invalid JSON");
      for (auto& [k, v] : j.items())
        if (v.is_array()) s.truth[k] = v.size();
    }
  }
  auto ratio = [](double a, double b) { return b > 0 ? a / b : 0.0; };
  s.rates = {{"民事一审判决率", ratio(civil_judged, civil_closed)},
             {"民事一审调解率", ratio(civil_mediated, civil_closed)},
             {"民事一审撤诉率", ratio(civil_withdrawn, civil_closed)},
             {"民事上诉率", ratio(civil_appeals, civil_closed)},
             {"执行完毕率", ratio(exec_done, exec_closed)},
             {"执行到位率", ratio(static_cast<double>(exec_recovered), static_cast<double>(exec_applied))}};
  return s;
}

std::string DatasetSummaryJson(const DatasetSummary& s, int indent) {
  nlohmann::json j;
  j["rates"] = s.rates;
  j["cases"] = s.cases;
  j["pending"] = s.pending;
  j["documents"] = s.documents;
  j["by_category"] = s.by_category;
  j["by_province"] = s.by_province;
  j["by_year"] = s.by_year;
  j["closure_methods"] = s.closure_methods;
  j["truth"] = s.truth;
  return j.dump(indent);
}

}  // namespace tianping
