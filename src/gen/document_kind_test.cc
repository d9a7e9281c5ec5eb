// The document kind follows the record's closure method (调解 → 调解书, 撤诉 / 驳回起诉 / 发回重审 … → 裁定书,
// 判决 / 改判 → 判决书), except where truth.json plants a closure_method mismatch: there the document follows
// the planted value and so disagrees with the record. Checked on the plan of many families and on a
// generated sample with every document rendered.
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>

#include <unistd.h>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "family.h"
#include "gen_context.h"
#include "tianping/gen/generator.h"
#include "tianping/model/case_json.h"
#include "tianping/model/jsonl_reader.h"
#include "tianping/model/reference.h"

namespace tianping::gen {
namespace {

bool Has(std::string_view s, std::string_view part) { return s.find(part) != std::string_view::npos; }

// What a court issues for a case closed this way (written from the procedure laws, not from the renderer).
std::string ExpectedKindSuffix(std::string_view category, std::string_view closure) {
  if (closure == "调解") return "调解书";
  if (category == "执行") return "裁定书";
  for (std::string_view ruling : {"撤诉", "撤回", "驳回起诉", "移送", "终止", "发回", "再审", "异议", "终结", "不予执行"})
    if (Has(closure, ruling)) return "裁定书";
  if (closure == "维持") return category == "刑事" ? "裁定书" : "判决书";  // criminal appeals: 驳回上诉，维持原判 by 裁定
  if (closure == "判决" || closure == "改判") return "判决书";
  return "";
}

ReferenceData& Ref() {
  static ReferenceData* ref = [] {
    auto r = ReferenceData::Load(ReferenceData::DefaultRefDir());
    EXPECT_TRUE(r.ok()) << r.status().ToString();
    return new ReferenceData(std::move(r).value());
  }();
  return *ref;
}

// Mediation ends civil cases only: no criminal or administrative member is planned with 调解 (the bug was a
// remanded retrial of a criminal or administrative case closed by 调解 and written as a 判决书).
TEST(DocumentKind, PlannedClosuresHaveADocumentKind) {
  GenOptions o;
  o.seed = 3;
  o.cases = 400000;
  auto ctx = BuildContext(o, Ref());
  ASSERT_TRUE(ctx.ok()) << ctx.status().ToString();
  PlaceScripts(&*ctx, 160000);
  FamilyPlan plan;
  std::map<std::string, int> remands;  // category → remanded retrials seen
  for (uint64_t f = 0; f < 160000; ++f) {
    PlanFamily(*ctx, f, &plan);
    for (const MemberPlan& m : plan.members) {
      std::string_view category = TypeCategory(m.type), closure = m.closure;
      if (closure.empty() || closure == "其他") continue;
      if (std::string_view(m.relation) == "重审") ++remands[std::string(category)];
      EXPECT_FALSE(ExpectedKindSuffix(category, closure).empty()) << category << " " << closure;
      if (category != "民事") EXPECT_NE(closure, "调解") << "family " << f << " " << m.relation;
    }
  }
  EXPECT_GT(remands["刑事"], 50);  // the criminal remands were exercised
}

std::string ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

TEST(DocumentKind, GeneratedDocumentsFollowTheRecordUnlessAMismatchIsPlanted) {
  std::string dir = testing::TempDir() + "/tp_gen_kind_" + std::to_string(::getpid());
  std::filesystem::remove_all(dir);
  GenOptions o;
  o.cases = 12000;
  o.seed = 11;
  o.threads = 2;
  o.progress = false;
  o.doc_share = 1.0;
  o.doc_mismatch_rate = 0.05;
  o.out_dir = dir;
  auto stats = Generate(o, Ref());
  ASSERT_TRUE(stats.ok()) << stats.status().ToString();
  std::map<std::string, Case> cases;
  auto reader = JsonlReader::Open(dir + "/cases.jsonl");
  ASSERT_TRUE(reader.ok());
  std::string_view line;
  while ((*reader)->Next(&line)) {
    auto c = ParseCaseJson(line);
    ASSERT_TRUE(c.ok());
    std::string id = c->case_id;
    cases.emplace(std::move(id), std::move(c).value());
  }
  auto truth = nlohmann::json::parse(ReadFile(dir + "/truth.json"));
  std::map<std::string, std::string> planted;  // doc_id → closure written in the document
  for (const auto& m : truth["document_mismatches"])
    if (m["field"] == "closure_method") planted[m["doc_id"]] = m["document"];
  ASSERT_GT(planted.size(), 5u);
  int docs = 0, checked_planted = 0;
  std::map<std::string, int> kinds;
  auto dr = JsonlReader::Open(dir + "/documents.jsonl");
  ASSERT_TRUE(dr.ok());
  while ((*dr)->Next(&line)) {
    auto d = ParseDocumentJson(line);
    ASSERT_TRUE(d.ok());
    ++docs;
    ++kinds[d->kind];
    const Case& c = cases.at(d->case_id);
    std::string want = ExpectedKindSuffix(c.category, c.closure_method);
    auto p = planted.find(d->doc_id);
    if (p == planted.end()) {
      ASSERT_FALSE(want.empty()) << c.case_id << " " << c.closure_method;
      EXPECT_TRUE(d->kind.ends_with(want)) << c.case_id << " " << c.category << " " << c.closure_method << " → " << d->kind;
    } else {
      ++checked_planted;
      std::string shown = ExpectedKindSuffix(c.category, p->second);
      EXPECT_TRUE(d->kind.ends_with(shown)) << d->doc_id << " planted " << p->second << " → " << d->kind;
      EXPECT_FALSE(d->kind.ends_with(want)) << d->doc_id << ": the planted closure must show in the kind";
    }
  }
  EXPECT_GT(docs, 5000);
  EXPECT_EQ(checked_planted, static_cast<int>(planted.size()));
  for (const char* k : {"民事判决书", "民事调解书", "民事裁定书", "刑事判决书", "刑事裁定书", "行政判决书", "执行裁定书"})
    EXPECT_GT(kinds[k], 0) << k;
  std::filesystem::remove_all(dir);
}

}  // namespace
}  // namespace tianping::gen
