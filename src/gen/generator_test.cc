// Invariants of a generated dataset (20k cases, generated once), determinism, and the documented bands
// (docs/generator.md "Bands checked by tests").
#include "tianping/gen/generator.h"

#include <filesystem>
#include <algorithm>
#include <fstream>
#include <map>
#include <set>
#include <sstream>
#include <unordered_map>

#include <unistd.h>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "calendar.h"
#include "document_writer.h"
#include "tianping/model/case_json.h"
#include "tianping/model/case_number.h"
#include "tianping/model/credit_code.h"
#include "tianping/model/id_number.h"
#include "tianping/model/jsonl_reader.h"

namespace tianping::gen {
namespace {

std::string ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

class GeneratorTest : public testing::Test {
 protected:
  static void SetUpTestSuite() {
    auto r = ReferenceData::Load(ReferenceData::DefaultRefDir());
    ASSERT_TRUE(r.ok()) << r.status().ToString();
    ref_ = new ReferenceData(std::move(r).value());
    // Unique per process: ctest runs each test in its own process, possibly in parallel, and /tmp is shared.
    dir_ = testing::TempDir() + "/tp_gen_test_" + std::to_string(::getpid());
    std::filesystem::remove_all(dir_);
    GenOptions o;
    o.cases = 20000;
    o.seed = 42;
    o.out_dir = dir_;
    o.progress = false;
    o.threads = 2;
    o.doc_share = 0.3;  // keeps the suite fast; planted-truth cases still get every document
    auto stats = Generate(o, *ref_);
    ASSERT_TRUE(stats.ok()) << stats.status().ToString();
    cases_ = new std::vector<Case>();
    auto reader = JsonlReader::Open(dir_ + "/cases.jsonl");
    ASSERT_TRUE(reader.ok());
    std::string_view line;
    while ((*reader)->Next(&line)) {
      auto c = ParseCaseJson(line);
      ASSERT_TRUE(c.ok()) << (*reader)->Where() << c.status().ToString();
      cases_->push_back(std::move(c).value());
    }
    docs_ = new std::vector<Document>();
    auto dr = JsonlReader::Open(dir_ + "/documents.jsonl");
    ASSERT_TRUE(dr.ok());
    while ((*dr)->Next(&line)) {
      auto d = ParseDocumentJson(line);
      ASSERT_TRUE(d.ok()) << (*dr)->Where() << d.status().ToString();
      docs_->push_back(std::move(d).value());
    }
    truth_ = new nlohmann::json(nlohmann::json::parse(ReadFile(dir_ + "/truth.json")));
  }
  static void TearDownTestSuite() {
    std::filesystem::remove_all(dir_);
    delete cases_;
    delete docs_;
    delete truth_;
    delete ref_;
  }
  std::unordered_map<std::string, const Case*> ById() const {
    std::unordered_map<std::string, const Case*> m;
    for (const auto& c : *cases_) m[c.case_id] = &c;
    return m;
  }

