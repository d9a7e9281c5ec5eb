// Costs (docs/doc-check.md "Costs"): civil and administrative judgments, mediation documents and the
// rulings that end a suit state the 案件受理费 and who bears it (诉讼费用交纳办法); criminal,
// execution and retrial-review documents do not.
#include <string>
#include <string_view>

#include "text/checks/checks.h"

namespace tianping::text::checks {

void CheckCosts(const CheckContext& c, Findings* f) {
  std::string_view t = c.text;
  bool civil_or_admin = c.kind.starts_with("民事") || c.kind.starts_with("行政");
  if (!civil_or_admin || c.stage.empty() || c.stage.starts_with("执") || c.stage == "民申" || c.stage == "行申" ||
      c.stage.ends_with("再"))
    return;
  // The costs sentence follows the operative part (判决如下 / 裁定如下 / 协议如下).
  size_t operative = t.rfind("如下");
  if (operative == std::string_view::npos) operative = c.body_start;
  if (t.find("受理费", operative) != std::string_view::npos || t.find("诉讼费", operative) != std::string_view::npos) return;
  bool ruling = c.kind.ends_with("裁定书");
  // Rulings that do not end the suit (保全, 管辖 …) carry no costs.
  if (ruling && t.find("撤诉") == std::string_view::npos && t.find("撤回") == std::string_view::npos &&
      t.find("驳回起诉") == std::string_view::npos && t.find("驳回原告") == std::string_view::npos)
    return;
  // Where the sentence belongs: before the appeal notice / finality line, else before the 落款.
  size_t anchor = std::string_view::npos;
  for (std::string_view k : {"如不服本", "本判决为终审判决", "本裁定为终审裁定", "上述协议", "本调解书经", "本调解协议经"}) {
    size_t p = t.find(k, operative);
    if (p != std::string_view::npos) anchor = std::min(anchor, p);
  }
  if (anchor == std::string_view::npos && !c.j->section(SectionKind::kSignature).empty()) anchor = c.j->section(SectionKind::kSignature).begin;
  if (anchor == std::string_view::npos) return;
  size_t s = LineStart(t, anchor);
  size_t ps = s > 0 ? LineStart(t, s - 1) : s;
  f->Add("costs_omitted", ps, LineEnd(t, anchor), "遗漏诉讼费用负担：文书未写明案件受理费及其负担",
         "补充“案件受理费××元，由××负担。”");
}

}  // namespace tianping::text::checks
