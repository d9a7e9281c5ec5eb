// ColumnBuilder string columns: blob columns appended in one piece, mixed dict/blob appends (a version-1
// segment's rows carried into a version-2 one), and row hashes that do not depend on the column type.
#include "store/column_builder.h"

#include <gtest/gtest.h>

#include "store/hash64.h"
#include "store/segment_reader.h"

namespace tianping::store {
namespace {

std::vector<std::string> Values(const ColumnBuilder& c) {
  std::vector<std::string> out;
  for (size_t r = 0; r < c.size(); ++r) out.emplace_back(c.GetString(r));
  return out;
}

TEST(ColumnBuilder, BlobColumnsAppendInOnePieceAndKeepRowBoundaries) {
  ColumnBuilder a("id", ColumnType::kBlob), b("id", ColumnType::kBlob);
  a.AddString("C1");
  a.AddString("");
  b.AddString("（2023）沪0115民初1号");
  b.AddString("C3");
  a.AppendColumn(b);
  a.AppendColumn(ColumnBuilder("id", ColumnType::kBlob));  // empty: no rows
  EXPECT_EQ(Values(a), (std::vector<std::string>{"C1", "", "（2023）沪0115民初1号", "C3"}));
  a.Select({0, 2, 3});
  EXPECT_EQ(Values(a), (std::vector<std::string>{"C1", "（2023）沪0115民初1号", "C3"}));
  // A block payload is a string list with one entry per row.
  std::string block = a.EncodeRows(1, 3);
  std::string_view v;
  ASSERT_TRUE(StringListEntry(block, 0, &v));
  EXPECT_EQ(v, "（2023）沪0115民初1号");
  ASSERT_TRUE(StringListEntry(block, 1, &v));
  EXPECT_EQ(v, "C3");
  EXPECT_FALSE(StringListEntry(block, 2, &v));
}

TEST(ColumnBuilder, DictAndBlobRowsAppendIntoEachOther) {
  ColumnBuilder dict("name", ColumnType::kDict), blob("name", ColumnType::kBlob);
  dict.AddString("张三");
  dict.AddString("李四");
  dict.AddString("张三");
  blob.AddString("王五");
  blob.AppendColumn(dict);
  EXPECT_EQ(Values(blob), (std::vector<std::string>{"王五", "张三", "李四", "张三"}));
  ColumnBuilder back("name", ColumnType::kDict);
  back.AppendColumn(blob);
  EXPECT_EQ(Values(back), Values(blob));
  EXPECT_EQ(back.dict_size(), 3u);  // equal values share one dictionary entry
}

TEST(ColumnBuilder, RowHashIsTheValuesHashInBothLayouts) {
  ColumnBuilder dict("k", ColumnType::kDict), blob("k", ColumnType::kBlob);
  for (const char* s : {"C000000001", "", "C000000001", "91110105MA01234T"}) {
    dict.AddString(s);
    blob.AddString(s);
  }
  for (size_t r = 0; r < dict.size(); ++r) {
    EXPECT_EQ(dict.RowHash(r), Hash64(dict.GetString(r)));
    EXPECT_EQ(blob.RowHash(r), dict.RowHash(r));
  }
}

}  // namespace
}  // namespace tianping::store
