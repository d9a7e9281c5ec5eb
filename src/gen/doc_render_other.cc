// Second-instance documents (民事/刑事/行政 二审), 行政判决书 and 执行裁定书.
#include "gen/chinese_numerals.h"
#include "gen/doc_render.h"
#include "gen/litigation_fee.h"
#include "gen/phrasebook.h"

namespace tianping::gen {
namespace {

bool Contains(std::string_view s, std::string_view part) { return s.find(part) != std::string_view::npos; }

std::string_view DocPrefix(std::string_view category) {
  if (category == "刑事") return "刑事";
  if (category == "行政") return "行政";
  return "民事";
}

// The first-instance court and case number quoted in the history of an appeal or execution.
void OriginReference(RenderContext& ctx) {
  if (ctx.origin) {
    ctx.Append(ctx.origin->court_name);
    ctx.Append(ctx.origin->case_number);
  } else if (ctx.c.derived_from) {
    // Same court code in the quoted 案号 (…京0105民初…) means this court decided it.
    const std::string& num = ctx.c.derived_from->case_number;
    bool same = ctx.c.category == "执行" && !ctx.c.court_code.empty() && num.find(ctx.c.court_code) != std::string::npos;
    ctx.Append(same ? "本院" : "原审法院");
    ctx.Append(num);
  } else {
    ctx.Append("原审法院");
  }
}

std::string_view OriginCourt(const RenderContext& ctx) {
  return ctx.origin ? std::string_view(ctx.origin->court_name) : std::string_view("原审法院");
}

}  // namespace

void RenderAppeal(RenderContext& ctx) {
  const Case& c = ctx.c;
  std::string_view prefix = DocPrefix(c.category);
  std::string_view method = c.closure_method;
  bool remand = Contains(method, "发回");
  bool amend = Contains(method, "改判");
  bool ruling = remand || (prefix == "刑事" && !amend);
  std::string kind(prefix);
  kind.append(ruling ? "裁定书" : "判决书");
  RenderTitle(ctx, kind);
  RenderParties(ctx, prefix == "刑事");
  size_t body = ctx.d.text.size();
  int appellant = ctx.FirstActive(), appellee = ctx.FirstPassive();
  MentionSide(ctx, ctx.actives, true);
  if (!ctx.passives.empty()) {
    ctx.Append("因与");
    MentionSide(ctx, ctx.passives, true);
  }
  ctx.Append(c.cause_name);
  ctx.Append("一案，不服");
  OriginReference(ctx);
  ctx.Append(prefix);
  ctx.Append("判决，向本院提起上诉。本院于");
  AppendFiledDate(ctx);
  ctx.Append("立案后，依法组成合议庭，");
  ctx.Append(Pick(ctx.rng, {"公开开庭进行了审理。", "经过阅卷、调查和询问当事人，不开庭进行了审理。"}));
  ctx.Append("本案现已审理终结。\n");

  Mention(ctx, appellant, true);
  ctx.Append("上诉请求：撤销原判，依法改判。事实和理由：");
  ctx.Append(Pick(ctx.rng, {"一审判决认定事实不清，适用法律错误。", "一审判决认定事实错误，处理结果不当。"}));
  ctx.Append("\n");
  size_t b = ctx.d.text.size();
  Mention(ctx, appellee, true);
  ctx.Append(Pick(ctx.rng, {"辩称，一审判决认定事实清楚，适用法律正确，请求驳回上诉，维持原判。",
                            "辩称，上诉人的上诉理由不能成立，请求维持原判。"}));
  ctx.Append("\n");
  ctx.d.Mark(Anchor::kDefenseParagraph, appellee, b);
  ctx.Append("本院经审理查明，一审法院认定的事实");
  ctx.Append(amend ? "基本属实，但" : "清楚，");
  ctx.Append("本院予以确认。\n");
  b = ctx.d.text.size();
  ctx.Append("本院认为，");
  if (remand) {
    ctx.Append("一审判决认定基本事实不清，应当发回重审。");
  } else if (amend) {
    ctx.Append("一审判决认定部分事实有误，适用法律不当，本院依法予以纠正。");
    Mention(ctx, appellant, true);
    ctx.Append("的部分上诉请求成立，本院予以支持。");
  } else {
    Mention(ctx, appellant, true);
    ctx.Append(Pick(ctx.rng, {"的上诉请求不能成立，应予驳回；一审判决认定事实清楚，适用法律正确，应予维持。",
                              "的上诉理由缺乏事实和法律依据，本院不予支持。一审判决认定事实清楚，适用法律正确，应予维持。"}));
  }
  ctx.Append("\n");
  ctx.d.Mark(Anchor::kReasoningParagraph, -1, b);
  int item = remand ? 3 : amend ? 2 : 1;
  if (prefix == "刑事") {
    ctx.Append("依照《中华人民共和国刑事诉讼法》第二百三十六条第一款第");
  } else if (prefix == "行政") {
    ctx.Append("依照《中华人民共和国行政诉讼法》第八十九条第一款第");
  } else {
    ctx.Append("依照《中华人民共和国民事诉讼法》");
    ctx.Append(ArticleNumber(AppealOutcomeArticle(ctx.judgment_date)));
    ctx.Append("第一款第");
  }
  ctx.Append(ChineseInt(item));
  ctx.Append(ruling ? "项之规定，裁定如下：\n" : "项之规定，判决如下：\n");
  if (remand) {
    ctx.Append("一、撤销");
    OriginReference(ctx);
    ctx.Append(prefix);
    ctx.Append("判决；\n二、本案发回");
    ctx.Append(OriginCourt(ctx));
    ctx.Append("重审。\n");
  } else if (amend) {
    ctx.Append("一、撤销");
    OriginReference(ctx);
    ctx.Append(prefix);
    ctx.Append("判决；\n二、");
    if (prefix == "民事" && c.awarded_amount > 0) {
      ctx.Append("改判");
      Mention(ctx, appellee, true);
      ctx.Append("于本判决生效之日起十日内支付");
      Mention(ctx, appellant, true);
      ctx.Append("款项");
      AppendYuan(&ctx.d.text, c.awarded_amount);
      ctx.Append("元。\n");
      RenderLatePerformanceNotice(ctx);
    } else {
      ctx.Append("驳回");
      Mention(ctx, appellee, true);
      ctx.Append("的其他诉讼请求。\n");
    }
  } else {
    ctx.Append("驳回上诉，维持原判。\n");
  }
  Fen fee = CaseAcceptanceFee(c.category, c.cause_name, c.claim_amount);
  if (fee > 0 && !remand) {
    ctx.Append("二审");
    RenderCosts(ctx, fee, false, amend ? 0.0 : 1.0);
    ctx.Append("\n");
  }
  ctx.Append(ruling ? "本裁定为终审裁定。\n" : "本判决为终审判决。\n");
  ctx.d.Mark(Anchor::kBody, -1, body);
  RenderSignature(ctx);
}

void RenderAdministrative(RenderContext& ctx) {
  const Case& c = ctx.c;
  RenderTitle(ctx, "行政判决书");
  RenderParties(ctx, false);
  size_t body = ctx.d.text.size();
  int plaintiff = ctx.FirstActive(), agency = ctx.FirstPassive();
  Date decided = c.filed_date.AddDays(-static_cast<int>(ctx.rng.Range(20, 150)));
  Fen fine = c.claim_amount > 0 ? c.claim_amount : ctx.rng.Range(1, 50) * 100000;
  bool quash = c.awarded_amount > 0 || Contains(c.closure_method, "撤销");
  Mention(ctx, plaintiff, true);
  ctx.Append("不服");
  Mention(ctx, agency, true);
  ctx.Append(c.cause_name);
  ctx.Append("决定，于");
  AppendFiledDate(ctx);
  ctx.Append("向本院提起行政诉讼。本院立案后，依法向被告送达了起诉状副本及应诉通知书，");
  ctx.Append(ctx.sole_judge ? "依法适用简易程序，公开开庭审理了本案。" : "依法组成合议庭，公开开庭审理了本案。");
  ctx.Append("本案现已审理终结。\n");
  Mention(ctx, agency, true);
  ctx.Append("于");
  AppendArabicDate(&ctx.d.text, decided);
  ctx.Append("作出行政处罚决定，对原告处以罚款");
  AppendYuan(&ctx.d.text, fine);
  ctx.Append("元。\n");
  Mention(ctx, plaintiff, true);
  ctx.Append("诉称，被诉行政行为认定事实不清，程序违法，请求予以撤销。\n");
  size_t b = ctx.d.text.size();
  Mention(ctx, agency, true);
  ctx.Append("辩称，被诉行政行为认定事实清楚，证据确实充分，程序合法，请求驳回原告的诉讼请求。\n");
  ctx.d.Mark(Anchor::kDefenseParagraph, agency, b);
  ctx.Append("经审理查明，被告在作出处罚决定前");
  ctx.Append(quash ? "未依法告知原告陈述、申辩的权利。\n" : "依法履行了告知、听取陈述申辩等程序。\n");
  b = ctx.d.text.size();
  ctx.Append("本院认为，");
  ctx.Append(quash ? "被诉行政行为违反法定程序，依法应予撤销。\n" : "被诉行政行为认定事实清楚，证据确凿，适用法律、法规正确，符合法定程序，原告的诉讼请求缺乏事实和法律依据。\n");
  ctx.d.Mark(Anchor::kReasoningParagraph, -1, b);
  ctx.Append(quash ? "依照《中华人民共和国行政诉讼法》第七十条第三项之规定，判决如下：\n撤销被告作出的行政处罚决定。\n"
                   : "依照《中华人民共和国行政诉讼法》第六十九条之规定，判决如下：\n驳回");
  if (!quash) {
    Mention(ctx, plaintiff, true);
    ctx.Append("的诉讼请求。\n");
  }
  RenderCosts(ctx, CaseAcceptanceFee(c.category, c.cause_name, 0), false, quash ? 0.0 : 1.0);
  ctx.Append("\n");
  RenderCivilAppealNotice(ctx, false);
  ctx.d.Mark(Anchor::kBody, -1, body);
  RenderSignature(ctx);
}

void RenderExecution(RenderContext& ctx) {
  const Case& c = ctx.c;
  RenderTitle(ctx, "执行裁定书");
  RenderParties(ctx, false);
  size_t body = ctx.d.text.size();
  Fen applied = c.execution ? c.execution->applied_amount : c.claim_amount;
  Fen recovered = c.execution ? c.execution->recovered_amount : 0;
  bool finished = Contains(c.closure_method, "执行完毕");
  MentionSide(ctx, ctx.actives, true);
  ctx.Append("与");
  MentionSide(ctx, ctx.passives, true);
  ctx.Append(c.cause_name);
  ctx.Append("一案，");
  OriginReference(ctx);
  ctx.Append("民事判决已经发生法律效力。因被执行人未履行生效法律文书确定的义务，申请执行人向本院申请强制执行，本院于");
  AppendFiledDate(ctx);
  ctx.Append("立案。\n本案申请执行标的为");
  AppendYuan(&ctx.d.text, applied);
  ctx.Append("元。执行过程中，本院依法向被执行人发出执行通知书、报告财产令，并通过网络执行查控系统对被执行人名下的存款、车辆、不动产等财产进行了查询");
  if (recovered > 0) {
    ctx.Append("，执行到位");
    AppendYuan(&ctx.d.text, recovered);
    ctx.Append("元");
  }
  ctx.Append("。\n");
  size_t b = ctx.d.text.size();
  ctx.Append("本院认为，");
  ctx.Append(finished ? "生效法律文书确定的义务已经全部履行完毕，本案应当结案。\n"
                      : "经穷尽财产调查措施，未发现被执行人有其他可供执行的财产，本案符合终结本次执行程序的条件。\n");
  ctx.d.Mark(Anchor::kReasoningParagraph, -1, b);
  ctx.Append("依照《最高人民法院关于适用〈中华人民共和国民事诉讼法〉的解释》");
  ctx.Append(ArticleNumber(ctx.judgment_date >= Date::FromYmd(2022, 4, 10) ? 517 : 519));
  ctx.Append("之规定，裁定如下：\n");
  ctx.Append(finished ? "本案执行完毕。\n" : "终结本次执行程序。\n申请执行人发现被执行人有可供执行财产的，可以再次申请执行。\n");
  ctx.Append("本裁定送达后立即生效。\n");
  ctx.d.Mark(Anchor::kBody, -1, body);
  RenderSignature(ctx);
}

}  // namespace tianping::gen
