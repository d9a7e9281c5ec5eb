#include "golden_cases.h"

#include "tianping/model/case_json.h"

namespace tianping::golden {

Status AddCaseLine(const std::string& line, int line_no, analytics::CaseFrameBuilder* builder) {
  int repeat = 1;
  std::string json = line;
  if (!line.empty() && line[0] == 'x') {
    size_t sp = line.find(' ');
    repeat = std::stoi(line.substr(1, sp - 1));
    json = line.substr(sp + 1);
  }
  for (int n = 1; n <= repeat; ++n) {
    std::string one = json;
    const std::string from = "{n}", to = std::to_string(n);
    for (size_t p = 0; (p = one.find(from, p)) != std::string::npos; p += to.size()) one.replace(p, from.size(), to);
    auto c = ParseCaseJson(one);
    if (!c.ok()) return Status::InvalidArgument("input line " + std::to_string(line_no) + ": " + c.status().ToString());
    builder->Add(*c);
  }
  return Status::Ok();
}

}  // namespace tianping::golden
