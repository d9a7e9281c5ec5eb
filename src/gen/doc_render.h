// Shared pieces of document rendering (title, 首部 party list, mentions, costs, appeal notice,
// signature) and the per-kind renderers. Private to src/gen; see document_writer.h for the contract.
// Thread-safety: a RenderContext belongs to one call.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "gen/doc_draft.h"
#include "gen/document_writer.h"
#include "gen/legal_citations.h"

namespace tianping::gen {

struct RenderContext {
  const Case& c;                 // the case as the document presents it (mismatches applied)
  const Case* origin;            // first-instance case for appeals, or nullptr
  const ReferenceData& ref;
  Rng& rng;
  const DocumentPlan& plan;
  Draft& d;
  CauseFamily family = CauseFamily::kOtherCivil;
  Date judgment_date;
  bool sole_judge = false;       // 独任 (简易程序, 小额诉讼程序)
  std::vector<int> actives;      // 原告 / 上诉人 / 申请人 …
  std::vector<int> passives;     // 被告 / 被上诉人 / 被告人 …
  std::vector<int> others;       // 第三人 …
  bool defendant_absent = false; // 缺席
  bool plaintiff_absent = false; // 原告未到庭 (agent only)
  bool uniform_iou = false, cash_delivery = false, interest_deducted = false;

  RenderContext(const Case& cs, const Case* orig, const ReferenceData& r, Rng& g, const DocumentPlan& p,
                Draft& draft);
  void Append(std::string_view s) { d.text.append(s); }
  int FirstActive() const { return actives.empty() ? -1 : actives[0]; }
  int FirstPassive() const { return passives.empty() ? -1 : passives[0]; }
};

// 标题: court, document kind, 案号 — three lines.
void RenderTitle(RenderContext& ctx, std::string_view kind);
// 首部 party lines with agents; `criminal` uses 被告人/辩护人 style without colons.
void RenderParties(RenderContext& ctx, bool criminal);
// Criminal defendant's custody history (刑事拘留, 逮捕 or 取保候审), inside the party paragraph.
void RenderDetention(RenderContext& ctx, int party);
// "原告张三" (role optional); records kRoleMention / kNameMention anchors.
void Mention(RenderContext& ctx, int party, bool with_role);
// All parties of one side joined with 、 ("被告甲、乙"), the role written once.
void MentionSide(RenderContext& ctx, const std::vector<int>& side, bool with_role);
// Arabic date of filing, recorded as kFiledDate.
void AppendFiledDate(RenderContext& ctx);
// 案件受理费…元[，减半收取计…元]，由…负担。 recorded as kCostSentence. `active_share` in [0,1] is
// the part borne by the active side.
void RenderCosts(RenderContext& ctx, Fen fee, bool halved, double active_share);
// Appeal notice of a civil or administrative judgment (15 days) or ruling (10 days).
void RenderCivilAppealNotice(RenderContext& ctx, bool ruling);
// Name of the court that hears appeals from this court; "上一级人民法院" wording when unknown.
std::string AppealCourtName(const RenderContext& ctx);
// 落款: panel lines, date in Chinese numerals, 本件与原本核对无异, clerk.
void RenderSignature(RenderContext& ctx);
// Late-performance notice citing the 民事诉讼法 article in force at the judgment date.
void RenderLatePerformanceNotice(RenderContext& ctx);

void RenderCivilFirstInstance(RenderContext& ctx);     // 民事判决书
void RenderCivilMediation(RenderContext& ctx);         // 民事调解书
void RenderCivilWithdrawal(RenderContext& ctx);        // 民事裁定书 准许撤诉
void RenderAppeal(RenderContext& ctx);                 // 民事/刑事/行政 二审
void RenderCriminalFirstInstance(RenderContext& ctx);  // 刑事判决书
void RenderAdministrative(RenderContext& ctx);         // 行政判决书
void RenderExecution(RenderContext& ctx);              // 执行裁定书

// Cause-specific 事实和理由 / 查明 sentences for civil cases; shared by judgment and mediation.
// Writes the claim list ("1.判令…；2.…") for `claim`.
void RenderClaims(RenderContext& ctx, Fen claim);
// Facts found, including the upper-case amount (kAmountWords) and a stated total (kSumTotal).
void RenderCivilFacts(RenderContext& ctx, Fen claim);
// The 辩称 line (or the note that the defendant did not answer), recorded as kDefenseParagraph.
void RenderCivilDefense(RenderContext& ctx);
// The cause-specific 本院认为 reasoning sentence(s), without the leading "本院认为，".
void RenderCivilReasoning(RenderContext& ctx, Fen claim, Fen awarded);
// Principal and interest parts of an amount for loan-like causes.
void SplitPrincipalInterest(Fen total, Fen* principal, Fen* interest);

}  // namespace tianping::gen
