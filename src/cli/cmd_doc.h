// Subcommands of `tianping doc`, each in its own cmd_doc_<name>.cc; the table is in cmd_doc.cc.
#pragma once

namespace tianping::cli {

int RunDocCrosscheck(int argc, char** argv);
int RunDocCheck(int argc, char** argv);     // cmd_doc_check.cc
int RunDocGenerate(int argc, char** argv);  // cmd_doc_generate.cc

}  // namespace tianping::cli
