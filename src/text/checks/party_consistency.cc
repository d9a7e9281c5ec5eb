// Party names and roles (docs/doc-check.md "Parties"): a later mention of a party written with a
// look-alike name (张伟 → 张玮, 有限公司 ↔ 有限责任公司), or a role word before a party's name that is not
// the party's role (原告张伟 where 张伟 is the 被告).
#include <algorithm>
#include <string>
#include <string_view>

#include "text/checks/checks.h"

namespace tianping::text::checks {
namespace {

// Longest first: suffix matching picks 被上诉人 over 上诉人.
constexpr std::string_view kRoles[] = {"原审被告人", "再审申请人", "申请执行人", "原审第三人", "原审原告", "原审被告",
                                       "被申请人", "被上诉人", "被执行人", "上诉人", "被告人", "被害人", "申请人",
                                       "第三人", "异议人", "原告", "被告"};

std::string_view RoleBefore(std::string_view t, size_t p) {
  for (std::string_view r : kRoles)
    if (p >= r.size() && t.compare(p - r.size(), r.size(), r) == 0) return r;
  return {};
}

bool Compatible(std::string_view r, const JudgmentParty& p) {
  if (r == p.role || r == p.original_role) return true;
  std::string with = "原审" + std::string(r);
  if (with == p.original_role || with == p.role) return true;
  if (r.starts_with("原审") && (r.substr(6) == p.role || r.substr(6) == p.original_role)) return true;
  // 一审原告 / （一审原告）
  if (p.original_role.find(r) != std::string::npos && !(r == "上诉人" && p.original_role.find("被上诉人") != std::string::npos) &&
      !(r == "申请人" && p.original_role.find("被申请人") != std::string::npos))
    return true;
  return false;
}

std::vector<std::string_view> Chars(std::string_view s) {
  std::vector<std::string_view> out;
  for (size_t i = 0; i < s.size();) {
    size_t n = CharLen(s, i);
    out.push_back(s.substr(i, n));
    i += n;
  }
  return out;
}

// CJK unified ideograph (U+4E00–U+9FFF): three UTF-8 bytes E4..E9.
bool IsIdeograph(std::string_view ch) {
  if (ch.size() != 3) return false;
  unsigned char b = static_cast<unsigned char>(ch[0]);
  return b >= 0xE4 && b <= 0xE9;
}

// The role a planted or careless swap produces: 原告↔被告, 上诉人↔被上诉人, 申请执行人↔被执行人,
// 申请人↔被申请人, 被告人→被害人, 第三人→原告.
bool Opposite(std::string_view role, std::string_view r) {
  static constexpr std::pair<std::string_view, std::string_view> kPairs[] = {
      {"原告", "被告"}, {"被告", "原告"}, {"上诉人", "被上诉人"}, {"被上诉人", "上诉人"}, {"申请执行人", "被执行人"},
      {"被执行人", "申请执行人"}, {"申请人", "被申请人"}, {"被申请人", "申请人"}, {"被告人", "被害人"}, {"第三人", "原告"}};
  if (role.starts_with("原审")) role.remove_prefix(6);
  if (r.starts_with("原审")) r.remove_prefix(6);
  for (const auto& [a, b] : kPairs)
    if (role == a && r == b) return true;
  return false;
}

bool IsSwap(const CheckContext& c, std::string_view a, std::string_view b) {
  for (const auto& [x, y] : *c.name_swaps)
    if (x == a && y == b) return true;
  return false;
}

void CompanyVariants(const CheckContext& c, const JudgmentParty& p, Findings* f) {
  std::string_view t = c.text;
  constexpr std::string_view kA = "有限公司", kB = "有限责任公司";
  std::string v;
  if (size_t k = p.name.find(kB); k != std::string::npos) v = p.name.substr(0, k) + std::string(kA) + p.name.substr(k + kB.size());
  else if (size_t k = p.name.find(kA); k != std::string::npos) v = p.name.substr(0, k) + std::string(kB) + p.name.substr(k + kA.size());
  else return;
  for (size_t q = t.find(v, c.body_start); q != std::string_view::npos; q = t.find(v, q + v.size()))
    f->Add("party_name_inconsistent", q, q + v.size(),
           "当事人名称前后不一致：此处写作“" + v + "”，当事人列明为“" + p.name + "”", "改为“" + p.name + "”");
}

}  // namespace

void CheckPartyConsistency(const CheckContext& c, Findings* f) {
  std::string_view t = c.text;
  const ParsedJudgment& j = *c.j;
  std::vector<std::string> known;  // every name the document introduces
  for (const JudgmentParty& p : j.parties) {
    known.push_back(p.name);
    if (!p.legal_representative.empty()) known.push_back(p.legal_representative);
    for (const JudgmentAgent& a : p.agents) known.push_back(a.name);
  }
  for (const PanelMember& m : j.panel) known.push_back(m.name);
  known.push_back(j.clerk);
  size_t parties_end = j.section(SectionKind::kParties).empty() ? c.body_start : j.section(SectionKind::kParties).end;
  for (const JudgmentParty& p : j.parties) {
    if (p.name.size() < 6 || p.role == "公诉机关") continue;
    bool duplicate = std::count_if(j.parties.begin(), j.parties.end(), [&](const JudgmentParty& o) { return o.name == p.name; }) > 1;
    // Roles before the name.
    if (!duplicate) {
      for (size_t q = t.find(p.name, parties_end); q != std::string_view::npos; q = t.find(p.name, q + p.name.size())) {
        std::string_view r = RoleBefore(t, q);
        if (r.empty() || Compatible(r, p) || !(Opposite(p.role, r) || Opposite(p.original_role, r))) continue;
        // 上诉人（原审被告）: a role that is opposite to one side but is the party's other role.
        // A longer name of another party that ends with this one (王某 in 李王某) is not this party.
        f->Add("party_role_inconsistent", q - r.size(), q,
               "当事人诉讼地位前后不一致：" + p.name + "的诉讼地位为“" + p.role + "”，此处写作“" + std::string(r) + "”",
               "改为“" + p.role + "”");
      }
    }
    if (p.name.find("公司") != std::string::npos) CompanyVariants(c, p, f);
    // One character changed: at position k, the rest of the name around it is intact.
    auto name = Chars(p.name);
    if (name.size() < 2) continue;
    std::vector<size_t> offs(name.size() + 1, 0);
    for (size_t k = 0; k < name.size(); ++k) offs[k + 1] = offs[k] + name[k].size();
    for (size_t k = 0; k < name.size(); ++k) {
      std::string_view pre = std::string_view(p.name).substr(0, offs[k]);
      std::string_view suf = std::string_view(p.name).substr(offs[k + 1]);
      std::string_view key = pre.size() >= suf.size() ? pre : suf;
      for (size_t h = t.find(key, parties_end); h != std::string_view::npos; h = t.find(key, h + key.size())) {
        size_t q = key.data() == pre.data() ? h : h;  // start of the window
        size_t mid;
        if (key.data() == pre.data() && !pre.empty()) {
          mid = h + pre.size();
        } else {
          // key is the suffix: the changed character ends where the suffix starts.
          std::string_view before = CharBefore(t, h);
          if (before.size() != 3 || h < pre.size() + 3) continue;
          mid = h - 3;
          q = mid - pre.size();
          if (t.compare(q, pre.size(), pre) != 0) continue;
        }
        std::string_view ch = CharAfter(t, mid);
        if (!IsIdeograph(ch) || !IsIdeograph(name[k]) || ch == name[k]) continue;
        if (t.compare(mid + 3, suf.size(), suf) != 0) continue;
        size_t e = mid + 3 + suf.size();
        std::string window(t.substr(q, e - q));
        if (std::find(known.begin(), known.end(), window) != known.end()) continue;
        bool other = false;  // another person's name that starts the same way (程博 in 程博刚)
        for (const std::string& kn : known) other = other || (kn.size() > window.size() && t.compare(q, kn.size(), kn) == 0);
        if (other) continue;
        // A misspelling the typo rules report (检察院 → 检查院 inside an organisation's name).
        bool typo = false;
        for (const Confusion& x : *c.confusions)
          typo = typo || (window.find(x.wrong) != std::string::npos && p.name.find(x.correct) != std::string::npos);
        if (typo) continue;
        bool swap = IsSwap(c, name[k], ch);
        // Names of organisations are long enough that any one-character change is a misspelling.
        bool long_name = name.size() >= 5 && p.kind != "自然人";
        // A person's name with its last character changed, written once right after a role word while
        // the listed name recurs, and ending where a name ends.
        bool rare_variant = false;
        if (!swap && !long_name && p.kind == "自然人" && name.size() <= 3 && k == name.size() - 1 && k > 0) {
          std::string_view next = CharAfter(t, e);
          static constexpr std::string_view kBoundary = "，。、；：的向与和于在已未撤到负诉辩称系偿支为";
          bool boundary = !next.empty() && kBoundary.find(next) != std::string_view::npos;
          size_t variant_count = 0, name_count = 0;
          for (size_t z = t.find(window); z != std::string_view::npos; z = t.find(window, z + 1)) ++variant_count;
          for (size_t z = t.find(p.name); z != std::string_view::npos; z = t.find(p.name, z + 1)) ++name_count;
          bool anonymised = p.name.find("某") != std::string::npos;
          bool word = c.segmenter && c.segmenter->Contains(window);  // 陈述, 王国 …
          rare_variant = boundary && variant_count == 1 && name_count >= 2 && !anonymised && !word &&
                         !RoleBefore(t, q).empty();
        }
        if (!swap && !long_name && !rare_variant) continue;
        f->Add("party_name_inconsistent", q, e,
               "当事人名称前后不一致：此处写作“" + window + "”，当事人列明为“" + p.name + "”", "改为“" + p.name + "”");
      }
    }
  }
}

}  // namespace tianping::text::checks
