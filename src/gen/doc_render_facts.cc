// Cause-specific claims, defence, facts and reasoning of civil documents.
#include "gen/chinese_numerals.h"
#include "gen/doc_render.h"
#include "gen/phrasebook.h"

namespace tianping::gen {
namespace {

void Yuan(RenderContext& ctx, Fen f) {
  AppendYuan(&ctx.d.text, f);
  ctx.Append("元");
}

// "人民币壹万元整（10000元）" with the words recorded as kAmountWords.
void WordsAndFigures(RenderContext& ctx, Fen f) {
  ctx.Append("人民币");
  size_t b = ctx.d.text.size();
  ctx.Append(CapitalAmount(f));
  ctx.d.Mark(Anchor::kAmountWords, -1, b);
  ctx.Append("（");
  Yuan(ctx, f);
  ctx.Append("）");
}

// "合计23000元" with the figures recorded as kSumTotal.
void Total(RenderContext& ctx, Fen total) {
  size_t b = ctx.d.text.size();
  AppendYuan(&ctx.d.text, total);
  ctx.d.Mark(Anchor::kSumTotal, -1, b);
  ctx.d.sum_total = total;
  ctx.Append("元");
}

Date EventDate(RenderContext& ctx, int min_days, int max_days) {
  return ctx.c.filed_date.AddDays(-static_cast<int>(ctx.rng.Range(min_days, max_days)));
}

void Date_(RenderContext& ctx, Date d) { AppendArabicDate(&ctx.d.text, d); }

bool LoanLike(CauseFamily f) {
  return f == CauseFamily::kPrivateLoan || f == CauseFamily::kFinancialLoan || f == CauseFamily::kCreditCard;
}

std::string_view PartLabel(CauseFamily f, bool second) {
  switch (f) {
    case CauseFamily::kPrivateLoan:
    case CauseFamily::kFinancialLoan: return second ? "利息" : "借款本金";
    case CauseFamily::kCreditCard: return second ? "利息及费用" : "透支本金";
    case CauseFamily::kSales: return second ? "逾期付款损失" : "货款";
    case CauseFamily::kTraffic: return second ? "误工费、护理费等其他损失" : "医疗费";
    case CauseFamily::kLabour: return second ? "经济补偿" : "拖欠工资";
    case CauseFamily::kDivorce: return second ? "车辆折价款" : "共同存款";
    default: return second ? "违约金" : "合同款";
  }
}

}  // namespace

void SplitPrincipalInterest(Fen total, Fen* principal, Fen* interest) {
  Fen p = total * 85 / 100;
  if (p >= 1000000) p = p / 100000 * 100000;      // whole thousands of yuan
  else if (p >= 10000) p = p / 100 * 100;         // whole yuan
  if (p <= 0 || p > total) p = total;
  *principal = p;
  *interest = total - p;
}

void RenderClaims(RenderContext& ctx, Fen claim) {
  Fen a, b;
  SplitPrincipalInterest(claim, &a, &b);
  int passive = ctx.FirstPassive();
  if (ctx.family == CauseFamily::kDivorce) {
    ctx.Append("1.判令");
    Mention(ctx, ctx.FirstActive(), true);
    ctx.Append("与");
    Mention(ctx, passive, true);
    ctx.Append("离婚；2.依法分割夫妻共同财产");
    if (claim > 0) { ctx.Append("，价值共计"); Yuan(ctx, claim); }
    ctx.Append("；3.本案诉讼费用由被告负担。");
    return;
  }
  ctx.Append("1.判令");
  Mention(ctx, passive, true);
  ctx.Append(ctx.family == CauseFamily::kTraffic ? "赔偿" : LoanLike(ctx.family) ? "偿还" : "支付");
  ctx.Append(PartLabel(ctx.family, false));
  Yuan(ctx, a);
  if (b > 0) {
    ctx.Append("及");
    ctx.Append(PartLabel(ctx.family, true));
    Yuan(ctx, b);
  }
  ctx.Append(Pick(ctx.rng, {"，共计", "，合计", "，以上共计"}));
  Yuan(ctx, claim);
  ctx.Append(Pick(ctx.rng, {"；2.本案诉讼费用由被告负担。", "；2.本案诉讼费由被告承担。"}));
}

void RenderCivilDefense(RenderContext& ctx) {
  size_t b = ctx.d.text.size();
  int passive = ctx.FirstPassive();
  if (ctx.defendant_absent) {
    Mention(ctx, passive, true);
    ctx.Append(Pick(ctx.rng, {"未到庭参加诉讼，亦未提交书面答辩意见。", "未作答辩，亦未向本院提交证据。"}));
  } else {
    Mention(ctx, passive, true);
    ctx.Append("辩称，");
    switch (ctx.family) {
      case CauseFamily::kPrivateLoan:
        ctx.Append(Pick(ctx.rng, {"借款属实，但利息约定过高，请求依法调整；", "对借款事实无异议，因经营困难暂时无力偿还；",
                                  "部分借款已经归还，原告主张的数额不实；"}));
        break;
      case CauseFamily::kFinancialLoan:
      case CauseFamily::kCreditCard:
        ctx.Append(Pick(ctx.rng, {"对欠款本金无异议，但罚息及复利计算过高；", "因收入下降无力一次性还款，希望分期偿还；"}));
        break;
      case CauseFamily::kSales:
        ctx.Append(Pick(ctx.rng, {"货物存在质量问题，应当扣减相应货款；", "双方未进行最终对账，欠款数额不能确定；"}));
        break;
      case CauseFamily::kTraffic:
        ctx.Append(Pick(ctx.rng, {"对事故责任认定无异议，但原告主张的误工费、护理费过高；", "事故车辆已投保，应由保险公司先行赔付；"}));
        break;
      case CauseFamily::kDivorce:
        ctx.Append(Pick(ctx.rng, {"双方感情尚未破裂，不同意离婚；", "同意离婚，但对财产分割方案有异议；"}));
        break;
      case CauseFamily::kLabour:
        ctx.Append(Pick(ctx.rng, {"已足额支付工资，不存在拖欠；", "解除劳动合同系原告个人原因，不应支付经济补偿；"}));
        break;
      default:
        ctx.Append(Pick(ctx.rng, {"原告未按约履行合同义务，其主张缺乏依据；", "对合同的签订无异议，但原告主张的数额过高；"}));
    }
    ctx.Append(Pick(ctx.rng, {"请求法庭依法裁决。", "请求驳回原告的诉讼请求。", "请求依法处理。"}));
  }
  ctx.Append("\n");
  ctx.d.Mark(Anchor::kDefenseParagraph, passive, b);
}

void RenderCivilFacts(RenderContext& ctx, Fen claim) {
  Fen a, b;
  SplitPrincipalInterest(claim, &a, &b);
  int active = ctx.FirstActive(), passive = ctx.FirstPassive();
  Date d1 = EventDate(ctx, 120, 900);
  switch (ctx.family) {
    case CauseFamily::kPrivateLoan: {
      Date due = d1.AddMonths(static_cast<int>(ctx.rng.Range(3, 12)));
      Date_(ctx, d1);
      ctx.Append("，");
      Mention(ctx, passive, true);
      ctx.Append("向");
      Mention(ctx, active, true);
      ctx.Append("借款，并出具");
      ctx.Append(ctx.uniform_iou ? "借条" : Pick(ctx.rng, {"借条", "欠条", "借据"}));
      ctx.Append("一份，载明：“");
      if (ctx.uniform_iou) {
        ctx.Append("借款人因资金周转需要，今向出借人借到");
        WordsAndFigures(ctx, a);
        ctx.Append("，借款期限六个月，月利率2%，逾期未还的，借款人自愿承担出借人为实现债权支出的律师费、诉讼费等全部费用。”");
      } else {
        ctx.Append("今借到");
        ctx.Append(ctx.c.parties[active < 0 ? 0 : active].name);
        WordsAndFigures(ctx, a);
        ctx.Append(Pick(ctx.rng, {"，月利率1%", "，月息1.5分", "，年利率12%", "，利息按月利率1.2%计算"}));
        ctx.Append("，于");
        Date_(ctx, due);
        ctx.Append("前还清。”");
      }
      if (ctx.cash_delivery) {
        ctx.Append(Pick(ctx.rng, {"原告称借款系以现金方式当面交付。", "该借款以现金方式交付，无银行转账记录。"}));
      } else {
        ctx.Append(Pick(ctx.rng, {"当日，原告通过银行转账向被告交付了借款。", "原告于同日通过转账方式将借款汇入被告账户。"}));
      }
      if (ctx.interest_deducted) {
        Fen deducted = a / 10 / 100 * 100;
        ctx.Append("出借时原告预先扣除利息");
        Yuan(ctx, deducted);
        ctx.Append("，实际交付");
        Yuan(ctx, a - deducted);
        ctx.Append("。");
      }
      ctx.Append("借款到期后，被告未偿还借款本息。截至起诉之日，被告尚欠借款本金");
      break;
    }
    case CauseFamily::kFinancialLoan:
    case CauseFamily::kCreditCard: {
      Date_(ctx, d1);
      ctx.Append("，");
      Mention(ctx, active, true);
      ctx.Append("与");
      Mention(ctx, passive, true);
      if (ctx.family == CauseFamily::kCreditCard) {
        ctx.Append("签订《信用卡领用合约》，被告领用信用卡一张并透支消费，透支本金");
      } else {
        ctx.Append("签订《个人借款合同》，约定借款金额");
      }
      WordsAndFigures(ctx, a);
      ctx.Append(Pick(ctx.rng, {"。合同签订后，原告依约发放了贷款。", "。原告依约履行了放款义务。"}));
      ctx.Append("被告自");
      Date_(ctx, d1.AddMonths(static_cast<int>(ctx.rng.Range(2, 8))));
      ctx.Append("起未按约还款。截至");
      Date_(ctx, ctx.c.filed_date.AddDays(-static_cast<int>(ctx.rng.Range(1, 20))));
      ctx.Append("，被告尚欠");
      ctx.Append(PartLabel(ctx.family, false));
      break;
    }
    case CauseFamily::kSales:
      ctx.Append("原告与被告之间存在买卖合同关系，原告于");
      Date_(ctx, d1);
      ctx.Append(Pick(ctx.rng, {"起向被告供应货物，", "至起诉前陆续向被告供货，"}));
      ctx.Append("经双方对账确认货款为");
      WordsAndFigures(ctx, a);
      ctx.Append("，被告未依约付款。截至起诉之日，被告尚欠货款");
      break;
    case CauseFamily::kTraffic:
      Date_(ctx, d1);
      ctx.Append("，被告驾驶机动车与原告发生交通事故，致原告受伤。公安机关交通管理部门认定被告负事故全部责任。原告住院治疗，支付医疗费");
      WordsAndFigures(ctx, a);
      ctx.Append("。经核算，原告的损失为医疗费");
      break;
    case CauseFamily::kDivorce:
      ctx.Append("原告与被告于");
      Date_(ctx, d1.AddDays(-static_cast<int>(ctx.rng.Range(700, 5000))));
      ctx.Append("登记结婚，婚后因生活琐事常发生矛盾，");
      Date_(ctx, d1);
      ctx.Append("起分居至今。婚姻关系存续期间，双方有共同存款");
      WordsAndFigures(ctx, a);
      ctx.Append("。夫妻共同财产为共同存款");
      break;
    case CauseFamily::kLabour:
      ctx.Append("原告于");
      Date_(ctx, d1.AddDays(-static_cast<int>(ctx.rng.Range(200, 2000))));
      ctx.Append("入职被告处工作，");
      Date_(ctx, d1);
      ctx.Append("双方劳动关系解除。被告拖欠原告工资");
      WordsAndFigures(ctx, a);
      ctx.Append("。被告应付原告拖欠工资");
      break;
    default:
      Date_(ctx, d1);
      ctx.Append("，原告与被告签订合同，约定合同款");
      WordsAndFigures(ctx, a);
      ctx.Append("，被告未依约付款。被告应付合同款");
      break;
  }
  Yuan(ctx, a);
  if (b > 0) {
    ctx.Append("、");
    ctx.Append(PartLabel(ctx.family, true));
    Yuan(ctx, b);
  }
  ctx.Append("，合计");
  Total(ctx, claim);
  ctx.Append("。");
}

void RenderCivilReasoning(RenderContext& ctx, Fen claim, Fen awarded) {
  int active = ctx.FirstActive(), passive = ctx.FirstPassive();
  switch (ctx.family) {
    case CauseFamily::kPrivateLoan:
      ctx.Append(Pick(ctx.rng, {"合法的借贷关系受法律保护。", "依法成立的借贷关系受法律保护。"}));
      Mention(ctx, active, true);
      ctx.Append("与");
      Mention(ctx, passive, true);
      ctx.Append("之间的借贷关系，有借条及当事人陈述等证据证实，事实清楚，本院予以确认。");
      if (ctx.interest_deducted)
        ctx.Append("借贷双方约定预先在本金中扣除利息的，应当按照实际出借的金额认定为本金。");
      break;
    case CauseFamily::kFinancialLoan:
    case CauseFamily::kCreditCard:
      ctx.Append("原告与被告签订的合同系双方真实意思表示，不违反法律、行政法规的强制性规定，合法有效。原告依约发放款项，");
      Mention(ctx, passive, true);
      ctx.Append("未按约还款，构成违约，事实清楚。");
      break;
    case CauseFamily::kSales:
      ctx.Append("原告与被告之间的买卖合同关系合法有效。原告已依约交付货物，");
      Mention(ctx, passive, true);
      ctx.Append("应当支付相应货款，其逾期付款，应承担相应的违约责任。");
      break;
    case CauseFamily::kTraffic:
      ctx.Append("公民的生命健康权受法律保护。本次交通事故经公安机关交通管理部门认定，");
      Mention(ctx, passive, true);
      ctx.Append("负事故全部责任，该认定事实清楚，本院予以采信。原告的合理损失，应由被告承担赔偿责任。");
      break;
    case CauseFamily::kDivorce:
      ctx.Append("婚姻关系的存续应以夫妻感情为基础。");
      Mention(ctx, active, true);
      ctx.Append("与");
      Mention(ctx, passive, true);
      ctx.Append("长期分居，夫妻感情确已破裂，原告要求离婚，本院予以准许。夫妻共同财产依法予以分割。");
      break;
    case CauseFamily::kLabour:
      ctx.Append("劳动者的合法权益受法律保护。用人单位应当按照劳动合同约定和国家规定，向劳动者及时足额支付劳动报酬。");
      Mention(ctx, passive, true);
      ctx.Append("拖欠原告工资，事实清楚，应予支付。");
      break;
    default:
      ctx.Append("当事人应当按照约定全面履行自己的义务。");
      Mention(ctx, passive, true);
      ctx.Append("未依约履行付款义务，应承担相应的民事责任。");
  }
  if (awarded <= 0) {
    ctx.Append("但原告提交的证据不足以证明其主张，应承担举证不能的不利后果，对其诉讼请求本院不予支持。");
  } else if (awarded < claim) {
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
