// Tag service: rules → bitmaps.
#include "tianping/analytics/tag.h"

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

#include <nlohmann/json.hpp>

#include "party_tags.h"
#include "row_eval.h"

namespace tianping::analytics {

std::string DefaultTagDir() {
  const char* env = std::getenv("TP_TAG_DIR");
  return env && *env ? env : std::string(TP_SOURCE_DIR) + "/data/tags";
}

Result<std::vector<TagDef>> LoadTagDefs(const std::string& dir) {
  std::error_code ec;
  std::vector<std::string> files;
  for (const auto& e : std::filesystem::directory_iterator(dir, ec))
    if (e.path().extension() == ".json") files.push_back(e.path().string());
  if (ec) return Status::IoError(dir + ": " + ec.message());
  std::sort(files.begin(), files.end());
  std::vector<TagDef> defs;
  for (const auto& file : files) {
    std::ifstream in(file);
    std::stringstream ss;
    ss << in.rdbuf();
    nlohmann::json j = nlohmann::json::parse(ss.str(), nullptr, false);
    if (j.is_discarded() || !j.contains("tags") || !j["tags"].is_array())
      return Status::ParseError(file + ": expected a JSON object with a \"tags\" array");
    for (const auto& x : j["tags"]) {
      TagDef d;
      auto str = [&](const char* key) { return x.contains(key) && x[key].is_string() ? x[key].get<std::string>() : std::string(); };
      d.name = str("name");
      d.subject = str("subject");
      d.rule = str("rule");
      d.description = str("description");
      if (d.subject.empty()) d.subject = "case";
      if (d.name.empty() || d.rule.empty()) return Status::ParseError(file + ": a tag needs a name and a rule");
      if (d.subject != "case" && d.subject != "party")
        return Status::ParseError(file + ": tag " + d.name + ": subject must be case or party");
      defs.push_back(std::move(d));
    }
  }
  return defs;
}

Result<TagSet> TagSet::Compute(const CaseFrame& frame, const std::vector<TagDef>& defs, int32_t asof) {
  TagSet set;
  set.defs_ = defs;
  RowEvaluator ev(frame, asof, [&set](const std::string& name) { return set.Find(name); });
  PartyTagEvaluator party(frame, &ev, [&set](const std::string& name) { return set.FindParties(name); });
  for (const auto& d : defs) {
    auto e = ParseExpr(d.rule);
    if (!e.ok()) return e.status().WithContext("tag " + d.name + ": ");
    if (d.subject == "party") {
      auto ents = party.Entities(**e);
      if (!ents.ok()) return ents.status().WithContext("tag " + d.name + ": ");
      ents->Optimize();
      Bitmap cases = party.CasesOf(*ents);
      cases.Optimize();
      set.party_bits_[d.name] = std::move(ents).value();
      set.bits_[d.name] = std::move(cases);
      continue;
    }
    auto b = ev.Predicate(**e);
    if (!b.ok()) return b.status().WithContext("tag " + d.name + ": ");
    b->Optimize();
    set.bits_[d.name] = std::move(b).value();
  }
  return set;
}

const Bitmap* TagSet::FindParties(const std::string& name) const {
  auto it = party_bits_.find(name);
  return it == party_bits_.end() ? nullptr : &it->second;
}

const Bitmap* TagSet::Find(const std::string& name) const {
  auto it = bits_.find(name);
  return it == bits_.end() ? nullptr : &it->second;
}

}  // namespace tianping::analytics
