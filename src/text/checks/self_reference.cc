// 我院 (docs/doc-check.md "Self-reference"): a court calls itself 本院 in its own documents. 我院 inside
// quoted speech is left alone.
#include <string_view>

#include "text/checks/checks.h"

namespace tianping::text::checks {

void CheckSelfReference(const CheckContext& c, Findings* f) {
  std::string_view t = c.text;
  for (size_t p = t.find("我院"); p != std::string_view::npos; p = t.find("我院", p + 6)) {
    // Quoted speech of someone else (“……我院……”) is left alone.
    size_t s = t.rfind("。", p);
    s = s == std::string_view::npos ? 0 : s;
    std::string_view sentence = t.substr(s, p - s);
    size_t open = sentence.rfind("“");
    if (open != std::string_view::npos && sentence.find("”", open) == std::string_view::npos) continue;
    f->Add("wo_yuan", p, p + 6, "法院在裁判文书中自称应为“本院”，不应写作“我院”", "改为“本院”");
  }
}

}  // namespace tianping::text::checks
