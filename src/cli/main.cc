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
    {"case-number", "解析案号 / parse case numbers", tianping::cli::RunCaseNumber},
    {"ref", "参考数据 / reference tables: courts, causes, divisions", tianping::cli::RunRef},
    {"gen", "生成模拟数据集 / generate the synthetic national dataset", tianping::cli::RunGen},
    {"summarize", "数据集概览 / summarise a generated dataset", tianping::cli::RunSummarize},
    {"segment", "中文分词 / segment Chinese text into words", tianping::cli::RunSegment},
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
