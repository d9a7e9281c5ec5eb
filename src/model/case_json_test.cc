#include "tianping/model/case_json.h"

#include <cstdio>
#include <fstream>

#include <unistd.h>

#include <gtest/gtest.h>

#include "tianping/common/rng.h"
#include "tianping/model/jsonl_reader.h"
#include "model/sample_case_test_util.h"

namespace tianping {
namespace {

Case SampleCase() {
  Case c = samples::BeijingLoanCase("C000000042", 2023, 12345);
  c.cause_path = {"合同、准合同纠纷", "合同纠纷", "民间借贷纠纷"};
  c.received_date = Date::FromYmd(2023, 3, 1);
  c.filed_date = Date::FromYmd(2023, 3, 3);
  c.closed_date = Date::FromYmd(2023, 5, 10);
  c.statutory_limit_days = 90;
  c.extension_days = 30;
  c.correction_requested = true;
  c.judge_id = "京0105-J007";
  c.judge_name = "王芳";
  c.panel = {"王芳"};
  c.clerk = "李娜";
  c.claim_amount = 12345678;  // 123456.78 yuan
  c.awarded_amount = 10000000;
  c.has_payment_content = true;
  c.derived_from = CaseLink{"上诉", "C000000001", "（2022）京0105民初1号"};
  Party p = samples::NaturalPerson("原告", "张\"三\"", "男", Date::FromYmd(1949, 12, 31), "11010519491231002X",
                                    "北京市朝阳区建国路1号\n2单元");
  p.phone = "13800138000";
  p.agents.push_back(samples::Lawyer("赵律师", "北京市某某律师事务所", "11101200910123456"));
  c.parties.push_back(p);
  c.parties.push_back(samples::Company("被告", "北京某某贸易有限公司", "91110105MA01ABCD1X", "钱七"));
  c.execution = ExecutionResult{5005, 1, true};
  c.document_id = "D000000042";
  c.updated_at = "2023-05-10T10:00:00+08:00";
  return c;
}

TEST(CaseJson, RoundTrip) {
  Case c = SampleCase();
  std::string line;
  AppendCaseJson(c, &line);
  EXPECT_EQ(line.find('\n'), std::string::npos);
  EXPECT_NE(line.find("\"claim_amount\":123456.78"), std::string::npos);
  EXPECT_NE(line.find("\"awarded_amount\":100000"), std::string::npos);
  auto parsed = ParseCaseJson(line);
  ASSERT_TRUE(parsed.ok()) << parsed.status().ToString();
  std::string again;
  AppendCaseJson(*parsed, &again);
  EXPECT_EQ(line, again);
  EXPECT_EQ(parsed->parties[0].name, "张\"三\"");
  EXPECT_EQ(parsed->parties[0].agents[0].license_number, "11101200910123456");
  EXPECT_EQ(parsed->claim_amount, 12345678);
  EXPECT_EQ(parsed->execution->applied_amount, 5005);
  EXPECT_EQ(parsed->execution->recovered_amount, 1);
  EXPECT_EQ(*parsed->closed_date, Date::FromYmd(2023, 5, 10));
  EXPECT_EQ(parsed->derived_from->case_number, "（2022）京0105民初1号");
}

TEST(CaseJson, OptionalFieldsOmittedAndNullAccepted) {
  Case c;
  c.case_id = "C1";
  c.case_number = "x";
  c.court_code = "京";
  c.type_code = "民初";
  c.category = "民事";
  c.filed_date = Date::FromYmd(2020, 1, 2);
  std::string line;
  AppendCaseJson(c, &line);
  EXPECT_EQ(line.find("closed_date"), std::string::npos);
  auto parsed = ParseCaseJson(R"({"case_id":"C1","filed_date":"2020-01-02","closed_date":null,"parties":[]})");
  ASSERT_TRUE(parsed.ok());
  EXPECT_FALSE(parsed->closed_date.has_value());
}

TEST(CaseJson, ErrorsNameTheField) {
  auto r = ParseCaseJson(R"({"case_id":"C1","filed_date":"2020-02-30"})");
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.status().message().find("filed_date"), std::string::npos);
  r = ParseCaseJson(R"({"case_id":"C1","filed_date":"2020-02-03","parties":[{"role":"原告"},{"birth_date":5}]})");
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.status().message().find("parties[1].birth_date"), std::string::npos) << r.status().message();
  r = ParseCaseJson(R"({"case_id":"C1","filed_date":"2020-02-03","claim_amount":"12"})");
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.status().message().find("claim_amount"), std::string::npos);
  r = ParseCaseJson(R"({"filed_date":"2020-02-03"})");
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.status().message().find("case_id"), std::string::npos);
  r = ParseCaseJson(R"({"case_id":"C1","filed_date":"2020-02-03",)");
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.status().message().find("invalid JSON"), std::string::npos);
}

