// StoreSnapshot::ReadCaseFields: each part read equals the same fields of ReadCase; the rest default.
#include <gtest/gtest.h>
#include <unistd.h>

#include "store/batch.h"
#include "store/file_util.h"
#include "store/store_writer.h"
#include "store/test_cases.h"
#include "tianping/model/case_json.h"
#include "tianping/store/store.h"

namespace tianping::store {
namespace {

// `full` with every field outside `fields` reset to its default: what ReadCaseFields must return.
Case Project(const Case& full, uint32_t fields) {
  Case out;
  if (fields & kCaseProfileFields) {
    out.case_id = full.case_id;
    out.case_number = full.case_number;
    out.court_code = full.court_code;
    out.court_name = full.court_name;
    out.category = full.category;
    out.cause_name = full.cause_name;
    out.cause_path = full.cause_path;
    out.filed_date = full.filed_date;
    out.closed_date = full.closed_date;
    out.closure_method = full.closure_method;
    out.judge_id = full.judge_id;
    out.claim_amount = full.claim_amount;
    out.awarded_amount = full.awarded_amount;
    out.execution = full.execution;
    out.is_sealed = full.is_sealed;
  }
  if (fields & kCaseOtherFields) {
    out.type_code = full.type_code;
    out.cause_code = full.cause_code;
    out.procedure = full.procedure;
    out.received_date = full.received_date;
    out.statutory_limit_days = full.statutory_limit_days;
    out.extension_days = full.extension_days;
    out.excluded_days = full.excluded_days;
    out.correction_requested = full.correction_requested;
    out.judge_name = full.judge_name;
    out.panel = full.panel;
    out.clerk = full.clerk;
    out.has_payment_content = full.has_payment_content;
    out.derived_from = full.derived_from;
    out.document_id = full.document_id;
    out.updated_at = full.updated_at;
  }
  if ((fields & kAllPartyFields) == 0) return out;
  for (const Party& fp : full.parties) {
    Party p;
    if (fields & kPartyProfileFields) {
      p.role = fp.role;
      p.kind = fp.kind;
      p.name = fp.name;
      p.id_number = fp.id_number;
      p.credit_code = fp.credit_code;
      p.birth_date = fp.birth_date;
      p.is_minor = fp.is_minor;
    }
    if (fields & kPartyOtherFields) {
      p.original_role = fp.original_role;
      p.gender = fp.gender;
      p.ethnicity = fp.ethnicity;
      p.phone = fp.phone;
      p.address = fp.address;
      p.legal_representative = fp.legal_representative;
      p.occupation = fp.occupation;
    }
    if (fields & (kAgentNameFields | kAgentOtherFields)) {
      for (const Agent& fa : fp.agents) {
        Agent a;
        if (fields & kAgentNameFields) {
          a.name = fa.name;
          a.kind = fa.kind;
        }
        if (fields & kAgentOtherFields) {
          a.law_firm = fa.law_firm;
          a.license_number = fa.license_number;
        }
        p.agents.push_back(a);
      }
    }
    out.parties.push_back(p);
  }
  return out;
}

std::string Json(const Case& c) {
  std::string s;
  AppendCaseJson(c, &s);
  return s;
}

TEST(CaseFieldsTest, EachPartEqualsTheSameFieldsOfReadCase) {
  std::string dir = ::testing::TempDir() + "tp_case_fields_" + std::to_string(::getpid());
  (void)RemoveAll(dir);
  {
    auto w = StoreWriter::Open(dir);
    ASSERT_TRUE(w.ok()) << w.status().ToString();
    auto base = StoreSnapshot::Empty(dir);
    Batch batch(w->get(), base.get());
    uint32_t f = batch.AddFileName("test.jsonl");
    for (int i = 0; i < 1300; ++i) {  // more than two 512-row blocks per partition
      Case c = testing::MakeCase(i);
      c.is_sealed = i % 11 == 0;
      c.parties[0].is_minor = i % 7 == 0;
      c.parties[0].phone = "1380000" + std::to_string(1000 + i);
      c.parties[0].original_role = i % 3 == 0 ? "原审原告" : "";
      if (i % 4 == 0) c.parties[1].agents.push_back(Agent{"钱某", "单位工作人员", "", ""});
      batch.AddCase(c, c.court_code.substr(0, 3), SourcePos{f, static_cast<uint32_t>(i + 1)}, "raw");
    }
    ASSERT_TRUE(batch.Commit("test", 2).ok());
  }
  auto snap = StoreSnapshot::Open(dir);
  ASSERT_TRUE(snap.ok()) << snap.status().ToString();
  const uint32_t sets[] = {kCaseProfileFields,
                           kCaseOtherFields,
                           kPartyProfileFields,
                           kCaseProfileFields | kPartyProfileFields,
                           kCaseProfileFields | kPartyProfileFields | kAgentNameFields,
                           kPartyOtherFields | kAgentOtherFields,
                           kAllCaseFields};
  int checked = 0;
  for (int i = 0; i < 1300; i += 7) {
    auto ref = (*snap)->FindCase("C" + std::to_string(100000 + i));
    ASSERT_TRUE(ref.ok() && ref->has_value()) << i;
    auto full = (*snap)->ReadCase(**ref);
    ASSERT_TRUE(full.ok());
    EXPECT_EQ(Json(*full), Json(Project(*full, kAllCaseFields))) << "Project misses a field";
    for (uint32_t fields : sets) {
      uint32_t first_party = UINT32_MAX;
      auto got = (*snap)->ReadCaseFields(**ref, fields, &first_party);
      ASSERT_TRUE(got.ok()) << got.status().ToString();
      EXPECT_EQ(Json(*got), Json(Project(*full, fields))) << i << " fields " << fields;
      // The hits of the party index point into the case's parties from first_party on.
      ASSERT_NE(first_party, UINT32_MAX);
      auto p = (*snap)->ReadParty((*ref)->partition, first_party + 1);
      ASSERT_TRUE(p.ok());
      EXPECT_EQ(p->name, full->parties[1].name);
      ++checked;
    }
  }
  EXPECT_EQ(checked, 186 * 7);
  // Everything read equals ReadCase; the full set is ReadCase.
  EXPECT_EQ(Json(*(*snap)->ReadCaseFields(**(*snap)->FindCase("C100005"), kAllCaseFields)),
            Json(*(*snap)->ReadCase(**(*snap)->FindCase("C100005"))));
  (void)RemoveAll(dir);
}

}  // namespace
}  // namespace tianping::store
