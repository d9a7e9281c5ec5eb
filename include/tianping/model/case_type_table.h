// 类型代字 table: every case-type code of SPC 法〔2015〕137号 / 法〔2018〕335号 plus the local 诉前调确 and
// 诉前调书, loaded from data/ref/case_types.csv (columns code,category,stage,name; docs/case-number.md).
// Thread-safety: immutable after Load(); Default() is loaded once on first use and shared read-only.
#pragma once

#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "tianping/common/status.h"

namespace tianping {

struct CaseType {
  std::string code;      // 民初
  std::string category;  // 管辖 刑事 民事 破产清算 行政 赔偿救助 司法协助 司法制裁 保全 执行 诉前调解
  std::string stage;     // 一审 二审 再审 再审审查 执行 非诉 其他
  std::string name;      // 民事一审案件
};

class CaseTypeTable {
 public:
  // Parses the CSV at `path`; errors name the file, line and field.
  static Result<CaseTypeTable> Load(const std::string& path);
  // The table from $TP_REF_DIR/case_types.csv, else <source tree>/data/ref/case_types.csv, loaded on
  // first call. When loading failed, the table is empty and load_status() says why.
  static const CaseTypeTable& Default();

  const CaseType* Find(std::string_view code) const;
  // Longest code that is a prefix of `text` (REQUIRES: text is valid UTF-8), or nullptr.
  const CaseType* LongestPrefix(std::string_view text) const;
  const std::vector<CaseType>& types() const { return types_; }
  // True when some code starts with the UTF-8 character `ch`.
  bool IsFirstCharacter(std::string_view ch) const;
  const Status& load_status() const { return load_status_; }

 private:
  std::vector<CaseType> types_;
  std::unordered_map<std::string, size_t> index_;
  size_t max_code_bytes_ = 0;
  Status load_status_;
};

}  // namespace tianping
