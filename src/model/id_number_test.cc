#include "tianping/model/id_number.h"

#include <gtest/gtest.h>

namespace tianping {
namespace {

// 11010519491231002X (the GB 11643 example), checked by hand:
//   digits  1 1 0  1 0 5 1 9 4 9 1 2 3  1 0 0 2
//   weights 7 9 10 5 8 4 2 1 6 3 7 9 10 5 8 4 2
//   sum = 7+9+0+5+0+20+2+9+24+27+7+18+30+5+0+0+4 = 167; 167 mod 11 = 2 → check 'X'.
// 440524188001010014: sum = 28+36+0+25+16+16+2+8+48+0+0+9+0+5+0+0+2 = 195; 195 mod 11 = 8 → '4'.
TEST(IdNumber, KnownValidNumbers) {
  auto a = ParseIdNumber("11010519491231002X");
  ASSERT_TRUE(a.ok()) << a.status().message();
  EXPECT_EQ(a->region, "110105");
  EXPECT_EQ(a->birth_date, Date::FromYmd(1949, 12, 31));
  EXPECT_EQ(a->sequence, 2);
  EXPECT_FALSE(a->male);
  EXPECT_TRUE(ParseIdNumber("11010519491231002x").ok());
  auto b = ParseIdNumber("440524188001010014");
  ASSERT_TRUE(b.ok()) << b.status().message();
  EXPECT_TRUE(b->male);  // sequence 001 is odd
  EXPECT_EQ(IdNumberCheckCharacter("11010519491231002"), 'X');
  EXPECT_EQ(IdNumberCheckCharacter("44052418800101001"), '4');
}

TEST(IdNumber, Rejects) {
  EXPECT_FALSE(ParseIdNumber("110105194912310021").ok());  // wrong check character
  EXPECT_FALSE(ParseIdNumber("11010519490231002X").ok());  // 1949-02-31
  EXPECT_FALSE(ParseIdNumber("99010519491231002X").ok());  // province 99
  EXPECT_FALSE(ParseIdNumber("1101051949123100").ok());    // short
  EXPECT_FALSE(ParseIdNumber("1101051949123100AX").ok());  // letter in body
}

TEST(IdNumber, MakeRoundTrips) {
  EXPECT_EQ(MakeIdNumber("110105", Date::FromYmd(1949, 12, 31), 2), "11010519491231002X");
  for (int seq = 0; seq < 1000; seq += 37) {
    std::string id = MakeIdNumber("440305", Date::FromYmd(1990, 2, 28), seq);
    auto p = ParseIdNumber(id);
    ASSERT_TRUE(p.ok()) << id;
    EXPECT_EQ(p->sequence, seq);
    EXPECT_EQ(p->male, seq % 2 == 1);
  }
}

}  // namespace
}  // namespace tianping
