#include "tianping/text/doc_template.h"

#include <algorithm>
#include "tianping/common/money.h"

namespace tianping::text {
namespace {

struct Frame {
  const TemplateRecord* item;  // innermost list item, or null at the top level
};

class Renderer {
 public:
  Renderer(std::string_view tmpl, const TemplateData& data) : t_(tmpl), data_(data) {}

  Status Run(std::string* out) {
    size_t pos = 0;
    Status s = Block(&pos, "", nullptr, out, true);
    if (!s.ok()) return s;
    return Status::Ok();
  }
  const std::vector<std::string>& missing() const { return missing_; }

 private:
  const std::string* Lookup(const std::string& name, const TemplateRecord* item) const {
    if (item) {
      auto it = item->find(name);
      if (it != item->end()) return &it->second;
    }
    auto it = data_.fields.find(name);
    if (it != data_.fields.end() && !it->second.empty()) return &it->second;
    return nullptr;
  }
  void Missing(const std::string& name) {
    if (std::find(missing_.begin(), missing_.end(), name) == missing_.end()) missing_.push_back(name);
  }

  // Renders from *pos until {{/close}} (or the end when close is empty).
  Status Block(size_t* pos, const std::string& close, const TemplateRecord* item, std::string* out, bool emit) {
    while (*pos < t_.size()) {
      size_t open = t_.find("{{", *pos);
      if (open == std::string_view::npos) {
        if (emit) out->append(t_.substr(*pos));
        *pos = t_.size();
        break;
      }
      if (emit) out->append(t_.substr(*pos, open - *pos));
      size_t end = t_.find("}}", open + 2);
      if (end == std::string_view::npos) return Status::ParseError("template offset " + std::to_string(open) + ": unclosed {{");
      std::string tag(t_.substr(open + 2, end - open - 2));
      *pos = end + 2;
      if (tag.empty()) return Status::ParseError("template offset " + std::to_string(open) + ": empty tag");
      char sigil = tag[0];
      std::string name = (sigil == '#' || sigil == '?' || sigil == '/' || sigil == '!') ? tag.substr(1) : tag;
      if (sigil == '!') continue;
      if (sigil == '/') {
        if (name != close)
          return Status::ParseError("template offset " + std::to_string(open) + ": {{/" + name + "}} closes " +
                                    (close.empty() ? "nothing" : "{{#" + close + "}}"));
        return Status::Ok();
      }
      if (sigil == '#') {
        auto it = data_.lists.find(name);
        bool has = it != data_.lists.end() && !it->second.empty();
        if (!has && emit) Missing(name);
        size_t body = *pos;
        if (!has || !emit) {
          std::string sink;
          if (Status s = Block(pos, name, item, &sink, false); !s.ok()) return s;
          continue;
        }
        for (const TemplateRecord& r : it->second) {
          *pos = body;
          if (Status s = Block(pos, name, &r, out, true); !s.ok()) return s;
        }
        continue;
      }
      if (sigil == '?') {
        auto it = data_.lists.find(name);
        bool has = Lookup(name, item) != nullptr || (it != data_.lists.end() && !it->second.empty());
        if (Status s = Block(pos, name, item, out, emit && has); !s.ok()) return s;
        continue;
      }
      if (!emit) continue;
      if (const std::string* v = Lookup(name, item)) out->append(*v);
      else Missing(name);
    }
    if (!close.empty()) return Status::ParseError("template: {{#" + close + "}} is not closed");
    return Status::Ok();
  }

