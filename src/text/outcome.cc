// Claims, outcome per claim, awarded total and closure (结案方式) from the claims and operative sections;
// ExtractFacts ties the extractors together.
#include <algorithm>

#include "text/extract.h"
#include "text/judgment_parser.h"
#include "tianping/common/json_writer.h"

namespace tianping::text {
namespace {

bool Has(std::string_view s, std::string_view w) { return s.find(w) != std::string_view::npos; }

std::string_view SectionText(std::string_view s, const ParsedJudgment& j, SectionKind k) {
  const Span& sp = j.section(k);
  if (sp.empty() || sp.end > s.size()) return {};
  return s.substr(sp.begin, sp.end - sp.begin);
}

std::vector<const AmountMention*> AmountsIn(const std::vector<AmountMention>& all, size_t b, size_t e) {
  std::vector<const AmountMention*> out;
  for (const auto& a : all)
    if (a.span.begin >= b && a.span.end <= e) out.push_back(&a);
  return out;
}

// The amount an item stands for: its 合计 amount, else the sum of its non-fee amounts, skipping bases of
// interest (以50000元为基数) and amounts already paid (已支付 / 已偿还).
std::optional<Fen> ItemTotal(std::string_view s, const std::vector<const AmountMention*>& in) {
  std::optional<Fen> total;
  for (const auto* a : in)
    if (a->context == "合计") return a->fen;
  for (const auto* a : in) {
    if (a->context == "受理费" || a->context == "保全费") continue;
    std::string_view after = s.substr(a->span.end, std::min<size_t>(12, s.size() - a->span.end));
    if (Has(after, "为基数") || Has(after, "为本金")) continue;
    total = total.value_or(0) + a->fen;
  }
  return total;
}

bool IsPaymentItem(std::string_view item) {
  for (std::string_view w : {"支付", "偿还", "给付", "返还", "赔偿", "归还", "退还", "清偿"})
    if (Has(item, w)) return !Has(item, "受理费") || Has(item.substr(0, item.find("受理费")), "元");
  return false;
}

std::string Closure(std::string_view s, const ParsedJudgment& j) {
  std::string_view op = SectionText(s, j, SectionKind::kOperative);
  const std::string& kind = j.kind;
  if (Has(kind, "调解书")) return "调解";
  if (Has(op, "撤回起诉") || Has(op, "撤诉") || Has(op, "撤回自诉")) return "撤诉";
  if (Has(op, "撤回上诉")) return "撤回上诉";
  if (Has(op, "撤回再审申请")) return "撤回再审申请";
  if (Has(op, "撤回异议") || Has(op, "撤回执行异议")) return "撤回异议";
  if (Has(op, "驳回上诉") && Has(op, "维持原")) return "维持";
  if (Has(op, "发回") && (Has(op, "重审") || Has(op, "重新审判"))) return "发回重审";
  if ((Has(op, "维持原判") || Has(op, "维持原裁定")) && !Has(op, "撤销")) return "维持";
  if (Has(op, "驳回") && Has(op, "再审申请")) return "驳回再审申请";
  if (Has(op, "再审") && (Has(op, "提审") || Has(op, "指令") || Has(op, "本院再审"))) return "裁定再审";
  if (Has(op, "驳回") && Has(op, "起诉") && !Has(op, "诉讼请求")) return "驳回起诉";
  if (Has(op, "移送")) return "移送";
  if (Has(op, "终止审理")) return "终止审理";
  if (Has(op, "终结本次执行")) return "终结本次执行程序";
  if (Has(op, "终结") && Has(op, "执行")) return "终结执行";
  if (Has(op, "执行完毕")) return "执行完毕";
  if (Has(op, "执行和解") || Has(s, "达成执行和解")) return "执行和解";
  if (Has(op, "不予执行")) return "不予执行";
  if (Has(op, "驳回") && Has(op, "异议")) return "驳回异议";
  if (Has(op, "撤销") && (Has(op, "判决") || Has(op, "裁定")) && (Has(j.case_number, "终") || Has(j.case_number, "再")))
    return "改判";
  if (Has(kind, "判决书")) return "判决";
  if (Has(kind, "裁定书") && !op.empty()) return "裁定";
  return "";
}

}  // namespace

ExtractedFacts ExtractFacts(std::string_view s, const ParsedJudgment& j) {
  ExtractedFacts f;
  f.amounts = ExtractAmounts(s, j);
  f.dates = ExtractDates(s, j);
  f.rates = ExtractRates(s);
  // Delivery: from the claims and facts when found, else the whole text.
  std::string both = std::string(SectionText(s, j, SectionKind::kClaims)) + std::string(SectionText(s, j, SectionKind::kFacts)) +
                     std::string(SectionText(s, j, SectionKind::kReasoning));
  f.delivery_methods = ExtractDeliveryMethods(both.empty() ? s : std::string_view(both));
  f.closure = Closure(s, j);
  // Filing date: 立案 in the history, else 受理, else the date the suit or prosecution was brought.
  for (std::string_view role : {"立案", "受理", "起诉"}) {
    for (const auto& d : f.dates)
      if (d.role == role && (d.section == "history" || d.section.empty()) && !f.filed_date) f.filed_date = d.date;
  }

  // Claims: the items after 请求： up to 事实和理由.
  const Span& cl = j.section(SectionKind::kClaims);
  bool criminal = j.kind.find("刑事") != std::string::npos;  // 指控 is not a claim with an outcome
  if (!cl.empty() && !criminal) {
    std::string_view claims = s.substr(cl.begin, cl.end - cl.begin);
    // Items follow 请求： / 请求判令： / 诉讼请求为：; without such a lead-in the whole section is the claim.
    size_t start = 0;
    for (size_t p = claims.find("请求"); p != std::string_view::npos; p = claims.find("请求", p + 6)) {
      std::string_view after = claims.substr(p + 6, std::min<size_t>(15, claims.size() - p - 6));
      size_t colon = after.find("：");
      if (colon != std::string_view::npos) { start = p + 6 + colon + 3; break; }
    }
    size_t stop = claims.size();
    for (std::string_view w : {"事实和理由", "事实与理由", "理由："})
      stop = std::min(stop, claims.find(w) == std::string_view::npos ? stop : claims.find(w));
    if (stop < start) stop = claims.size();
    size_t base = cl.begin + start;
    std::string_view body = claims.substr(start, stop - start);
    size_t cursor = 0;
    for (const std::string& item : SplitOperativeItems(body)) {
      size_t at = body.find(item.substr(0, std::min<size_t>(item.size(), 30)), cursor);
      if (at == std::string_view::npos) at = cursor;
      cursor = at + std::min(item.size(), body.size() - at);
      ClaimOutcome c;
      c.claim = item;
      // An amount in a claim to 撤销 (a fine of 1.5万元) is not money claimed.
      bool annul = (Has(item, "撤销") || Has(item, "确认")) && !IsPaymentItem(item);
      if (!Has(item, "受理费") && !Has(item, "诉讼费") && !annul)
        c.claimed = ItemTotal(s, AmountsIn(f.amounts, base + at, base + cursor));
      f.claims.push_back(std::move(c));
    }
    std::optional<Fen> total;
    for (const auto& c : f.claims) if (c.claimed) total = total.value_or(0) + *c.claimed;
    f.claim_total = total;
  }
  // Awarded: payment items of the operative part.
  const Span& op = j.section(SectionKind::kOperative);
  std::string_view op_text = SectionText(s, j, SectionKind::kOperative);
  bool rejects_all = Has(op_text, "驳回上诉"), rejects_rest = false;
  if (!op.empty()) {
    size_t cursor = 0;
    for (const std::string& item : j.operative_items) {
      size_t at = op_text.find(item.substr(0, std::min<size_t>(item.size(), 30)), cursor);
      if (at == std::string_view::npos) continue;
      cursor = at + item.size();
      if (Has(item, "驳回") && (Has(item, "其他诉讼请求") || Has(item, "其余诉讼请求"))) rejects_rest = true;
      else if (Has(item, "驳回") && Has(item, "诉讼请求")) rejects_all = true;
      if (!IsPaymentItem(item)) continue;
      auto t = ItemTotal(s, AmountsIn(f.amounts, op.begin + at, op.begin + cursor));
      if (t) f.awarded_total = f.awarded_total.value_or(0) + *t;
    }
  }
  // Outcome per claim.
  std::string_view costs = SectionText(s, j, SectionKind::kCosts);
  bool first_money = true;
  for (auto& c : f.claims) {
    if (!c.claimed) {
      if (Has(c.claim, "受理费") || Has(c.claim, "诉讼费")) {
        bool plaintiff = Has(costs, "由原告") || Has(costs, "原告负担") || Has(costs, "由上诉人");
        bool defendant = Has(costs, "被告");
        c.outcome = costs.empty() ? "未决" : defendant && !plaintiff ? "支持" : defendant ? "部分支持" : "驳回";
      } else {
        c.outcome = rejects_all ? "驳回" : op.empty() ? "未决" : "支持";
      }
      continue;
    }
    if (first_money && f.awarded_total) c.awarded = f.awarded_total;
    first_money = false;
    if (rejects_all || (!c.awarded && !op.empty() && (rejects_rest || Has(op_text, "驳回")))) c.outcome = "驳回";
    else if (!c.awarded) c.outcome = "未决";
    else if (*c.awarded >= *c.claimed && !rejects_rest) c.outcome = "支持";
    else c.outcome = "部分支持";
  }
  return f;
}

void AppendExtractionJson(const ExtractedFacts& f, std::string* out) {
  JsonWriter w(out);
  auto yuan = [](Fen v) { return static_cast<double>(v) / 100.0; };
  w.BeginObject();
  w.Key("amounts");
  w.BeginArray();
  for (const auto& a : f.amounts) {
    w.BeginObject();
    w.Key("yuan"); w.Double(yuan(a.fen));
    w.Field("text", a.text);
    w.Field("context", a.context);
    w.Field("section", a.section);
    w.EndObject();
  }
  w.EndArray();
  w.Key("dates");
  w.BeginArray();
  for (const auto& d : f.dates) {
    w.BeginObject();
    w.Field("date", d.date.ToString());
    w.Field("role", d.role);
    w.Field("section", d.section);
    w.EndObject();
  }
  w.EndArray();
  w.Key("rates");
  w.BeginArray();
  for (const auto& r : f.rates) {
    w.BeginObject();
    w.Field("kind", r.kind);
    w.Key("value"); w.Double(r.value, 4);
    w.Key("annual_percent"); w.Double(r.annual_percent, 4);
    w.Field("text", r.text);
    w.EndObject();
  }
  w.EndArray();
  w.Key("delivery_methods");
  w.BeginArray();
  for (const auto& m : f.delivery_methods) w.String(m);
  w.EndArray();
  w.Key("claims");
  w.BeginArray();
  for (const auto& c : f.claims) {
    w.BeginObject();
    w.Field("claim", c.claim);
    w.Key("claimed"); if (c.claimed) w.Double(yuan(*c.claimed)); else w.Null();
    w.Key("awarded"); if (c.awarded) w.Double(yuan(*c.awarded)); else w.Null();
    w.Field("outcome", c.outcome);
    w.EndObject();
  }
  w.EndArray();
  w.Key("claim_total"); if (f.claim_total) w.Double(yuan(*f.claim_total)); else w.Null();
  w.Key("awarded_total"); if (f.awarded_total) w.Double(yuan(*f.awarded_total)); else w.Null();
  w.Field("closure", f.closure);
  w.Field("filed_date", f.filed_date ? f.filed_date->ToString() : "");
  w.EndObject();
}

}  // namespace tianping::text
