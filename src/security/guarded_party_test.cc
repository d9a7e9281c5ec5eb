// GuardedStore::ReadParty reads only the profile parts of each case (StoreSnapshot::ReadCaseFields): its
// answer must equal, for every sample principal and every key, the profile built from whole cases.
#include <gtest/gtest.h>
#include <unistd.h>

#include <algorithm>
#include <set>

#include "store/batch.h"
#include "store/file_util.h"
#include "store/store_writer.h"
#include "store/test_cases.h"
#include "test_cases.h"
#include "tianping/model/credit_code.h"
#include "tianping/model/id_number.h"
#include "tianping/security/guarded_store.h"

namespace tianping::security {
namespace {

const AccessGuard& Guard() { return testing::TestGuard(); }

// The sample cases, two family cases whose natural persons and non-lawyer agents share a surname (the
// pseudonyms 张某1 … of anonymised views depend on the agents), and the store tests' generated cases.
std::vector<Case> AllCases() {
  std::vector<Case> out = testing::SampleCases();
  Case c = testing::CaseOf("C1");
  c.case_id = "C7";
  c.case_number = "（2023）京0105民初7007号";
  c.cause_name = "离婚纠纷";
  c.cause_path = {"婚姻家庭纠纷", "离婚纠纷"};
  c.parties.resize(1);
  c.parties[0].name = "张伟";
  c.parties[0].agents = {Agent{"张某某", "近亲属", "", ""}};  // makes 张伟 张某1, not 张某, when anonymised
  Party other = c.parties[0];
  other.role = "被告";
  other.name = "张强";
  other.id_number = "110105198505057777";
  other.agents = {Agent{"刘律师", "律师", "北京某律师事务所", "11101201010001"}};
  c.parties.push_back(other);
  out.push_back(c);
  c.case_id = "C8";
  c.case_number = "（2023）京0105民初8008号";
  // A stored name that already reads like a pseudonym: alone, masking shows 张某 (a lookup of 张某 by a
  // reader who sees names masked matches); with the relative 张某某 as agent it shows 张某1 (no match).
  c.parties.pop_back();
  c.parties[0].name = "张某";
  out.push_back(c);
  for (int i = 0; i < 40; ++i) out.push_back(store::testing::MakeCase(i));
  return out;
}

// The profile as the code before ReadCaseFields built it: whole cases, the hit party read on its own.
PartyProfile WholeCaseProfile(const StoreSnapshot& snap, const Principal& reader, const std::string& key) {
  PartyProfile prof;
  if (ParseIdNumber(key).ok()) prof.kind = PartyKey::kIdNumber;
  else if (ParseCreditCode(key).ok()) prof.kind = PartyKey::kCreditCode;
  auto field = [&](const Party& p) -> const std::string& {
    return prof.kind == PartyKey::kIdNumber ? p.id_number : prof.kind == PartyKey::kCreditCode ? p.credit_code : p.name;
  };
  const std::vector<PartyHit> hits = snap.FindParties(prof.kind, key).value();
  for (const PartyHit& h : hits) {
    Case c = snap.ReadCase(h.case_ref).value();
    if (!Guard().CanSee(reader, c)) continue;
    Party p = snap.ReadParty(h.case_ref.partition, h.party_row).value();
    Case shown = Guard().Redact(reader, c);
    std::optional<std::string> role;
    for (size_t i = 0; i < c.parties.size() && !role; ++i) {
      const Party& o = c.parties[i];
      if (o.role == p.role && o.name == p.name && o.id_number == p.id_number && o.credit_code == p.credit_code &&
          field(shown.parties[i]) == key) {
        role = shown.parties[i].role;
      }
    }
    if (!role) continue;
    bool pending = shown.category == "执行" && !shown.closed_date && *role == "被执行人";
    prof.rows.push_back(PartyRow{shown, c, *role, pending});
  }
  if (!Guard().SuppressCell(reader, static_cast<int64_t>(prof.rows.size()))) {
    prof.rows.clear();
    prof.suppressed = true;
    return prof;
  }
  std::sort(prof.rows.begin(), prof.rows.end(), [](const PartyRow& a, const PartyRow& b) {
    return a.shown.filed_date != b.shown.filed_date ? a.shown.filed_date < b.shown.filed_date
                                                    : a.shown.case_id < b.shown.case_id;
  });
  for (const PartyRow& r : prof.rows) {
    ++prof.by_role[r.role];
    if (!r.pending_execution) continue;
    ++prof.pending;
    if (r.shown.execution) prof.pending_applied += r.shown.execution->applied_amount;
  }
  return prof;
}

// Everything `tianping party` and GET /api/parties print of a profile.
std::string Render(const GuardedStore& store, const PartyProfile& prof) {
  auto amount = [&](const PartyRow& r, const char* f, int64_t fen) {
    auto v = store.AmountShown(r.stored, f, fen);
    return v ? std::to_string(*v) : std::string("-");
  };
  std::string out = "kind=" + std::to_string(static_cast<int>(prof.kind)) + " suppressed=" +
                    std::to_string(prof.suppressed) + " pending=" + std::to_string(prof.pending) + "/" +
                    std::to_string(prof.pending_applied) + "\n";
  for (const auto& [role, n] : prof.by_role) out += role + "=" + std::to_string(n) + " ";
  for (const PartyRow& r : prof.rows) {
    const Case& c = r.shown;
    out += "\n" + c.case_number + "|" + c.case_id + "|" + c.court_name + "|" + r.role + "|" + c.category + "|" +
           c.cause_name + "|" + c.filed_date.ToString() + "|" + (c.closed_date ? c.closed_date->ToString() : "") +
           "|" + c.closure_method + "|" + amount(r, "case.claim_amount", c.claim_amount) + "|" +
           amount(r, "case.awarded_amount", c.awarded_amount) + "|" + std::to_string(r.pending_execution) + "|" +
           amount(r, "execution.applied_amount", 0);
    if (c.execution) {
      out += "|" + amount(r, "execution.applied_amount", c.execution->applied_amount) + "|" +
             amount(r, "execution.recovered_amount", c.execution->recovered_amount);
    }
  }
  return out;
}

TEST(GuardedStorePartyTest, LeanProfileEqualsWholeCaseProfileForEveryRoleAndKey) {
  std::string dir = ::testing::TempDir() + "tp_guarded_party_" + std::to_string(::getpid());
  (void)store::RemoveAll(dir);
  const std::vector<Case> cases = AllCases();
  {
    auto w = store::StoreWriter::Open(dir);
    ASSERT_TRUE(w.ok()) << w.status().ToString();
    auto base = StoreSnapshot::Empty(dir);
    store::Batch batch(w->get(), base.get());
    uint32_t f = batch.AddFileName("test.jsonl");
    uint32_t line = 0;
    for (const Case& c : cases) batch.AddCase(c, c.court_code.substr(0, 3), store::SourcePos{f, ++line}, "raw");
    ASSERT_TRUE(batch.Commit("test", 2).ok());
  }
  auto snap = StoreSnapshot::Open(dir);
  ASSERT_TRUE(snap.ok()) << snap.status().ToString();
  ASSERT_EQ((*snap)->info().case_count(), cases.size());

  // Every party's name, ID number and credit code, and every name as some principal sees it (张某1 …).
  std::set<std::string> keys = {"无此人", "110105199001010000"};
  for (const Case& c : cases) {
    for (const Party& p : c.parties) keys.insert({p.name, p.id_number, p.credit_code});
    for (const auto& np : testing::SamplePrincipals()) {
      if (!Guard().CanSee(np.p, c)) continue;
      for (const Party& p : Guard().Redact(np.p, c).parties) keys.insert({p.name, p.id_number});
    }
  }
  keys.erase("");
  int rows = 0, compared = 0;
  for (const auto& np : testing::SamplePrincipals()) {
    for (const std::string& key : keys) {
      int records = 0;
      GuardedStore store(**snap, Guard(), np.p, [&](const std::string&, const std::string&, int64_t, const std::string&) {
        ++records;
        return Status::Ok();
      });
      auto lean = store.ReadParty(key);
      ASSERT_TRUE(lean.ok()) << np.key << " " << key << ": " << lean.status().ToString();
      EXPECT_EQ(records, 1) << np.key << " " << key;
      EXPECT_EQ(Render(store, *lean), Render(store, WholeCaseProfile(**snap, np.p, key))) << np.key << " " << key;
      rows += static_cast<int>(lean->rows.size());
      ++compared;
    }
  }
  EXPECT_EQ(compared, static_cast<int>(keys.size() * testing::SamplePrincipals().size()));
  EXPECT_GT(rows, 100);  // the comparison covered real rows, not only empty profiles
  (void)store::RemoveAll(dir);
}

}  // namespace
}  // namespace tianping::security
