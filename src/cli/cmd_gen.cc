// tianping gen --cases N --seed S --out DIR [--from-year Y --to-year Y] [--threads N] [--doc-share P]
// Generates the national synthetic dataset with planted truth (docs/generator.md).
#include <CLI/CLI.hpp>

#include <cstdio>

#include "commands.h"
#include "exit_codes.h"
#include "tianping/gen/generator.h"
#include "tianping/model/reference.h"

namespace tianping::cli {

int RunGen(int argc, char** argv) {
  CLI::App app{"生成全国模拟数据集 / generate the synthetic national dataset with planted truth", "tianping gen"};
  gen::GenOptions o;
  std::string ref_dir = ReferenceData::DefaultRefDir();
  bool quiet = false;
  app.add_option("--cases", o.cases, "number of case records (exact)")->capture_default_str();
  app.add_option("--seed", o.seed, "random seed; same seed, same bytes")->capture_default_str();
  app.add_option("--out", o.out_dir, "output folder (cases.jsonl, documents.jsonl, truth.json)")->required();
  app.add_option("--from-year", o.from_year, "first filing year")->capture_default_str();
  app.add_option("--to-year", o.to_year, "last filing year; the data end on its 31 December")->capture_default_str();
  app.add_option("--threads", o.threads, "worker threads (0 = all cores)")->capture_default_str();
  app.add_option("--doc-share", o.doc_share,
                 "share of judged/mediated cases given a document (default min(1, 200000/cases))");
  app.add_option("--rings-per-100k", o.rings_per_100k, "false-litigation rings per 100k cases (min 3)")->capture_default_str();
  app.add_option("--abusive-per-100k", o.abusive_per_100k, "abusive litigants per pattern per 100k (min 2)")->capture_default_str();
  app.add_option("--lenders-per-100k", o.lenders_per_100k, "professional lenders per level variant per 100k (min 1)")->capture_default_str();
  app.add_option("--deviation-courts", o.deviation_courts, "courts with 年底不立案")->capture_default_str();
  app.add_option("--surge-courts", o.surge_courts, "courts with an intake surge")->capture_default_str();
  app.add_option("--outlier-judges", o.outlier_judges, "judges with outlier outcomes")->capture_default_str();
  app.add_option("--stalled-rate", o.stalled_rate, "share of first-instance cases left stalled")->capture_default_str();
  app.add_option("--doc-error-rate", o.doc_error_rate, "share of documents with a planted error")->capture_default_str();
  app.add_option("--doc-mismatch-rate", o.doc_mismatch_rate, "share of documents contradicting the record")->capture_default_str();
  app.add_option("--ref", ref_dir, "reference table folder (default $TP_REF_DIR or data/ref)");
  app.add_flag("--quiet", quiet, "no progress on stderr");
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    return app.exit(e);
  }
  o.progress = !quiet;
  auto ref = ReferenceData::Load(ref_dir);
  if (!ref.ok()) return Fail("gen", ref.status());
  auto stats = gen::Generate(o, *ref);
  if (!stats.ok()) return Fail("gen", stats.status());
  std::fprintf(stderr,
               "gen: %llu cases (%llu families), %llu documents, %llu truth entities in %.1f s → %s "
               "(cases %.0f B/case, documents %.1f MB)\n",
               static_cast<unsigned long long>(stats->cases), static_cast<unsigned long long>(stats->families),
               static_cast<unsigned long long>(stats->documents),
               static_cast<unsigned long long>(stats->truth_entities), stats->seconds, o.out_dir.c_str(),
               static_cast<double>(stats->case_bytes) / static_cast<double>(stats->cases),
               static_cast<double>(stats->document_bytes) / 1e6);
  return 0;
}

}  // namespace tianping::cli
