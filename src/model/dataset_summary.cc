#include "tianping/model/dataset_summary.h"

#include <fstream>

#include <nlohmann/json.hpp>

#include "tianping/model/case_json.h"
#include "tianping/model/jsonl_reader.h"

namespace tianping {

void SummaryRateParts::Add(std::string_view type_code, bool derived, bool closed, std::string_view closure_method,
                           int64_t applied, int64_t recovered) {
  if (type_code == "民初" && !derived && closed) {
    ++civil_closed;
    civil_judged += closure_method == "判决";
    civil_mediated += closure_method == "调解";
    civil_withdrawn += closure_method == "撤诉";
  }
  if (type_code == "民终") ++civil_appeals;
  if (type_code == "执" && closed) {
    ++exec_closed;
    exec_done += closure_method == "执行完毕";
    exec_applied += applied;
    exec_recovered += recovered;
  }
}

std::map<std::string, std::pair<double, double>> SummaryRateParts::Parts() const {
  auto d = [](auto v) { return static_cast<double>(v); };
  return {{"民事一审判决率", {d(civil_judged), d(civil_closed)}},
          {"民事一审调解率", {d(civil_mediated), d(civil_closed)}},
          {"民事一审撤诉率", {d(civil_withdrawn), d(civil_closed)}},
          {"民事上诉率", {d(civil_appeals), d(civil_closed)}},
          {"执行完毕率", {d(exec_done), d(exec_closed)}},
          {"执行到位率", {d(exec_recovered), d(exec_applied)}}};
}

std::map<std::string, double> SummaryRateParts::Rates() const {
  std::map<std::string, double> out;
  for (const auto& [name, nd] : Parts()) out[name] = nd.second > 0 ? nd.first / nd.second : 0.0;
  return out;
}

Result<DatasetSummary> SummarizeDataset(const std::string& dir, const ReferenceData& ref) {
  DatasetSummary s;
  SummaryRateParts parts;
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
      parts.Add(c->type_code, c->derived_from.has_value(), c->closed_date.has_value(), c->closure_method,
                c->execution ? c->execution->applied_amount : 0, c->execution ? c->execution->recovered_amount : 0);
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
  s.rates = parts.Rates();
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
