// Panel vs procedure (docs/doc-check.md "Panel"): 简易程序, 小额诉讼程序 and 速裁程序 are heard by one
// judge (独任); 普通程序, appeals and retrials by a 合议庭 (审判长 + members). Criminal 简易程序 may sit
// as a 合议庭 (刑事诉讼法 §216), and civil 普通程序 may be 独任 since 2022 when the text says so.
#include <string>
#include <string_view>

#include "text/checks/checks.h"

namespace tianping::text::checks {

void CheckPanel(const CheckContext& c, Findings* f) {
  std::string_view t = c.text;
  const ParsedJudgment& j = *c.j;
  if (j.panel.empty()) return;
  size_t limit = j.section(SectionKind::kClaims).empty() ? t.size() : j.section(SectionKind::kClaims).begin;
  if (!j.section(SectionKind::kSignature).empty()) limit = std::min(limit, j.section(SectionKind::kSignature).begin);
  std::string_view head = t.substr(0, limit);
  bool criminal = c.kind.starts_with("刑事") || c.stage.starts_with("刑");
  bool summary = head.find("简易程序") != std::string_view::npos || head.find("小额诉讼程序") != std::string_view::npos ||
                 head.find("速裁程序") != std::string_view::npos;
  // The case record's procedure when the text does not state one (rulings on withdrawal often do not).
  const std::string& hint = c.procedure_hint;
  bool text_states = summary || head.find("普通程序") != std::string_view::npos;
  if (!text_states && !hint.empty())
    summary = hint == "简易程序" || hint == "小额诉讼程序" || hint == "速裁程序";
  bool sole_said = head.find("独任") != std::string_view::npos;
  bool collegial_said = head.find("组成合议庭") != std::string_view::npos || head.find("普通程序") != std::string_view::npos ||
                        (!text_states && hint == "普通程序");
  bool appeal = c.stage.ends_with("终") || c.stage.ends_with("再") || c.kind.find("二审") != std::string::npos;
  bool execution = c.stage.starts_with("执");  // 终结本次执行程序 etc. are decided by a 合议庭
  int presiding = 0, members = 0;
  for (const PanelMember& m : j.panel) {
    if (m.role == "审判长") ++presiding;
    if (m.role == "审判长" || m.role == "审判员" || m.role == "人民陪审员" || m.role == "代理审判员") ++members;
  }
  bool collegial_signed = presiding > 0 || members >= 3;
  // The panel lines of the 落款.
  size_t s = j.section(SectionKind::kSignature).begin, e = j.date_span.empty() ? j.section(SectionKind::kSignature).end : j.date_span.begin;
  if (j.section(SectionKind::kSignature).empty()) {
    s = t.rfind(j.panel.front().role);
    if (s == std::string_view::npos) return;
    e = LineEnd(t, s);
  }
  if (e <= s) e = LineEnd(t, s);
  if (summary && !collegial_said && collegial_signed && (!criminal || sole_said)) {
    f->Add("panel_procedure_mismatch", s, e, "审判组织与程序不符：适用简易程序（独任审理）的案件，落款却由合议庭署名",
           "落款改为独任审判员署名，或核对适用的程序");
  } else if ((collegial_said || appeal || execution) && !summary && !sole_said && !collegial_signed) {
    f->Add("panel_procedure_mismatch", s, e,
           std::string("审判组织与程序不符：") + (appeal ? "二审、再审案件" : execution ? "执行裁定" : "适用普通程序的案件") + "应组成合议庭，落款却仅有一名审判员",
           "落款列明审判长及合议庭成员，或核对适用的程序");
  }
}

}  // namespace tianping::text::checks
