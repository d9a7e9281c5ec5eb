// Planted truth of a generated dataset (truth.json): what every detector is measured against.
// Field-by-field description: docs/generator.md. Thread-safety: plain values.
#pragma once

#include <string>
#include <vector>

namespace tianping {

// A judgment-document error planted on purpose (kinds: docs/generator.md, domain.md §7).
struct PlantedDocError {
  std::string doc_id;
  std::string case_id;
  std::string kind;          // e.g. party_name_inconsistent, homophone, wo_yuan, repealed_law ...
  size_t start = 0;          // byte offset of the erroneous span in Document::text
  size_t end = 0;            // one past its last byte
  std::string wrong;         // the text now at [start, end)
  std::string correct;       // what a correct document would say there ("" for an omission)
  std::string note;          // human-readable explanation, Chinese
};

// The document says something different from the structured case record.
struct PlantedMismatch {
  std::string doc_id;
  std::string case_id;
  std::string field;         // case_number court_name party_name filed_date closed_date closure_method
                             // claim_amount awarded_amount judge_name
  std::string structured;    // the value in cases.jsonl
  std::string document;      // the value written in the document
};

}  // namespace tianping
