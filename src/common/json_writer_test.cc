#include "tianping/common/json_writer.h"

#include <gtest/gtest.h>

namespace tianping {

TEST(JsonWriterTest, EscapesAndSeparates) {
  std::string out;
  JsonWriter w(&out);
  w.BeginObject();
  w.Field("案号", "（2023）京0105民初1号");
  w.Field("q", "a\"b\\c\n\x01");
  w.Key("n"); w.Int(-42);
  w.Key("amt"); w.Double(12.5);
  w.Key("whole"); w.Double(3.0);
  w.Key("list"); w.BeginArray(); w.Int(1); w.Int(2); w.EndArray();
  w.Key("none"); w.Null();
  w.EndObject();
  EXPECT_EQ(out, "{\"案号\":\"（2023）京0105民初1号\",\"q\":\"a\\\"b\\\\c\\n\\u0001\",\"n\":-42,"
                 "\"amt\":12.5,\"whole\":3,\"list\":[1,2],\"none\":null}");
}

}  // namespace tianping
