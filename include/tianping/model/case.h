// The unified case model (统一案件模型): one case with its parties, agents, execution result and the link
// to the proceeding it derives from. JSONL form and field meanings: docs/schema.md.
// Thread-safety: plain values.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "tianping/common/date.h"

namespace tianping {

// Money is kept in fen (分, 1/100 yuan) to stay exact; JSON carries yuan with two decimals.
using Fen = int64_t;

struct Agent {                  // 诉讼代理人 / 辩护人
  std::string name;
  std::string kind;             // 律师 | 基层法律服务工作者 | 近亲属 | 单位工作人员 | 法律援助律师
  std::string law_firm;         // 律师事务所 / 法律服务所; empty for non-lawyers
  std::string license_number;   // 执业证号; empty for non-lawyers
};

struct Party {                  // 当事人
  std::string role;             // 原告 被告 第三人 上诉人 被上诉人 申请执行人 被执行人 被告人 申请人 被申请人 ...
  std::string original_role;    // role in the first instance, for appeals (原审原告 ...); may be empty
  std::string kind;             // 自然人 | 法人 | 非法人组织
  std::string name;
  std::string id_number;        // 公民身份号码 (GB 11643), natural persons; may be empty
  std::string credit_code;      // 统一社会信用代码 (GB 32100), organisations; may be empty
  std::string gender;           // 男 | 女 | empty for organisations
  std::optional<Date> birth_date;
  std::string ethnicity;        // 民族, natural persons
  std::string phone;
  std::string address;          // 住所地 / 住址
  std::string legal_representative;  // 法定代表人, organisations
  std::string occupation;       // 职业 or 工作单位
  bool is_minor = false;        // under 18 at filing
  std::vector<Agent> agents;
};

struct CaseLink {               // the proceeding this case derives from
  std::string relation;         // 上诉 | 再审审查 | 再审 | 执行 | 执行异议 | 复议 | 重审 | 执行恢复
  std::string case_id;
  std::string case_number;
};

struct ExecutionResult {        // 执行情况, execution cases only
  Fen applied_amount = 0;       // 申请执行标的
  Fen recovered_amount = 0;     // 实际执行到位
  bool voluntary = false;       // 自动履行
};

struct Case {
  std::string case_id;          // stable id from the source system
  std::string case_number;      // 案号 as written
  std::string court_code;       // 法院代字 (京0105); key into the court table
  std::string court_name;
  std::string type_code;        // 类型代字 (民初)
  std::string category;         // 刑事 民事 行政 执行 管辖 破产 赔偿 司法协助 司法制裁 保全 ...
  std::string cause_code;       // key into the cause/charge table (C0206 ...)
  std::string cause_name;       // 案由 / 罪名
  std::vector<std::string> cause_path;  // from the top level down to cause_name
  std::string procedure;        // 简易程序 普通程序 小额诉讼程序 二审 再审审查 再审 执行 特别程序 ...
  std::optional<Date> received_date;  // 收到起诉材料日期
  Date filed_date;                    // 立案日期
  std::optional<Date> closed_date;    // 结案日期; empty while pending
  std::string closure_method;   // 结案方式 (判决 调解 撤诉 维持 改判 发回重审 执行完毕 ...); empty while pending
  int statutory_limit_days = 0; // 法定审限 in days (from data/ref/time_limits.csv)
  int extension_days = 0;       // 经批准延长审限天数
  int excluded_days = 0;        // 依法扣除的审限期间 (公告, 鉴定, ...)
  bool correction_requested = false;  // 补正材料 recorded before filing
  std::string judge_id;
  std::string judge_name;       // 承办法官
  std::vector<std::string> panel;  // 合议庭成员 incl. the presiding judge; one name for 独任
  std::string clerk;            // 书记员
  Fen claim_amount = 0;         // 诉讼标的额
  Fen awarded_amount = 0;       // 判决/调解确定金额
  bool has_payment_content = false;   // 给付内容
  std::optional<CaseLink> derived_from;
  std::vector<Party> parties;
  std::optional<ExecutionResult> execution;
  std::string document_id;      // judgment document, if one was produced
  bool is_sealed = false;       // 涉及国家秘密 / 未成年人犯罪记录封存
  std::string updated_at;       // ISO 8601 timestamp of the last change in the source system
};

struct Document {               // 裁判文书
  std::string doc_id;
  std::string case_id;
  std::string kind;             // 民事判决书 民事调解书 民事裁定书 刑事判决书 行政判决书 执行裁定书 ...
  std::string title;
  std::string text;             // full text, lines separated by '\n'
};

}  // namespace tianping
