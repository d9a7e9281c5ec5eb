// 民事判决书 (first instance), 民事调解书, 民事裁定书 (准许撤诉).
#include "gen/chinese_numerals.h"
#include "gen/doc_render.h"
#include "gen/litigation_fee.h"
#include "gen/phrasebook.h"

namespace tianping::gen {
namespace {

void Yuan(RenderContext& ctx, Fen f) {
  AppendYuan(&ctx.d.text, f);
  ctx.Append("元");
}

// "原告甲与被告乙民间借贷纠纷一案，本院于2023年3月1日立案"
void CaseIntro(RenderContext& ctx) {
  MentionSide(ctx, ctx.actives, true);
  ctx.Append("与");
  MentionSide(ctx, ctx.passives, true);
  if (!ctx.others.empty()) {
    ctx.Append("、");
    MentionSide(ctx, ctx.others, true);
  }
  ctx.Append(ctx.c.cause_name);
  ctx.Append("一案，本院于");
  AppendFiledDate(ctx);
  ctx.Append("立案");
}

std::string_view ProcedureWords(const RenderContext& ctx) {
  if (ctx.c.procedure == "小额诉讼程序") return "小额诉讼程序";
  return ctx.sole_judge ? "简易程序" : "普通程序";
}

// "原告甲及其委托诉讼代理人丙、被告乙到庭参加诉讼。"
void Attendance(RenderContext& ctx) {
  int active = ctx.FirstActive(), passive = ctx.FirstPassive();
  const Party* pa = active >= 0 ? &ctx.c.parties[active] : nullptr;
  if (ctx.plaintiff_absent && pa) {
    Mention(ctx, active, true);
    ctx.Append("的委托诉讼代理人");
    ctx.Append(pa->agents.empty() ? std::string_view("（未列明）") : std::string_view(pa->agents[0].name));
    ctx.Append("到庭参加诉讼，");
    Mention(ctx, active, true);
    ctx.Append("本人未到庭");
  } else {
    Mention(ctx, active, true);
    if (pa && !pa->agents.empty()) {
      ctx.Append("及其委托诉讼代理人");
      ctx.Append(pa->agents[0].name);
    }
    ctx.Append("到庭参加诉讼");
  }
  if (ctx.defendant_absent) {
    ctx.Append("，");
    Mention(ctx, passive, true);
    ctx.Append(Pick(ctx.rng, {"经本院传票传唤，无正当理由拒不到庭参加诉讼，本院依法缺席审理。",
                              "经本院合法传唤未到庭，本院依法缺席审理。"}));
  } else {
    ctx.Append("，");
    Mention(ctx, passive, true);
    const Party* pp = passive >= 0 ? &ctx.c.parties[passive] : nullptr;
    if (pp && !pp->agents.empty()) {
      ctx.Append("的委托诉讼代理人");
      ctx.Append(pp->agents[0].name);
    }
    ctx.Append("到庭参加诉讼。");
  }
  ctx.Append(Pick(ctx.rng, {"本案现已审理终结。\n", "本案现已审理终结。\n", "现已审理终结。\n"}));
}

void ClaimsParagraph(RenderContext& ctx) {
  Mention(ctx, ctx.FirstActive(), true);
  ctx.Append("向本院提出诉讼请求：");
  RenderClaims(ctx, ctx.c.claim_amount);
  ctx.Append("事实和理由：");
  ctx.Append(Pick(ctx.rng, {"被告未按约定履行义务，经原告多次催要未果，为维护原告的合法权益，故诉至法院。",
                            "被告至今未履行义务，原告为维护自身合法权益，遂诉至本院。",
                            "原告多次催告，被告仍未履行，故原告诉至法院，望判如所请。"}));
  ctx.Append("\n");
}

// Costs shared between the sides in proportion to what was not awarded.
double ActiveShare(Fen claim, Fen awarded) {
  if (claim <= 0) return 1.0;
  if (awarded >= claim) return 0.0;
  if (awarded <= 0) return 1.0;
  return 1.0 - static_cast<double>(awarded) / static_cast<double>(claim);
}

std::string_view PayVerb(CauseFamily f) {
  switch (f) {
    case CauseFamily::kPrivateLoan:
    case CauseFamily::kFinancialLoan:
    case CauseFamily::kCreditCard: return "偿还";
    case CauseFamily::kTraffic: return "赔偿";
    default: return "支付";
  }
}

}  // namespace

void RenderCivilFirstInstance(RenderContext& ctx) {
  const Case& c = ctx.c;
  RenderTitle(ctx, "民事判决书");
  RenderParties(ctx, false);
  size_t body = ctx.d.text.size();
  CaseIntro(ctx);
  ctx.Append("后，依法适用");
  ctx.Append(ProcedureWords(ctx));
  ctx.Append(ctx.family == CauseFamily::kDivorce ? "，因涉及个人隐私，不公开开庭进行了审理。"
                                                  : Pick(ctx.rng, {"，公开开庭进行了审理。", "，公开开庭审理了本案。"}));
  Attendance(ctx);
  ClaimsParagraph(ctx);
  RenderCivilDefense(ctx);
  ctx.Append(Pick(ctx.rng, {"当事人围绕诉讼请求依法提交了证据，本院组织当事人进行了证据交换和质证。",
                            "本院组织当事人进行了证据交换和质证。"}));
  ctx.Append(Pick(ctx.rng, {"本院经审理认定事实如下：", "经审理查明：", "本院认定事实如下："}));
  RenderCivilFacts(ctx, c.claim_amount);
  ctx.Append("\n");
  size_t b = ctx.d.text.size();
  ctx.Append("本院认为，");
  RenderCivilReasoning(ctx, c.claim_amount, c.awarded_amount);
  ctx.Append("\n");
  ctx.d.Mark(Anchor::kReasoningParagraph, -1, b);
  ctx.Append(Pick(ctx.rng, {"依照", "综上所述，依照", "综上，依照"}));
  b = ctx.d.text.size();
  AppendCitation(&ctx.d.text, CivilCitation(ctx.family, ctx.judgment_date));
  ctx.d.Mark(Anchor::kSubstantiveCitation, -1, b);
  ctx.d.repealed = ctx.judgment_date >= Date::FromYmd(2021, 1, 1) ? RepealedCitation(ctx.family) : LawCitation{};
  if (ctx.defendant_absent) {
    ctx.Append("，《中华人民共和国民事诉讼法》");
    ctx.Append(ArticleNumber(DefaultJudgmentArticle(ctx.judgment_date)));
  }
  ctx.Append("之规定，判决如下：\n");
  int active = ctx.FirstActive(), passive = ctx.FirstPassive();
  if (c.awarded_amount > 0) {
    int item = 1;
    ctx.Append(ChineseInt(item++));
    ctx.Append("、");
    if (ctx.family == CauseFamily::kDivorce) {
      ctx.Append("准予");
      Mention(ctx, active, true);
      ctx.Append("与");
      Mention(ctx, passive, true);
      ctx.Append("离婚；\n");
      ctx.Append(ChineseInt(item++));
      ctx.Append("、夫妻共同财产共计");
      Yuan(ctx, c.awarded_amount);
      ctx.Append("，由");
      Mention(ctx, passive, true);
      ctx.Append("于本判决生效之日起十日内向");
      Mention(ctx, active, true);
      ctx.Append("支付其中的一半");
    } else {
      Mention(ctx, passive, true);
      ctx.Append("于本判决生效之日起十日内");
      ctx.Append(PayVerb(ctx.family));
      Mention(ctx, active, true);
      ctx.Append("各项款项共计");
      Yuan(ctx, c.awarded_amount);
    }
    if (c.awarded_amount < c.claim_amount) {
      ctx.Append("；\n");
      ctx.Append(ChineseInt(item++));
      ctx.Append("、驳回");
      Mention(ctx, active, true);
      ctx.Append("的其他诉讼请求。\n");
    } else {
      ctx.Append("。\n");
    }
    RenderLatePerformanceNotice(ctx);
  } else {
    ctx.Append("驳回");
    Mention(ctx, active, true);
    ctx.Append("的全部诉讼请求。\n");
  }
  Fen fee = CaseAcceptanceFee(c.category, c.cause_name, c.claim_amount);
  RenderCosts(ctx, fee, ctx.sole_judge, ActiveShare(c.claim_amount, c.awarded_amount));
  ctx.Append("\n");
  if (c.procedure == "小额诉讼程序") ctx.Append("本判决为终审判决。\n");
  else RenderCivilAppealNotice(ctx, false);
  ctx.d.Mark(Anchor::kBody, -1, body);
  RenderSignature(ctx);
}

void RenderCivilMediation(RenderContext& ctx) {
  const Case& c = ctx.c;
  RenderTitle(ctx, "民事调解书");
  RenderParties(ctx, false);
  size_t body = ctx.d.text.size();
  CaseIntro(ctx);
  ctx.Append("后，依法适用");
  ctx.Append(ProcedureWords(ctx));
  ctx.Append("进行了审理。\n");
  ClaimsParagraph(ctx);
  ctx.Append(Pick(ctx.rng, {"本案审理过程中，经本院主持调解，双方当事人自愿达成如下协议：\n",
                            "本案在审理过程中，经本院主持调解，双方当事人自愿达成如下协议：\n"}));
  int active = ctx.FirstActive(), passive = ctx.FirstPassive();
  Date pay_by = ctx.judgment_date.AddDays(static_cast<int>(ctx.rng.Range(10, 90)));
  ctx.Append("一、");
  if (ctx.family == CauseFamily::kDivorce) {
    Mention(ctx, active, true);
    ctx.Append("与");
    Mention(ctx, passive, true);
    ctx.Append("自愿离婚；\n二、");
  }
  Mention(ctx, passive, true);
  ctx.Append("于");
  AppendArabicDate(&ctx.d.text, pay_by);
  ctx.Append("前向");
  Mention(ctx, active, true);
  ctx.Append("支付");
  Yuan(ctx, c.awarded_amount);
  ctx.Append("；\n");
  ctx.Append(ctx.family == CauseFamily::kDivorce ? "三、" : "二、");
  ctx.Append("双方当事人就本案再无其他争议；\n");
  ctx.Append(ctx.family == CauseFamily::kDivorce ? "四、" : "三、");
  Fen fee = CaseAcceptanceFee(c.category, c.cause_name, c.claim_amount);
  RenderCosts(ctx, fee, true, 0.0);
  ctx.Append("\n");
  size_t b = ctx.d.text.size();
  ctx.Append(Pick(ctx.rng, {"上述协议，不违反法律规定，本院予以确认。\n",
                            "上述协议系双方当事人真实意思表示，不违反法律规定，本院予以确认。\n"}));
  ctx.d.Mark(Anchor::kReasoningParagraph, -1, b);
  ctx.Append("本调解书经双方当事人签收后，即具有法律效力。\n");
  ctx.d.Mark(Anchor::kBody, -1, body);
  RenderSignature(ctx);
}

void RenderCivilWithdrawal(RenderContext& ctx) {
  const Case& c = ctx.c;
  bool criminal = c.category == "刑事", admin = c.category == "行政";
  RenderTitle(ctx, criminal ? "刑事裁定书" : admin ? "行政裁定书" : "民事裁定书");
  RenderParties(ctx, criminal);
  size_t body = ctx.d.text.size();
  CaseIntro(ctx);
  ctx.Append("。");
  int active = ctx.FirstActive();
  Mention(ctx, active, true);
  ctx.Append("于");
  Date applied = ctx.judgment_date.AddDays(-static_cast<int>(ctx.rng.Range(1, 10)));
  if (applied < c.filed_date) applied = c.filed_date;
  AppendArabicDate(&ctx.d.text, applied);
  ctx.Append("向本院提出撤诉申请。\n");
  size_t b = ctx.d.text.size();
  ctx.Append("本院认为，");
  Mention(ctx, active, true);
  ctx.Append(Pick(ctx.rng, {"在本案宣判前申请撤诉，系对其诉讼权利的处分，且不违反法律规定，本院予以准许。",
                            "申请撤回起诉，系其真实意思表示，不违反法律规定，本院予以准许。"}));
  ctx.Append("\n");
  ctx.d.Mark(Anchor::kReasoningParagraph, -1, b);
  if (admin) {
    ctx.Append("依照《中华人民共和国行政诉讼法》第六十二条之规定，裁定如下：\n");
  } else {
    ctx.Append("依照《中华人民共和国民事诉讼法》");
    ctx.Append(ArticleNumber(WithdrawalArticle(ctx.judgment_date)));
    ctx.Append("之规定，裁定如下：\n");
  }
  ctx.Append("准许");
  Mention(ctx, active, true);
  ctx.Append("撤回起诉。\n");
  Fen fee = CaseAcceptanceFee(c.category, c.cause_name, c.claim_amount);
  if (fee > 0) {
    RenderCosts(ctx, fee, true, 1.0);
    ctx.Append("\n");
  }
  ctx.d.Mark(Anchor::kBody, -1, body);
  RenderSignature(ctx);
}

}  // namespace tianping::gen
