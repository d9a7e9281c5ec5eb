#include "gen/mismatch_planter.h"

#include "gen/chinese_numerals.h"
#include "gen/phrasebook.h"

namespace tianping::gen {
namespace {

void Report(std::vector<PlantedMismatch>* out, std::string_view field, std::string structured, std::string document) {
  PlantedMismatch m;
  m.field = std::string(field);
  m.structured = std::move(structured);
  m.document = std::move(document);
  out->push_back(std::move(m));
}

// Adds `delta` to the last run of digits (the sequence number of a 案号).
std::string BumpLastNumber(const std::string& s, int delta) {
  size_t end = s.find_last_of("0123456789");
  if (end == std::string::npos) return s + "1";
  size_t start = end;
  while (start > 0 && s[start - 1] >= '0' && s[start - 1] <= '9') --start;
  long long n = std::stoll(s.substr(start, end - start + 1)) + delta;
  if (n <= 0) n = delta > 0 ? delta : 1;
  return s.substr(0, start) + std::to_string(n) + s.substr(end + 1);
}

std::string OtherCourtName(const Case& c, const ReferenceData& ref, Rng& rng) {
  const Court* own = nullptr;
  for (const Court& k : ref.courts()) if (k.code == c.court_code) { own = &k; break; }
  std::vector<const Court*> cands;
  for (const Court& k : ref.courts())
    if (k.name != c.court_name && (!own || (k.province == own->province && k.level == own->level))) cands.push_back(&k);
  if (cands.empty())
    for (const Court& k : ref.courts()) if (k.name != c.court_name) cands.push_back(&k);
  if (!cands.empty()) return cands[rng.Range(0, static_cast<int64_t>(cands.size()) - 1)]->name;
  static constexpr std::string_view kFallback[] = {"北京市海淀区人民法院", "上海市浦东新区人民法院",
                                                   "广州市天河区人民法院", "杭州市西湖区人民法院"};
  std::string_view pick = kFallback[rng.Range(0, 3)];
  if (pick == c.court_name) pick = kFallback[(rng.Range(0, 2) + 1) % 4];
  return std::string(pick);
}

bool IsCivilFirstInstance(const Case& c) {
  return c.category == "民事" && c.procedure != "二审" && c.procedure != "再审" && !c.derived_from;
}

}  // namespace

void ApplyMismatches(const Case& record, const std::vector<std::string>& fields, const ReferenceData& ref,
                     Rng& rng, Case* shown, std::vector<PlantedMismatch>* out) {
  for (const std::string& f : fields) {
    if (f == "case_number") {
      shown->case_number = BumpLastNumber(shown->case_number, static_cast<int>(rng.Range(1, 40)));
      Report(out, f, record.case_number, shown->case_number);
    } else if (f == "court_name") {
      shown->court_name = OtherCourtName(record, ref, rng);
      Report(out, f, record.court_name, shown->court_name);
    } else if (f == "party_name") {
      if (shown->parties.empty()) continue;
      size_t i = static_cast<size_t>(rng.Range(0, static_cast<int64_t>(shown->parties.size()) - 1));
      std::string before = shown->parties[i].name;
      shown->parties[i].name = VariantName(before);
      Report(out, f, before, shown->parties[i].name);
    } else if (f == "filed_date") {
      shown->filed_date = record.filed_date.AddDays(-static_cast<int>(rng.Range(2, 20)));
      Report(out, f, record.filed_date.ToString(), shown->filed_date.ToString());
    } else if (f == "closed_date") {
      Date closed = record.closed_date ? *record.closed_date : record.filed_date.AddDays(60);
      shown->closed_date = closed.AddDays(static_cast<int>(rng.Range(2, 20)));
      Report(out, f, record.closed_date ? record.closed_date->ToString() : "", shown->closed_date->ToString());
    } else if (f == "closure_method") {
      if (!IsCivilFirstInstance(record)) continue;
      shown->closure_method = record.closure_method == "判决" ? "调解" : "判决";
      if (shown->closure_method == "调解" && shown->awarded_amount <= 0) shown->awarded_amount = shown->claim_amount;
      Report(out, f, record.closure_method, shown->closure_method);
    } else if (f == "claim_amount") {
      if (record.category == "刑事" || record.category == "执行" || record.claim_amount <= 0) continue;
      Fen delta = std::max<Fen>(100000, record.claim_amount / 10 / 10000 * 10000);
      shown->claim_amount = record.claim_amount + delta;
      Report(out, f, YuanFigures(record.claim_amount), YuanFigures(shown->claim_amount));
    } else if (f == "awarded_amount") {
      if (record.category == "刑事" || record.category == "执行" || record.awarded_amount <= 0) continue;
      Fen delta = std::max<Fen>(100000, record.awarded_amount / 10 / 10000 * 10000);
      shown->awarded_amount = record.awarded_amount > delta ? record.awarded_amount - delta : record.awarded_amount + delta;
      Report(out, f, YuanFigures(record.awarded_amount), YuanFigures(shown->awarded_amount));
    } else if (f == "judge_name") {
      std::string other = RandomPersonName(rng);
      while (other == record.judge_name) other = RandomPersonName(rng);
      for (std::string& m : shown->panel)
        if (m == record.judge_name) m = other;
      shown->judge_name = other;
      Report(out, f, record.judge_name, other);
    }
  }
}

}  // namespace tianping::gen
