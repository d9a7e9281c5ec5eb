// Server-free parts of the PostgreSQL connector: URL masking, value conversion, the quarantine locator,
// watermarks. The connector against a live server: test/e2e/postgres_source_test.sh.
#include <gtest/gtest.h>

#include "source/pg_conn.h"
#include "source/pg_pull.h"
#include "source/pg_rows.h"
#include "tianping/source/postgres_source.h"

namespace tianping::source {
namespace {

TEST(PgUrl, MasksPasswordInUserInfo) {
  EXPECT_EQ(MaskConnectionUrl("postgresql://court:s3cr@t:x@10.0.0.5:5432/cms"), "postgresql://court:***@10.0.0.5:5432/cms");
  EXPECT_EQ(MaskConnectionUrl("postgres://court@host/cms"), "postgres://court@host/cms");
  EXPECT_EQ(MaskConnectionUrl("postgresql://host/cms?user=a&password=pw&sslmode=require"),
            "postgresql://host/cms?user=a&password=***&sslmode=require");
  EXPECT_EQ(MaskConnectionUrl("postgresql://u:pw@host/db?PASSWORD=x"), "postgresql://u:***@host/db?PASSWORD=***");
}

TEST(PgUrl, MasksKeywordValueStrings) {
  EXPECT_EQ(MaskConnectionUrl("host=h dbname=cms password=pw user=u"), "host=h dbname=cms password=*** user=u");
  EXPECT_EQ(MaskConnectionUrl("host=h password='a b\\'c' user=u"), "host=h password=*** user=u");
  EXPECT_TRUE(IsPostgresUrl("postgresql://h/db"));
  EXPECT_TRUE(IsPostgresUrl("postgres://h/db"));
  EXPECT_FALSE(IsPostgresUrl("cases.jsonl"));
}

TEST(PgRows, NumericToFen) {
  EXPECT_EQ(NumericToFen("0"), 0);
  EXPECT_EQ(NumericToFen("1234.50"), 123450);
  EXPECT_EQ(NumericToFen("1234.5"), 123450);
  EXPECT_EQ(NumericToFen("7"), 700);
  EXPECT_EQ(NumericToFen("-0.05"), -5);
  EXPECT_EQ(NumericToFen("0.125"), 13);   // beyond two decimals rounds half up
  EXPECT_EQ(NumericToFen("0.124"), 12);
  EXPECT_EQ(NumericToFen("99999999999999.99"), 9999999999999999);
}

TEST(PgRows, JsonTextArrayAndArrayLiteral) {
  EXPECT_EQ(JsonTextArray("[\"合同纠纷\",\"借款合同纠纷\"]"), (std::vector<std::string>{"合同纠纷", "借款合同纠纷"}));
  EXPECT_TRUE(JsonTextArray("[]").empty());
  EXPECT_TRUE(JsonTextArray("").empty());
  EXPECT_EQ(ArrayLiteral({"a", "b\"c", "d\\e", "张 三"}), "{\"a\",\"b\\\"c\",\"d\\\\e\",\"张 三\"}");
  EXPECT_EQ(ArrayLiteral({}), "{}");
}

TEST(PgRows, LocateFieldNamesSourceRowAndColumn) {
  RowOrigin o{"cases", "C7", {"101", "102"}, {{}, {"9001", "9002"}}};
  auto is = [](const SourceCell& c, const char* table, const char* idc, const char* id, const char* col) {
    return c.table == table && c.id_column == idc && c.id == id && c.column == col;
  };
  EXPECT_TRUE(is(LocateField(o, "filed_date"), "cases", "case_id", "C7", "filed_date"));
  EXPECT_TRUE(is(LocateField(o, ""), "cases", "case_id", "C7", ""));
  EXPECT_TRUE(is(LocateField(o, "parties[1].id_number"), "parties", "party_id", "102", "id_number"));
  EXPECT_TRUE(is(LocateField(o, "parties[0]"), "parties", "party_id", "101", ""));
  EXPECT_TRUE(is(LocateField(o, "parties[1].agents[1].license_number"), "agents", "agent_id", "9002", "license_number"));
  EXPECT_TRUE(is(LocateField(o, "parties"), "parties", "case_id", "C7", ""));
  EXPECT_TRUE(is(LocateField(o, "derived_from.case_number"), "case_links", "case_id", "C7", "source_case_number"));
  EXPECT_TRUE(is(LocateField(o, "execution.applied_amount"), "executions", "case_id", "C7", "applied_amount"));
  // An index the origin does not have (a parse error past the end) stays on the case row.
  EXPECT_TRUE(is(LocateField(o, "parties[5].name"), "cases", "case_id", "C7", "parties[5].name"));
  RowOrigin d{"documents", "D3", {}, {}};
  EXPECT_TRUE(is(LocateField(d, "text"), "documents", "doc_id", "D3", "body"));
  EXPECT_TRUE(is(LocateField(d, "case_id"), "documents", "doc_id", "D3", "case_id"));
}

TEST(PgPull, WatermarkRoundTrip) {
  Watermark w{"2026-11-29 12:00:00.000001+00", "C|1"};
  EXPECT_EQ(Watermark::Parse(w.ToString()), w);  // the first '|' separates: ids may hold '|'
  EXPECT_TRUE(Watermark::Parse("").empty());
  EXPECT_EQ(Watermark{}.ToString(), "");
}

}  // namespace
}  // namespace tianping::source
