// Judgment-document checking (文书纠错): finds the error kinds of domain.md §7 in the text of a judgment.
// Kind ids are the generator's (DocumentErrorKinds(), docs/generator.md "Document errors"), so findings
// compare with truth.json directly. Rules per kind: docs/doc-check.md.
// Thread-safety: CheckDocument is reentrant; DocChecker is immutable after construction and may be
// shared by threads.
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "tianping/common/status.h"
#include "tianping/model/reference.h"

namespace tianping::text {

class Segmenter;  // tianping/text/segmenter.h

struct DocFinding {
  std::string kind;          // party_name_inconsistent, homophone, wo_yuan … (DocCheckKinds())
  size_t start = 0;          // byte span [start, end) in the checked text; start == end marks a place
  size_t end = 0;            //   where something is missing (missing_section, costs_omitted)
  size_t char_start = 0;     // the same span in characters (code points)
  size_t char_end = 0;
  std::string message;       // Chinese, what is wrong
  std::string suggestion;    // Chinese, what to write instead (or what to add)
};

struct DocCheckOptions {
  // Reference data for address checks (province–city); without it address_province_mismatch is off.
  const ReferenceData* ref = nullptr;
  // Public (published) version: unmasked ID and phone numbers are errors.
  bool public_version = true;
  // Optional dictionary: a one-character variant of a person's name that is a common word (陈述 next to
  // the party 陈佳) is not reported as a misspelt name. Must outlive the checker.
  const Segmenter* segmenter = nullptr;
  // data/check directory holding confusions.tsv; empty = $TP_DATA_DIR/check or <source>/data/check.
  std::string check_dir;
};

// What the court's case record says about the document, when the caller has it (all optional). The
// checker relies on the text first; hints fill what the text does not state.
struct DocHints {
  std::string procedure;     // 简易程序 普通程序 小额诉讼程序 二审 … (Case::procedure)
};

class DocChecker {
 public:
  // Loads the confusion list; fails with a message naming file and line on a bad row.
  static Result<std::unique_ptr<DocChecker>> Create(const DocCheckOptions& options);
  ~DocChecker();

  // Findings sorted by start offset. Never fails.
  std::vector<DocFinding> Check(std::string_view text, const DocHints* hints = nullptr) const;

  struct Impl;

 private:
  explicit DocChecker(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

// Every kind the checker can report (= gen::DocumentErrorKinds()), and its Chinese label.
const std::vector<std::string>& DocCheckKinds();
std::string_view DocCheckLabel(std::string_view kind);

// Machine form of one finding: {"kind","label","start","end","char_start","char_end","text","message","suggestion"}.
void AppendFindingJson(const DocFinding& f, std::string_view text, std::string* out);

}  // namespace tianping::text

namespace tianping::text {

// Scoring against planted errors (truth.json "document_errors"): a finding matches a planted error of
// the same kind whose span it overlaps; an empty planted span (an omission at offset s) is matched by a
// finding with start <= s <= end.
struct ExpectedError {
  std::string kind;
  size_t start = 0;
  size_t end = 0;
};
struct KindScore {
  int64_t planted = 0;     // planted errors of the kind
  int64_t found = 0;       // of which matched by at least one finding
  int64_t reported = 0;    // findings of the kind
  int64_t correct = 0;     // of which matching a planted error
  double recall() const { return planted ? static_cast<double>(found) / planted : 1.0; }
  double precision() const { return reported ? static_cast<double>(correct) / reported : 1.0; }
};
// Adds one document's counts to `scores` (keyed by kind).
void ScoreFindings(const std::vector<DocFinding>& findings, const std::vector<ExpectedError>& planted,
                   std::vector<std::pair<std::string, KindScore>>* scores);

}  // namespace tianping::text
