// Addresses (docs/doc-check.md "Addresses"): a party address (住… / 住所地…) that starts with a
// province-level name followed by a city or county that the reference court table places in other
// provinces only (山东省朝阳区…).
#include <algorithm>
#include <string>
#include <string_view>

#include "text/checks/checks.h"

namespace tianping::text::checks {

void CheckAddresses(const CheckContext& c, Findings* f) {
  std::string_view t = c.text;
  const PlaceIndex& idx = *c.places;
  if (idx.place_provinces.empty()) return;
  size_t end = c.j->section(SectionKind::kParties).empty() ? t.size() : c.j->section(SectionKind::kParties).end;
  for (size_t p = t.find("住", c.body_start); p != std::string_view::npos && p < end; p = t.find("住", p + 3)) {
    size_t a = p + 3;
    for (std::string_view k : {"所地", "址", "所"})
      if (t.compare(a, k.size(), k) == 0) { a += k.size(); break; }
    if (t.compare(a, 3, "：") == 0) a += 3;
    const std::string* prov = nullptr;
    for (const std::string& name : idx.provinces)
      if (t.compare(a, name.size(), name) == 0) { prov = &name; break; }
    if (!prov) continue;
    size_t q = a + prov->size();
    // Longest known place name after the province.
    const std::vector<std::string>* owners = nullptr;
    std::string place;
    for (size_t len = std::min(idx.max_place_bytes, t.size() - q) / 3 * 3; len >= 6; len -= 3) {
      auto it = idx.place_provinces.find(std::string(t.substr(q, len)));
      if (it != idx.place_provinces.end()) { owners = &it->second; place = it->first; break; }
      if (len < 9) break;
    }
    if (!owners) continue;
    bool ok = false;
    for (const std::string& o : *owners) ok = ok || o == *prov;
    if (ok) continue;
    f->Add("address_province_mismatch", a, a + prov->size(),
           "地址省市不符：“" + place + "”不属于" + *prov + "（属于" + owners->front() + "）",
           "改为“" + owners->front() + "”");
  }
}

}  // namespace tianping::text::checks
