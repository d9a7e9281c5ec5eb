#include "gen/error_planter.h"

#include <algorithm>
#include <iterator>
#include <utility>

#include "gen/chinese_numerals.h"
#include "gen/error_tables.h"
#include "gen/phrasebook.h"

namespace tianping::gen {
namespace {

struct Edit {
  size_t start, end;        // in the clean text
  std::string replacement;  // the wrong text
  std::string_view kind;
  std::string note;
};

class Planter {
 public:
  Planter(const Draft& d, Rng& rng) : d_(d), rng_(rng) {
    body_start_ = 0;
    body_end_ = d.text.size();
    for (const AnchorSpan& a : d.anchors)
      if (a.anchor == Anchor::kBody) { body_start_ = a.start; body_end_ = a.end; }
  }

  bool Plant(std::string_view kind);
  std::vector<Edit>& edits() { return edits_; }

 private:
  bool Free(size_t s, size_t e) const {
    for (const Edit& x : edits_)
      if (s < x.end && x.start < e) return false;
    return true;
  }
  std::vector<const AnchorSpan*> Anchors(Anchor a) const {
    std::vector<const AnchorSpan*> out;
    for (const AnchorSpan& s : d_.anchors)
      if (s.anchor == a && Free(s.start, s.end)) out.push_back(&s);
    return out;
  }
  const AnchorSpan* PickAnchor(Anchor a, bool whole_span_free = true) {
    std::vector<const AnchorSpan*> v;
    for (const AnchorSpan& s : d_.anchors)
      if (s.anchor == a && (!whole_span_free || Free(s.start, s.end))) v.push_back(&s);
    return v.empty() ? nullptr : v[rng_.Range(0, static_cast<int64_t>(v.size()) - 1)];
  }
  std::string_view At(const AnchorSpan& a) const { return std::string_view(d_.text).substr(a.start, a.end - a.start); }
  // Free occurrences of `needle` inside the body.
  std::vector<size_t> Find(std::string_view needle) const {
    std::vector<size_t> out;
    std::string_view t(d_.text);
    for (size_t p = t.find(needle, body_start_); p != std::string_view::npos && p + needle.size() <= body_end_;
         p = t.find(needle, p + needle.size()))
      if (Free(p, p + needle.size())) out.push_back(p);
    return out;
  }
  bool Add(size_t s, size_t e, std::string replacement, std::string_view kind, std::string note) {
    edits_.push_back({s, e, std::move(replacement), kind, std::move(note)});
    return true;
  }
  // Replaces one free occurrence of a table entry found in the body, trying entries in random order.
  template <size_t N>
  bool FromTable(const PhrasePair (&table)[N], std::string_view kind, std::string_view what) {
    size_t first = static_cast<size_t>(rng_.Range(0, N - 1));
    for (size_t i = 0; i < N; ++i) {
      const PhrasePair& p = table[(first + i) % N];
      auto hits = Find(p.first);
      if (hits.empty()) continue;
      size_t at = hits[rng_.Range(0, static_cast<int64_t>(hits.size()) - 1)];
      std::string note(what);
      note.append("：“");
      note.append(p.first);
      note.append("”误作“");
      note.append(p.second);
      note.append("”");
      return Add(at, at + p.first.size(), std::string(p.second), kind, std::move(note));
    }
    return false;
  }
  bool Remove(const AnchorSpan* a, std::string_view kind, std::string note) {
    if (!a) return false;
    size_t s = a->start, e = a->end;
    // A sentence alone on its line goes with its line break.
    if (e < d_.text.size() && d_.text[e] == '\n' && (s == 0 || d_.text[s - 1] == '\n') && Free(s, e + 1)) ++e;
    return Add(s, e, "", kind, std::move(note));
  }

  bool PartyName();
  bool PartyRole();
  bool Punctuation();
  bool MissingSection();
  bool AmountWords();
  bool Arithmetic();
  bool AddressProvince();
  bool CaseNumberMalformed();
  bool CaseNumberYear();

