// Rulings (裁定书) that end a case without a judgment on the merits: 撤诉 / 撤回上诉 / 撤回再审申请,
// 驳回起诉, 移送, 终止审理, 再审审查 (驳回再审申请, 裁定再审) and 执行异议.
#include "gen/chinese_numerals.h"
#include "gen/doc_render.h"
#include "gen/litigation_fee.h"
#include "gen/phrasebook.h"

namespace tianping::gen {
namespace {

bool Contains(std::string_view s, std::string_view part) { return s.find(part) != std::string_view::npos; }

enum class Stage { kFirst, kAppeal, kRetrialReview, kExecution };

Stage StageOf(const Case& c) {
  if (c.category == "执行") return Stage::kExecution;
  if (c.procedure == "再审审查" || Contains(c.type_code, "申")) return Stage::kRetrialReview;
  if (c.procedure == "二审" || Contains(c.type_code, "终")) return Stage::kAppeal;
  return Stage::kFirst;
}

std::string_view Prefix(const Case& c) {
  if (c.category == "刑事") return "刑事";
  if (c.category == "行政") return "行政";
  return "民事";
}

void Origin(RenderContext& ctx) { AppendOriginReference(ctx, ctx.c.category == "执行"); }

void Cite(RenderContext& ctx, CivilProcedure p, std::string_view tail = "") {
  ctx.Append("《中华人民共和国民事诉讼法》");
  ctx.Append(ArticleNumber(CivilProcedureArticle(p, ctx.judgment_date)));
  ctx.Append(tail);
}

// How the case came: one line ending with '\n'.
void History(RenderContext& ctx, Stage stage) {
  const Case& c = ctx.c;
  std::string_view prefix = Prefix(c);
  if (stage == Stage::kFirst && c.category == "刑事") {
    ctx.Append(ctx.Procuratorate(c.court_name));
    ctx.Append("以起诉书指控");
    MentionSide(ctx, ctx.passives, true);
    ctx.Append("犯");
    ctx.Append(c.cause_name);
    ctx.Append("，于");
    AppendFiledDate(ctx);
    ctx.Append("向本院提起公诉。\n");
    return;
  }
  if (stage == Stage::kExecution) {
    ctx.Append("本院在执行");
    if (OriginCourtName(ctx, true) == "本院" && c.derived_from) ctx.Append(c.derived_from->case_number);
    else Origin(ctx);
    ctx.Append(prefix);
    ctx.Append("判决一案中，");
    if (ctx.objector >= 0) Mention(ctx, ctx.objector, true);
    else MentionSide(ctx, ctx.passives.empty() ? ctx.actives : ctx.passives, true);
    ctx.Append(ctx.objector >= 0 ? "对执行标的提出书面异议。" : "对本院的执行行为提出书面异议。");
    ctx.Append("本院于");
    AppendFiledDate(ctx);
    ctx.Append("立案后，依法组成合议庭进行审查，现已审查终结。\n");
    return;
  }
  if (stage == Stage::kAppeal && c.category == "刑事") {
    std::string origin_court = OriginCourtName(ctx, false);
    ctx.Append(origin_court);
    ctx.Append("审理");
    ctx.Append(ctx.Procuratorate(origin_court));
    ctx.Append("指控原审被告人");
    int d = ctx.FirstActive() >= 0 ? ctx.FirstActive() : ctx.FirstPassive();
    if (d >= 0) ctx.Append(c.parties[d].name);
    ctx.Append("犯");
    ctx.Append(c.cause_name);
    ctx.Append("一案，作出");
    if (ctx.origin) ctx.Append(ctx.origin->case_number);
    else if (c.derived_from) ctx.Append(c.derived_from->case_number);
    ctx.Append("刑事判决。原审被告人不服，提出上诉。本院于");
    AppendFiledDate(ctx);
    ctx.Append("立案。\n");
    return;
  }
  MentionSide(ctx, ctx.actives, true);
  ctx.Append(stage == Stage::kFirst ? "与" : "因与");
  MentionSide(ctx, ctx.passives, true);
  ctx.Append(c.cause_name);
  ctx.Append("一案");
  if (stage == Stage::kFirst) {
    ctx.Append("，本院于");
    AppendFiledDate(ctx);
    ctx.Append("立案。\n");
    return;
  }
  ctx.Append("，不服");
  Origin(ctx);
  ctx.Append(prefix);
  ctx.Append(stage == Stage::kAppeal ? "判决，向本院提起上诉。本院于" : "判决，向本院申请再审。本院于");
  AppendFiledDate(ctx);
  ctx.Append(stage == Stage::kAppeal ? "立案。\n" : "立案后，依法组成合议庭进行了审查，现已审查终结。\n");
}

// The application or objection, dated a few days before the ruling.
void Application(RenderContext& ctx, int party, std::string_view what) {
  Date applied = ctx.judgment_date.AddDays(-static_cast<int>(ctx.rng.Range(1, 10)));
  if (applied < ctx.c.filed_date) applied = ctx.c.filed_date;
  Mention(ctx, party, true);
  ctx.Append("于");
  AppendArabicDate(&ctx.d.text, applied);
  ctx.Append(what);
}

void Reasoning(RenderContext& ctx, std::string_view text, int party = -1) {
  size_t b = ctx.d.text.size();
  ctx.Append("本院认为，");
  if (party >= 0) Mention(ctx, party, true);
  ctx.Append(text);
  ctx.Append("\n");
  ctx.d.Mark(Anchor::kReasoningParagraph, -1, b);
}

}  // namespace

std::string ProcuratorateName(std::string_view court) {
  std::string out(court);
  // 北京市第三中级人民法院 → 北京市人民检察院第三分院.
  if (size_t p = out.find("中级人民法院"); p != std::string::npos) {
    size_t di = out.rfind("第", p);
    if (di != std::string::npos && out.compare(di, 3, "第") == 0 && di > 0)
      return out.substr(0, di) + "人民检察院" + out.substr(di, p - di) + "分院";
  }
  if (size_t p = out.find("中级人民法院"); p != std::string::npos) return out.substr(0, p) + "人民检察院";
  if (size_t p = out.find("人民法院"); p != std::string::npos) return out.substr(0, p) + "人民检察院";
  return out + "人民检察院";
}

void RenderRuling(RenderContext& ctx) {
  const Case& c = ctx.c;
  Stage stage = StageOf(c);
  std::string_view prefix = stage == Stage::kExecution ? "执行" : Prefix(c);
  std::string_view method = c.closure_method;
  bool criminal = c.category == "刑事", admin = c.category == "行政";
  std::string kind(prefix);
  kind.append("裁定书");
  RenderTitle(ctx, kind);
  if (criminal && stage == Stage::kFirst) {
    ctx.Append("公诉机关");
    ctx.Append(ctx.Procuratorate(c.court_name));
    ctx.Append("。\n");
    ctx.d.detained = c.filed_date.AddDays(-60);
  }
  RenderParties(ctx, criminal);
  size_t body = ctx.d.text.size();
  History(ctx, stage);
  int active = ctx.FirstActive(), passive = ctx.FirstPassive();
  Fen fee = CaseAcceptanceFee(c.category, c.cause_name, c.claim_amount);
  std::string appeal_court = AppealCourtName(ctx);
  enum class Notice { kNone, kAppeal, kFinal, kReconsider, kSuit } notice = Notice::kNone;
  bool withdrawn = Contains(method, "撤诉") || Contains(method, "撤回");

  if (stage == Stage::kFirst && withdrawn && criminal) {
    std::string proc = ctx.Procuratorate(c.court_name);
    ctx.Append(proc);
    ctx.Append("于");
    AppendArabicDate(&ctx.d.text, ctx.judgment_date.AddDays(-static_cast<int>(ctx.rng.Range(1, 10))));
    ctx.Append("以证据发生变化为由，要求撤回起诉。\n");
    Reasoning(ctx, "公诉机关在宣告判决前要求撤回起诉，理由成立，应予准许。");
    ctx.Append("依照《最高人民法院关于适用〈中华人民共和国刑事诉讼法〉的解释》");
    ctx.Append(ArticleNumber(ctx.judgment_date >= Date::FromYmd(2021, 3, 1) ? 296 : 242));
    ctx.Append("之规定，裁定如下：\n准许");
    ctx.Append(proc);
    ctx.Append("撤回起诉。\n");
  } else if (stage == Stage::kFirst && withdrawn) {
    Application(ctx, active, "向本院提出撤诉申请。\n");
    Reasoning(ctx, Pick(ctx.rng, {"在本案宣判前申请撤诉，系对其诉讼权利的处分，且不违反法律规定，本院予以准许。",
                                  "申请撤回起诉，系其真实意思表示，不违反法律规定，本院予以准许。"}),
              active);
    ctx.Append("依照");
    if (admin) ctx.Append("《中华人民共和国行政诉讼法》第六十二条");
    else Cite(ctx, CivilProcedure::kWithdrawal);
    ctx.Append("之规定，裁定如下：\n准许");
    Mention(ctx, active, true);
    ctx.Append("撤回起诉。\n");
    if (fee > 0) { RenderCosts(ctx, fee, true, 1.0); ctx.Append("\n"); }
  } else if (stage == Stage::kFirst && criminal) {  // 终止审理 and other criminal rulings
    Reasoning(ctx, "在审理期间死亡，依法应当终止审理。", passive);
    ctx.Append("依照《中华人民共和国刑事诉讼法》第十六条第五项之规定，裁定如下：\n本案终止审理。\n");
  } else if (stage == Stage::kFirst && Contains(method, "移送")) {
    Reasoning(ctx, "本案被告住所地及合同履行地均不在本院辖区，本院对本案没有管辖权，应当移送有管辖权的人民法院审理。");
    ctx.Append("依照");
    Cite(ctx, CivilProcedure::kTransfer);
    ctx.Append("之规定，裁定如下：\n本案移送有管辖权的人民法院处理。\n");
  } else if (stage == Stage::kFirst) {  // 驳回起诉
    Reasoning(ctx, admin ? "的起诉不符合法定起诉条件，依法应予驳回。" : "的起诉不符合法律规定的起诉条件，依法应予驳回。", active);
    ctx.Append("依照");
    if (admin) {
      ctx.Append("《最高人民法院关于适用〈中华人民共和国行政诉讼法〉的解释》第六十九条第一款");
    } else {
      Cite(ctx, CivilProcedure::kDismissSuit, "、");
      ctx.Append(ArticleNumber(CivilProcedureArticle(CivilProcedure::kRulingScope, ctx.judgment_date)));
      ctx.Append("第一款第三项");
    }
    ctx.Append("之规定，裁定如下：\n驳回");
    Mention(ctx, active, true);
    ctx.Append("的起诉。\n");
    if (fee > 0) {
      size_t b = ctx.d.text.size();
      ctx.Append("案件受理费");
      AppendYuan(&ctx.d.text, fee);
      ctx.Append("元，退还");
      Mention(ctx, active, true);
      ctx.Append("。");
      ctx.d.Mark(Anchor::kCostSentence, -1, b);
      ctx.Append("\n");
    }
    notice = Notice::kAppeal;
  } else if (stage == Stage::kAppeal) {  // 撤回上诉
    Application(ctx, active, "向本院申请撤回上诉。\n");
    Reasoning(ctx, "申请撤回上诉，系其真实意思表示，不违反法律规定，本院予以准许。", active);
    ctx.Append("依照");
    if (criminal) ctx.Append("《最高人民法院关于适用〈中华人民共和国刑事诉讼法〉的解释》第三百八十三条");
    else if (admin) ctx.Append("《中华人民共和国行政诉讼法》第六十二条");
    else Cite(ctx, CivilProcedure::kAppealWithdrawal);
    ctx.Append("之规定，裁定如下：\n准许");
    Mention(ctx, active, true);
    ctx.Append("撤回上诉。");
    Origin(ctx);
    ctx.Append(prefix);
    ctx.Append("判决自本裁定书送达之日起发生法律效力。\n");
    if (fee > 0) { ctx.Append("二审"); RenderCosts(ctx, fee, true, 1.0); ctx.Append("\n"); }
    notice = Notice::kFinal;
  } else if (stage == Stage::kRetrialReview) {
    Mention(ctx, active, true);
    ctx.Append("申请再审称，原判决认定的基本事实缺乏证据证明，适用法律确有错误。\n");
    if (withdrawn) {
      Application(ctx, active, "向本院申请撤回再审申请。\n");
      Reasoning(ctx, "撤回再审申请的请求，不违反法律规定，本院予以准许。", active);
      ctx.Append("依照《最高人民法院关于适用〈中华人民共和国民事诉讼法〉的解释》第四百条之规定，裁定如下：\n准许");
      Mention(ctx, active, true);
      ctx.Append("撤回再审申请。\n");
    } else if (Contains(method, "再审")) {  // 裁定再审
      Reasoning(ctx, "的再审申请符合法律规定的再审情形。", active);
      ctx.Append("依照");
      Cite(ctx, CivilProcedure::kRetrialReview, "之规定，裁定如下：\n本案由本院提审。\n再审期间，中止原判决的执行。\n");
    } else {
      Reasoning(ctx, "的再审申请不符合法律规定的再审情形，应予驳回。", active);
      ctx.Append("依照");
      Cite(ctx, CivilProcedure::kRetrialReview, "第一款之规定，裁定如下：\n驳回");
      Mention(ctx, active, true);
      ctx.Append("的再审申请。\n");
    }
  } else {  // 执行异议
    bool upheld = Contains(method, "成立");
    int who = ctx.objector >= 0 ? ctx.objector : passive >= 0 ? passive : active;
    CivilProcedure basis = ctx.objector >= 0 ? CivilProcedure::kThirdPartyObjection : CivilProcedure::kExecutionObjection;
    if (withdrawn) {
      Reasoning(ctx, "撤回异议申请，不违反法律规定，本院予以准许。", who);
      ctx.Append("依照");
      Cite(ctx, basis, "之规定，裁定如下：\n准许撤回异议。\n");
    } else {
      Reasoning(ctx, upheld ? "提出的异议理由成立，应予支持。" : "提出的异议理由不能成立，应予驳回。", who);
      ctx.Append("依照");
      Cite(ctx, basis,
           upheld ? (ctx.objector >= 0 ? "之规定，裁定如下：\n中止对该执行标的的执行。\n"
                                       : "之规定，裁定如下：\n撤销本院作出的相关执行行为。\n")
                  : "之规定，裁定如下：\n驳回异议请求。\n");
      notice = ctx.objector >= 0 ? Notice::kSuit : Notice::kReconsider;
    }
  }

  if (notice == Notice::kAppeal) {
    RenderCivilAppealNotice(ctx, true);
  } else if (notice == Notice::kFinal) {
    ctx.Append("本裁定为终审裁定。\n");
  } else if (notice == Notice::kSuit) {
    ctx.Append("案外人、当事人对本裁定不服，认为原判决错误的，依照审判监督程序办理；与原判决无关的，"
               "可以自本裁定送达之日起十五日内向本院提起诉讼。\n");
  } else if (notice == Notice::kReconsider) {
    ctx.Append("如不服本裁定，可以自本裁定送达之日起十日内，向");
    ctx.Append(appeal_court.empty() ? std::string_view("上一级人民法院") : std::string_view(appeal_court));
    ctx.Append("申请复议。\n");
  }
  ctx.d.Mark(Anchor::kBody, -1, body);
  RenderSignature(ctx);
}

}  // namespace tianping::gen