  std::string_view t_;
  const TemplateData& data_;
  std::vector<std::string> missing_;
};

bool IsPlaintiffSide(std::string_view role) {
  return role == "原告" || role == "上诉人" || role == "申请人" || role == "申请执行人" || role == "再审申请人" ||
         role == "异议人" || role == "自诉人";
}

// Parties' particulars as a 首部 line: 原告：张伟，男，1980年1月2日出生，汉族，住….
TemplateRecord PartyRecord(const Party& p) {
  TemplateRecord r;
  r["role"] = p.role;
  r["name"] = p.name;
  std::string particulars;
  if (!p.gender.empty()) particulars += "，" + p.gender;
  if (p.birth_date)
    particulars += "，" + std::to_string(p.birth_date->year()) + "年" + std::to_string(p.birth_date->month()) + "月" +
                   std::to_string(p.birth_date->day()) + "日出生";
  if (!p.ethnicity.empty()) particulars += "，" + p.ethnicity;
  if (!p.address.empty()) particulars += (p.kind == "自然人" ? "，住" : "，住所地") + p.address;
  r["particulars"] = particulars;
  if (!p.address.empty()) r["address"] = p.address;
  if (!p.legal_representative.empty()) r["legal_representative"] = p.legal_representative;
  std::string agents;
  for (const Agent& a : p.agents) {
    agents += (agents.empty() ? "" : "、") + a.name;
    if (!a.law_firm.empty()) agents += "，" + a.law_firm + (a.kind == "基层法律服务工作者" ? "基层法律服务工作者" : "律师");
  }
  if (!agents.empty()) r["agents"] = agents;
  return r;
}

}  // namespace

Result<std::string> RenderTemplate(std::string_view tmpl, const TemplateData& data, std::vector<std::string>* missing) {
  Renderer r(tmpl, data);
  std::string out;
  if (Status s = r.Run(&out); !s.ok()) return s;
  if (missing) *missing = r.missing();
  if (!r.missing().empty()) {
    std::string names;
    for (const std::string& m : r.missing()) names += (names.empty() ? "" : ", ") + m;
    return Status::NotFound("missing fields: " + names);
  }
  return out;
}

std::string ChineseNumberText(int n) {
  static constexpr std::string_view kD[] = {"零", "一", "二", "三", "四", "五", "六", "七", "八", "九"};
  if (n < 0 || n >= 10000) return std::to_string(n);
  if (n < 10) return std::string(kD[n]);
  std::string s;
  int th = n / 1000, h = n / 100 % 10, t = n / 10 % 10, u = n % 10;
  bool zero = false;
  if (th) s += std::string(kD[th]) + "千";
  if (h) s += std::string(kD[h]) + "百";
  else if (th && (t || u)) zero = true;
  if (t) {
    if (zero) s += "零";
    zero = false;
    if (!(n < 20)) s += kD[t];
    s += "十";
  } else if ((th || h) && u) {
    zero = true;
  }
  if (u) {
    if (zero) s += "零";
    s += kD[u];
  }
  return s;
}

std::string ChineseDateText(Date d) {
  static constexpr std::string_view kDigit[] = {"〇", "一", "二", "三", "四", "五", "六", "七", "八", "九"};
  std::string s;
  for (char ch : std::to_string(d.year())) s += kDigit[ch - '0'];
  return s + "年" + ChineseNumberText(d.month()) + "月" + ChineseNumberText(d.day()) + "日";
}

TemplateData CaseTemplateData(const Case& c, Date issue_date, const TemplateRecord& extra) {
  TemplateData d;
  auto set = [&](const std::string& k, const std::string& v) {
    if (!v.empty()) d.fields[k] = v;
  };
  set("court_name", c.court_name);
  set("case_number", c.case_number);
  set("cause_name", c.cause_name);
  set("procedure", c.procedure);
  set("filed_date", ChineseDateText(c.filed_date));
  set("issue_date", ChineseDateText(issue_date));
  if (c.closed_date) set("closed_date", ChineseDateText(*c.closed_date));
  set("closure_method", c.closure_method);
  set("judge_name", c.judge_name);
  set("clerk", c.clerk);
  if (c.claim_amount > 0) set("claim_amount", FormatYuan(c.claim_amount));
  if (c.awarded_amount > 0) set("awarded_amount", FormatYuan(c.awarded_amount));
  if (c.derived_from) set("basis_case_number", c.derived_from->case_number);
  if (c.execution && c.execution->applied_amount > 0) set("applied_amount", FormatYuan(c.execution->applied_amount));
  // 举证期限 by procedure (最高人民法院关于民事诉讼证据的若干规定 第五十一条).
  if (c.procedure == "普通程序") set("evidence_days", "三十");
  else if (c.procedure == "简易程序") set("evidence_days", "十五");
  else if (c.procedure == "小额诉讼程序") set("evidence_days", "七");
  // 民事诉讼法 article numbers in force on the issue date (2021 revision from 2022-01-01: +7 in the
  // execution part; 2023 revision from 2024-01-01: +4 more).
  int rev = issue_date >= Date::FromYmd(2024, 1, 1) ? 2 : issue_date >= Date::FromYmd(2022, 1, 1) ? 1 : 0;
  auto article = [&](int a2017, int a2021, int a2023) { return ChineseNumberText(rev == 2 ? a2023 : rev == 1 ? a2021 : a2017); };
  d.fields["cpl_filing_article"] = article(123, 126, 126);          // 立案, 七日内
  d.fields["cpl_evidence_article"] = article(65, 68, 68);           // 及时提供证据, 举证期限
  d.fields["cpl_plaintiff_absent_article"] = article(143, 146, 146);  // 原告拒不到庭, 按撤诉处理
  d.fields["cpl_defendant_absent_article"] = article(144, 147, 147);  // 被告拒不到庭, 缺席判决
  d.fields["cpl_summons_article"] = article(109, 112, 112);         // 拘传
  d.fields["cpl_execution_notice_article"] = article(240, 247, 251);  // 执行通知
  d.fields["cpl_property_report_article"] = article(241, 248, 252);   // 报告财产
  d.fields["cpl_late_interest_article"] = article(253, 260, 264);     // 迟延履行
  auto& parties = d.lists["parties"];
  auto& actives = d.lists["plaintiffs"];
  auto& passives = d.lists["defendants"];
  for (const Party& p : c.parties) {
    TemplateRecord r = PartyRecord(p);
    parties.push_back(r);
    (IsPlaintiffSide(p.role) ? actives : passives).push_back(r);
  }
  if (!actives.empty()) set("plaintiff_names", [&] {
    std::string s;
    for (const auto& r : actives) s += (s.empty() ? "" : "、") + r.at("name");
    return s;
  }());
  if (!passives.empty()) set("defendant_names", [&] {
    std::string s;
    for (const auto& r : passives) s += (s.empty() ? "" : "、") + r.at("name");
    return s;
  }());
  // Signature panel: one 审判员 for 简易程序 / 小额诉讼程序 / 速裁程序, else 审判长 and the members.
  if (!c.judge_name.empty()) {
    auto& panel = d.lists["panel"];
    bool sole = c.procedure == "简易程序" || c.procedure == "小额诉讼程序" || c.procedure == "速裁程序" || c.panel.size() <= 1;
    panel.push_back({{"role", sole ? "审判员" : "审判长"}, {"name", c.judge_name}});
    if (!sole)
      for (const std::string& m : c.panel)
        if (m != c.judge_name) panel.push_back({{"role", "审判员"}, {"name", m}});
  }
  for (const auto& [k, v] : extra) d.fields[k] = v;
  return d;
}

}  // namespace tianping::text
