// RenderFamily: full case records (parties, agents, staff, amounts) and documents for a planned family.
#include <algorithm>
#include <cmath>

#include <fmt/format.h>

#include "document_writer.h"
#include "family.h"
#include "people.h"
#include "tianping/model/case_json.h"

namespace tianping::gen {
namespace {

bool Is(const char* a, std::string_view b) { return std::string_view(a) == b; }

bool YieldsDocument(const MemberPlan& m) {
  if (!m.closed) return false;
  std::string_view c = m.closure;
  switch (m.type) {
    case CaseType::kMinChu: case CaseType::kXingChu: case CaseType::kXingZhengChu:
      return c == "判决" || c == "调解" || c == "驳回起诉" || c == "撤诉";
    case CaseType::kMinZhong: case CaseType::kXingZhong: case CaseType::kXingZhengZhong:
      return c == "维持" || c == "改判" || c == "发回重审" || c == "调解";
    case CaseType::kMinZai: return true;
    case CaseType::kZhi: return c == "终结本次执行程序" || c == "执行完毕";
    default: return false;
  }
}

// Inserts the planted feature sentences as a paragraph before "本院认为" (or before the last third).
void InsertFeatures(Document* doc, const std::vector<std::string>& features) {
  if (features.empty()) return;
  std::string para;
  for (const auto& f : features) para += f;
  para += "\n";
  size_t pos = std::string::npos;
  for (const char* anchor : {"本院认为", "审理过程中", "经审理查明"}) {
    pos = doc->text.find(anchor);
    if (pos != std::string::npos) break;
  }
  if (pos != std::string::npos) {
    size_t line = doc->text.rfind('\n', pos);
    pos = line == std::string::npos ? 0 : line + 1;
  } else {
    pos = doc->text.find('\n', doc->text.size() * 2 / 3);
    pos = pos == std::string::npos ? doc->text.size() : pos + 1;
  }
  doc->text.insert(pos, para);
}

class Renderer {
 public:
  Renderer(const GenContext& ctx, uint64_t family, const FamilyPlan& plan, const IdRegistry* ids, ChunkOutput* out)
      : ctx_(ctx), plan_(plan), rng_(Rng::Derive(ctx.options.seed, family * 2 + 1)), ids_(ids), out_(*out) {}

  void Run(size_t keep, uint64_t first_case, const uint32_t* seqs) {
    cases_.resize(keep);
    for (size_t i = 0; i < keep; ++i) {
      const MemberPlan& m = plan_.members[i];
      Case& c = cases_[i];
      c.case_id = CaseIdOf(first_case + i);
      c.case_number = CaseNumberOf(ctx_, m, seqs[i]);
      Fill(m, &c);
      if (m.parent >= 0) {
        const Case& p = cases_[m.parent];
        c.derived_from = CaseLink{m.relation, p.case_id, p.case_number};
        DeriveParties(m, plan_.members[m.parent], p, &c);
      } else {
        RootParties(m, &c);
      }
      Amounts(m, &c);
      ResolveIdNumbers(&c);
      bool want_doc = YieldsDocument(m) && (plan_.script ? i == 0 : rng_.Chance(ctx_.doc_share));
      if (want_doc) c.document_id = "D" + c.case_id.substr(1);
      Track(m, c);
      if (plan_.script) out_.refs.push_back({plan_.script->kind, plan_.script->entity, RoleOf(m, i), c.case_id, c.case_number});
      AppendCaseJson(c, &out_.cases);
      out_.cases.push_back('\n');
      ++out_.case_count;
      if (want_doc) Doc(m, c, i);
    }
  }

 private:
  std::string RoleOf(const MemberPlan& m, size_t i) {
    if (i == 0) return plan_.script->kind == Script::Kind::kLenderCrime ? "criminal_case" : "suit";
    return m.type == CaseType::kZhi ? "execution" : m.type == CaseType::kZhiYi ? "execution_objection" : "derived";
  }

