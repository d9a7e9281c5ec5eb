#include "tianping/model/csv.h"

#include <gtest/gtest.h>

namespace tianping::csv {
namespace {

TEST(CsvTest, QuotedFieldsCommasNewlinesAndEscapes) {
  auto t = Parse("\xEF\xBB\xBF" "code,name\r\n# comment\n110105,\"朝阳区\"\n1,\"a,b\"\"c\nd\"\n\n2,x\n", "t.csv");
  ASSERT_TRUE(t.ok()) << t.status().ToString();
  ASSERT_EQ(t->header, (std::vector<std::string>{"code", "name"}));
  ASSERT_EQ(t->rows.size(), 3u);
  EXPECT_EQ(t->rows[0].line, 3);
  EXPECT_EQ(t->rows[0].fields[1], "朝阳区");
  EXPECT_EQ(t->rows[1].fields[1], "a,b\"c\nd");
  EXPECT_EQ(t->rows[1].line, 4);
  EXPECT_EQ(t->rows[2].line, 7);  // the quoted newline counts
  EXPECT_EQ(t->rows[2].fields[0], "2");
}

TEST(CsvTest, EmptyTrailingFieldIsKept) {
  auto t = Parse("a,b,c\n1,,\n", "t.csv");
  ASSERT_TRUE(t.ok());
  EXPECT_EQ(t->rows[0].fields, (std::vector<std::string>{"1", "", ""}));
}

TEST(CsvTest, ErrorsNameFileAndLine) {
  auto t = Parse("a,b\n1,\"open\n", "x.csv");
  ASSERT_FALSE(t.ok());
  EXPECT_NE(t.status().message().find("x.csv:2:"), std::string::npos) << t.status().message();
  auto extra = Parse("a,b\n1,2\n1,2,3\n", "y.csv");
  ASSERT_FALSE(extra.ok());
  EXPECT_NE(extra.status().message().find("y.csv:3:"), std::string::npos) << extra.status().message();
  auto junk = Parse("a\n\"q\"z\n", "z.csv");
  EXPECT_FALSE(junk.ok());
  EXPECT_FALSE(Parse("", "e.csv").ok());
}

TEST(CsvTest, ReaderReportsFieldErrors) {
  auto t = Parse("code,n\nk,12\nk,1x\n", "r.csv");
  ASSERT_TRUE(t.ok());
  Reader r(*t, {"code", "n"});
  ASSERT_TRUE(r.status().ok());
  EXPECT_EQ(r.Int(t->rows[0], "n"), 12);
  EXPECT_TRUE(r.status().ok());
  r.Int(t->rows[1], "n");
  EXPECT_EQ(r.status().message(), "r.csv:3: field 'n': not an integer: '1x'");
  Reader missing(*t, {"code", "weight"});
  EXPECT_EQ(missing.status().message(), "r.csv:1: missing column 'weight'");
}

TEST(CsvTest, SplitRecordsOptionsForIngest) {
  // Defaults (reference tables): comments skipped, text after a closing quote rejected.
  auto strict = SplitRecords("a,b\n# note\n\"x\"y,2\n", "s.csv");
  ASSERT_FALSE(strict.ok());
  EXPECT_NE(strict.status().message().find("s.csv:3:"), std::string::npos) << strict.status().message();
  // Ingest: '#' is data, the stray text stays in the field, widths are not checked, lines are counted.
  auto loose = SplitRecords("a,b\n#1,\"x\"y\n\"p\nq\",2,3\n\nz\n", "l.csv", {.comments = false, .strict_quotes = false});
  ASSERT_TRUE(loose.ok()) << loose.status().ToString();
  ASSERT_EQ(loose->size(), 4u);
  EXPECT_EQ((*loose)[1].fields, (std::vector<std::string>{"#1", "xy"}));
  EXPECT_EQ((*loose)[1].line, 2);
  EXPECT_EQ((*loose)[2].fields, (std::vector<std::string>{"p\nq", "2", "3"}));
  EXPECT_EQ((*loose)[2].line, 3);
  EXPECT_EQ((*loose)[3].fields, (std::vector<std::string>{"z"}));
  EXPECT_EQ((*loose)[3].line, 6);
}

}  // namespace
}  // namespace tianping::csv
