#include "store/crc32c.h"

#include <gtest/gtest.h>

#include <string>

namespace tianping::store {

TEST(Crc32c, KnownVectors) {
  // RFC 3720 (iSCSI) appendix B.4 test vectors.
  EXPECT_EQ(Crc32c("123456789"), 0xE3069283u);
  std::string zeros(32, '\0');
  EXPECT_EQ(Crc32c(zeros), 0x8A9136AAu);
  std::string ones(32, '\xFF');
  EXPECT_EQ(Crc32c(ones), 0x62A8AB43u);
}

TEST(Crc32c, ExtendEqualsWhole) {
  std::string s = "天平 judicial store block payload 0123456789";
  uint32_t a = Crc32cExtend(Crc32c(s.substr(0, 7)), s.data() + 7, s.size() - 7);
  EXPECT_EQ(a, Crc32c(s));
  std::string t = s;
  t[3] ^= 1;
  EXPECT_NE(Crc32c(t), Crc32c(s));
}

}  // namespace tianping::store