  // Replaces numbers the registry gave to someone else (before the record and its document are written).
  void ResolveIdNumbers(Case* c) {
    for (Party& p : c->parties) {
      if (p.id_number.empty()) continue;
      PersonUse u{IdNumberKey(p.id_number), 0, PersonHash(p)};
      if (ids_) p.id_number = ids_->Resolve(p.id_number, u.who);
      u.written = IdNumberKey(p.id_number);
      out_.people.push_back(u);
    }
  }

  void Fill(const MemberPlan& m, Case* c) {
    const CourtInfo& ci = ctx_.courts[m.court];
    c->court_code = ci.court->code;
    c->court_name = ci.court->name;
    c->type_code = TypeCode(m.type);
    c->category = TypeCategory(m.type);
    if (m.cause >= 0) {
      const Cause& cause = ctx_.ref->causes()[m.cause];
      c->cause_code = cause.code;
      c->cause_name = cause.name;
      c->cause_path = CausePath(m.cause);
    }
    c->procedure = m.procedure;
    c->received_date = m.received;
    c->filed_date = m.filed;
    c->closed_date = m.closed;
    c->closure_method = m.closure;
    c->statutory_limit_days = m.limit;
    c->extension_days = m.extension;
    c->excluded_days = m.excluded;
    c->correction_requested = m.correction;
    c->judge_id = ctx_.JudgeId(m.court, m.judge);
    c->judge_name = ctx_.JudgeName(m.court, m.judge);
    if (m.collegial) {
      for (int j : m.panel) c->panel.push_back(ctx_.JudgeName(m.court, j));
    } else {
      c->panel.push_back(c->judge_name);
    }
    c->clerk = ctx_.ClerkName(m.court, m.clerk);
    Date upd = (m.closed ? *m.closed : m.filed).AddDays(static_cast<int>(rng_.Range(0, 3)));
    if (upd > ctx_.end) upd = ctx_.end;
    c->updated_at = fmt::format("{}T{:02d}:{:02d}:{:02d}+08:00", upd.ToString(), rng_.Range(8, 18), rng_.Range(0, 59),
                                rng_.Range(0, 59));
  }

  const std::vector<std::string>& CausePath(int cause) {
    auto it = path_cache_.find(cause);
    if (it == path_cache_.end()) it = path_cache_.emplace(cause, ctx_.ref->CausePath(ctx_.ref->causes()[cause])).first;
    return it->second;
  }

  Party Person(int court, Date on) {
    if (rng_.Chance(0.08)) return ctx_.PoolPerson(court, static_cast<uint64_t>(rng_.Range(0, 2999)), on);
    const CourtInfo& ci = ctx_.courts[court];
    return RandomPerson(rng_, ci.locality, ci.region6, on);
  }
  Party Company(int court) {
    if (rng_.Chance(0.3)) return ctx_.PoolCompany(court, static_cast<uint64_t>(rng_.Range(0, 499)));
    const CourtInfo& ci = ctx_.courts[court];
    return RandomCompany(rng_, ci.city, ci.locality, ci.region6);
  }
  void MaybeAgent(int court, Party* p, double share) {
    if (!rng_.Chance(share)) return;
    if (rng_.Chance(0.08)) {
      Agent a = ctx_.Lawyer(court, static_cast<uint64_t>(rng_.Range(0, 999)));
      a.kind = "基层法律服务工作者";
      a.law_firm = ctx_.courts[court].locality + "法律服务所";
      a.license_number.clear();
      p->agents.push_back(a);
      return;
    }
    p->agents.push_back(ctx_.Lawyer(court, static_cast<uint64_t>(rng_.Range(0, 799))));
  }