  const Draft& d_;
  Rng& rng_;
  size_t body_start_, body_end_;
  std::vector<Edit> edits_;
};

bool Planter::PartyName() {
  // Later mentions only: the first body mention of each party keeps the correct name.
  std::vector<const AnchorSpan*> cands;
  std::vector<int> seen;
  for (const AnchorSpan& a : d_.anchors) {
    if (a.anchor != Anchor::kNameMention) continue;
    if (std::find(seen.begin(), seen.end(), a.aux) == seen.end()) { seen.push_back(a.aux); continue; }
    if (Free(a.start, a.end)) cands.push_back(&a);
  }
  if (cands.empty()) return false;
  const AnchorSpan* a = cands[rng_.Range(0, static_cast<int64_t>(cands.size()) - 1)];
  std::string name(At(*a));
  std::string wrong = VariantName(name);
  return Add(a->start, a->end, wrong, "party_name_inconsistent",
             "当事人名称前后不一致：此处写作“" + wrong + "”，其他各处为“" + name + "”");
}

bool Planter::PartyRole() {
  const AnchorSpan* a = PickAnchor(Anchor::kRoleMention);
  if (!a) return false;
  std::string role(At(*a));
  std::string wrong(OppositeRole(role));
  return Add(a->start, a->end, wrong, "party_role_inconsistent",
             "当事人诉讼地位前后不一致：应为“" + role + "”，误作“" + wrong + "”");
}

bool Planter::Punctuation() {
  int variant = static_cast<int>(rng_.Range(0, 2));
  for (int i = 0; i < 3; ++i, variant = (variant + 1) % 3) {
    std::string_view needle = variant == 0 ? "。" : variant == 1 ? "》" : "，";
    auto hits = Find(needle);
    if (hits.empty()) continue;
    size_t at = hits[rng_.Range(0, static_cast<int64_t>(hits.size()) - 1)];
    if (variant == 0) return Add(at, at + needle.size(), "。。", "punctuation", "标点符号错误：句号重复");
    if (variant == 1) return Add(at, at + needle.size(), "〉", "punctuation", "标点符号错误：书名号《》不配对");
    return Add(at, at + needle.size(), ",", "punctuation", "标点符号错误：中文文本中使用半角逗号");
  }
  return false;
}

bool Planter::MissingSection() {
  bool defense_first = rng_.Chance(0.5);
  for (int i = 0; i < 2; ++i) {
    bool defense = (i == 0) == defense_first;
    const AnchorSpan* a = PickAnchor(defense ? Anchor::kDefenseParagraph : Anchor::kReasoningParagraph);
    if (!a) continue;
    return Remove(a, "missing_section", defense ? "文书结构缺失：缺少答辩意见（辩称）段落" : "文书结构缺失：缺少“本院认为”说理段落");
  }
  return false;
}

bool Planter::AmountWords() {
  const AnchorSpan* a = PickAnchor(Anchor::kAmountWords);
  if (!a) return false;
  std::string words(At(*a));
  std::vector<std::pair<size_t, int>> digits;  // byte offset in words, digit index
  for (size_t p = 0; p < words.size();) {
    for (int k = 0; k < 9; ++k) {
      if (words.compare(p, kCapitalDigits[k].size(), kCapitalDigits[k]) == 0) { digits.push_back({p, k}); break; }
    }
    p += 3;  // every character here is three bytes in UTF-8
  }
  if (digits.empty()) return false;
  auto [off, k] = digits[rng_.Range(0, static_cast<int64_t>(digits.size()) - 1)];
  int other = (k + 1 + static_cast<int>(rng_.Range(0, 7))) % 9;
  std::string wrong = words;
  wrong.replace(off, 3, kCapitalDigits[other]);
  return Add(a->start, a->end, wrong, "amount_words_mismatch",
             "金额大小写不一致：大写“" + wrong + "”与小写数额不符，应为“" + words + "”");
}

bool Planter::Arithmetic() {
  const AnchorSpan* a = PickAnchor(Anchor::kSumTotal);
  if (!a) return false;
  Fen total = d_.sum_total;
  static constexpr Fen kDeltas[] = {100000, -100000, 10000, -10000, 50000, 1000000};
  Fen wrong_total = total;
  for (int i = 0; i < 6 && (wrong_total == total || wrong_total <= 0); ++i)
    wrong_total = total + kDeltas[(rng_.Range(0, 5) + i) % 6];
  if (wrong_total <= 0) wrong_total = total * 2 + 100;
  std::string wrong = YuanFigures(wrong_total), correct(At(*a));
  return Add(a->start, a->end, wrong, "interest_arithmetic",
             "本息（各项金额）合计计算错误：应为" + correct + "元，误作" + wrong + "元");
}

bool Planter::AddressProvince() {
  std::vector<std::pair<const AnchorSpan*, size_t>> cands;  // anchor, province index
  for (const AnchorSpan& a : d_.anchors) {
    if (a.anchor != Anchor::kPartyAddress) continue;
    std::string_view addr = At(a);
    for (size_t i = 0; i < std::size(kProvinceNames); ++i)
      if (addr.substr(0, kProvinceNames[i].size()) == kProvinceNames[i] && Free(a.start, a.start + kProvinceNames[i].size()))
        cands.push_back({&a, i});
  }
  if (cands.empty()) return false;
  auto [a, i] = cands[rng_.Range(0, static_cast<int64_t>(cands.size()) - 1)];
  size_t j = (i + 1 + static_cast<size_t>(rng_.Range(0, std::size(kProvinceNames) - 2))) % std::size(kProvinceNames);
  std::string wrong(kProvinceNames[j]), correct(kProvinceNames[i]);
  return Add(a->start, a->start + correct.size(), wrong, "address_province_mismatch",
             "地址省市不符：“" + std::string(At(*a)).substr(correct.size()) + "”不属于" + wrong + "，应为" + correct);
}

// Brackets only (the year digits stay free for case_number_wrong_year): （2023） → (2023）, （2023),
// 〔2023）.
bool Planter::CaseNumberMalformed() {
  const AnchorSpan* a = PickAnchor(Anchor::kTitleCaseNumber, false);
  if (!a) return false;
  std::string_view num = At(*a);
  constexpr std::string_view kOpen = "（", kClose = "）";
  size_t open = num.find(kOpen), close = num.find(kClose);
  int variant = static_cast<int>(rng_.Range(0, 2));
  for (int i = 0; i < 3; ++i, variant = (variant + 1) % 3) {
    size_t at = variant == 1 ? close : open;
    size_t len = variant == 1 ? kClose.size() : kOpen.size();
    if (at == std::string_view::npos || !Free(a->start + at, a->start + at + len)) continue;
    std::string wrong = variant == 0 ? "(" : variant == 1 ? ")" : "〔";
    std::string full(num);
    full.replace(at, len, wrong);
    return Add(a->start + at, a->start + at + len, wrong, "case_number_malformed",
               "案号格式错误：“" + full + "”括号使用不规范，应为“" + std::string(num) + "”");
  }
  return false;
}

// The four year digits only.
bool Planter::CaseNumberYear() {
  const AnchorSpan* a = PickAnchor(Anchor::kTitleCaseNumber, false);
  if (!a) return false;
  std::string_view num = At(*a);
  size_t p = num.find_first_of("0123456789");
  if (p == std::string::npos || p + 4 > num.size() || !Free(a->start + p, a->start + p + 4)) return false;
  int year = std::stoi(std::string(num.substr(p, 4)));
  int wrong_year = rng_.Chance(0.7) ? year - 1 : year + 1;
  return Add(a->start + p, a->start + p + 4, std::to_string(wrong_year), "case_number_wrong_year",
             "案号年度错误：收案年度应为" + std::to_string(year) + "，误作" + std::to_string(wrong_year));
}

bool Planter::Plant(std::string_view kind) {
  if (kind == "party_name_inconsistent") return PartyName();
  if (kind == "party_role_inconsistent") return PartyRole();
  if (kind == "wrong_character") return FromTable(kWrongChar, kind, "错别字");
  if (kind == "missing_character") return FromTable(kMissingChar, kind, "漏字");
  if (kind == "extra_character") return FromTable(kExtraChar, kind, "多字");
  if (kind == "homophone") return FromTable(kHomophones, kind, "同音或形近字误用");
  if (kind == "punctuation") return Punctuation();
  if (kind == "missing_section") return MissingSection();
  if (kind == "costs_omitted")
    return Remove(PickAnchor(Anchor::kCostSentence), kind, "遗漏诉讼费用负担：缺少案件受理费及负担的表述");
  if (kind == "wo_yuan") {
    auto hits = Find("本院");
    if (hits.empty()) return false;
    size_t at = hits[rng_.Range(0, static_cast<int64_t>(hits.size()) - 1)];
    return Add(at, at + 6, "我院", kind, "法院自称应为“本院”，不应写作“我院”");
  }
  if (kind == "amount_words_mismatch") return AmountWords();
  if (kind == "interest_arithmetic") return Arithmetic();
  if (kind == "date_order") {
    const AnchorSpan* a = PickAnchor(Anchor::kFiledDate);
    if (!a) return false;
    Date late = d_.judgment_date.AddDays(static_cast<int>(rng_.Range(5, 60)));
    std::string wrong = ArabicDate(late);
    return Add(a->start, a->end, wrong, kind,
               "日期先后矛盾：立案日期" + wrong + "晚于裁判日期" + ChineseDate(d_.judgment_date) + "，应为" +
                   std::string(At(*a)));
  }
  if (kind == "mixed_zero") {
    const AnchorSpan* a = PickAnchor(Anchor::kSignatureYear);
    if (!a) return false;
    std::string year(At(*a)), wrong = year;
    size_t p = wrong.find("〇");
    if (p == std::string::npos) return false;
    wrong.replace(p, std::string_view("〇").size(), "○");
    return Add(a->start, a->end, wrong, kind, "日期中的零应统一写作“〇”，此处混用了“○”");
  }
  if (kind == "address_province_mismatch") return AddressProvince();
  if (kind == "repealed_law") {
    if (d_.repealed.count == 0) return false;
    const AnchorSpan* a = PickAnchor(Anchor::kSubstantiveCitation);
    if (!a) return false;
    std::string wrong;
    AppendCitation(&wrong, d_.repealed);
    return Add(a->start, a->end, wrong, kind,
               "引用已废止的法律：《" + std::string(d_.repealed.law) + "》已于2021年1月1日废止，应引用" +
                   std::string(At(*a)));
  }
  if (kind == "civil_procedure_article_outdated") {
    const AnchorSpan* a = PickAnchor(Anchor::kLateArticle);
    if (!a || d_.outdated_late_article == 0) return false;
    std::string wrong = ArticleNumber(d_.outdated_late_article);
    return Add(a->start, a->end, wrong, kind,
               "民事诉讼法条文序号过时：裁判时施行的条文为" + std::string(At(*a)) + "，误引" + wrong);
  }
  if (kind == "panel_procedure_mismatch") {
    const AnchorSpan* a = PickAnchor(Anchor::kSignaturePanel);
    if (!a || d_.wrong_panel.empty()) return false;
    return Add(a->start, a->end, d_.wrong_panel, kind, "署名的审判组织与适用程序不符（简易程序独任审理，普通程序组成合议庭）");
  }
  if (kind == "case_number_malformed") return CaseNumberMalformed();
  if (kind == "case_number_wrong_year") return CaseNumberYear();
  if (kind == "pii_unmasked") {
    // A full ID number in place of the masked one, or a phone number the public version leaves out.
    std::vector<const AnchorSpan*> cands;
    for (const AnchorSpan* a : Anchors(Anchor::kPartyId))
      if (a->aux >= 0 && a->aux < static_cast<int>(d_.full_ids.size()) && !d_.full_ids[a->aux].empty())
        cands.push_back(a);
    for (const AnchorSpan& a : d_.anchors)
      if (a.anchor == Anchor::kPhoneSlot && a.aux >= 0 && a.aux < static_cast<int>(d_.phones.size()) &&
          !d_.phones[a.aux].empty() && Free(a.start, a.start + 1) && (a.start == 0 || Free(a.start - 1, a.start)))
        cands.push_back(&a);
    if (cands.empty()) return false;
    const AnchorSpan* a = cands[rng_.Range(0, static_cast<int64_t>(cands.size()) - 1)];
    if (a->anchor == Anchor::kPhoneSlot)
      return Add(a->start, a->start, "，联系电话" + d_.phones[a->aux], kind, "公开文书未隐去个人信息：列明了当事人的联系电话");
    return Add(a->start, a->end, d_.full_ids[a->aux], kind, "公开文书未隐去个人信息：公民身份号码未作脱敏处理");
  }
  return false;
}

int PlantOrder(std::string_view kind) {
  static constexpr std::string_view kFirst[] = {
      "missing_section", "costs_omitted", "panel_procedure_mismatch", "mixed_zero", "repealed_law",
      "civil_procedure_article_outdated", "case_number_wrong_year", "case_number_malformed", "date_order",
      "amount_words_mismatch", "interest_arithmetic", "pii_unmasked", "address_province_mismatch"};
  for (size_t i = 0; i < std::size(kFirst); ++i)
    if (kFirst[i] == kind) return static_cast<int>(i);
  return 100;
}

}  // namespace

const std::vector<ErrorKindInfo>& ErrorKindTable() {
  static const std::vector<ErrorKindInfo> kTable(std::begin(kDocumentErrorKinds),
                                                 std::end(kDocumentErrorKinds));
  return kTable;
}

void PlantErrors(const Draft& draft, const std::vector<std::string>& kinds, bool replace_unplantable, Rng& rng,
                 std::string* final_text, std::vector<PlantedDocError>* errors) {
  Planter planter(draft, rng);
  // Whole sentences and single fixed sites first, then kinds that can choose among many sites, so
  // that one document can carry every kind at once.
  std::vector<const std::string*> ordered;
  for (const std::string& k : kinds) ordered.push_back(&k);
  std::stable_sort(ordered.begin(), ordered.end(),
                   [](const std::string* a, const std::string* b) { return PlantOrder(*a) < PlantOrder(*b); });
  int missed = 0;
  for (const std::string* k : ordered) missed += planter.Plant(*k) ? 0 : 1;
  const std::vector<ErrorKindInfo>& table = ErrorKindTable();
  while (replace_unplantable && missed > 0) {
    size_t first = static_cast<size_t>(rng.Range(0, static_cast<int64_t>(table.size()) - 1));
    bool planted = false;
    for (size_t i = 0; i < table.size() && !planted; ++i) planted = planter.Plant(table[(first + i) % table.size()].id);
    if (!planted) break;  // nothing left to plant anywhere
    --missed;
  }
  std::vector<Edit>& edits = planter.edits();
  std::sort(edits.begin(), edits.end(), [](const Edit& a, const Edit& b) { return a.start < b.start; });
  final_text->clear();
  final_text->reserve(draft.text.size() + 64);
  size_t pos = 0;
  for (const Edit& e : edits) {
    final_text->append(draft.text, pos, e.start - pos);
    PlantedDocError err;
    err.kind = std::string(e.kind);
    err.start = final_text->size();
    final_text->append(e.replacement);
    err.end = final_text->size();
    err.wrong = e.replacement;
    err.correct = draft.text.substr(e.start, e.end - e.start);
    err.note = e.note;
    errors->push_back(std::move(err));
    pos = e.end;
  }
  final_text->append(draft.text, pos, std::string::npos);
}

}  // namespace tianping::gen
