#include "truth_writer.h"

#include <cstdio>

#include "tianping/common/json_writer.h"

namespace tianping::gen {
namespace {

void PartyJson(JsonWriter& w, const Party& p, const char* role = nullptr) {
  w.BeginObject();
  w.Field("name", p.name);
  if (!p.id_number.empty()) w.Field("id_number", p.id_number);
  if (!p.credit_code.empty()) w.Field("credit_code", p.credit_code);
  if (!p.phone.empty()) w.Field("phone", p.phone);
  if (!p.address.empty()) w.Field("address", p.address);
  if (role) w.Field("role", role);
  w.EndObject();
}

void Strings(JsonWriter& w, std::string_view key, const std::vector<std::string>& v) {
  w.Key(key);
  w.BeginArray();
  for (const auto& s : v) w.String(s);
  w.EndArray();
}

std::vector<std::string> Ids(const TruthAccumulator& acc, Script::Kind kind, int entity, std::string_view role) {
  std::vector<std::string> v;
  for (const auto& r : acc.refs)
    if (r.kind == kind && r.entity == entity && r.role == role) v.push_back(r.case_id);
  return v;
}

}  // namespace

void TruthAccumulator::Merge(ChunkOutput&& c) {
  for (auto& r : c.refs) refs.push_back(std::move(r));
  for (auto& e : c.errors) errors.push_back(std::move(e));
  for (auto& m : c.mismatches) mismatches.push_back(std::move(m));
  for (auto& s : c.stalled) stalled.push_back(std::move(s));
  for (auto& [k, m] : c.judge_closures)
    for (auto& [method, n] : m) judge_closures[k][method] += n;
  for (auto& [court, v] : c.monthly) {
    auto& t = monthly[court];
    if (t.size() < v.size()) t.resize(v.size(), 0);
    for (size_t i = 0; i < v.size(); ++i) t[i] += v[i];
  }
}

Result<uint64_t> WriteTruth(const GenContext& ctx, const TruthAccumulator& acc, uint64_t cases,
                            const std::string& path) {
  std::string out;
  JsonWriter w(&out);
  uint64_t entities = 0;
  const auto& o = ctx.options;
  auto court_code = [&](int c) { return ctx.courts[c].court->code; };
  w.BeginObject();
  w.FieldInt("format_version", 1);
  w.FieldInt("seed", static_cast<int64_t>(o.seed));
  w.FieldInt("cases", static_cast<int64_t>(cases));
  w.FieldInt("from_year", o.from_year);
  w.FieldInt("to_year", o.to_year);
  w.Field("end_date", ctx.end.ToString());
  w.Key("rates");
  w.BeginObject();
  w.Key("doc_share"); w.Double(ctx.doc_share, 4);
  w.Key("rings_per_100k"); w.Double(o.rings_per_100k);
  w.Key("abusive_per_100k"); w.Double(o.abusive_per_100k);
  w.Key("lenders_per_100k"); w.Double(o.lenders_per_100k);
  w.Key("stalled_rate"); w.Double(o.stalled_rate, 4);
  w.Key("doc_error_rate"); w.Double(o.doc_error_rate, 4);
  w.Key("doc_mismatch_rate"); w.Double(o.doc_mismatch_rate, 4);
  w.EndObject();

  w.Key("false_litigation_rings");
  w.BeginArray();
  for (size_t i = 0; i < ctx.rings.size(); ++i) {
    const RingTruth& r = ctx.rings[i];
    int e = static_cast<int>(i);
    if (Ids(acc, Script::Kind::kRingSuit, e, "suit").empty()) continue;  // cut off in a tiny dataset
    ++entities;
    w.BeginObject();
    w.Field("id", r.id);
    w.Field("court_code", court_code(r.court));
    w.Key("members");
    w.BeginArray();
    PartyJson(w, r.debtor, "debtor");
    for (const auto& m : r.members) PartyJson(w, m, "plaintiff");
    w.EndArray();
    w.Key("creditor");
    PartyJson(w, r.creditor);
    Strings(w, "links", r.links);
    Strings(w, "features", r.features);
    Strings(w, "suit_case_ids", Ids(acc, Script::Kind::kRingSuit, e, "suit"));
    Strings(w, "suit_execution_case_ids", Ids(acc, Script::Kind::kRingSuit, e, "execution"));
    Strings(w, "creditor_case_ids", Ids(acc, Script::Kind::kRingCreditor, e, "suit"));
    Strings(w, "debtor_execution_case_ids", Ids(acc, Script::Kind::kRingCreditor, e, "execution"));
    Strings(w, "objection_case_ids", Ids(acc, Script::Kind::kRingCreditor, e, "execution_objection"));
    w.EndObject();
  }
  w.EndArray();

  w.Key("abusive_litigants");
  w.BeginArray();
  for (size_t i = 0; i < ctx.abusers.size(); ++i) {
    const AbuseTruth& a = ctx.abusers[i];
    Script::Kind k = a.pattern == "withdraw_refile" ? Script::Kind::kAbuseRefile
                     : a.pattern == "resue_after_judgment" ? Script::Kind::kAbuseResue : Script::Kind::kAbuseBatch;
    auto ids = Ids(acc, k, static_cast<int>(i), "suit");
    if (ids.size() < 2) continue;  // cut off in a tiny dataset
    ++entities;
    w.BeginObject();
    w.Field("id", a.id);
    w.Field("pattern", a.pattern);
    w.Key("litigant");
    PartyJson(w, a.litigant);
    std::vector<std::string> courts;
    for (int c : a.courts) courts.push_back(court_code(c));
    Strings(w, "court_codes", courts);
    Strings(w, "case_ids", ids);
    w.EndObject();
  }
  w.EndArray();

  w.Key("professional_lenders");
  w.BeginArray();
  for (size_t i = 0; i < ctx.lenders.size(); ++i) {
    const LenderTruth& l = ctx.lenders[i];
    auto ids = Ids(acc, Script::Kind::kLenderSuit, static_cast<int>(i), "suit");
    auto crim = Ids(acc, Script::Kind::kLenderCrime, static_cast<int>(i), "criminal_case");
    if (ids.size() != static_cast<size_t>(l.suits) || (l.reason.find("criminal") != std::string::npos && crim.empty()))
      continue;  // cut off in a tiny dataset
    ++entities;
    w.BeginObject();
    w.Field("id", l.id);
    w.Field("level", l.level);
    w.Field("reason", l.reason);
    w.Key("plaintiffs");
    w.BeginArray();
    for (const auto& p : l.plaintiffs) PartyJson(w, p);
    w.EndArray();
    w.Field("region_court_code", court_code(l.region));
    w.FieldInt("year", l.year);
    w.FieldInt("suits", l.suits);
    w.Key("total_amount");
    w.Double(static_cast<double>(l.total) / 100.0);
    Strings(w, "features", l.features);
    Strings(w, "case_ids", ids);
    if (!crim.empty()) w.Field("criminal_case_id", crim[0]);
    w.EndObject();
  }
  w.EndArray();

  auto month_count = [&](int court, int year, int month) -> int {
    auto it = acc.monthly.find(court);
    int idx = (year - o.from_year) * 12 + month - 1;
    if (it == acc.monthly.end() || idx < 0 || idx >= static_cast<int>(it->second.size())) return 0;
    return it->second[idx];
  };
  auto year_count = [&](int court, int year) {
    int n = 0;
    for (int m = 1; m <= 12; ++m) n += month_count(court, year, m);
    return n;
  };
  w.Key("filing_deviation_courts");
  w.BeginArray();
  for (const auto& d : ctx.deviations) {
    ++entities;
    w.BeginObject();
    w.Field("court_code", court_code(d.court));
    w.Field("court_name", ctx.courts[d.court].court->name);
    w.Key("december_factor"); w.Double(d.december_factor, 3);
    w.Key("january_factor"); w.Double(d.january_factor, 3);
    w.Key("years");
    w.BeginArray();
    for (int y : d.years) {
      w.BeginObject();
      w.FieldInt("year", y);
      int dec = month_count(d.court, y, 12), jan = month_count(d.court, y + 1, 1), total = year_count(d.court, y);
      w.FieldInt("december_filings", dec);
      w.FieldInt("year_filings", total);
      w.FieldInt("next_january_filings", jan);
      w.Key("december_share"); w.Double(total ? static_cast<double>(dec) / total : 0, 4);
      w.Key("january_rebound"); w.Double(dec ? static_cast<double>(jan) / dec : 0, 3);
      w.EndObject();
    }
    w.EndArray();
    w.EndObject();
  }
  w.EndArray();

  w.Key("intake_surges");
  w.BeginArray();
  for (const auto& s : ctx.surges) {
    ++entities;
    w.BeginObject();
    w.Field("court_code", court_code(s.court));
    w.FieldInt("year", s.year);
    w.Key("months");
    w.BeginArray();
    for (int m = s.month; m < s.month + s.months; ++m) w.Int(m);
    w.EndArray();
    w.Key("factor"); w.Double(s.factor, 3);
    int in = 0, base = 0;
    for (int m = 1; m <= 12; ++m) (m >= s.month && m < s.month + s.months ? in : base) += month_count(s.court, s.year, m);
    w.FieldInt("surge_filings", in);
    w.Key("baseline_monthly"); w.Double(static_cast<double>(base) / (12 - s.months), 1);
    w.EndObject();
  }
  w.EndArray();

  w.Key("outlier_judges");
  w.BeginArray();
  for (const auto& oj : ctx.outliers) {
    ++entities;
    int64_t key = static_cast<int64_t>(oj.court) * 4096 + oj.judge;
    int jn = 0, jm = 0, pn = 0, pm = 0;
    for (const auto& [k, m] : acc.judge_closures) {
      if (k / 4096 != oj.court) continue;
      int n = 0;
      for (const auto& [method, c] : m) n += c;
      int hit = m.count(oj.method) ? m.at(oj.method) : 0;
      if (k == key) { jn += n; jm += hit; } else { pn += n; pm += hit; }
    }
    w.BeginObject();
    w.Field("judge_id", ctx.JudgeId(oj.court, oj.judge));
    w.Field("judge_name", ctx.JudgeName(oj.court, oj.judge));
    w.Field("court_code", court_code(oj.court));
    w.Field("peer_group", "same court, civil first instance (民初), closed");
    w.Field("closure_method", oj.method);
    w.Key("weight_factor"); w.Double(oj.boost, 2);
    w.FieldInt("judge_cases", jn);
    w.Key("judge_rate"); w.Double(jn ? static_cast<double>(jm) / jn : 0, 4);
    w.FieldInt("peer_cases", pn);
    w.Key("peer_rate"); w.Double(pn ? static_cast<double>(pm) / pn : 0, 4);
    w.EndObject();
  }
  w.EndArray();

  w.Key("stalled_cases");
  w.BeginArray();
  for (const auto& s : acc.stalled) {
    ++entities;
    w.BeginObject();
    w.Field("case_id", s.case_id);
    w.FieldInt("days_over_limit", s.days_over);
    w.Key("planted"); w.Bool(s.planted);
    w.EndObject();
  }
  w.EndArray();

  w.Key("document_errors");
  w.BeginArray();
  for (const auto& e : acc.errors) {
    ++entities;
    w.BeginObject();
    w.Field("doc_id", e.doc_id);
    w.Field("case_id", e.case_id);
    w.Field("kind", e.kind);
    w.FieldInt("start", static_cast<int64_t>(e.start));
    w.FieldInt("end", static_cast<int64_t>(e.end));
    w.Field("wrong", e.wrong);
    w.Field("correct", e.correct);
    w.Field("note", e.note);
    w.EndObject();
  }
  w.EndArray();

  w.Key("document_mismatches");
  w.BeginArray();
  for (const auto& m : acc.mismatches) {
    ++entities;
    w.BeginObject();
    w.Field("doc_id", m.doc_id);
    w.Field("case_id", m.case_id);
    w.Field("field", m.field);
    w.Field("structured", m.structured);
    w.Field("document", m.document);
    w.EndObject();
  }
  w.EndArray();
  w.EndObject();
  out.push_back('\n');

  std::FILE* f = std::fopen(path.c_str(), "wb");
  if (!f) return Status::IoError(path + ": cannot create");
  bool ok = std::fwrite(out.data(), 1, out.size(), f) == out.size();
  ok = std::fclose(f) == 0 && ok;
  if (!ok) return Status::IoError(path + ": write failed");
  return entities;
}

}  // namespace tianping::gen
