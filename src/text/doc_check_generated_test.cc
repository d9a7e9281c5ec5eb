// The checker against the generator: documents rendered in-process for varied sample cases, clean and
// with every error kind planted, scored with the truth the writer reports (docs/doc-check.md).
#include <gtest/gtest.h>

#include <cstdio>
#include <cstdlib>
#include <memory>
#include <string>

#include "gen/document_writer.h"
#include "gen/sample_cases_test_util.h"
#include "tianping/text/doc_check.h"

namespace tianping::text {
namespace {

std::unique_ptr<DocChecker> MakeChecker() {
  DocCheckOptions o;
  o.ref = &gen::testing::SampleRef();
  auto c = DocChecker::Create(o);
  EXPECT_TRUE(c.ok()) << c.status().message();
  return c.ok() ? std::move(c).value() : nullptr;
}

TEST(DocCheckGenerated, KindsAreTheGeneratorKinds) { EXPECT_EQ(DocCheckKinds(), gen::DocumentErrorKinds()); }

TEST(DocCheckGenerated, CleanDocumentsHaveNoFindings) {
  auto checker = MakeChecker();
  ASSERT_TRUE(checker);
  int docs = 0;
  for (const Case& c : gen::testing::VariedCases()) {
    for (uint64_t seed = 1; seed <= 8; ++seed) {
      Rng rng(seed * 7919 + docs);
      gen::RenderedDocument r = gen::RenderDocument(c, nullptr, gen::testing::SampleRef(), rng, {});
      DocHints hints{c.procedure};
      for (const DocFinding& f : checker->Check(r.doc.text, &hints))
        ADD_FAILURE() << f.kind << " at " << f.start << ": " << r.doc.text.substr(f.start, f.end - f.start) << " — "
                      << f.message << "\n" << r.doc.text;
      ++docs;
    }
  }
  EXPECT_GT(docs, 100);
}

TEST(DocCheckGenerated, EveryPlantedKindIsFoundPreciselyAndCompletely) {
  auto checker = MakeChecker();
  ASSERT_TRUE(checker);
  std::vector<std::pair<std::string, KindScore>> scores;
  const auto& kinds = gen::DocumentErrorKinds();
  uint64_t n = 0;
  for (const Case& c : gen::testing::VariedCases()) {
    for (size_t k = 0; k < kinds.size(); ++k) {
      gen::DocumentPlan plan;
      // One kind alone, then three kinds together. (The offsets never pair date_order with
      // case_number_wrong_year: a filing date moved past the judgment no longer tells the 案号 year.)
      plan.error_kinds = {kinds[k]};
      if (n % 2 == 1) {
        plan.error_kinds.push_back(kinds[(k + 5) % kinds.size()]);
        plan.error_kinds.push_back(kinds[(k + 11) % kinds.size()]);
      }
      Rng rng(1000 + n++);
      gen::RenderedDocument r = gen::RenderDocument(c, nullptr, gen::testing::SampleRef(), rng, plan);
      std::vector<ExpectedError> planted;
      for (const PlantedDocError& e : r.errors) planted.push_back({e.kind, e.start, e.end});
      DocHints hints{c.procedure};
      auto findings = checker->Check(r.doc.text, &hints);
      // DOCCHECK_DEBUG=<kind> prints the misses and false alarms of one kind.
      if (const char* dbg = std::getenv("DOCCHECK_DEBUG")) {
        std::vector<std::pair<std::string, KindScore>> one;
        ScoreFindings(findings, planted, &one);
        for (const auto& [k, s] : one)
          if (k == dbg && (s.found < s.planted || s.correct < s.reported)) {
            for (const auto& e : planted)
              if (e.kind == dbg) std::printf("PLANTED %zu-%zu %s\n", e.start, e.end, r.doc.text.substr(e.start, e.end - e.start).c_str());
            for (const auto& f : findings)
              if (f.kind == dbg) std::printf("FOUND %zu-%zu %s\n", f.start, f.end, f.message.c_str());
            std::printf("%s\n-----\n", r.doc.text.c_str());
          }
      }
      ScoreFindings(findings, planted, &scores);
    }
  }
  for (const std::string& kind : kinds) {
    KindScore s;
    for (const auto& [k, v] : scores)
      if (k == kind) s = v;
    SCOPED_TRACE(kind);
    EXPECT_GE(s.planted, 10) << "too few planted to measure";
    EXPECT_GE(s.recall(), 0.9) << s.found << "/" << s.planted;
    EXPECT_GE(s.precision(), 0.9) << s.correct << "/" << s.reported;
  }
}

}  // namespace
}  // namespace tianping::text
