// Party block (首部): one entry per sentence or line starting with a role — 原告：X，女，… / 被告人X，男，… /
// 辩护人Y，Z律师事务所律师 — until the first sentence that tells how the case came (一案, 指控, 不服 …).
#include <algorithm>
#include <string>

#include "text/chinese_number.h"
#include "text/judgment_parts.h"
#include "text/text_scan.h"

namespace tianping::text {
namespace {

enum class RoleClass { kParty, kAgent, kRepresentative };
struct Role {
  std::string_view text;
  RoleClass cls;
};

// Longest first within a shared prefix; MatchRole takes the longest match anyway.
constexpr Role kRoles[] = {
    {"附带民事诉讼原告人", RoleClass::kParty}, {"附带民事诉讼被告人", RoleClass::kParty},
    {"附带民事诉讼原告", RoleClass::kParty},   {"附带民事诉讼被告", RoleClass::kParty},
    {"原公诉机关", RoleClass::kParty},         {"公诉机关", RoleClass::kParty},
    {"抗诉机关", RoleClass::kParty},           {"自诉人", RoleClass::kParty},
    {"原审被告人", RoleClass::kParty},         {"被告人", RoleClass::kParty},
    {"被上诉人", RoleClass::kParty},           {"上诉人", RoleClass::kParty},
    {"原审原告", RoleClass::kParty},           {"原审被告", RoleClass::kParty},
    {"原审第三人", RoleClass::kParty},         {"原告", RoleClass::kParty},
    {"被告", RoleClass::kParty},               {"第三人", RoleClass::kParty},
    {"再审申请人", RoleClass::kParty},         {"申请再审人", RoleClass::kParty},
    {"被申请人", RoleClass::kParty},           {"申请执行人", RoleClass::kParty},
    {"被执行人", RoleClass::kParty},           {"复议申请人", RoleClass::kParty},
    {"申请人", RoleClass::kParty},             {"异议人", RoleClass::kParty},
    {"案外人", RoleClass::kParty},             {"被申诉人", RoleClass::kParty},
    {"申诉人", RoleClass::kParty},             {"起诉人", RoleClass::kParty},
    {"赔偿请求人", RoleClass::kParty},         {"赔偿义务机关", RoleClass::kParty},
    {"罪犯", RoleClass::kParty},
    {"共同委托诉讼代理人", RoleClass::kAgent}, {"委托诉讼代理人", RoleClass::kAgent},
    {"委托代理人", RoleClass::kAgent},         {"诉讼代理人", RoleClass::kAgent},
    {"指定辩护人", RoleClass::kAgent},         {"辩护人", RoleClass::kAgent},
    {"法定代理人", RoleClass::kAgent},         {"指定代理人", RoleClass::kAgent},
    {"法定代表人", RoleClass::kRepresentative}, {"主要负责人", RoleClass::kRepresentative},
    {"负责人", RoleClass::kRepresentative},    {"诉讼代表人", RoleClass::kRepresentative},
    {"经营者", RoleClass::kRepresentative},
};

const Role* MatchRole(std::string_view s, size_t i) {
  const Role* best = nullptr;
  for (const Role& r : kRoles)
    if (StartsWithAt(s, i, r.text) && (best == nullptr || r.text.size() > best->text.size())) best = &r;
  return best;
}

// Words that mark the case-history sentence (案件由来) rather than a party entry.
constexpr std::string_view kHistoryWords[] = {"一案", "指控", "不服", "立案", "受理", "审理", "诉至", "提起",
                                              "起诉", "申请执行", "纠纷", "上诉于"};

bool HasHistoryWord(std::string_view unit) {
  return std::any_of(std::begin(kHistoryWords), std::end(kHistoryWords),
                     [&](std::string_view w) { return unit.find(w) != std::string_view::npos; });
}

bool EndsWith(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

std::string KindOfName(std::string_view role, std::string_view name) {
  if (role.find("机关") != std::string_view::npos) return "机关";
  for (std::string_view w : {"检察院", "人民政府", "委员会", "局", "办事处", "公安"})
    if (EndsWith(name, w)) return "机关";
  for (std::string_view w : {"公司", "银行", "合作社", "厂", "中心", "学校", "医院", "协会", "事务所", "集团", "分行",
                             "支行", "商店", "经营部", "店", "站", "院", "大学", "研究所", "村民委员会", "社"})
    if (name.find(w) != std::string_view::npos) return "法人";
  return "自然人";
}

// Offset of the end of the unit starting at i: just past 。 or at \n, whichever comes first.
size_t UnitEnd(std::string_view s, size_t i) {
  while (i < s.size()) {
    size_t n;
    char32_t c = CpAt(s, i, &n);
    if (c == '\n') return i;
    i += n;
    if (c == U'。') return i;
  }
  return i;
}

// Name after a role at i: optional （原审…） and ：, then up to ， , 。 （ ( \n. Returns the name span.
Span ReadName(std::string_view s, size_t i, size_t end, std::string* original_role) {
  i = SkipSpaces(s, i);
  for (std::string_view open : {"（", "("}) {
    if (!StartsWithAt(s, i, open)) continue;
    size_t close = std::min(s.find("）", i), s.find(")", i));
    if (close == std::string_view::npos || close > end || close - i > 40) break;
    std::string_view inner = s.substr(i + open.size(), close - i - open.size());
    if (inner.find("原审") != std::string_view::npos || inner.find("一审") != std::string_view::npos ||
        inner.find("被") != std::string_view::npos || inner.find("原告") != std::string_view::npos)
      *original_role = std::string(inner);
    i = close + (s[close] == ')' ? 1 : 3);
    break;
  }
  for (std::string_view colon : {"：", ":"})
    if (StartsWithAt(s, i, colon)) i += colon.size();
  i = SkipSpaces(s, i);
  size_t b = i;
  while (i < end) {
    size_t n;
    char32_t c = CpAt(s, i, &n);
    if (c == U'，' || c == ',' || c == U'。' || c == U'（' || c == '(' || c == '\n' || c == U'；' || c == U'、') break;
    i += n;
  }
  size_t e = i;
  while (e > b && IsSpaceCp(s[e - 1])) --e;
  return {b, e};
}

void FillAttributes(std::string_view unit, JudgmentParty* p) {
  // Clauses separated by ，: 男 / 女, 汉族, …出生.
  size_t i = 0;
  while (i < unit.size()) {
    size_t next = unit.find("，", i);
    if (next == std::string_view::npos) next = unit.size();
    std::string_view clause = unit.substr(i, next - i);
    if (clause == "男" || clause == "女") p->gender = std::string(clause);
    else if (clause.size() <= 18 && EndsWith(clause, "族") && p->ethnicity.empty()) p->ethnicity = std::string(clause);
    else if (!p->birth_date && (clause.find("出生") != std::string_view::npos || EndsWith(clause, "生"))) {
      for (size_t k = 0; k < clause.size(); ++k) {
        if (auto d = ParseDateAt(clause.substr(k))) { p->birth_date = d; break; }
      }
    }
    i = next + (next < unit.size() ? std::string_view("，").size() : 0);
  }
}

void FillAgent(std::string_view unit, JudgmentAgent* a) {
  size_t firm = std::string_view::npos;
  for (std::string_view w : {"律师事务所", "法律服务所", "法律援助中心"}) {
    firm = unit.find(w);
    if (firm == std::string_view::npos) continue;
    size_t b = firm;
    while (b > 0) {
      size_t p = PrevCp(unit, b), n;
      char32_t c = CpAt(unit, p, &n);
      if (!IsHan(c) && c != U'（' && c != U'）' && c != '(' && c != ')') break;
      b = p;
    }
    a->law_firm = std::string(unit.substr(b, firm + w.size() - b));
    a->kind = w == "法律服务所" ? "基层法律服务工作者" : w == "法律援助中心" ? "法律援助律师" : "律师";
    break;
  }
  if (unit.find("法律援助") != std::string_view::npos && a->kind == "律师") a->kind = "法律援助律师";
  size_t lic = unit.find("执业证号");
  if (lic != std::string_view::npos) {
    size_t k = lic + std::string_view("执业证号").size();
    for (std::string_view sep : {"：", ":", "为"}) if (StartsWithAt(unit, k, sep)) k += sep.size();
    size_t b = k;
    while (k < unit.size() && std::isdigit(static_cast<unsigned char>(unit[k]))) ++k;
    if (k - b >= 6) a->license_number = std::string(unit.substr(b, k - b));
  }
}

}  // namespace

size_t ParsePartyBlock(std::string_view s, size_t from, ParsedJudgment* j) {
  size_t i = from;
  size_t history = from;
  JudgmentParty* last = nullptr;
  while (i < s.size()) {
    // Skip separators between units.
    while (i < s.size()) {
      size_t n;
      char32_t c = CpAt(s, i, &n);
      if (!(IsSpaceCp(c) || c == '\n' || c == U'：' || c == ':' || c == U'。' || c == U'，')) break;
      i += n;
    }
    history = i;
    if (i >= s.size()) break;
    size_t end = UnitEnd(s, i);
    std::string_view unit = s.substr(i, end - i);
    const Role* role = MatchRole(s, i);
    if (role == nullptr) {
      if (last == nullptr || HasHistoryWord(unit)) break;
      i = end;  // continuation of the previous party (criminal record, custody …)
      continue;
    }
    std::string original;
    Span name = ReadName(s, i + role->text.size(), end, &original);
    std::string_view name_text = s.substr(name.begin, name.end - name.begin);
    bool bad_name = name.empty() || name_text.size() > 120 || name_text.find("与") != std::string_view::npos ||
                    name_text.find("一案") != std::string_view::npos || name_text.find("不服") != std::string_view::npos ||
                    name_text.find("指控") != std::string_view::npos || name_text.find("诉称") != std::string_view::npos ||
                    name_text.find("辩称") != std::string_view::npos || name_text.find("请求") != std::string_view::npos;
    if (bad_name) break;
    std::string_view rest = s.substr(name.end, end - name.end);
    if (role->cls == RoleClass::kParty) {
      JudgmentParty p;
      p.role = std::string(role->text);
      p.original_role = original;
      p.name = std::string(name_text);
      p.kind = KindOfName(p.role, p.name);
      p.span = {i, end};
      FillAttributes(rest, &p);
      // The same authority listed twice (公诉机关X区人民检察院 / 公诉机关X省X区人民检察院): keep the longer.
      auto dup = std::find_if(j->parties.begin(), j->parties.end(), [&](const JudgmentParty& q) {
        return q.role == p.role && p.kind == "机关" && (EndsWith(q.name, p.name) || EndsWith(p.name, q.name));
      });
      if (dup != j->parties.end()) {
        if (p.name.size() > dup->name.size()) dup->name = p.name;
        last = &*dup;
        i = end;
        history = i;
        continue;
      }
      if (p.kind == "自然人" && (rest.find("统一社会信用代码") != std::string_view::npos ||
                                 rest.find("住所地") != std::string_view::npos))
        p.kind = "法人";
      j->parties.push_back(std::move(p));
      last = &j->parties.back();
    } else if (last == nullptr) {
      break;
    } else if (role->cls == RoleClass::kRepresentative) {
      last->legal_representative = std::string(name_text);
      if (last->kind == "自然人") last->kind = "法人";
    } else {
      JudgmentAgent a;
      a.role = std::string(role->text);
      a.name = std::string(name_text);
      FillAgent(rest, &a);
      last->agents.push_back(std::move(a));
    }
    i = end;
    history = i;
  }
  if (!j->parties.empty()) j->section(SectionKind::kParties) = {from, history};
  return history;
}

void ParseNarrativeParties(std::string_view s, size_t from, size_t to, ParsedJudgment* j) {
  to = std::min(to, s.size());
  constexpr std::string_view kStops[] = {"犯", "不服", "及其", "提出", "的", "一案", "均", "因", "到庭", "等", "以",
                                         "向", "于", "系", "在", "对", "和", "与", "涉嫌", "被", "经", "上诉", "为",
                                         "服判", "提议", "作案", "抓获", "供述", "辩解", "认罪", "归案", "投案", "持"};
  auto add = [&](std::string role, std::string name, Span span) {
    for (const auto& p : j->parties) if (p.name == name) return;
    JudgmentParty p;
    p.role = std::move(role);
    p.name = std::move(name);
    p.kind = KindOfName(p.role, p.name);
    p.from_narrative = true;
    p.span = span;
    j->parties.push_back(std::move(p));
  };
  // 检察院 that brought the prosecution: "…人民检察院指控" / "…人民检察院以…起诉书指控".
  size_t proc = s.substr(0, to).find("检察院", from);
  if (proc != std::string_view::npos) {
    std::string_view after = s.substr(proc, 60);
    if (after.find("指控") != std::string_view::npos || after.find("起诉") != std::string_view::npos) {
      size_t b = proc;
      int count = 0;
      while (b > from && count < 24) {
        size_t p = PrevCp(s, b), n;
        char32_t c = CpAt(s, p, &n);
        if (!IsHan(c) || StartsWithAt(s, p, "理") || StartsWithAt(s, p, "院")) break;
        b = p;
        ++count;
      }
      size_t e = proc + std::string_view("检察院").size();
      if (e - b >= 12) add("公诉机关", std::string(s.substr(b, e - b)), {b, e});
    }
  }
  constexpr std::string_view kRole = "被告人";
  for (size_t p = s.find(kRole, from); p != std::string_view::npos && p < to; p = s.find(kRole, p + kRole.size())) {
    std::string role = StartsWithAt(s, p >= 6 ? p - 6 : p, "原审") && p >= 6 ? "原审被告人" : "被告人";
    size_t i = p + kRole.size();
    while (i < to) {
      size_t b = i, count = 0;
      auto at_stop = [&](size_t k) {
        return std::any_of(std::begin(kStops), std::end(kStops), [&](std::string_view w) { return StartsWithAt(s, k, w); });
      };
      while (i < to && count < 6) {
        size_t n;
        char32_t c = CpAt(s, i, &n);
        bool name_char = IsHan(c) || IsAsciiDigit(c) || c == 'x' || c == 'X' || c == U'×' || c == U'＊' || c == '*';
        if (!name_char || (count >= 2 && (at_stop(i) || StartsWithAt(s, i, "及")))) break;
        i += n;
        ++count;
      }
      // A name is 2–5 characters and must end at a stop word, a separator or punctuation
      // (被告人陆海伟持刀… is not a name list).
      bool ended = i >= to || at_stop(i) || StartsWithAt(s, i, "及");
      for (std::string_view p : {"、", "，", "。", "；", "（", "(", ",", "："}) ended = ended || StartsWithAt(s, i, p);
      if (count < 2 || count > 5 || !ended) break;
      if (StartsWithAt(s, b, "辩护") || StartsWithAt(s, b, "同伙") || StartsWithAt(s, b, "原审")) break;
      add(role, std::string(s.substr(b, i - b)), {b, i});
      bool more = false;
      for (std::string_view sep : {"、", "及", "和"}) {
        if (StartsWithAt(s, i, sep) && !StartsWithAt(s, i, "及其")) { i += sep.size(); more = true; break; }
      }
      if (!more) break;
    }
  }
}

}  // namespace tianping::text
