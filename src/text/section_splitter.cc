// Sections after the party block, found by markers (民事裁判文书制作规范 order): history, claims, defence,
// facts, reasoning, basis, operative, costs, appeal notice, signature. Any may be missing.
#include <algorithm>
#include <optional>

#include "text/judgment_parts.h"
#include "text/text_scan.h"

namespace tianping::text {
namespace {

constexpr size_t kNone = std::string_view::npos;

struct Marker {
  std::string_view text;
  bool subject_before;  // the marker follows its subject (被告X辩称): the section starts at the sentence
};

// Earliest marker occurrence in [from, to); returns the section start or kNone.
size_t FindSection(std::string_view s, size_t from, size_t to, std::initializer_list<Marker> markers,
                   size_t* marker_pos = nullptr) {
  size_t best = kNone, best_marker = kNone;
  for (const Marker& m : markers) {
    for (size_t p = s.find(m.text, from); p != kNone && p < to; p = s.find(m.text, p + m.text.size())) {
      size_t start = SentenceStart(s, p, from);
      if (!m.subject_before) {
        // A marker that is its own subject (本院认为, 原判认定) opens a sentence; inside a later clause
        // (被告辩称，一审判决认定…) it is quoted text.
        std::string_view lead = s.substr(start, p - start);
        // Published extracts run the history into the facts without a stop: …现已审理终结原判认定,
        // …到庭参加诉讼经审理查明, …现已审理终结三台县人民法院审理查明.
        size_t close = kNone;
        for (std::string_view w : {"审理终结", "参加诉讼", "审理了本案"}) {
          size_t q = lead.rfind(w);
          if (q != kNone && (close == kNone || q + w.size() > close)) close = q + w.size();
        }
        if (close != kNone && lead.size() - close <= 36 && lead.substr(close).find("，") == kNone) start += close;
        else if (lead.find("，") != kNone || lead.find(",") != kNone || lead.find("：") != kNone) continue;
        if (p - start > 36) start = p;  // long lead-in without punctuation (现已审理终结原判认定)
      }
      if (best == kNone || start < best) { best = start; best_marker = p; }
      break;
    }
  }
  if (marker_pos) *marker_pos = best_marker;
  return best;
}

bool AtSentenceStart(std::string_view s, size_t p) {
  if (p == 0) return true;
  size_t q = PrevCp(s, p), n;
  char32_t c = CpAt(s, q, &n);
  return c == '\n' || c == U'。' || c == U'）' || c == ')' || IsSpaceCp(c);
}

// First occurrence of any of `words` at or after `from` that starts a sentence or line.
size_t FindAtSentenceStart(std::string_view s, size_t from, std::initializer_list<std::string_view> words) {
  size_t best = kNone;
  for (std::string_view w : words) {
    for (size_t p = s.find(w, from); p != kNone && p < best; p = s.find(w, p + 1)) {
      if (AtSentenceStart(s, p)) { best = p; break; }
    }
  }
  return best;
}

}  // namespace

void SplitSections(std::string_view s, size_t h, ParsedJudgment* j) {
  const size_t n = s.size();
  // Strong anchors first: the operative part and the reasoning.
  // Appeals quote the first-instance judgment (原判认定…依照…判决如下：…) before the appeal grounds; the
  // document's own operative part is the one after 本院认为, or, without a reasoning, the one after the
  // last appeal marker that follows a quoted one.
  auto find_basis = [&](size_t from, size_t* marker) {
    return FindSection(s, from, n,
                       {{"判决如下", true}, {"裁定如下", true}, {"决定如下", true}, {"达成如下协议", true},
                        {"达成如下调解协议", true}, {"达成以下协议", true}, {"调解协议如下", true}},
                       marker);
  };
  // 我院认为 is a drafting error (checked elsewhere) but still opens the reasoning.
  size_t own_reasoning = FindSection(s, h, n, {{"本院认为", false}, {"本庭认为", false}, {"我院认为", false}});
  size_t op_marker = kNone;
  size_t basis = find_basis(own_reasoning != kNone ? own_reasoning : h, &op_marker);
  if (own_reasoning == kNone && basis != kNone) {
    size_t quoted_facts = FindSection(s, h, basis, {{"原判认定", false}, {"原审判决认定", false}, {"原判决认定", false},
                                                    {"一审法院认定", false}, {"一审判决认定", false}, {"原审法院认定", false}});
    size_t appeal_after = kNone;
    for (std::string_view w : {"上诉称", "上诉理由", "辩护人提出", "提出上诉", "抗诉意见", "二审期间", "二审审理"}) {
      size_t p = s.find(w, op_marker);
      if (p != kNone && p < appeal_after) appeal_after = p;
    }
    if (quoted_facts != kNone && appeal_after != kNone) basis = find_basis(appeal_after, &op_marker);
  }
  size_t operative = kNone;
  if (basis != kNone) {
    operative = s.find("：", op_marker);
    size_t colon2 = s.find(":", op_marker);
    if (operative == kNone || (colon2 != kNone && colon2 < operative)) operative = colon2;
    if (operative == kNone || operative > op_marker + 40) operative = SentenceEnd(s, op_marker, n);
    else operative += s[operative] == ':' ? 1 : 3;
    operative = SkipSpaces(s, operative);
    while (operative < n && s[operative] == '\n') ++operative;
  }
  size_t body_end = basis != kNone ? basis : n;
  size_t reasoning = FindSection(s, h, body_end, {{"本院认为", false}, {"本庭认为", false}, {"我院认为", false}});
  size_t facts_end = reasoning != kNone ? reasoning : body_end;
  size_t claims = FindSection(s, h, facts_end,
                              {{"诉称", true}, {"提出诉讼请求", true}, {"诉讼请求：", true}, {"上诉请求", true},
                               {"上诉称", true}, {"申请称", true}, {"抗诉称", true}, {"起诉称", true},
                               {"公诉机关指控", false}, {"抗诉机关", false}, {"请求：", true}, {"申请请求", true},
                               {"上诉理由", true}, {"抗诉理由", true}, {"抗诉意见", true}, {"上诉意见", true}});
  size_t defence = FindSection(s, claims != kNone ? claims + 3 : h, facts_end,
                               {{"辩称", true}, {"答辩称", true}, {"辩护人提出", true}, {"辩护意见", true},
                                {"对指控的", true}, {"未作答辩", true}, {"未答辩", true}, {"未提交书面答辩", true},
                                {"未提交答辩", true}, {"未提供书面答辩", true}, {"答辩状称", true}, {"答辩意见", true}});
  // Facts may come before the claims: appeals state the first-instance facts (原判认定) before the appeal.
  size_t facts = FindSection(s, h, facts_end,
                             {{"经审理查明", false}, {"审理查明", false}, {"本院查明", false}, {"经审理认定", false},
                              {"本院经审理认定", false}, {"原判认定", false}, {"原审判决认定", false},
                              {"原判决认定", false}, {"一审法院认定", false}, {"一审判决认定", false},
                              {"原审法院认定", false}, {"一审查明", false}, {"二审查明", false},
                              {"认定事实如下", false}, {"经审查查明", false}, {"经审查", false}});
  // In the ordinary order (claims, defence, facts) a defence marker after the facts is quoted text.
  if (defence != kNone && facts != kNone && defence > facts && claims != kNone && claims < facts) defence = kNone;
  // Tail after the operative part.
  size_t tail_from = operative != kNone ? operative : (reasoning != kNone ? reasoning : h);
  size_t appeal = kNone;
  for (std::string_view w : {"如不服本判决", "如不服本裁定", "如不服本决定", "本判决为终审判决", "本裁定为终审裁定",
                             "本裁定送达后立即生效", "本裁定立即生效", "本调解书经双方当事人签收后", "本调解书经各方当事人签收后",
                             "本判决为终审", "本裁定为终审"}) {
    size_t p = s.find(w, tail_from);
    if (p != kNone && p < appeal) appeal = p;
  }
  // Signature: the first panel title that starts a line or sentence after the tail begins.
  size_t sig_from = appeal != kNone ? appeal : tail_from;
  size_t signature = FindAtSentenceStart(s, sig_from, {"审判长", "审判员", "代理审判员", "人民陪审员", "助理审判员", "陪审员",
                                                      "审　判　长", "审 判 长", "审　判　员", "审 判 员"});
  if (signature == kNone) {
    // Inline text without sentence breaks: the title directly after the appeal notice.
    for (std::string_view w : {"审判长", "审判员", "代理审判员"}) {
      size_t p = s.find(w, sig_from);
      if (p != kNone && p < signature && operative != kNone) signature = p;
    }
  }
  size_t costs = kNone;
  if (tail_from != h || operative != kNone) {
    size_t p = s.find("受理费", tail_from);
    if (p != kNone && (signature == kNone || p < signature)) costs = SentenceStart(s, p, tail_from);
  }
  // Operative end: first tail marker that starts a sentence.
  size_t op_end = std::min(appeal, signature);
  if (operative != kNone) {
    size_t t = FindAtSentenceStart(s, operative, {"如果未按本判决", "如未按本判决", "如果未按照本判决", "案件受理费",
                                                  "一审案件受理费", "二审案件受理费", "本案受理费", "上述协议",
                                                  "本调解协议", "受理费"});
    op_end = std::min(op_end, t);
    if (op_end == kNone) op_end = n;
  }
  // Assign: each section ends where the next one found begins.
  struct Start { SectionKind kind; size_t at; };
  std::vector<Start> starts;
  auto add = [&](SectionKind k, size_t at) { if (at != kNone) starts.push_back({k, at}); };
  add(SectionKind::kClaims, claims);
  add(SectionKind::kDefence, defence);
  add(SectionKind::kFacts, facts);
  add(SectionKind::kReasoning, reasoning);
  add(SectionKind::kBasis, basis);
  add(SectionKind::kAppealNotice, appeal);
  add(SectionKind::kSignature, signature);
  std::stable_sort(starts.begin(), starts.end(), [](const Start& a, const Start& b) { return a.at < b.at; });
  size_t first = starts.empty() ? n : starts.front().at;
  if (operative != kNone) first = std::min(first, basis);
  if (first > h) j->section(SectionKind::kHistory) = {h, first};
  for (size_t k = 0; k < starts.size(); ++k) {
    size_t end = k + 1 < starts.size() ? starts[k + 1].at : n;
    if (starts[k].kind == SectionKind::kBasis && operative != kNone) end = operative;
    j->section(starts[k].kind) = {starts[k].at, std::max(end, starts[k].at)};
  }
  if (operative != kNone) j->section(SectionKind::kOperative) = {operative, std::max(operative, op_end)};
  if (costs != kNone) j->section(SectionKind::kCosts) = {costs, SentenceEnd(s, costs, n)};
}

}  // namespace tianping::text
