// Runs every test/golden/<module>/*.test through the handler registered for <module>.
// usage: tianping_golden [GOLDEN_DIR] ; TP_GOLDEN_UPDATE=1 rewrites expected outputs (review the diff!).
#include "golden_runner.h"

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <vector>

namespace fs = std::filesystem;
using tianping::golden::Handler;

namespace {

struct Case {
  std::string comments;  // the "# " lines before the input, kept by TP_GOLDEN_UPDATE
  std::string input, expected;
  int line = 0;
};

std::vector<Case> ParseCases(const std::string& text) {
  std::vector<Case> cases;
  std::istringstream in(text);
  std::string line;
  Case cur;
  bool in_expected = false, has_content = false;
  int lineno = 0;
  auto flush = [&]() {
    if (has_content) cases.push_back(cur);
    cur = Case();
    in_expected = false;
    has_content = false;
  };
  while (std::getline(in, line)) {
    ++lineno;
    if (line == "====") { flush(); continue; }
    if (!has_content && !in_expected && line.rfind("# ", 0) == 0) { cur.comments += line + "\n"; continue; }
    if (!has_content && !in_expected && line.empty()) continue;
    if (!has_content) cur.line = lineno;
    has_content = true;
    if (!in_expected && line == "----") { in_expected = true; continue; }
    (in_expected ? cur.expected : cur.input) += line + "\n";
  }
  flush();
  return cases;
}

std::string Trim(std::string s) {
  while (!s.empty() && (s.back() == '\n' || s.back() == ' ')) s.pop_back();
  return s;
}

}  // namespace

int main(int argc, char** argv) {
  fs::path dir = argc > 1 ? fs::path(argv[1]) : fs::path(TP_SOURCE_DIR) / "test" / "golden";
  bool update = std::getenv("TP_GOLDEN_UPDATE") != nullptr;
  std::map<std::string, Handler> handlers;
  tianping::golden::RegisterHandlers(&handlers);

  std::vector<fs::path> files;
  for (const auto& e : fs::recursive_directory_iterator(dir))
    if (e.is_regular_file() && e.path().extension() == ".test") files.push_back(e.path());
  std::sort(files.begin(), files.end());

  int passed = 0, failed = 0, skipped = 0;
  for (const auto& f : files) {
    std::string module = f.parent_path().filename().string();
    auto it = handlers.find(module);
    if (it == handlers.end()) {
      std::fprintf(stderr, "%s: no golden handler registered for module '%s'\n", f.c_str(), module.c_str());
      ++failed;
      continue;
    }
    std::ifstream in(f);
    std::stringstream ss;
    ss << in.rdbuf();
    auto cases = ParseCases(ss.str());
    std::string rewritten;
    for (const auto& c : cases) {
      std::string got = Trim(it->second(c.input));
      if (got.rfind("SKIP: ", 0) == 0) {  // the handler lacks an external resource (docs/testing.md)
        ++skipped;
        if (skipped == 1) std::fprintf(stderr, "%s: skipped: %s\n", f.c_str(), got.c_str() + 6);
        if (update) rewritten += (rewritten.empty() ? "" : "====\n") + c.comments + c.input + "----\n" + c.expected;
        continue;
      }
      if (update) {
        rewritten += (rewritten.empty() ? "" : "====\n") + c.comments + c.input + "----\n" + got + "\n";
        continue;
      }
      if (got == Trim(c.expected)) {
        ++passed;
      } else {
        ++failed;
        std::fprintf(stderr, "FAIL %s:%d\n--- input\n%s--- expected\n%s\n--- got\n%s\n\n", f.c_str(),
                     c.line, c.input.c_str(), Trim(c.expected).c_str(), got.c_str());
      }
    }
    if (update) std::ofstream(f) << rewritten;
  }
  std::printf("golden: %d passed, %d failed, %d skipped\n", passed, failed, skipped);
  return failed == 0 && passed + skipped > 0 ? 0 : 1;
}
