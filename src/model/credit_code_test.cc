#include "tianping/model/credit_code.h"

#include <gtest/gtest.h>

namespace tianping {
namespace {

// 91350100M000100Y43, checked by hand.
// Organisation code M000100Y + check: GB 11714 values M=22 Y=34, weights 3 7 9 10 5 8 4 2:
//   22·3 + 1·5 + 34·2 = 66 + 5 + 68 = 139; 139 mod 11 = 7; 11 - 7 = 4 → '4'.
// Final check: 31-set values M=21 Y=30, weights 1 3 9 27 19 26 16 17 20 29 25 13 8 24 10 30 28:
//   9·1 + 1·3 + 3·9 + 5·27 + 1·26 + 21·20 + 1·8 + 30·30 + 4·28 = 9+3+27+135+26+420+8+900+112 = 1640;
//   1640 mod 31 = 28; 31 - 28 = 3 → '3'.
TEST(CreditCode, KnownValidCode) {
  auto c = ParseCreditCode("91350100M000100Y43");
  ASSERT_TRUE(c.ok()) << c.status().message();
  EXPECT_EQ(c->authority, '9');
  EXPECT_EQ(c->type, '1');
  EXPECT_EQ(c->region, "350100");
  EXPECT_EQ(c->organization, "M000100Y4");
  EXPECT_EQ(OrganizationCodeCheckCharacter("M000100Y"), '4');
  EXPECT_EQ(CreditCodeCheckCharacter("91350100M000100Y4"), '3');
}

// Check character wrap-arounds, by hand: body "00000000" sums to 0 → 11 - 0 = 11 → '0'.
// Body "00000002": 2·2 = 4 → 11 - 4 = 7 → '7'. Body "00000005": 5·2 = 10 → 11 - 10 = 1 → '1'.
// Body "0000001X"? not allowed in the body; body "00000006": 12 mod 11 = 1 → 10 → 'X'.
TEST(CreditCode, OrganizationCheckEdgeCases) {
  EXPECT_EQ(OrganizationCodeCheckCharacter("00000000"), '0');
  EXPECT_EQ(OrganizationCodeCheckCharacter("00000002"), '7');
  EXPECT_EQ(OrganizationCodeCheckCharacter("00000005"), '1');
  EXPECT_EQ(OrganizationCodeCheckCharacter("00000006"), 'X');
}

TEST(CreditCode, Rejects) {
  EXPECT_FALSE(ParseCreditCode("91350100M000100Y44").ok());  // final check
  EXPECT_FALSE(ParseCreditCode("91350100M000100Y53").ok());  // organisation check
  EXPECT_FALSE(ParseCreditCode("9135010OM000100Y43").ok());  // O not in the set
  EXPECT_FALSE(ParseCreditCode("94350100M000100Y43").ok());  // 9 + 4 is no type
  EXPECT_FALSE(ParseCreditCode("91350100M000100Y4").ok());   // short
}

TEST(CreditCode, MakeRoundTrips) {
  EXPECT_EQ(MakeCreditCode('9', '1', "350100", "M000100Y"), "91350100M000100Y43");
  const char* bodies[] = {"00000000", "12345678", "MA1B2C3D", "L0000006", "YYYYYYYY"};
  for (const char* b : bodies) {
    for (auto [a, t] : {std::pair{'9', '1'}, {'9', '2'}, {'5', '1'}, {'1', '1'}, {'Y', '1'}}) {
      std::string code = MakeCreditCode(a, t, "110105", b);
      EXPECT_TRUE(ParseCreditCode(code).ok()) << code;
    }
  }
}

}  // namespace
}  // namespace tianping