  static inline ReferenceData* ref_ = nullptr;
  static inline std::string dir_;
  static inline std::vector<Case>* cases_ = nullptr;
  static inline std::vector<Document>* docs_ = nullptr;
  static inline nlohmann::json* truth_ = nullptr;
};

TEST_F(GeneratorTest, ExactCountAndUniqueIds) {
  ASSERT_EQ(cases_->size(), 20000u);
  std::set<std::string> ids, numbers;
  for (const auto& c : *cases_) {
    EXPECT_TRUE(ids.insert(c.case_id).second) << c.case_id;
    EXPECT_TRUE(numbers.insert(c.case_number).second) << c.case_number;
  }
}

TEST_F(GeneratorTest, LinesRoundTripByteForByte) {
  auto reader = JsonlReader::Open(dir_ + "/cases.jsonl");
  ASSERT_TRUE(reader.ok());
  std::string_view line;
  while ((*reader)->Next(&line)) {
    auto c = ParseCaseJson(line);
    ASSERT_TRUE(c.ok());
    std::string again;
    AppendCaseJson(*c, &again);
    ASSERT_EQ(again, line) << (*reader)->Where();
  }
}

TEST_F(GeneratorTest, DatesOrdered) {
  Date start = Date::FromYmd(2019, 1, 1), end = Date::FromYmd(2024, 12, 31);
  for (const auto& c : *cases_) {
    ASSERT_TRUE(c.received_date.has_value()) << c.case_id;
    EXPECT_LE(*c.received_date, c.filed_date) << c.case_id;
    EXPECT_GE(c.filed_date, start) << c.case_id;
    EXPECT_LE(c.filed_date, end) << c.case_id;
    if (c.closed_date) {
      EXPECT_LE(c.filed_date, *c.closed_date) << c.case_id;
      EXPECT_LE(*c.closed_date, end) << c.case_id;
      EXPECT_FALSE(c.closure_method.empty()) << c.case_id;
    } else {
      EXPECT_TRUE(c.closure_method.empty()) << c.case_id;
    }
    for (const auto& p : c.parties)
      if (p.birth_date) EXPECT_LT(*p.birth_date, c.filed_date) << c.case_id;
  }
}

TEST_F(GeneratorTest, DerivedCasesPointToEarlierCasesAtTheRightCourt) {
  std::unordered_map<std::string, size_t> pos;
  for (size_t i = 0; i < cases_->size(); ++i) pos[(*cases_)[i].case_id] = i;
  int derived = 0;
  for (size_t i = 0; i < cases_->size(); ++i) {
    const Case& c = (*cases_)[i];
    if (!c.derived_from) continue;
    ++derived;
    auto it = pos.find(c.derived_from->case_id);
    ASSERT_NE(it, pos.end()) << c.case_id;
    ASSERT_LT(it->second, i) << c.case_id;
    const Case& p = (*cases_)[it->second];
    EXPECT_EQ(p.case_number, c.derived_from->case_number);
    const std::string& rel = c.derived_from->relation;
    if (rel == "执行异议") {  // filed while the execution is running
      EXPECT_LE(p.filed_date, c.filed_date) << c.case_id;
      if (p.closed_date) EXPECT_LT(c.filed_date, *p.closed_date) << c.case_id;
    } else {
      ASSERT_TRUE(p.closed_date) << c.case_id;
      EXPECT_LE(*p.closed_date, c.filed_date) << c.case_id;
    }
    const Court* pc = ref_->FindCourt(p.court_code);
    ASSERT_NE(pc, nullptr);
    if (rel == "上诉" || rel == "再审审查") EXPECT_EQ(c.court_code, pc->parent_code) << c.case_id;
    if (rel == "执行异议" || rel == "再审") EXPECT_EQ(c.court_code, p.court_code) << c.case_id;
    if (rel == "重审") EXPECT_EQ(ref_->FindCourt(c.court_code)->parent_code, p.court_code) << c.case_id;
    if (rel == "上诉") EXPECT_TRUE(c.type_code == "民终" || c.type_code == "刑终" || c.type_code == "行终");
    if (rel == "执行") {
      EXPECT_EQ(c.type_code, "执");
      EXPECT_TRUE(c.execution.has_value());
      EXPECT_LE(c.execution->recovered_amount, c.execution->applied_amount);
    }
  }
  EXPECT_GT(derived, 2000);
}

TEST_F(GeneratorTest, IdNumbersAndCreditCodesValid) {
  int persons = 0, orgs = 0;
  std::set<std::string> travelling;  // batch complaints: the litigant sues far from home
  for (const auto& a : (*truth_)["abusive_litigants"])
    for (const auto& id : a["case_ids"]) travelling.insert(id);
  for (const auto& c : *cases_) {
    const Court* court = ref_->FindCourt(c.court_code);
    ASSERT_NE(court, nullptr) << c.court_code;
    // Parties keep the first-instance court's province; the SPC (no province) is skipped for that check.
    const Province* prov = ref_->FindProvince(court->province);
    for (const auto& p : c.parties) {
      if (!p.id_number.empty()) {
        ++persons;
        auto info = ParseIdNumber(p.id_number);
        ASSERT_TRUE(info.ok()) << p.id_number << " " << info.status().ToString();
        EXPECT_EQ(info->birth_date, *p.birth_date);
        EXPECT_EQ(info->male, p.gender == "男");
        if (prov && !travelling.count(c.case_id)) {
          EXPECT_EQ(p.id_number.substr(0, 2), prov->division_prefix) << c.case_id;
          EXPECT_EQ(p.address.rfind(prov->name, 0), 0u) << p.address;
        }
        EXPECT_EQ(p.phone.size(), 11u);
      }
      if (!p.credit_code.empty()) {
        ++orgs;
        EXPECT_TRUE(ParseCreditCode(p.credit_code).ok()) << p.credit_code;
      }
    }
  }
  EXPECT_GT(persons, 10000);
  EXPECT_GT(orgs, 1000);
}

TEST_F(GeneratorTest, CaseNumbersParseAndMatchTheRecord) {
  std::map<std::string, std::set<int64_t>> seqs;
  for (const auto& c : *cases_) {
    auto p = ParseCaseNumber(c.case_number);
    ASSERT_TRUE(p.ok()) << c.case_number << " " << p.status().ToString();
    EXPECT_EQ(p->year, c.filed_date.year());
    EXPECT_EQ(p->court_code, c.court_code);
    EXPECT_EQ(p->type_code, c.type_code);
    seqs[std::to_string(p->year) + c.court_code + c.type_code].insert(p->sequence);
  }
  // Sequence numbers run 1..n per court, type and year.
  for (const auto& [k, s] : seqs) {
    EXPECT_EQ(*s.begin(), 1) << k;
    EXPECT_EQ(*s.rbegin(), static_cast<int64_t>(s.size())) << k;
  }
}

TEST_F(GeneratorTest, TruthEntitiesExistInTheData) {
  auto by_id = ById();
  std::unordered_map<std::string, const Document*> docs;
  for (const auto& d : *docs_) docs[d.doc_id] = &d;
  auto has_party = [&](const std::string& case_id, const nlohmann::json& party) {
    const Case* c = by_id.at(case_id);
    for (const auto& p : c->parties)
      if (p.name == party["name"].get<std::string>() &&
          (p.id_number == party.value("id_number", "") || p.credit_code == party.value("credit_code", "")))
        return true;
    return false;
  };
  const auto& t = *truth_;
  ASSERT_GE(t["false_litigation_rings"].size(), 3u);
  for (const auto& r : t["false_litigation_rings"]) {
    ASSERT_FALSE(r["suit_case_ids"].empty());
    for (const auto& id : r["suit_case_ids"]) {
      ASSERT_TRUE(by_id.count(id)) << id;
      const Case* c = by_id.at(id);
      EXPECT_EQ(c->closure_method, "调解");
      int days = *c->closed_date - c->filed_date;
      EXPECT_GE(days, 7);
      EXPECT_LE(days, 16);  // closing on a working day may move it by a day
      EXPECT_FALSE(c->document_id.empty());
      EXPECT_TRUE(has_party(id, r["members"][0])) << "debtor in " << id;
    }
    for (const auto& id : r["objection_case_ids"]) ASSERT_TRUE(by_id.count(id)) << id;
    for (const auto& id : r["creditor_case_ids"]) ASSERT_TRUE(by_id.count(id)) << id;
  }
  for (const auto& a : t["abusive_litigants"]) {
    ASSERT_GE(a["case_ids"].size(), 2u);
    for (const auto& id : a["case_ids"]) {
      ASSERT_TRUE(by_id.count(id)) << id;
      EXPECT_TRUE(has_party(id, a["litigant"])) << id;
    }
  }
  std::set<std::string> levels;
  for (const auto& l : t["professional_lenders"]) {
    levels.insert(l["level"]);
    ASSERT_EQ(l["case_ids"].size(), l["suits"].get<size_t>());
    double total = 0;
    std::set<std::string> regions;
    for (const auto& id : l["case_ids"]) {
      ASSERT_TRUE(by_id.count(id)) << id;
      const Case* c = by_id.at(id);
      total += c->claim_amount / 100.0;
      EXPECT_EQ(c->filed_date.year(), l["year"].get<int>());
      regions.insert(ref_->FindCourt(c->court_code)->parent_code);
      bool plaintiff = false;
      for (const auto& p : l["plaintiffs"]) plaintiff |= has_party(id, p);
      EXPECT_TRUE(plaintiff) << id;
    }
    EXPECT_EQ(regions.size(), 1u);
    EXPECT_NEAR(total, l["total_amount"].get<double>(), 0.01);
    // Levels follow domain.md §4 (threshold 5 suits / ¥1M; half = 3 suits).
    int suits = l["suits"];
    size_t features = l["features"].size();
    bool threshold = suits >= 5 && total >= 1e6;
    std::string level = l["level"];
    if (l.contains("criminal_case_id")) {
      EXPECT_EQ(level, "L5");
      ASSERT_TRUE(by_id.count(l["criminal_case_id"]));
      EXPECT_EQ(by_id.at(l["criminal_case_id"])->category, "刑事");
    } else if (level == "L5") { EXPECT_TRUE(threshold && features >= 2); }
    else if (level == "L4") { EXPECT_TRUE(threshold && features < 2); }
    else if (level == "L3") { EXPECT_TRUE(!threshold && suits >= 3 && features >= 2); }
    else if (level == "L2") { EXPECT_TRUE(!threshold && suits >= 3 && features < 2); }
    else { EXPECT_EQ(level, "L1"); EXPECT_TRUE(suits < 3 && features == 1); }
  }
  EXPECT_EQ(levels, (std::set<std::string>{"L1", "L2", "L3", "L4", "L5"}));
  for (const auto& s : t["stalled_cases"]) {
    ASSERT_TRUE(by_id.count(s["case_id"]));
    const Case* c = by_id.at(s["case_id"]);
    EXPECT_FALSE(c->closed_date.has_value());
    EXPECT_EQ(Date::FromYmd(2024, 12, 31) - c->filed_date - c->statutory_limit_days - c->extension_days - c->excluded_days,
              s["days_over_limit"].get<int>());
  }
  for (const auto& d : t["filing_deviation_courts"]) ASSERT_NE(ref_->FindCourt(d["court_code"].get<std::string>()), nullptr);
  for (const auto& j : t["outlier_judges"]) {
    EXPECT_GT(j["judge_rate"].get<double>(), j["peer_rate"].get<double>()) << j.dump();
    bool found = false;
    for (const auto& c : *cases_) found |= c.judge_id == j["judge_id"].get<std::string>();
    EXPECT_TRUE(found);
  }
  for (const auto& e : t["document_errors"]) {
    ASSERT_TRUE(docs.count(e["doc_id"])) << e.dump();
    const std::string& text = docs.at(e["doc_id"])->text;
    size_t s = e["start"], en = e["end"];
    ASSERT_LE(en, text.size());
    EXPECT_EQ(text.substr(s, en - s), e["wrong"].get<std::string>()) << e.dump();
  }
  for (const auto& m : t["document_mismatches"]) ASSERT_TRUE(docs.count(m["doc_id"])) << m.dump();
  for (const auto& d : *docs_) ASSERT_TRUE(by_id.count(d.case_id)) << d.doc_id;
}

TEST_F(GeneratorTest, EveryDocumentErrorKindAndMismatchFieldIsPlanted) {
  std::map<std::string, int> kinds, fields;
  for (const auto& e : (*truth_)["document_errors"]) kinds[e["kind"]]++;
  for (const auto& m : (*truth_)["document_mismatches"]) fields[m["field"]]++;
  for (const auto& k : DocumentErrorKinds()) EXPECT_GE(kinds[k], 1) << k;
  for (const auto& f : MismatchFields()) EXPECT_GE(fields[f], 1) << f;
}

TEST_F(GeneratorTest, ClosureAndAppealSharesInsideBands) {
  std::map<std::string, int> civil;
  int civil_closed = 0, judged = 0, appeals = 0;
  for (const auto& c : *cases_) {
    if (c.type_code == "民初" && !c.derived_from && c.closed_date) {
      ++civil_closed;
      civil[c.closure_method]++;
      judged += c.closure_method == "判决";
    }
    if (c.type_code == "民终") ++appeals;
  }
  ASSERT_GT(civil_closed, 5000);
  auto share = [&](const char* m) { return static_cast<double>(civil[m]) / civil_closed; };
  EXPECT_GT(share("判决"), 0.28); EXPECT_LT(share("判决"), 0.42);
  EXPECT_GT(share("调解"), 0.16); EXPECT_LT(share("调解"), 0.28);
  EXPECT_GT(share("撤诉"), 0.24); EXPECT_LT(share("撤诉"), 0.36);
  double appeal_rate = static_cast<double>(appeals) / judged;  // appeals of judgments and dismissals
  EXPECT_GT(appeal_rate, 0.20);
  EXPECT_LT(appeal_rate, 0.40);
}

TEST_F(GeneratorTest, SeasonalityWeekendsAndSpringFestival) {
  int weekend = 0, total = 0;
  std::map<int, int> per_day;
  for (const auto& c : *cases_) {
    if (c.derived_from) continue;
    ++total;
    weekend += c.filed_date.weekday() >= 5;
    per_day[c.filed_date.days()]++;
  }
  EXPECT_LT(static_cast<double>(weekend) / total, 0.06);
  EXPECT_GT(weekend, 0);
  // Spring Festival holiday weeks vs ordinary weekdays of the same years.
  double sf = 0, ordinary = 0;
  int sf_days = 0, ordinary_days = 0;
  for (int y = 2019; y <= 2024; ++y) {
    Date s = *SpringFestival(y);
    for (int k = -1; k <= 5; ++k) { sf += per_day[s.AddDays(k).days()]; ++sf_days; }
    for (Date d = Date::FromYmd(y, 3, 1); d < Date::FromYmd(y, 6, 1); d = d.AddDays(1))
      if (d.weekday() < 5 && !IsHoliday(d)) { ordinary += per_day[d.days()]; ++ordinary_days; }
  }
  EXPECT_LT(sf / sf_days, 0.15 * ordinary / ordinary_days);
}

TEST_F(GeneratorTest, CourtVolumesFollowSizeWeights) {
  std::map<std::string, int> n;
  int total = 0;
  for (const auto& c : *cases_)
    if (!c.derived_from && c.type_code == "民初") { n[c.court_code]++; ++total; }
  // The largest court by weight gets more than the smallest by weight (heavy tail comes from the table).
  const Court *big = nullptr, *small = nullptr;
  for (const auto& c : ref_->courts()) {
    if (c.level != CourtLevel::kBasic || c.kind != "普通") continue;
    if (!big || c.size_weight > big->size_weight) big = &c;
    if (!small || c.size_weight < small->size_weight) small = &c;
  }
  ASSERT_TRUE(big && small);
  EXPECT_GT(n[big->code], n[small->code]);
  EXPECT_GT(total, 10000);
  // Heavy tail: the busiest 10 % of courts take more than 30 % of first-instance civil filings.
  std::vector<int> v;
  for (const auto& [code, k] : n) v.push_back(k);
  std::sort(v.rbegin(), v.rend());
  int top = 0;
  for (size_t i = 0; i < v.size() / 10; ++i) top += v[i];
  EXPECT_GT(static_cast<double>(top) / total, 0.30);
}

TEST(GeneratorDeterminism, SameSeedSameBytesAnyThreads) {
  auto r = ReferenceData::Load(ReferenceData::DefaultRefDir());
  ASSERT_TRUE(r.ok());
  std::string base = testing::TempDir() + "/tp_gen_det_" + std::to_string(::getpid());
  std::filesystem::remove_all(base);
  auto run = [&](const std::string& sub, uint64_t seed, int threads) {
    GenOptions o;
    o.cases = 6000;
    o.seed = seed;
    o.threads = threads;
    o.progress = false;
    o.out_dir = base + "/" + sub;
    auto s = Generate(o, *r);
    EXPECT_TRUE(s.ok());
    return ReadFile(o.out_dir + "/cases.jsonl") + ReadFile(o.out_dir + "/documents.jsonl") +
           ReadFile(o.out_dir + "/truth.json");
  };
  std::string a = run("a", 7, 1), b = run("b", 7, 2), c = run("c", 7, 2), d = run("d", 8, 2);
  EXPECT_FALSE(a.empty());
  EXPECT_TRUE(a == b);
  EXPECT_TRUE(b == c);
  EXPECT_FALSE(a == d);
  std::filesystem::remove_all(base);
}

}  // namespace
}  // namespace tianping::gen