// Nested paths are built only on error; their exact text is what the quarantine file shows.
TEST(CaseJson, NestedErrorPaths) {
  const std::string head = R"({"case_id":"C1","filed_date":"2020-02-03",)";
  const std::pair<std::string, std::string> cases[] = {
      {R"("parties":[{"role":"原告"},{"agents":[{"name":"a"},{"name":7}]}]})",
       "field parties[1].agents[1].name: expected a string"},
      {R"("parties":[{"agents":[3]}]})", "field parties[0].agents[0]: expected an object"},
      {R"("parties":[{"agents":5}]})", "field parties[0].agents: expected an array"},
      {R"("cause_path":["a",1]})", "field cause_path[1]: expected a string"},
      {R"("execution":{"voluntary":1}})", "field execution.voluntary: expected true or false"},
      {R"("derived_from":{"case_id":2}})", "field derived_from.case_id: expected a string"},
  };
  for (const auto& [tail, message] : cases) {
    auto r = ParseCaseJson(head + tail);
    ASSERT_FALSE(r.ok()) << tail;
    EXPECT_EQ(r.status().message(), message) << tail;
  }
}

TEST(CaseJson, DocumentRoundTrip) {
  Document d{"D1", "C1", "民事判决书", "北京市朝阳区人民法院\n民事判决书", "第一行\n第二行\t\"引号\""};
  std::string line;
  AppendDocumentJson(d, &line);
  auto parsed = ParseDocumentJson(line);
  ASSERT_TRUE(parsed.ok());
  EXPECT_EQ(parsed->text, d.text);
  EXPECT_EQ(parsed->title, d.title);
  EXPECT_FALSE(ParseDocumentJson(R"({"text":"x"})").ok());
}

// Bounded fuzz: random bytes and single-byte mutations / truncations of a valid line never crash.
TEST(CaseJson, FuzzNeverCrashes) {
  std::string valid;
  AppendCaseJson(SampleCase(), &valid);
  Rng rng(7);
  int ok = 0;
  for (int i = 0; i < 3000; ++i) {
    std::string s = valid;
    int mode = static_cast<int>(rng.Range(0, 3));
    if (mode == 0) {
      s.resize(rng.Range(0, 200));
      for (auto& ch : s) ch = static_cast<char>(rng.Range(0, 255));
    } else if (mode == 1) {
      for (int k = 0, n = static_cast<int>(rng.Range(1, 4)); k < n; ++k)
        s[rng.Range(0, s.size() - 1)] = static_cast<char>(rng.Range(0, 255));
    } else if (mode == 2) {
      s.resize(rng.Range(0, s.size()));
    } else {
      const char* tokens[] = {"null", "1", "\"x\"", "[]", "{}", "-1e400", "true"};
      size_t colon = s.find(':', rng.Range(0, s.size() - 1));
      if (colon != std::string::npos) s.insert(colon + 1, tokens[rng.Range(0, 6)]);
    }
    auto r = ParseCaseJson(s);
    if (r.ok()) ++ok;
    auto d = ParseDocumentJson(s);
    (void)d;
  }
  EXPECT_LT(ok, 3000);
}

TEST(JsonlReader, LinesAndNumbers) {
  std::string path = testing::TempDir() + "/jsonl_reader_test_" + std::to_string(::getpid()) + ".jsonl";
  {
    std::ofstream f(path, std::ios::binary);
    f << "{\"a\":1}\n\n  \n{\"b\":2}\r\n{\"c\":3}";
  }
  auto r = JsonlReader::Open(path);
  ASSERT_TRUE(r.ok());
  std::string_view line;
  ASSERT_TRUE((*r)->Next(&line));
  EXPECT_EQ(line, "{\"a\":1}");
  EXPECT_EQ((*r)->line_number(), 1);
  ASSERT_TRUE((*r)->Next(&line));
  EXPECT_EQ(line, "{\"b\":2}");
  EXPECT_EQ((*r)->line_number(), 4);
  ASSERT_TRUE((*r)->Next(&line));
  EXPECT_EQ(line, "{\"c\":3}");
  EXPECT_EQ((*r)->line_number(), 5);
  EXPECT_FALSE((*r)->Next(&line));
  EXPECT_TRUE((*r)->status().ok());
  std::remove(path.c_str());
  EXPECT_FALSE(JsonlReader::Open(path + ".missing").ok());
}

