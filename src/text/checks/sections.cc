// Missing sections (docs/doc-check.md "Sections"): the defence (辩称 / 辩护意见 / 出庭检察员意见) between the
// claims and the facts found, and the reasoning (本院认为; 本院予以确认 in a 调解书).
#include <string>
#include <string_view>

#include "text/checks/checks.h"

namespace tianping::text::checks {
namespace {

bool HasAny(std::string_view s, std::initializer_list<std::string_view> keys) {
  for (std::string_view k : keys)
    if (s.find(k) != std::string_view::npos) return true;
  return false;
}

// The first line (at or after `from`) that starts the facts found.
size_t FactsLine(std::string_view t, size_t from) {
  for (size_t p = from; p < t.size();) {
    size_t e = LineEnd(t, p);
    std::string_view line = t.substr(p, e - p);
    if (line.starts_with("经审理查明") || line.starts_with("本院经审理查明") || line.starts_with("原告主张") ||
        line.starts_with("本院经审理认定") || line.starts_with("经审理，本院认定") || line.starts_with("一审法院认定") ||
        line.starts_with("原判认定") || line.starts_with("经审查查明") || line.starts_with("本院审查查明") ||
        line.starts_with("为证明其主张") || line.starts_with("当事人围绕诉讼请求"))
      return p;
    p = e + 1;
  }
  return std::string_view::npos;
}

// 本院认为, also with a typo of its own (本院院认为, 本院为，, 我院认为) which other kinds report.
bool HasReasoning(std::string_view t) {
  for (size_t p = t.find("院"); p != std::string_view::npos; p = t.find("院", p + 3)) {
    std::string_view next = t.substr(p + 3, 12);
    size_t w = next.find("为，");
    if (w != std::string_view::npos && (w == 0 || next.substr(0, w).find("认") != std::string_view::npos ||
                                        next.substr(0, w) == "院"))
      return true;
  }
  return false;
}

}  // namespace

void CheckSections(const CheckContext& c, Findings* f) {
  std::string_view t = c.text;
  if (t.find('\n') == std::string_view::npos) return;  // one-line published text: no paragraph structure
  bool mediation = c.kind.find("调解书") != std::string::npos;
  // Defence.
  size_t facts = FactsLine(t, c.body_start);
  if (facts != std::string_view::npos && facts > 0) {
    size_t prev = LineStart(t, facts - 1);
    std::string_view line = t.substr(prev, facts - 1 - prev);
    bool claims = HasAny(line, {"诉称", "诉讼请求", "上诉请求", "上诉提出", "指控", "申请再审称", "再审请求", "请求判令"});
    bool defended = HasAny(line, {"辩称", "辩护", "答辩", "检察员", "未到庭", "缺席", "未发表", "未提交", "未作", "无异议", "认罪", "供认"});
    if (claims && !defended) {
      f->Add("missing_section", prev, LineEnd(t, facts),
             "文书结构缺失：诉讼请求（上诉意见）之后、查明事实之前缺少答辩（辩称、辩护意见）段落",
             "补充被告（被上诉人、辩护人）的答辩意见，或写明其未到庭、未答辩");
    }
  }
  // Reasoning.
  bool judgment_or_ruling = c.kind.ends_with("判决书") || c.kind.ends_with("裁定书");
  if (judgment_or_ruling && !HasReasoning(t)) {
    size_t anchor = std::string_view::npos;
    for (std::string_view k : {"判决如下", "裁定如下", "依照《", "依据《"}) {
      size_t p = t.find(k, c.body_start);
      if (p != std::string_view::npos) anchor = std::min(anchor, p);
    }
    if (anchor != std::string_view::npos) {
      size_t s = LineStart(t, anchor);
      size_t ps = s > 0 ? LineStart(t, s - 1) : s;
      f->Add("missing_section", ps, LineEnd(t, anchor), "文书结构缺失：缺少“本院认为”说理段落",
             "在裁判依据之前补充“本院认为，……”说理部分");
    }
  }
  if (mediation && t.find("予以确认") == std::string_view::npos) {
    size_t anchor = t.find("案件受理费", c.body_start);
    if (anchor == std::string_view::npos) anchor = t.find("本调解书", c.body_start);
    if (anchor != std::string_view::npos) {
      size_t e = LineEnd(t, anchor);
      if (e < t.size()) e = LineEnd(t, e + 1);
      f->Add("missing_section", LineStart(t, anchor), e, "文书结构缺失：调解书缺少“本院予以确认”的表述",
             "补充“上述协议，不违反法律规定，本院予以确认。”");
    }
  }
}

}  // namespace tianping::text::checks
