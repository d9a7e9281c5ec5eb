#include "tianping/security/masking.h"

#include <algorithm>
#include <array>
#include <cctype>

namespace tianping::security {
namespace {

constexpr std::array<std::string_view, 30> kCompoundSurnames = {
    "欧阳", "司马", "上官", "诸葛", "东方", "皇甫", "尉迟", "公孙", "慕容", "长孙",
    "宇文", "司徒", "令狐", "夏侯", "轩辕", "端木", "独孤", "南宫", "西门", "澹台",
    "申屠", "太史", "闻人", "呼延", "钟离", "宗政", "濮阳", "公冶", "赫连", "万俟"};

size_t CharLen(unsigned char c) { return c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4; }

bool IsDigit(char c) { return c >= '0' && c <= '9'; }

std::string Stars(size_t n) { return std::string(n, '*'); }

constexpr std::array<std::string_view, 16> kOrganisationWords = {
    "公司", "银行", "委员会", "政府", "中心", "集团", "合作社", "协会", "医院", "学校",
    "厂", "局", "所", "店", "社", "院"};

size_t CharCount(std::string_view s) {
  size_t n = 0;
  for (size_t i = 0; i < s.size(); i += CharLen(static_cast<unsigned char>(s[i]))) ++n;
  return n;
}

// A natural person's name as people type it: 2–4 characters, or a transliterated name with '·'
// (up to 12), all non-ASCII, and no organisation word.
bool LooksLikePersonName(std::string_view v) {
  size_t n = CharCount(v);
  bool dotted = v.find("·") != std::string_view::npos;
  if (n < 2 || n > (dotted ? 12u : 4u)) return false;
  for (char c : v) {
    if (static_cast<unsigned char>(c) < 0x80) return false;
  }
  for (auto w : kOrganisationWords) {
    if (v.find(w) != std::string_view::npos) return false;
  }
  return true;
}

}  // namespace

std::string MaskIdNumber(std::string_view id) {
  if (id.size() == 18) return std::string(id.substr(0, 6)) + Stars(8) + std::string(id.substr(14));
  if (id.size() == 15) return std::string(id.substr(0, 6)) + Stars(5) + std::string(id.substr(11));
  if (id.size() >= 4) return Stars(id.size() - 2) + std::string(id.substr(id.size() - 2));
  return "****";
}

std::string MaskPhone(std::string_view phone) {
  std::string digits, area;
  for (char c : phone) {
    if (IsDigit(c)) digits.push_back(c);
    else if (c == '-' && area.empty() && !digits.empty()) { area = digits; digits.clear(); }
  }
  if (!area.empty()) {
    if (digits.size() <= 2) return area + "-" + Stars(digits.size());
    return area + "-" + Stars(digits.size() - 2) + digits.substr(digits.size() - 2);
  }
  if (digits.size() == 11 && digits[0] == '1') return digits.substr(0, 3) + Stars(4) + digits.substr(7);
  if (digits.size() <= 2) return Stars(digits.size());
  return Stars(digits.size() - 2) + digits.substr(digits.size() - 2);
}

std::string Surname(std::string_view name) {
  for (auto s : kCompoundSurnames) {
    if (name.size() > s.size() && name.substr(0, s.size()) == s) return std::string(s);
  }
  if (name.empty()) return "";
  return std::string(name.substr(0, CharLen(static_cast<unsigned char>(name[0]))));
}

std::string AnonymiseName(std::string_view name, int index) {
  if (name.empty()) return "";
  std::string out = Surname(name) + "某";
  if (index > 0) out += std::to_string(index);
  return out;
}

std::string MaskAddress(std::string_view a) {
  // Walk characters; remember the end of the first county-level marker (区 县 旗, not 自治区) and of the
  // first 市.
  size_t county_end = 0, city_end = 0;
  std::string_view prev2, prev1;
  for (size_t i = 0; i < a.size();) {
    size_t len = CharLen(static_cast<unsigned char>(a[i]));
    std::string_view ch = a.substr(i, len);
    i += len;
    if (ch == "市" && city_end == 0) city_end = i;
    bool autonomous_region = ch == "区" && prev2 == "自" && prev1 == "治";
    if ((ch == "区" || ch == "县" || ch == "旗") && !autonomous_region) { county_end = i; break; }
    prev2 = prev1;
    prev1 = ch;
  }
  size_t keep = county_end ? county_end : city_end;
  if (keep == 0 || keep >= a.size()) return keep == a.size() && keep > 0 ? std::string(a) : "××";
  return std::string(a.substr(0, keep)) + "××";
}

std::string MaskAccount(std::string_view account) {
  if (account.size() <= 8) return Stars(account.size());
  return std::string(account.substr(0, 4)) + Stars(account.size() - 8) + std::string(account.substr(account.size() - 4));
}

std::string ScrubIdentifiers(std::string_view text, bool remove) {
  std::string out;
  out.reserve(text.size());
  auto id_tail = [](char c) { return IsDigit(c) || c == 'X' || c == 'x'; };
  for (size_t i = 0; i < text.size();) {
    if (!IsDigit(text[i])) { out.push_back(text[i]); ++i; continue; }
    size_t j = i;
    while (j < text.size() && IsDigit(text[j])) ++j;
    size_t run = j - i;
    // 17 digits + X is an ID number too.
    bool id_x = run == 17 && j < text.size() && (text[j] == 'X' || text[j] == 'x');
    // 6 digits + 8 '*' + 4: an ID number in its published, masked form.
    bool masked_id = remove && run == 6 && j + 12 <= text.size() && text.substr(j, 8) == "********" &&
                     id_tail(text[j + 8]) && id_tail(text[j + 9]) && id_tail(text[j + 10]) && id_tail(text[j + 11]);
    std::string_view token = text.substr(i, masked_id ? 18 : run + (id_x ? 1 : 0));
    bool id = run == 18 || id_x || masked_id;
    bool phone = !id && run == 11 && text[i] == '1';
    bool account = !id && !phone && run >= 16 && run <= 19;
    if (remove && (id || phone || account)) out += "××";
    else if (id) out += MaskIdNumber(token);
    else if (phone) out += MaskPhone(token);
    else if (account) out += MaskAccount(token);
    else out.append(token);
    i += token.size();
  }
  return out;
}

std::string MaskAuditDetail(std::string_view detail) {
  std::string out = ScrubIdentifiers(detail);
  // Keys whose value may be a person's name: `name=` (party look-ups), `party=` and `grep=` (redact).
  for (std::string_view key : {std::string_view("name="), std::string_view("party="), std::string_view("grep=")}) {
    for (size_t at = out.find(key); at != std::string::npos; at = out.find(key, at + 1)) {
      if (at > 0 && std::isalnum(static_cast<unsigned char>(out[at - 1]))) continue;  // part of a longer key
      size_t value = at + key.size();
      size_t end = std::min(out.find(' ', value), out.size());
      std::string_view v(out.data() + value, end - value);
      if (LooksLikePersonName(v)) out.replace(value, end - value, AnonymiseName(v));
    }
  }
  return out;
}

}  // namespace tianping::security
