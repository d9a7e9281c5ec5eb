// Reference data (参考数据): provinces, the court hierarchy, causes and charges, statutory time limits,
// and an optional national division-code table imported by `tianping ref import-divisions`.
// Files and columns: docs/reference-data.md. Thread-safety: immutable after Load(); share freely.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "tianping/common/status.h"

namespace tianping {

struct Province {               // 高院单位 (31 provinces + 兵团)
  std::string abbr;             // 京 … 新, 兵
  std::string name;             // 北京市
  std::string division_prefix;  // first two digits of GB/T 2260 ("11"); "66" for 兵团
  int64_t population_2020 = 0;  // 2020 census resident population
  std::string region;           // 华北 东北 华东 华中 华南 西南 西北
};

enum class CourtLevel { kSupreme = 0, kHigh = 1, kIntermediate = 2, kBasic = 3 };
const char* CourtLevelName(CourtLevel level);  // 最高法院 高级法院 中级法院 基层法院
// Parses 最高 高级 中级 基层 (also the CourtLevelName forms); false when unknown.
bool ParseCourtLevel(std::string_view text, CourtLevel* level);

struct Court {
  std::string code;             // 法院代字: 最高法, 京, 京04, 京0105, 粤73
  std::string name;             // 北京市朝阳区人民法院
  CourtLevel level = CourtLevel::kBasic;
  std::string province;         // province abbreviation; empty for the SPC
  std::string parent_code;      // the court it appeals to; empty for the SPC
  std::string division_code;    // six-digit GB/T 2260 code of its area; empty for special courts
  std::string kind;             // 普通 互联网 知识产权 海事 铁路运输 金融 森林 农垦 油田 跨行政区划 兵团 军事
  double size_weight = 1.0;     // relative intake volume, heavy-tailed (generator realism)
  int judges = 0;               // 员额法官 headcount
  std::vector<std::string> former_codes;  // codes used before the area was re-coded (辽0122 → 辽0115)
};

struct Cause {                  // 案由 (民事/行政) or 罪名 (刑事)
  std::string code;             // stable key: "M1029" civil, "X0213" criminal, "A0801" administrative
  std::string name;             // 民间借贷纠纷
  std::string category;         // 民事 | 刑事 | 行政
  int level = 1;                // 1 = 部分 … 4
  std::string parent_code;      // empty at level 1
  double weight = 0;            // share among first-instance cases of its category (leaves only)
  bool high_risk = false;       // 虚假诉讼 high-risk area (domain.md §3)
  std::vector<std::string> aliases;  // other names: pre-2020/2021 names, split forms of 选择性罪名
};

struct TimeLimit {              // 法定审限
  std::string procedure;        // 简易程序 普通程序 小额诉讼程序 二审 再审 执行 ...
  std::string category;         // 民事 刑事 行政 执行, or * for any
  int months = 0;               // limit in months (days = 0) ...
  int days = 0;                 // ... or in days (months = 0)
  int max_extension_months = 0; // longest approvable extension
  std::string basis;            // statute article, e.g. 民事诉讼法第152条
};

class ReferenceData {
 public:
  // Loads every table from `ref_dir` (data/ref) and, when present, `<data_dir>/ref/divisions.csv`
  // written by ImportDivisions. Errors name the file, line and field.
  static Result<ReferenceData> Load(const std::string& ref_dir, const std::string& data_dir = "");
  // data/ref of this source tree, or $TP_REF_DIR when set.
  static std::string DefaultRefDir();

  const std::vector<Province>& provinces() const { return provinces_; }
  const std::vector<Court>& courts() const { return courts_; }
  const std::vector<Cause>& causes() const { return causes_; }
  const std::vector<TimeLimit>& time_limits() const { return time_limits_; }

  const Province* FindProvince(std::string_view abbr) const;
  // By current code, or by a former code (then the returned court's code differs from `code`).
  const Court* FindCourt(std::string_view code) const;
  // Formal name with the province for ordinary courts outside the municipalities, as in judgment titles:
  // 江门市蓬江区人民法院 → 广东省江门市蓬江区人民法院; 上海海事法院 and 北京市朝阳区人民法院 stay as they are.
  std::string FullCourtName(const Court& court) const;
  const Cause* FindCause(std::string_view code) const;
  // By official name, else by alias (居间合同纠纷 → 中介合同纠纷, 贩卖毒品罪 → 走私、贩卖、运输、制造毒品罪).
  const Cause* FindCauseByName(std::string_view name) const;
  // Names from the top level down to the cause itself.
  std::vector<std::string> CausePath(const Cause& cause) const;
  std::vector<const Court*> Children(std::string_view court_code) const;
  // Statutory limit in days for a procedure (months counted as 30 days); 0 when there is none.
  int StatutoryLimitDays(std::string_view procedure, std::string_view category) const;

  // Court name for a 法院代字 — from the court table, else derived from the imported division table
  // for basic courts ("京0105" → 110105 → 北京市朝阳区人民法院); empty when unknown.
  std::string ResolveCourtName(std::string_view court_code) const;
  // The name derived from the imported division table only (court table ignored); empty when unknown.
  std::string DeriveCourtName(std::string_view court_code) const;
  // Division name by six-digit code from the imported table; empty when unknown.
  std::string DivisionName(std::string_view code) const;

  // Validates a CSV of (code,name[,...]) and writes it to <data_dir>/ref/divisions.csv atomically.
  // Returns the number of rows imported.
  // Codes of two or four digits (province / city tables) are padded with zeros to six digits.
  static Result<int> ImportDivisions(const std::string& csv_path, const std::string& data_dir);
  // Same for several files merged into one table (later files win on duplicate codes).
  static Result<int> ImportDivisions(const std::vector<std::string>& csv_paths, const std::string& data_dir);
  // Path of the imported division table under `data_dir`.
  static std::string DivisionsPath(const std::string& data_dir);
  size_t division_count() const { return divisions_.size(); }
  // Statutory limit row for a procedure and category (exact category first, then "*"); null if none.
  const TimeLimit* FindTimeLimit(std::string_view procedure, std::string_view category) const;
  // Courts of a province (abbr) at a level, in table order.
  std::vector<const Court*> CourtsOf(std::string_view province, CourtLevel level) const;

 private:
  std::vector<Province> provinces_;
  std::vector<Court> courts_;
  std::vector<Cause> causes_;
  std::vector<TimeLimit> time_limits_;
  std::unordered_map<std::string, size_t> court_index_, cause_index_, cause_name_index_;
  std::unordered_map<std::string, std::string> divisions_;  // six-digit code → name

  void BuildIndexes();
  Status LoadDivisions(const std::string& path);
};

}  // namespace tianping
