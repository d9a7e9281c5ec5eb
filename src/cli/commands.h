// Every command of the `tianping` binary: int Run<Name>(argc, argv) with argv[0] = the command name.
// The table that dispatches them is in main.cc; each lives in cmd_<name>.cc.
#pragma once

namespace tianping::cli {

int RunVersion(int argc, char** argv);
int RunIngest(int argc, char** argv);
int RunSource(int argc, char** argv);
int RunSnapshots(int argc, char** argv);
int RunClean(int argc, char** argv);
int RunDiff(int argc, char** argv);
int RunRollback(int argc, char** argv);
int RunVerify(int argc, char** argv);
int RunCase(int argc, char** argv);
int RunParty(int argc, char** argv);
int RunRef(int argc, char** argv);
int RunSegment(int argc, char** argv);
int RunGen(int argc, char** argv);
int RunSummarize(int argc, char** argv);
int RunCaseNumber(int argc, char** argv);
int RunSegment(int argc, char** argv);
int RunCatalog(int argc, char** argv);
int RunUser(int argc, char** argv);
int RunRedact(int argc, char** argv);
int RunAudit(int argc, char** argv);
int RunDoc(int argc, char** argv);
int RunIndicators(int argc, char** argv);
int RunDefineIndicator(int argc, char** argv);
int RunTags(int argc, char** argv);
int RunServe(int argc, char** argv);

}  // namespace tianping::cli
