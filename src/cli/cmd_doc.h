// Subcommands of `tianping doc`, each in its own cmd_doc_<name>.cc; the table is in cmd_doc.cc.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "tianping/common/status.h"

namespace tianping::cli {

// One line of a documents JSONL input (`doc parse`, `doc check`): {"text": …, "doc_id" or "id": …}.
struct TextRecord {
  std::string id;    // doc_id, else id, else the line number
  std::string text;
};
// Errors: ParseError naming "<input>:<line>: " and the field (not a JSON object; text missing).
Result<TextRecord> ParseTextRecord(std::string_view line, const std::string& input, int64_t line_no);

int RunDocCrosscheck(int argc, char** argv);
int RunDocCheck(int argc, char** argv);     // cmd_doc_check.cc
int RunDocGenerate(int argc, char** argv);  // cmd_doc_generate.cc

}  // namespace tianping::cli