  void RootParties(const MemberPlan& m, Case* c) {
    const Script* s = plan_.script;
    if (s) {
      for (Party p : s->plaintiffs) { p.role = "原告"; c->parties.push_back(p); }
      for (Party p : s->defendants) { p.role = m.type == CaseType::kXingChu ? "被告人" : "被告"; c->parties.push_back(p); }
      if (m.type == CaseType::kXingChu) Prosecutor(m, c);
      return;
    }
    if (m.type == CaseType::kXingChu) {
      Prosecutor(m, c);
      int n = rng_.Chance(0.8) ? 1 : static_cast<int>(rng_.Range(2, 3));
      for (int i = 0; i < n; ++i) {
        bool minor = rng_.Chance(0.03);
        const CourtInfo& ci = ctx_.courts[m.court];
        Party p = RandomPerson(rng_, ci.locality, ci.region6, m.filed, minor);
        if (minor) c->is_sealed = true;
        p.role = "被告人";
        if (rng_.Chance(0.6)) {
          Agent a = ctx_.Lawyer(m.court, static_cast<uint64_t>(rng_.Range(0, 799)));
          if (rng_.Chance(0.25)) a.kind = "法律援助律师";
          p.agents.push_back(a);
        }
        c->parties.push_back(p);
      }
      return;
    }
    if (m.type == CaseType::kXingZhengChu) {
      Party p = rng_.Chance(0.75) ? Person(m.court, m.filed) : Company(m.court);
      p.role = "原告";
      MaybeAgent(m.court, &p, 0.6);
      c->parties.push_back(p);
      static const char* kAgencies[] = {"人民政府", "自然资源局", "市场监督管理局", "公安局", "人力资源和社会保障局",
                                        "住房和城乡建设局", "生态环境局", "税务局"};
      const CourtInfo& ci = ctx_.courts[m.court];
      Party d;
      d.kind = "法人";
      d.role = "被告";
      d.name = ci.locality + kAgencies[rng_.Range(0, std::size(kAgencies) - 1)];
      d.credit_code = RandomCreditCode(rng_, ci.region6, '1', '1');  // 机构编制 · 机关
      d.legal_representative = RandomFullName(rng_);
      d.address = RandomAddress(rng_, ci.locality);
      MaybeAgent(m.court, &d, 0.5);
      c->parties.push_back(d);
      return;
    }
    // Civil first instance.
    Party p;
    if (m.cause >= 0 && (m.cause == ctx_.cause_credit_card || m.cause == ctx_.cause_bank_loan)) {
      p = ctx_.Bank(m.court, static_cast<uint64_t>(rng_.Range(0, 9)));
    } else {
      p = rng_.Chance(0.65) ? Person(m.court, m.filed) : Company(m.court);
    }
    p.role = "原告";
    MaybeAgent(m.court, &p, 0.55);
    c->parties.push_back(p);
    int nd = rng_.Chance(0.8) ? 1 : 2;
    for (int i = 0; i < nd; ++i) {
      Party d = rng_.Chance(0.75) ? Person(m.court, m.filed) : Company(m.court);
      d.role = "被告";
      MaybeAgent(m.court, &d, 0.3);
      c->parties.push_back(d);
    }
    if (rng_.Chance(0.04)) {
      Party t = Company(m.court);
      t.role = "第三人";
      c->parties.push_back(t);
    }
  }

  void Prosecutor(const MemberPlan& m, Case* c) {
    Party p;
    p.kind = "法人";
    p.role = "公诉机关";
    p.name = ctx_.courts[m.court].prosecutor;
    c->parties.insert(c->parties.begin(), p);
  }

