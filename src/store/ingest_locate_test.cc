// IngestOptions::locate_row: quarantine entries name the source row instead of file and line
// (docs/store-format.md "Quarantine").
#include <gtest/gtest.h>
#include <unistd.h>

#include <fstream>
#include <sstream>

#include "store/file_util.h"
#include "store/test_cases.h"
#include "tianping/model/case_json.h"
#include "tianping/store/ingest.h"

namespace tianping::store {
namespace {

TEST(IngestLocateTest, QuarantineNamesTheSourceRow) {
  std::string dir = ::testing::TempDir() + "tp_locate_" + std::to_string(::getpid());
  (void)RemoveAll(dir);
  ASSERT_TRUE(MakeDirs(dir).ok());
  std::string input = dir + "/in.jsonl", text;
  Case good = testing::MakeCase(1), bad = testing::MakeCase(2);
  bad.parties[0].name.clear();  // party name is required
  AppendCaseJson(good, &text);
  text += "\n";
  AppendCaseJson(bad, &text);
  text += "\n";
  ASSERT_TRUE(WriteFileAtomic(input, text).ok());

  IngestOptions opt;
  opt.progress = false;
  std::vector<std::string> calls;
  opt.locate_row = [&](size_t file, int64_t line, std::string_view field) {
    calls.push_back(std::to_string(file) + ":" + std::to_string(line) + ":" + std::string(field));
    return RowSource{"postgresql://u:***@h/db", "parties", "party_id=" + std::to_string(100 + line), "name"};
  };
  auto r = IngestFiles(dir, {input}, opt);
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_EQ(r->snapshot.changes.quarantined, 1);
  EXPECT_EQ(calls, std::vector<std::string>{"0:2:parties[0].name"});
  std::ifstream q(dir + "/" + r->snapshot.quarantine);
  std::stringstream got;
  got << q.rdbuf();
  EXPECT_NE(got.str().find("{\"file\":\"postgresql://u:***@h/db\",\"table\":\"parties\",\"row\":\"party_id=102\","
                           "\"column\":\"name\",\"field\":\"parties[0].name\",\"reason\":\"required\""),
            std::string::npos)
      << got.str();
  EXPECT_EQ(got.str().find("\"line\""), std::string::npos);
  (void)RemoveAll(dir);
}

}  // namespace
}  // namespace tianping::store
