// Cause-specific reasoning (本院认为) of civil first-instance judgments.
#include "gen/doc_render.h"
#include "gen/phrasebook.h"

namespace tianping::gen {
namespace {

bool LoanLike(CauseFamily f) {
  return f == CauseFamily::kPrivateLoan || f == CauseFamily::kFinancialLoan || f == CauseFamily::kCreditCard;
}

}  // namespace

void RenderCivilReasoning(RenderContext& ctx, Fen claim, Fen awarded) {
  int active = ctx.FirstActive(), passive = ctx.FirstPassive();
  if (awarded <= 0 && claim > 0) {
    ctx.Append("当事人对自己提出的诉讼请求所依据的事实，有责任提供证据加以证明。");
    Mention(ctx, active, true);
    ctx.Append("主张的事实，");
    ctx.Append(ctx.family == CauseFamily::kDivorce ? "不足以证明夫妻感情确已破裂，其离婚请求本院不予准许。"
                                                   : "缺乏充分证据证明，应承担举证不能的不利后果，对其诉讼请求本院不予支持。");
    if (ctx.defendant_absent) {
      Mention(ctx, passive, true);
      ctx.Append("经本院合法传唤，无正当理由拒不到庭，视为放弃抗辩的权利。");
    }
    return;
  }
  if (claim <= 0 && ctx.family != CauseFamily::kDivorce) {  // non-monetary claims, granted
    if (ctx.family == CauseFamily::kLabour) {
      ctx.Append("用人单位应当依法为劳动者缴纳社会保险费。");
      Mention(ctx, passive, true);
      ctx.Append("未为原告缴纳社会保险费，原告要求其办理补缴手续，本院予以支持。");
    } else {
      ctx.Append("依法成立的合同，对当事人具有法律约束力。");
      Mention(ctx, passive, true);
      ctx.Append(Pick(ctx.rng, {"未依约履行合同义务，原告要求其继续履行，本院予以支持。",
                                "无正当理由不履行合同义务，原告的诉讼请求于法有据，本院予以支持。"}));
    }
    if (ctx.defendant_absent) {
      Mention(ctx, passive, true);
      ctx.Append("经本院合法传唤，无正当理由拒不到庭，视为放弃抗辩的权利。");
    }
    return;
  }
  switch (ctx.family) {
    case CauseFamily::kPrivateLoan:
      ctx.Append(Pick(ctx.rng, {"合法的借贷关系受法律保护。", "依法成立的借贷关系受法律保护。",
                                "自然人之间的借款合同，自贷款人提供借款时成立。"}));
      Mention(ctx, active, true);
      ctx.Append("与");
      Mention(ctx, passive, true);
      ctx.Append(Pick(ctx.rng, {"之间的借贷关系，有借条及当事人陈述等证据证实，事实清楚，本院予以确认。",
                                "之间的借贷关系有借条、付款凭证为证，事实清楚，本院予以确认。"}));
      if (ctx.interest_deducted)
        ctx.Append("借贷双方约定预先在本金中扣除利息的，应当按照实际出借的金额认定为本金。");
      ctx.Append(Pick(ctx.rng, {"借款到期后，借款人应当按约返还借款。", "借款人应当按照约定的期限返还借款。"}));
      break;
    case CauseFamily::kFinancialLoan:
    case CauseFamily::kCreditCard:
      ctx.Append(Pick(ctx.rng, {"原告与被告签订的合同系双方真实意思表示，不违反法律、行政法规的强制性规定，合法有效。",
                                "双方签订的合同合法有效，当事人应当按照约定全面履行自己的义务。"}));
      ctx.Append(ctx.family == CauseFamily::kCreditCard ? "被告使用信用卡透支后，" : "原告依约发放款项，");
      Mention(ctx, passive, true);
      ctx.Append(Pick(ctx.rng, {"未按约还款，构成违约，事实清楚。", "未按期足额还款，已构成违约，应承担相应的违约责任。"}));
      break;
    case CauseFamily::kSales:
      ctx.Append(Pick(ctx.rng, {"原告与被告之间的买卖合同关系合法有效。", "原告与被告之间的买卖合同关系系双方真实意思表示，合法有效。"}));
      ctx.Append("原告已依约交付货物，");
      Mention(ctx, passive, true);
      ctx.Append(Pick(ctx.rng, {"应当支付相应货款，其逾期付款，应承担相应的违约责任。",
                                "应按约定支付货款，其迟延付款的行为构成违约。"}));
      break;
    case CauseFamily::kTraffic:
      ctx.Append(Pick(ctx.rng, {"公民的生命健康权受法律保护。", "行为人因过错侵害他人民事权益造成损害的，应当承担侵权责任。"}));
      ctx.Append("本次交通事故经公安机关交通管理部门认定，");
      Mention(ctx, passive, true);
      ctx.Append("负事故全部责任，该认定事实清楚，本院予以采信。");
      ctx.Append(Pick(ctx.rng, {"原告的合理损失，应由被告承担赔偿责任。", "对原告因此遭受的合理损失，被告应予赔偿。"}));
      break;
    case CauseFamily::kDivorce:
      ctx.Append(Pick(ctx.rng, {"婚姻关系的存续应以夫妻感情为基础。", "夫妻感情确已破裂，调解无效的，应当准予离婚。"}));
      Mention(ctx, active, true);
      ctx.Append("与");
      Mention(ctx, passive, true);
      ctx.Append("长期分居，夫妻感情确已破裂，原告要求离婚，本院予以准许。");
      if (claim > 0) ctx.Append("夫妻共同财产依法予以分割。");
      break;
    case CauseFamily::kLabour:
      ctx.Append(Pick(ctx.rng, {"劳动者的合法权益受法律保护。", "用人单位应当依法保障劳动者的合法权益。"}));
      ctx.Append("用人单位应当按照劳动合同约定和国家规定，向劳动者及时足额支付劳动报酬。");
      Mention(ctx, passive, true);
      ctx.Append("拖欠原告工资，事实清楚，应予支付。");
      break;
    default:
      ctx.Append(Pick(ctx.rng, {"当事人应当按照约定全面履行自己的义务。", "依法成立的合同，对当事人具有法律约束力。"}));
      Mention(ctx, passive, true);
      ctx.Append("未依约履行付款义务，应承担相应的民事责任。");
  }
  if (awarded < claim) {
    ctx.Append(LoanLike(ctx.family) ? "原告主张的利息超过法律保护上限的部分，本院不予支持；其余诉讼请求，本院予以支持。"
                                    : "原告主张的数额中缺乏证据证实的部分，本院不予支持；其余诉讼请求，本院予以支持。");
  } else {
    ctx.Append(Pick(ctx.rng, {"原告的诉讼请求，本院予以支持。", "原告的诉讼请求于法有据，本院予以支持。"}));
  }
  if (ctx.defendant_absent) {
    Mention(ctx, passive, true);
    ctx.Append("经本院合法传唤，无正当理由拒不到庭，视为放弃抗辩的权利。");
  }
}

}  // namespace tianping::gen