  void DeriveParties(const MemberPlan& m, const MemberPlan& pm, const Case& parent, Case* c) {
    const Case& root = cases_[0];
    auto copy = [&](const std::string& from_role, const char* role) {
      for (const auto& p : root.parties)
        if (p.role == from_role) { Party q = p; q.original_role = "原审" + p.role; q.role = role; c->parties.push_back(q); }
    };
    std::string_view rel = m.relation;
    bool plaintiff_lost = !pm.plaintiff_wins;
    if (rel == "上诉") {
      if (m.type == CaseType::kXingZhong) {
        copy("被告人", "上诉人");
        for (const auto& p : root.parties) if (p.role == "公诉机关") { Party q = p; q.role = "原公诉机关"; c->parties.push_back(q); }
        return;
      }
      copy(plaintiff_lost ? "原告" : "被告", "上诉人");
      copy(plaintiff_lost ? "被告" : "原告", "被上诉人");
      copy("第三人", "第三人");
    } else if (rel == "重审") {
      for (const auto& p : root.parties) c->parties.push_back(p);
    } else if (rel == "再审审查" || rel == "再审") {
      copy(plaintiff_lost ? "原告" : "被告", "再审申请人");
      copy(plaintiff_lost ? "被告" : "原告", "被申请人");
    } else if (rel == "执行") {
      copy("原告", "申请执行人");
      copy("被告", "被执行人");
    } else if (rel == "执行异议") {
      Party o = m.objection_by_script ? plan_.script->objector : Person(m.court, m.filed);
      o.role = "案外人";
      o.original_role.clear();
      c->parties.push_back(o);
      for (const auto& p : parent.parties) c->parties.push_back(p);
    }
    for (auto& p : c->parties) if (p.original_role == "原审原审原告") p.original_role = "原审原告";
  }

  void Amounts(const MemberPlan& m, Case* c) {
    if (m.type == CaseType::kXingChu || m.type == CaseType::kXingZhong || m.type == CaseType::kXingZhengChu ||
        m.type == CaseType::kXingZhengZhong)
      return;
    if (m.parent < 0) {
      if (plan_.script && plan_.script->claim > 0) {
        claim_ = plan_.script->claim;
      } else {
        double yuan = std::exp(rng_.Normal(std::log(30000.0), 1.3));
        if (ctx_.courts[m.court].court->level == CourtLevel::kIntermediate) yuan *= 15;
        yuan = std::clamp(yuan, 500.0, 5e8);
        claim_ = static_cast<Fen>(yuan) * 100;
      }
      std::string_view cl = m.closure;
      if ((cl == "判决" && m.plaintiff_wins) || cl == "调解")
        awarded_ = plan_.script ? claim_ : static_cast<Fen>(claim_ * (cl == "调解" ? 0.4 + 0.5 * rng_.Uniform() : 0.5 + 0.5 * rng_.Uniform())) / 100 * 100;
      c->claim_amount = claim_;
      c->awarded_amount = m.closed ? awarded_ : 0;
      c->has_payment_content = m.payment;
      return;
    }
    c->claim_amount = claim_;
    std::string_view cl = m.closure;
    if (m.type == CaseType::kZhi) {
      c->has_payment_content = true;
      Fen applied = awarded_ > 0 ? awarded_ : claim_;
      ExecutionResult r;
      r.applied_amount = applied;
      double share = cl == "执行完毕" ? 1.0 : cl == "执行和解" ? 0.5 + 0.4 * rng_.Uniform()
                   : cl == "终结本次执行程序" ? 0.3 * rng_.Uniform() : cl == "终结执行" ? 0.5 * rng_.Uniform() : 0;
      r.recovered_amount = m.closed ? static_cast<Fen>(applied * share) : static_cast<Fen>(applied * 0.1 * rng_.Uniform());
      r.voluntary = cl == "执行完毕" && rng_.Chance(0.2);
      c->execution = r;
      return;
    }
    if (cl == "改判") awarded_ = m.plaintiff_wins ? claim_ * (50 + rng_.Range(0, 50)) / 100 : 0;
    if (cl == "调解") awarded_ = claim_ * (40 + rng_.Range(0, 50)) / 100;
    c->awarded_amount = m.closed ? awarded_ : 0;
    c->has_payment_content = m.payment;
  }