// Bounded fuzz of the reader: random files mixing valid lines, mutations, bare CRs, NULs and long lines.
TEST(JsonlReader, FuzzNeverCrashes) {
  std::string valid;
  AppendCaseJson(SampleCase(), &valid);
  std::string path = testing::TempDir() + "/jsonl_reader_fuzz_" + std::to_string(::getpid()) + ".jsonl";
  Rng rng(11);
  for (int round = 0; round < 40; ++round) {
    std::string data;
    int lines = static_cast<int>(rng.Range(0, 60));
    int expected_valid = 0;
    for (int i = 0; i < lines; ++i) {
      int mode = static_cast<int>(rng.Range(0, 4));
      if (mode == 0) { data += valid; ++expected_valid; }
      else if (mode == 1) { std::string m = valid; m[rng.Range(0, m.size() - 1)] = static_cast<char>(rng.Range(0, 255)); data += m; }
      else if (mode == 2) { for (int k = 0, n = static_cast<int>(rng.Range(0, 300)); k < n; ++k) data += static_cast<char>(rng.Range(0, 255)); }
      else if (mode == 3) { data.append(static_cast<size_t>(i == 0 && round % 10 == 0 ? (5 << 19) : rng.Range(0, 5000)), 'x'); }  // 2.5 MB crosses the 1 MB read chunks
      data += rng.Chance(0.2) ? "\r\n" : "\n";
    }
    {
      std::ofstream f(path, std::ios::binary);
      f << data;
    }
    auto r = JsonlReader::Open(path);
    ASSERT_TRUE(r.ok());
    std::string_view line;
    int parsed = 0;
    int64_t last = 0;
    while ((*r)->Next(&line)) {
      EXPECT_GT((*r)->line_number(), last);
      last = (*r)->line_number();
      if (ParseCaseJson(line).ok()) ++parsed;
    }
    EXPECT_TRUE((*r)->status().ok());
    EXPECT_GE(parsed, expected_valid);  // mutations may still parse; valid lines always do
  }
  std::remove(path.c_str());
}

}  // namespace
}  // namespace tianping

namespace tianping {
namespace {

// Parsing into a reused Case must give exactly what parsing into a fresh one gives, whatever the
// previous line held (every field of the full case below is reset for the sparse one).
TEST(CaseJson, ReusedCaseEqualsFresh) {
  const std::string full =
      R"({"case_id":"C1","case_number":"(2020)京0105民初1号","court_code":"京0105","court_name":"北京市朝阳区人民法院",)"
      R"("type_code":"民初","category":"民事","cause_code":"C1","cause_name":"借款","cause_path":["合同","借款"],)"
      R"("procedure":"普通程序","received_date":"2020-01-01","filed_date":"2020-01-02","closed_date":"2020-03-01",)"
      R"("closure_method":"判决","statutory_limit_days":180,"extension_days":30,"excluded_days":5,)"
      R"("correction_requested":true,"judge_id":"J1","judge_name":"王法官","panel":["王法官","李法官"],"clerk":"书记员甲",)"
      R"("claim_amount":12.5,"awarded_amount":10,"has_payment_content":true,)"
      R"("derived_from":{"relation":"上诉","case_id":"C0","case_number":"(2019)京0105民初9号"},)"
      R"("parties":[{"role":"原告","original_role":"原审原告","kind":"自然人","name":"张三","id_number":"110105199001011234",)"
      R"("credit_code":"","gender":"男","birth_date":"1990-01-01","ethnicity":"汉族","phone":"13800000000","address":"北京",)"
      R"("legal_representative":"某","occupation":"工人","is_minor":true,"agents":[{"name":"律师甲","kind":"律师",)"
      R"("law_firm":"某所","license_number":"111"},{"name":"律师乙"}]},{"role":"被告","name":"李四"},{"role":"第三人","name":"王五"}],)"
      R"("execution":{"applied_amount":3,"recovered_amount":2,"voluntary":true},"document_id":"D1","is_sealed":true,)"
      R"("updated_at":"2020-03-02T00:00:00Z"})";
  const std::string sparse =
      R"({"case_id":"C2","case_number":"x","court_code":"京0105","type_code":"民初","category":"民事","filed_date":"2021-05-06",)"
      R"("parties":[{"role":"被告","name":"赵六","agents":[{"name":"丙"}]}]})";
  for (const std::string* second : {&sparse, &full}) {
    Case reused;
    ASSERT_TRUE(ParseCaseJson(full, &reused).ok());
    ASSERT_TRUE(ParseCaseJson(sparse, &reused).ok());
    ASSERT_TRUE(ParseCaseJson(*second, &reused).ok());
    auto fresh = ParseCaseJson(*second);
    ASSERT_TRUE(fresh.ok());
    std::string a, b;
    AppendCaseJson(reused, &a);
    AppendCaseJson(*fresh, &b);
    EXPECT_EQ(a, b);
    // A failed parse leaves a partly parsed case; the next one is whole again.
    EXPECT_FALSE(ParseCaseJson(R"({"case_id":"C3","filed_date":"2020-01-02","parties":[{"name":5}]})", &reused).ok());
    ASSERT_TRUE(ParseCaseJson(*second, &reused).ok());
    a.clear();
    AppendCaseJson(reused, &a);
    EXPECT_EQ(a, b);
  }
}

}  // namespace
}  // namespace tianping
