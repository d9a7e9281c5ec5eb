// Punctuation (docs/doc-check.md "Punctuation"): doubled 。, ASCII commas in Chinese text, unbalanced
// 《》 (a 〉 closing a 《, or a 《 never closed).
#include <string_view>

#include "text/checks/checks.h"

namespace tianping::text::checks {

void CheckPunctuation(const CheckContext& c, Findings* f) {
  std::string_view t = c.text;
  for (size_t p = t.find("。。"); p != std::string_view::npos; p = t.find("。。", p + 6)) {
    size_t e = p + 6;
    while (t.compare(e, 3, "。") == 0) e += 3;
    f->Add("punctuation", p, e, "标点符号错误：句号重复", "只保留一个“。”");
  }
  for (size_t p = t.find(','); p != std::string_view::npos; p = t.find(',', p + 1)) {
    bool digit_before = p > 0 && IsAsciiDigit(t[p - 1]), digit_after = p + 1 < t.size() && IsAsciiDigit(t[p + 1]);
    if (digit_before && digit_after) continue;  // 50,000
    // Only inside Chinese text: a multi-byte character on at least one side.
    bool cjk_before = p > 0 && static_cast<unsigned char>(t[p - 1]) >= 0x80;
    bool cjk_after = p + 1 < t.size() && static_cast<unsigned char>(t[p + 1]) >= 0x80;
    if (!cjk_before && !cjk_after) continue;
    f->Add("punctuation", p, p + 1, "标点符号错误：中文文本中使用半角逗号“,”", "改为全角逗号“，”");
  }
  // 《…》 with nested 〈…〉.
  size_t open = std::string_view::npos;
  int inner = 0;
  for (size_t p = 0; p < t.size();) {
    size_t n = CharLen(t, p);
    std::string_view ch = t.substr(p, n);
    if (ch == "《") {
      if (open != std::string_view::npos)
        f->Add("punctuation", open, open + 3, "标点符号错误：书名号“《”未闭合", "补全“》”");
      open = p;
      inner = 0;
    } else if (ch == "〈") {
      ++inner;
    } else if (ch == "〉") {
      if (inner > 0) {
        --inner;
      } else if (open != std::string_view::npos) {
        f->Add("punctuation", p, p + n, "标点符号错误：书名号《》不配对，“〉”应为“》”", "改为“》”");
        open = std::string_view::npos;
      }
    } else if (ch == "》") {
      open = std::string_view::npos;
      inner = 0;
    } else if (ch == "\n" && open != std::string_view::npos) {
      f->Add("punctuation", open, open + 3, "标点符号错误：书名号“《”未闭合", "补全“》”");
      open = std::string_view::npos;
    }
    p += n;
  }
}

}  // namespace tianping::text::checks