  void Track(const MemberPlan& m, const Case& c) {
    if (!m.closed && (ctx_.end - m.filed) > m.limit + m.extension + m.excluded)
      out_.stalled.push_back({c.case_id, (ctx_.end - m.filed) - m.limit - m.extension - m.excluded, m.stalled});
    if (m.type == CaseType::kMinChu && m.parent < 0 && !plan_.script && m.closed) {
      for (const auto& o : ctx_.outliers)
        if (o.court == m.court) { out_.judge_closures[static_cast<int64_t>(m.court) * 4096 + m.judge][m.closure]++; break; }
    }
    bool special = false;
    for (const auto& d : ctx_.deviations) special |= d.court == m.court;
    for (const auto& s : ctx_.surges) special |= s.court == m.court;
    if (special && m.parent < 0 && !plan_.script) {
      auto& v = out_.monthly[m.court];
      int years = ctx_.options.to_year - ctx_.options.from_year + 1;
      if (v.empty()) v.assign(years * 12, 0);
      v[(m.filed.year() - ctx_.options.from_year) * 12 + m.filed.month() - 1]++;
    }
  }

  void Doc(const MemberPlan& m, Case& c, size_t i) {
    DocumentPlan dp;
    if (plan_.script) {
      dp.lender_features = plan_.script->lender_features;
    } else {
      dp.replace_unplantable = true;  // keep the planted-error rate when a kind has no place here
      const auto& kinds = DocumentErrorKinds();
      const auto& fields = MismatchFields();
      if (!kinds.empty() && rng_.Chance(ctx_.options.doc_error_rate)) dp.error_kinds.push_back(kinds[rng_.Range(0, kinds.size() - 1)]);
      if (!fields.empty() && rng_.Chance(ctx_.options.doc_mismatch_rate)) dp.mismatch_fields.push_back(fields[rng_.Range(0, fields.size() - 1)]);
    }
    const Case* origin = m.parent >= 0 ? &cases_[0] : nullptr;
    Rng doc_rng(rng_.Next());
    RenderedDocument r = RenderDocument(c, origin, *ctx_.ref, doc_rng, dp);
    r.doc.doc_id = c.document_id;
    r.doc.case_id = c.case_id;
    if (plan_.script && i == 0) InsertFeatures(&r.doc, plan_.script->doc_features);
    AppendDocumentJson(r.doc, &out_.documents);
    out_.documents.push_back('\n');
    ++out_.document_count;
    for (auto& e : r.errors) { e.doc_id = c.document_id; e.case_id = c.case_id; out_.errors.push_back(std::move(e)); }
    for (auto& e : r.mismatches) { e.doc_id = c.document_id; e.case_id = c.case_id; out_.mismatches.push_back(std::move(e)); }
  }

  const GenContext& ctx_;
  const FamilyPlan& plan_;
  Rng rng_;
  const IdRegistry* ids_;
  ChunkOutput& out_;
  std::vector<Case> cases_;
  Fen claim_ = 0, awarded_ = 0;
  std::map<int, std::vector<std::string>> path_cache_;
};

}  // namespace

void ChunkOutput::Clear() {
  cases.clear();
  documents.clear();
  case_count = document_count = 0;
  refs.clear();
  errors.clear();
  mismatches.clear();
  stalled.clear();
  judge_closures.clear();
  monthly.clear();
  people.clear();
}

std::string CaseIdOf(uint64_t global_index) { return fmt::format("C{:09d}", global_index + 1); }

std::string CaseNumberOf(const GenContext& ctx, const MemberPlan& m, uint32_t seq) {
  return fmt::format("（{}）{}{}{}号", m.filed.year(), ctx.courts[m.court].court->code, TypeCode(m.type), seq);
}

void RenderFamily(const GenContext& ctx, uint64_t family, const FamilyPlan& plan, size_t keep, uint64_t first_case,
                  const uint32_t* seqs, const IdRegistry* ids, ChunkOutput* out) {
  Renderer(ctx, family, plan, ids, out).Run(keep, first_case, seqs);
}

}  // namespace tianping::gen
