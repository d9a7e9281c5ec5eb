#include "tianping/service/gzip.h"

#include <gtest/gtest.h>

namespace tianping::service {
namespace {

TEST(Gzip, RoundTripsAndHasTheGzipMagic) {
  std::string text;
  for (int i = 0; i < 200; ++i) text += "北京市朝阳区人民法院（2023）京0105民初" + std::to_string(i) + "号\n";
  std::string z = GzipCompress(text);
  ASSERT_GE(z.size(), 18u);
  EXPECT_EQ(static_cast<unsigned char>(z[0]), 0x1f);
  EXPECT_EQ(static_cast<unsigned char>(z[1]), 0x8b);
  EXPECT_LT(z.size(), text.size() / 4);
  auto back = GzipDecompress(z);
  ASSERT_TRUE(back.ok());
  EXPECT_EQ(*back, text);
  EXPECT_FALSE(GzipDecompress("not gzip at all").ok());
}

}  // namespace
}  // namespace tianping::service
