// 刑事判决书 (first instance).
#include "gen/chinese_numerals.h"
#include "gen/doc_render.h"
#include "gen/phrasebook.h"

namespace tianping::gen {
namespace {

bool Contains(std::string_view s, std::string_view part) { return s.find(part) != std::string_view::npos; }

// 北京市朝阳区人民法院 → 北京市朝阳区人民检察院; 广东省汕头市中级人民法院 → 广东省汕头市人民检察院.
std::string Procuratorate(std::string_view court) {
  std::string out(court);
  if (size_t p = out.find("中级人民法院"); p != std::string::npos) return out.substr(0, p) + "人民检察院";
  if (size_t p = out.find("人民法院"); p != std::string::npos) return out.substr(0, p) + "人民检察院";
  return out + "人民检察院";
}

// Drawn once so that the charge (指控) and the facts found (查明) tell the same story.
struct CrimeFacts {
  Date day;
  std::string_view part_of_day;
  int hour = 0;
  int alcohol = 0;  // mg/100ml
  Fen amount = 0;
};

CrimeFacts DrawFacts(RenderContext& ctx, Fen amount) {
  CrimeFacts f;
  f.day = ctx.d.detained.AddDays(-static_cast<int>(ctx.rng.Range(0, 3)));
  int slot = static_cast<int>(ctx.rng.Range(0, 2));
  f.part_of_day = slot == 0 ? "凌晨" : slot == 1 ? "下午" : "晚";
  f.hour = slot == 0 ? static_cast<int>(ctx.rng.Range(1, 5)) : slot == 1 ? static_cast<int>(ctx.rng.Range(1, 5))
                                                                         : static_cast<int>(ctx.rng.Range(7, 11));
  f.alcohol = static_cast<int>(ctx.rng.Range(81, 260));
  f.amount = amount;
  return f;
}

void Facts(RenderContext& ctx, int defendant, const CrimeFacts& f) {
  std::string_view charge = ctx.c.cause_name;
  AppendArabicDate(&ctx.d.text, f.day);
  ctx.Append(f.part_of_day);
  ctx.Append(ChineseInt(f.hour));
  ctx.Append("时许，");
  Mention(ctx, defendant, true);
  if (Contains(charge, "危险驾驶")) {
    ctx.Append("饮酒后驾驶小型轿车在道路上行驶，被执勤民警查获。经鉴定，其血液中乙醇含量为");
    ctx.Append(std::to_string(f.alcohol));
    ctx.Append("mg/100ml");
  } else if (Contains(charge, "盗窃")) {
    ctx.Append("在某小区内，趁无人看管之机窃取他人财物，经价格认定，被盗财物价值人民币");
    AppendYuan(&ctx.d.text, f.amount);
    ctx.Append("元");
  } else if (Contains(charge, "诈骗")) {
    ctx.Append("虚构事实，骗取被害人钱款共计人民币");
    AppendYuan(&ctx.d.text, f.amount);
    ctx.Append("元");
  } else if (Contains(charge, "伤害")) {
    ctx.Append("因琐事与被害人发生争执，持木棍将被害人打伤。经鉴定，被害人的损伤程度为轻伤二级");
  } else {
    ctx.Append("实施了");
    ctx.Append(charge);
    ctx.Append("的犯罪行为");
  }
  ctx.Append("。");
}

}  // namespace

void RenderCriminalFirstInstance(RenderContext& ctx) {
  const Case& c = ctx.c;
  std::string procuratorate = Procuratorate(c.court_name);
  ctx.d.detained = c.filed_date.AddDays(-60);
  RenderTitle(ctx, "刑事判决书");
  ctx.Append("公诉机关");
  ctx.Append(procuratorate);
  ctx.Append("。\n");
  RenderParties(ctx, true);
  size_t body = ctx.d.text.size();
  int defendant = ctx.FirstPassive();
  const Party* dp = defendant >= 0 ? &c.parties[defendant] : nullptr;
  std::string defender = dp && !dp->agents.empty() ? dp->agents[0].name : "";
  Fen amount = c.claim_amount > 0 ? c.claim_amount : ctx.rng.Range(30, 900) * 10000;
  std::string prosecutor = RandomPersonName(ctx.rng);
  CrimeFacts facts = DrawFacts(ctx, amount);

  ctx.Append(procuratorate);
  ctx.Append("以起诉书指控");
  Mention(ctx, defendant, true);
  ctx.Append("犯");
  ctx.Append(c.cause_name);
  ctx.Append("，于");
  AppendFiledDate(ctx);
  ctx.Append("向本院提起公诉。本院依法适用");
  ctx.Append(ctx.sole_judge ? "简易程序，实行独任审判" : "普通程序，组成合议庭");
  ctx.Append(Pick(ctx.rng, {"，公开开庭审理了本案。", "，公开开庭进行了审理。"}));
  ctx.Append(procuratorate);
  ctx.Append("指派检察员");
  ctx.Append(prosecutor);
  ctx.Append("出庭支持公诉，");
  Mention(ctx, defendant, true);
  if (!defender.empty()) {
    ctx.Append("及其辩护人");
    ctx.Append(defender);
  }
  ctx.Append("到庭参加诉讼。现已审理终结。\n");

  ctx.Append(Pick(ctx.rng, {"公诉机关指控：", "公诉机关指控，"}));
  Facts(ctx, defendant, facts);
  ctx.Append("公诉机关认为，");
  Mention(ctx, defendant, true);
  ctx.Append("的行为已构成");
  ctx.Append(c.cause_name);
  ctx.Append("，提请本院依法判处。\n");

  size_t b = ctx.d.text.size();
  Mention(ctx, defendant, true);
  ctx.Append(Pick(ctx.rng, {"对指控的犯罪事实和罪名无异议，自愿认罪认罚。", "对公诉机关指控的事实无异议，当庭表示认罪。"}));
  if (!defender.empty()) {
    ctx.Append("辩护人");
    ctx.Append(defender);
    ctx.Append(Pick(ctx.rng, {"提出，被告人系初犯，到案后如实供述，认罪态度较好，请求从轻处罚。",
                              "的辩护意见是，被告人具有坦白情节，且系初犯、偶犯，建议从轻处罚。"}));
  }
  ctx.Append("\n");
  ctx.d.Mark(Anchor::kDefenseParagraph, defendant, b);

  ctx.Append("经审理查明，");
  Facts(ctx, defendant, facts);
  ctx.Append("\n上述事实，");
  Mention(ctx, defendant, true);
  ctx.Append("在开庭审理过程中亦无异议，且有");
  ctx.Append(Pick(ctx.rng, {"受案登记表、到案经过、证人证言、鉴定意见", "书证、被害人陈述、现场勘验笔录、辨认笔录"}));
  ctx.Append("及被告人的供述等证据证实，足以认定。\n");

  b = ctx.d.text.size();
  ctx.Append("本院认为，");
  Mention(ctx, defendant, true);
  ctx.Append("违反国家法律规定，其行为已构成");
  ctx.Append(c.cause_name);
  ctx.Append("。公诉机关指控的事实清楚，证据确实、充分，指控的罪名成立。");
  Mention(ctx, defendant, true);
  ctx.Append("到案后如实供述自己的罪行，依法可以从轻处罚。\n");
  ctx.d.Mark(Anchor::kReasoningParagraph, -1, b);

  ctx.Append("依照");
  AppendCitation(&ctx.d.text, CriminalCitation(c.cause_name));
  ctx.Append("之规定，判决如下：\n");
  Mention(ctx, defendant, true);
  ctx.Append("犯");
  ctx.Append(c.cause_name);
  ctx.Append("，判处");
  int months;
  if (Contains(c.cause_name, "危险驾驶")) {
    months = static_cast<int>(ctx.rng.Range(1, 6));
    ctx.Append("拘役");
    ctx.Append(ChineseInt(months));
    ctx.Append("个月");
  } else {
    months = static_cast<int>(ctx.rng.Range(6, 60));
    ctx.Append("有期徒刑");
    if (months >= 12) { ctx.Append(ChineseInt(months / 12)); ctx.Append("年"); }
    if (months % 12) { ctx.Append(ChineseInt(months % 12)); ctx.Append("个月"); }
  }
  ctx.Append("，并处罚金人民币");
  ctx.Append(ChineseInt(ctx.rng.Range(1, 20) * 1000));
  ctx.Append("元。\n（刑期从判决执行之日起计算。判决执行以前先行羁押的，羁押一日折抵刑期一日");
  if (ctx.d.in_custody) {
    ctx.Append("，即自");
    AppendArabicDate(&ctx.d.text, ctx.d.detained);
    ctx.Append("起至");
    AppendArabicDate(&ctx.d.text, ctx.d.detained.AddMonths(months).AddDays(-1));
    ctx.Append("止");
  }
  ctx.Append("。罚金于本判决生效后十日内缴纳。）\n");
  std::string appeal_court = AppealCourtName(ctx);
  ctx.Append("如不服本判决，可在接到判决书的第二日起十日内，通过本院或者直接向");
  ctx.Append(appeal_court.empty() ? std::string_view("上一级人民法院") : std::string_view(appeal_court));
  ctx.Append("提出上诉。书面上诉的，应当提交上诉状正本一份，副本二份。\n");
  ctx.d.Mark(Anchor::kBody, -1, body);
  RenderSignature(ctx);
}

}  // namespace tianping::gen
