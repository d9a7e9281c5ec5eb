// Every command of the `tianping` binary: int Run<Name>(argc, argv) with argv[0] = the command name.
// The table that dispatches them is in main.cc; each lives in cmd_<name>.cc.
#pragma once

namespace tianping::cli {

int RunVersion(int argc, char** argv);
int RunCaseNumber(int argc, char** argv);
int RunRef(int argc, char** argv);
int RunGen(int argc, char** argv);
int RunSummarize(int argc, char** argv);
int RunSegment(int argc, char** argv);
int RunServe(int argc, char** argv);

}  // namespace tianping::cli
