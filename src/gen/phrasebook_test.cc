#include "gen/phrasebook.h"

#include <gtest/gtest.h>

#include <set>

#include "gen/doc_render.h"

namespace tianping::gen {
namespace {

TEST(Phrasebook, VariantNameDiffersByOneConfusableCharacter) {
  EXPECT_EQ(VariantName("张伟"), "张玮");
  EXPECT_EQ(VariantName("张玮"), "张伟");
  EXPECT_EQ(VariantName("李明"), "李铭");
  EXPECT_EQ(VariantName("王小华"), "王小化");
  EXPECT_EQ(VariantName("河南宏达商贸有限公司"), "河南宏达商贸有限责任公司");
  EXPECT_EQ(VariantName("北京某某科技有限责任公司"), "北京某某科技有限公司");
  EXPECT_EQ(VariantName("张某"), "张谋");
  EXPECT_NE(VariantName("欧阳"), "欧阳");  // no known confusion: last character replaced
}

TEST(Phrasebook, OppositeRole) {
  EXPECT_EQ(OppositeRole("原告"), "被告");
  EXPECT_EQ(OppositeRole("被告"), "原告");
  EXPECT_EQ(OppositeRole("上诉人"), "被上诉人");
  EXPECT_EQ(OppositeRole("被上诉人"), "上诉人");
  EXPECT_EQ(OppositeRole("申请执行人"), "被执行人");
  EXPECT_EQ(OppositeRole("被告人"), "被害人");
}

TEST(Phrasebook, PickAndNamesAreDeterministic) {
  Rng a(5), b(5);
  for (int i = 0; i < 20; ++i) {
    EXPECT_EQ(Pick(a, {"甲", "乙", "丙"}), Pick(b, {"甲", "乙", "丙"}));
    EXPECT_EQ(RandomPersonName(a), RandomPersonName(b));
  }
  std::set<std::string> names;
  Rng r(9);
  for (int i = 0; i < 100; ++i) names.insert(RandomPersonName(r));
  EXPECT_GT(names.size(), 60u);
}

TEST(Phrasebook, ProcuratorateName) {
  EXPECT_EQ(ProcuratorateName("北京市朝阳区人民法院"), "北京市朝阳区人民检察院");
  EXPECT_EQ(ProcuratorateName("广东省汕头市中级人民法院"), "广东省汕头市人民检察院");
  EXPECT_EQ(ProcuratorateName("北京市第三中级人民法院"), "北京市人民检察院第三分院");
}

}  // namespace
}  // namespace tianping::gen
