#include <algorithm>

#include "gen/chinese_numerals.h"
#include "gen/doc_render.h"
#include "gen/litigation_fee.h"
#include "gen/phrasebook.h"

namespace tianping::gen {
namespace {

bool IsActiveRole(std::string_view role) {
  return role == "原告" || role == "上诉人" || role == "申请人" || role == "申请执行人" ||
         role == "再审申请人" || role == "起诉人" || role == "自诉人";
}
bool IsPassiveRole(std::string_view role) {
  return role == "被告" || role == "被上诉人" || role == "被申请人" || role == "被执行人" ||
         role == "被告人" || role == "被申请执行人";
}
bool HasFeature(const DocumentPlan& plan, std::string_view f) {
  return std::find(plan.lender_features.begin(), plan.lender_features.end(), f) != plan.lender_features.end();
}

// 410105********1234: the first six and last four characters kept, as published versions do.
std::string MaskId(std::string_view id) {
  if (id.size() < 10) return std::string(id.size(), '*');
  std::string out(id.substr(0, 6));
  out.append(id.size() - 10, '*');
  out.append(id.substr(id.size() - 4));
  return out;
}

}  // namespace

RenderContext::RenderContext(const Case& cs, const Case* orig, const ReferenceData& r, Rng& g,
                             const DocumentPlan& p, Draft& draft)
    : c(cs), origin(orig), ref(r), rng(g), plan(p), d(draft) {
  family = ClassifyCause(c.category, c.cause_name);
  judgment_date = c.closed_date ? *c.closed_date : c.filed_date.AddDays(60);
  sole_judge = c.procedure == "简易程序" || c.procedure == "小额诉讼程序" || c.procedure == "速裁程序";
  for (int i = 0; i < static_cast<int>(c.parties.size()); ++i) {
    const std::string& role = c.parties[i].role;
    if (IsActiveRole(role)) actives.push_back(i);
    else if (IsPassiveRole(role)) passives.push_back(i);
    else others.push_back(i);
  }
  uniform_iou = HasFeature(p, "uniform_iou");
  cash_delivery = HasFeature(p, "cash_delivery");
  interest_deducted = HasFeature(p, "interest_deducted");
  plaintiff_absent = HasFeature(p, "plaintiff_absent");
  defendant_absent = HasFeature(p, "defendant_absent");
}

void RenderTitle(RenderContext& ctx, std::string_view kind) {
  ctx.Append(ctx.c.court_name);
  ctx.Append("\n");
  ctx.Append(kind);
  ctx.Append("\n");
  size_t b = ctx.d.text.size();
  ctx.Append(ctx.c.case_number);
  ctx.d.Mark(Anchor::kTitleCaseNumber, -1, b);
  ctx.Append("\n");
}

void RenderDetention(RenderContext& ctx, int party) {
  Date detained = ctx.c.filed_date.AddDays(-static_cast<int>(ctx.rng.Range(30, 120)));
  ctx.d.detained = detained;
  ctx.Append("因涉嫌");
  ctx.Append(ctx.c.cause_name);
  ctx.Append("于");
  AppendArabicDate(&ctx.d.text, detained);
  if (ctx.rng.Chance(0.3)) {
    ctx.Append("被取保候审。");
    ctx.d.in_custody = false;
    return;
  }
  ctx.Append("被刑事拘留，");
  AppendArabicDate(&ctx.d.text, detained.AddDays(static_cast<int>(ctx.rng.Range(7, 30))));
  ctx.Append(Pick(ctx.rng, {"被逮捕。现羁押于本地看守所。", "经检察机关批准被逮捕。现羁押于看守所。"}));
  ctx.d.in_custody = true;
}

void RenderParties(RenderContext& ctx, bool criminal) {
  const Case& c = ctx.c;
  ctx.d.full_ids.assign(c.parties.size(), "");
  for (int i = 0; i < static_cast<int>(c.parties.size()); ++i) {
    const Party& p = c.parties[i];
    ctx.Append(p.role);
    if (!p.original_role.empty()) {
      ctx.Append("（");
      ctx.Append(p.original_role);
      ctx.Append("）");
    }
    ctx.Append(criminal ? "" : "：");
    ctx.Append(p.name);
    if (p.kind == "自然人") {
      if (!p.gender.empty()) { ctx.Append("，"); ctx.Append(p.gender); }
      if (p.birth_date) {
        ctx.Append("，");
        AppendArabicDate(&ctx.d.text, *p.birth_date);
        ctx.Append("出生");
      }
      if (!p.ethnicity.empty()) { ctx.Append("，"); ctx.Append(p.ethnicity); }
      if (!p.occupation.empty()) { ctx.Append("，"); ctx.Append(p.occupation); }
      if (!p.id_number.empty()) {
        ctx.Append("，公民身份号码");
        size_t b = ctx.d.text.size();
        ctx.Append(MaskId(p.id_number));
        ctx.d.Mark(Anchor::kPartyId, i, b);
        ctx.d.full_ids[i] = p.id_number;
      }
      if (!p.address.empty()) {
        ctx.Append("，住");
        size_t b = ctx.d.text.size();
        ctx.Append(p.address);
        ctx.d.Mark(Anchor::kPartyAddress, i, b);
      }
      ctx.Append("。");
      if (criminal && p.role == "被告人") RenderDetention(ctx, i);
      ctx.Append("\n");
    } else {
      if (!p.address.empty()) {
        ctx.Append("，住所地");
        size_t b = ctx.d.text.size();
        ctx.Append(p.address);
        ctx.d.Mark(Anchor::kPartyAddress, i, b);
      }
      if (!p.credit_code.empty()) {
        ctx.Append("，统一社会信用代码");
        ctx.Append(p.credit_code);
      }
      ctx.Append("。\n");
      if (!p.legal_representative.empty()) {
        ctx.Append(p.kind == "法人" ? "法定代表人：" : "负责人：");
        ctx.Append(p.legal_representative);
        ctx.Append("，");
        if (p.name.find("公司") != std::string::npos)
          ctx.Append(Pick(ctx.rng, {"该公司总经理", "该公司执行董事", "该公司董事长"}));
        else
          ctx.Append(Pick(ctx.rng, {"该单位负责人", "该单位主要负责人"}));
        ctx.Append("。\n");
      }
    }
    for (const Agent& a : p.agents) {
      ctx.Append(criminal ? "辩护人" : "委托诉讼代理人：");
      ctx.Append(a.name);
      ctx.Append("，");
      if (!a.law_firm.empty()) {
        ctx.Append(a.law_firm);
        ctx.Append(a.kind == "基层法律服务工作者" ? "法律工作者" : "律师");
        if (a.kind == "法律援助律师") ctx.Append("（法律援助）");
      } else if (a.kind == "近亲属") {
        ctx.Append("系");
        ctx.Append(p.name);
        ctx.Append("的近亲属");
      } else {
        ctx.Append(p.kind == "自然人" ? "系" : "该单位工作人员");
        if (p.kind == "自然人") { ctx.Append(p.name); ctx.Append("所在社区推荐的公民"); }
      }
      ctx.Append("。\n");
    }
  }
}

void Mention(RenderContext& ctx, int party, bool with_role) {
  if (party < 0) { ctx.Append("对方当事人"); return; }
  const Party& p = ctx.c.parties[party];
  if (with_role) {
    size_t b = ctx.d.text.size();
    ctx.Append(p.role);
    ctx.d.Mark(Anchor::kRoleMention, party, b);
  }
  size_t b = ctx.d.text.size();
  ctx.Append(p.name);
  ctx.d.Mark(Anchor::kNameMention, party, b);
}

void MentionSide(RenderContext& ctx, const std::vector<int>& side, bool with_role) {
  for (size_t i = 0; i < side.size(); ++i) {
    if (i > 0) ctx.Append("、");
    Mention(ctx, side[i], with_role && i == 0);
  }
  if (side.empty()) ctx.Append("对方当事人");
}

void AppendFiledDate(RenderContext& ctx) {
  size_t b = ctx.d.text.size();
  AppendArabicDate(&ctx.d.text, ctx.c.filed_date);
  ctx.d.Mark(Anchor::kFiledDate, -1, b);
}

void RenderCosts(RenderContext& ctx, Fen fee, bool halved, double active_share) {
  size_t b = ctx.d.text.size();
  ctx.Append("案件受理费");
  AppendYuan(&ctx.d.text, fee);
  ctx.Append("元");
  Fen due = fee;
  if (halved) {
    due = HalveFee(fee);
    ctx.Append(Pick(ctx.rng, {"，减半收取计", "，减半收取"}));
    AppendYuan(&ctx.d.text, due);
    ctx.Append("元");
  }
  if (active_share >= 1.0 || ctx.passives.empty()) {
    ctx.Append("，由");
    MentionSide(ctx, ctx.actives, true);
    ctx.Append("负担。");
  } else if (active_share <= 0.0) {
    ctx.Append("，由");
    MentionSide(ctx, ctx.passives, true);
    ctx.Append("负担。");
  } else {
    Fen active_part = static_cast<Fen>(static_cast<double>(due) * active_share / 100.0 + 0.5) * 100;
    if (active_part <= 0) active_part = 100;
    if (active_part >= due) active_part = due / 2;
    ctx.Append("，由");
    MentionSide(ctx, ctx.actives, true);
    ctx.Append("负担");
    AppendYuan(&ctx.d.text, active_part);
    ctx.Append("元，");
    MentionSide(ctx, ctx.passives, true);
    ctx.Append("负担");
    AppendYuan(&ctx.d.text, due - active_part);
    ctx.Append("元。");
  }
  ctx.d.Mark(Anchor::kCostSentence, -1, b);
}

std::string AppealCourtName(const RenderContext& ctx) {
  if (const Court* court = ctx.ref.FindCourt(ctx.c.court_code)) {
    if (const Court* parent = ctx.ref.FindCourt(court->parent_code)) return parent->name;
  }
  return "";
}

void RenderCivilAppealNotice(RenderContext& ctx, bool ruling) {
  std::string appeal_court = AppealCourtName(ctx);
  ctx.Append(ruling ? "如不服本裁定，可以在裁定书送达之日起十日内，向本院递交上诉状，"
                    : "如不服本判决，可以在判决书送达之日起十五日内，向本院递交上诉状，");
  ctx.Append(Pick(ctx.rng, {"并按照对方当事人或者代表人的人数提出副本，", "并按对方当事人的人数提出副本，"}));
  ctx.Append("上诉于");
  ctx.Append(appeal_court.empty() ? std::string_view("上一级人民法院") : std::string_view(appeal_court));
  ctx.Append("。\n");
}

void RenderLatePerformanceNotice(RenderContext& ctx) {
  ctx.Append(Pick(ctx.rng, {"如果未按本判决指定的期间履行给付金钱义务，", "如未按本判决指定的期间履行给付金钱义务，"}));
  ctx.Append("应当依照《中华人民共和国民事诉讼法》");
  size_t b = ctx.d.text.size();
  ctx.Append(ArticleNumber(LatePerformanceArticle(ctx.judgment_date)));
  ctx.d.Mark(Anchor::kLateArticle, -1, b);
  ctx.Append("规定，加倍支付迟延履行期间的债务利息。\n");
  ctx.d.outdated_late_article = OutdatedLatePerformanceArticle(ctx.judgment_date);
}

namespace {

void AppendPanelLine(std::string* out, std::string_view title, std::string_view name) {
  out->append(title);
  out->append("　");
  out->append(name);
  out->append("\n");
}

}  // namespace

void RenderSignature(RenderContext& ctx) {
  const Case& c = ctx.c;
  std::string judge = c.judge_name.empty() ? (c.panel.empty() ? RandomPersonName(ctx.rng) : c.panel[0])
                                           : c.judge_name;
  // Three members for a collegial panel: the presiding judge first, then the others from the record,
  // filled with generated names when the record lists fewer.
  std::vector<std::string> members{judge};
  for (const std::string& m : c.panel)
    if (m != judge && members.size() < 3) members.push_back(m);
  while (members.size() < 3) members.push_back(RandomPersonName(ctx.rng));
  bool appeal = c.procedure == "二审" || c.procedure == "再审";
  bool juror = !appeal && ctx.rng.Chance(0.5);
  std::string sole, collegial;
  AppendPanelLine(&sole, "审判员", judge);
  AppendPanelLine(&collegial, "审判长", members[0]);
  AppendPanelLine(&collegial, "审判员", members[1]);
  AppendPanelLine(&collegial, juror ? "人民陪审员" : "审判员", members[2]);
  size_t b = ctx.d.text.size();
  ctx.Append(ctx.sole_judge ? sole : collegial);
  ctx.d.Mark(Anchor::kSignaturePanel, -1, b);
  ctx.d.wrong_panel = ctx.sole_judge ? collegial : sole;
  b = ctx.d.text.size();
  AppendChineseYear(&ctx.d.text, ctx.judgment_date.year());
  ctx.d.Mark(Anchor::kSignatureYear, -1, b);
  ctx.Append("年");
  AppendChineseInt(&ctx.d.text, ctx.judgment_date.month());
  ctx.Append("月");
  AppendChineseInt(&ctx.d.text, ctx.judgment_date.day());
  ctx.Append("日\n本件与原本核对无异\n");
  AppendPanelLine(&ctx.d.text, "书记员", c.clerk.empty() ? RandomPersonName(ctx.rng) : c.clerk);
  ctx.d.judgment_date = ctx.judgment_date;
}

}  // namespace tianping::gen
