// Unit checks beyond test/golden/security/masking.test: indices, empty input, UTF-8 safety.
#include "tianping/security/masking.h"

#include <gtest/gtest.h>

namespace tianping::security {
namespace {

TEST(MaskingTest, NameIndicesAndEmpty) {
  EXPECT_EQ(AnonymiseName("李梅", 1), "李某1");
  EXPECT_EQ(AnonymiseName("欧阳修", 2), "欧阳某2");
  EXPECT_EQ(AnonymiseName(""), "");
  EXPECT_EQ(Surname("欧阳"), "欧");  // a bare compound surname is a name of two characters
}

TEST(MaskingTest, MasksNeverKeepTheMiddle) {
  std::string id = "110105199001011234";
  EXPECT_EQ(MaskIdNumber(id).find("19900101"), std::string::npos);
  EXPECT_EQ(MaskPhone("13812345678").find("1234"), std::string::npos);
}

TEST(MaskingTest, AddressMaskIsValidUtf8Prefix) {
  std::string masked = MaskAddress("新疆维吾尔自治区乌鲁木齐市天山区解放南路1号");
  EXPECT_EQ(masked, "新疆维吾尔自治区乌鲁木齐市天山区××");
}

TEST(MaskingTest, ScrubLeavesShortNumbersAlone) {
  EXPECT_EQ(ScrubIdentifiers("2023年3月6日立案，标的额50000元"), "2023年3月6日立案，标的额50000元");
  EXPECT_EQ(ScrubIdentifiers(""), "");
  EXPECT_EQ(ScrubIdentifiers("13812345678"), "138****5678");
}

}  // namespace
}  // namespace tianping::security
