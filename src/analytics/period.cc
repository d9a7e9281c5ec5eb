#include "period.h"

#include <unordered_map>

namespace tianping::analytics {

Periods::Periods(Date from, Date to, const std::string& g) : from_(from.days()), to_(to.days()) {
  index_.assign(static_cast<size_t>(std::max(0, to_ - from_ + 1)), 0);
  int32_t d = from_;
  while (d <= to_) {
    Date day = Date::FromDays(d);
    Date next;
    std::string label;
    if (g == "month") {
      next = Date::FromYmd(day.year(), day.month(), 1).AddMonths(1);
      char buf[16];
      std::snprintf(buf, sizeof buf, "%04d-%02d", day.year(), day.month());
      label = buf;
    } else if (g == "quarter") {
      int q = (day.month() - 1) / 3;
      next = Date::FromYmd(day.year(), q * 3 + 1, 1).AddMonths(3);
      label = std::to_string(day.year()) + "Q" + std::to_string(q + 1);
    } else if (g == "year") {
      next = Date::FromYmd(day.year() + 1, 1, 1);
      label = std::to_string(day.year());
    } else {
      next = Date::FromDays(to_ + 1);
      label = from.ToString().substr(0, 7) + "~" + to.ToString().substr(0, 7);
    }
    int32_t end = std::min(to_, next.days() - 1);
    for (int32_t x = d; x <= end; ++x) index_[x - from_] = static_cast<int>(start_.size());
    start_.push_back(d);
    end_.push_back(end);
    label_.push_back(label);
    d = end + 1;
  }
  // Months: each calendar month belongs to the period holding its first day within [from, to].
  months_in_.assign(start_.size(), 0);
  first_month_ = from.year() * 12 + from.month() - 1;
  for (int32_t x = from_; x <= to_;) {
    Date day = Date::FromDays(x);
    int p = index_[x - from_];
    month_period_.push_back(p);
    ++months_in_[p];
    x = Date::FromYmd(day.year(), day.month(), 1).AddMonths(1).days();
  }
}

Result<GroupDim> MakeGroupDim(const CaseFrame& f, const std::string& name, RowEvaluator* ev, const TagSet* tags) {
  GroupDim g;
  if (name.rfind("tag:", 0) == 0) {
    const Bitmap* b = tags ? tags->Find(name.substr(4)) : nullptr;
    if (!b) return Status::InvalidArgument("unknown tag '" + name.substr(4) + "' (see tianping tags)");
    g.codes.assign(f.rows, 0);
    b->ForEach([&](uint32_t i) { g.codes[i] = 1; });
    g.cardinality = 2;
    std::string tag = name.substr(4);
    g.label = [tag](uint32_t c) { return c ? tag : "非" + tag; };
    return g;
  }
  auto e = ParseExpr(name);
  if (!e.ok()) return e.status();
  auto c = ev->Category(**e);
  if (!c.ok()) return c.status();
  g.codes = std::move(c->first);
  const Dictionary* dict = c->second;
  g.cardinality = static_cast<uint32_t>(dict->size());
  std::string base = name.substr(name.rfind('.') == std::string::npos ? 0 : name.rfind('.') + 1);
  if (base == "court") {
    g.label = [&f](uint32_t c) { return c ? f.court_names[c] : std::string("（无）"); };
  } else if (base == "judge") {
    g.label = [&f](uint32_t c) { return c ? f.judge_names[c] + "（" + f.judges.Value(c) + "）" : std::string("（无）"); };
  } else {
    g.label = [dict](uint32_t c) { return c ? dict->Value(c) : std::string("（无）"); };
  }
  return g;
}

void AssignGroups(const CaseFrame& f, const std::vector<GroupDim>& dims, std::vector<int32_t>* gid,
                  std::vector<std::vector<uint32_t>>* group_codes) {
  const uint32_t n = f.rows;
  gid->assign(n, 0);
  group_codes->clear();
  if (dims.empty()) { group_codes->push_back({}); return; }
  uint64_t product = 1;
  bool dense = true;
  for (const auto& d : dims) {
    product *= std::max<uint32_t>(1, d.cardinality);
    if (product > (1u << 22)) dense = false;
  }
  auto key_of = [&](uint32_t i) {
    uint64_t k = 0;
    for (const auto& d : dims) k = k * std::max<uint32_t>(1, d.cardinality) + d.codes[i];
    return k;
  };
  auto add_group = [&](uint32_t i) {
    std::vector<uint32_t> codes;
    for (const auto& d : dims) codes.push_back(d.codes[i]);
    group_codes->push_back(std::move(codes));
    return static_cast<int32_t>(group_codes->size() - 1);
  };
  if (dense) {
    std::vector<int32_t> table(product, -1);
    for (uint32_t i = 0; i < n; ++i) {
      int32_t& slot = table[key_of(i)];
      if (slot < 0) slot = add_group(i);
      (*gid)[i] = slot;
    }
  } else {
    std::unordered_map<uint64_t, int32_t> table;
    for (uint32_t i = 0; i < n; ++i) {
      auto [it, fresh] = table.emplace(key_of(i), 0);
      if (fresh) it->second = add_group(i);
      (*gid)[i] = it->second;
    }
  }
}

}  // namespace tianping::analytics
