// tianping: one binary, many commands, dispatched from one table.
#include <cstdio>
#include <cstring>
#include <string_view>

#include "commands.h"

namespace {

struct Command {
  const char* name;
  const char* summary;
  int (*run)(int argc, char** argv);
};

// Keep sorted by theme; `tianping help` prints it in this order.
constexpr Command kCommands[] = {
    {"version", "打印版本 / print the version", tianping::cli::RunVersion},
    {"ref", "参考数据 / reference tables: courts, causes, divisions", tianping::cli::RunRef},
    {"case-number", "解析案号 / parse case numbers", tianping::cli::RunCaseNumber},
    {"gen", "生成模拟数据集 / generate the synthetic national dataset", tianping::cli::RunGen},
    {"summarize", "数据集概览 / summarise a generated dataset", tianping::cli::RunSummarize},
    {"ingest", "导入案件与文书 / ingest JSONL into the store", tianping::cli::RunIngest},
    {"source", "数据源 / load generated data into a court PostgreSQL database", tianping::cli::RunSource},
    {"snapshots", "快照列表 / list store snapshots", tianping::cli::RunSnapshots},
    {"diff", "快照差异 / cases changed between snapshots", tianping::cli::RunDiff},
    {"rollback", "回滚 / restore an older snapshot", tianping::cli::RunRollback},
    {"clean", "数据清洗 / data-quality report and safe fixes", tianping::cli::RunClean},
    {"verify", "校验 / check every store file's checksum", tianping::cli::RunVerify},
    {"case", "案件全貌 / a case and its proceeding chain", tianping::cli::RunCase},
    {"party", "当事人 / a party's cases nationwide", tianping::cli::RunParty},
    {"indicators", "审判质量指标 / trial-quality indicators by dimension", tianping::cli::RunIndicators},
    {"define-indicator", "自定义指标 / save a user-defined indicator (versioned)", tianping::cli::RunDefineIndicator},
    {"tags", "标签 / rule-defined case tags with counts", tianping::cli::RunTags},
    {"segment", "中文分词 / segment Chinese text into words", tianping::cli::RunSegment},
    {"doc", "裁判文书 / judgment documents: parse, crosscheck", tianping::cli::RunDoc},
    {"catalog", "数据目录 / data catalog: fields, grades, sharing classes", tianping::cli::RunCatalog},
    {"user", "用户与权限 / users, roles, scopes, API keys", tianping::cli::RunUser},
    {"redact", "按权限读取 / read cases as a user (scope, masking, audit)", tianping::cli::RunRedact},
    {"audit", "审计日志 / verify and query the audit log", tianping::cli::RunAudit},
    {"serve", "HTTP 服务与数据大屏 / HTTP API and web dashboard", tianping::cli::RunServe},
};

void PrintUsage() {
  std::printf("天平 Tianping — open judicial big-data platform\n\n"
              "usage: tianping <command> [options]   (tianping <command> --help for details)\n\n"
              "commands:\n");
  for (const auto& c : kCommands) std::printf("  %-16s %s\n", c.name, c.summary);
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2 || std::string_view(argv[1]) == "help" || std::string_view(argv[1]) == "--help" ||
      std::string_view(argv[1]) == "-h") {
    PrintUsage();
    return argc < 2 ? 2 : 0;
  }
  for (const auto& c : kCommands) {
    if (std::strcmp(c.name, argv[1]) == 0) return c.run(argc - 1, argv + 1);
  }
  std::fprintf(stderr, "tianping: unknown command '%s' (see tianping help)\n", argv[1]);
  return 2;
}
