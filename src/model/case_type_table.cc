#include "tianping/model/case_type_table.h"

#include <cstdlib>
#include <fstream>

namespace tianping {
namespace {

std::vector<std::string> SplitCsvLine(const std::string& line) {
  std::vector<std::string> out(1);
  for (char c : line) {
    if (c == ',') out.emplace_back();
    else if (c != '\r') out.back().push_back(c);
  }
  return out;
}

size_t FirstCharBytes(std::string_view s) {
  if (s.empty()) return 0;
  unsigned char c = static_cast<unsigned char>(s[0]);
  size_t n = c < 0x80 ? 1 : (c >> 5) == 0x6 ? 2 : (c >> 4) == 0xE ? 3 : 4;
  return n > s.size() ? s.size() : n;
}

}  // namespace

Result<CaseTypeTable> CaseTypeTable::Load(const std::string& path) {
  std::ifstream in(path);
  if (!in) return Status::IoError(path + ": cannot open case-type table");
  CaseTypeTable table;
  std::string line;
  int line_no = 0;
  static const char* const kColumns[] = {"code", "category", "stage", "name"};
  while (std::getline(in, line)) {
    ++line_no;
    auto fields = SplitCsvLine(line);
    if (line_no == 1) {
      for (int i = 0; i < 4; ++i) {
        if (fields.size() != 4 || fields[i] != kColumns[i]) {
          return Status::Corruption(path + ":1: header must be code,category,stage,name");
        }
      }
      continue;
    }
    if (line.empty()) continue;
    std::string where = path + ":" + std::to_string(line_no) + ": ";
    if (fields.size() != 4) return Status::Corruption(where + "expected 4 fields, got " + std::to_string(fields.size()));
    for (int i = 0; i < 4; ++i) {
      if (fields[i].empty()) return Status::Corruption(where + "field '" + kColumns[i] + "' is empty");
    }
    if (table.index_.count(fields[0])) return Status::Corruption(where + "field 'code': duplicate '" + fields[0] + "'");
    table.index_[fields[0]] = table.types_.size();
    table.max_code_bytes_ = std::max(table.max_code_bytes_, fields[0].size());
    table.types_.push_back({fields[0], fields[1], fields[2], fields[3]});
  }
  if (table.types_.empty()) return Status::Corruption(path + ": no case types");
  return table;
}

const CaseTypeTable& CaseTypeTable::Default() {
  static const CaseTypeTable* table = [] {
    const char* dir = std::getenv("TP_REF_DIR");
    std::string path = std::string(dir && *dir ? dir : TP_SOURCE_DIR "/data/ref") + "/case_types.csv";
    auto loaded = Load(path);
    auto* t = new CaseTypeTable();
    if (loaded.ok()) *t = std::move(loaded).value();
    else t->load_status_ = loaded.status();
    return t;
  }();
  return *table;
}

const CaseType* CaseTypeTable::Find(std::string_view code) const {
  auto it = index_.find(std::string(code));
  return it == index_.end() ? nullptr : &types_[it->second];
}

const CaseType* CaseTypeTable::LongestPrefix(std::string_view text) const {
  // Collect character boundaries up to max_code_bytes_, then try the longest first.
  size_t ends[16];
  int n = 0;
  for (size_t pos = 0; pos < text.size() && pos < max_code_bytes_ && n < 16;) {
    pos += FirstCharBytes(text.substr(pos));
    ends[n++] = pos;
  }
  for (int i = n - 1; i >= 0; --i) {
    if (const CaseType* t = Find(text.substr(0, ends[i]))) return t;
  }
  return nullptr;
}

bool CaseTypeTable::IsFirstCharacter(std::string_view ch) const {
  for (const auto& t : types_) {
    if (t.code.compare(0, ch.size(), ch) == 0) return true;
  }
  return false;
}

}  // namespace tianping
