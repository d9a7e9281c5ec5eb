#include "people.h"

#include <set>

#include <gtest/gtest.h>

#include "tianping/model/credit_code.h"
#include "tianping/model/id_number.h"

namespace tianping::gen {
namespace {

TEST(People, PersonsHaveValidConsistentIds) {
  Rng rng(5);
  Date on = Date::FromYmd(2023, 6, 1);
  std::set<std::string> surnames;
  for (int i = 0; i < 2000; ++i) {
    Party p = RandomPerson(rng, "广东省广州市天河区", "440106", on, i % 50 == 0);
    auto info = ParseIdNumber(p.id_number);
    ASSERT_TRUE(info.ok()) << p.id_number;
    EXPECT_EQ(info->region, "440106");
    EXPECT_EQ(info->birth_date, *p.birth_date);
    EXPECT_EQ(info->male, p.gender == "男");
    int age = (on - *p.birth_date) / 365;
    if (p.is_minor) { EXPECT_LT(age, 18); } else { EXPECT_GE(age, 18); EXPECT_LE(age, 76); }
    EXPECT_EQ(p.phone.size(), 11u);
    EXPECT_EQ(p.phone[0], '1');
    EXPECT_EQ(p.address.rfind("广东省广州市天河区", 0), 0u);
    surnames.insert(RandomSurname(rng));
  }
  EXPECT_GT(surnames.size(), 60u);
}

TEST(People, CompaniesHaveValidCreditCodes) {
  Rng rng(6);
  for (int i = 0; i < 500; ++i) {
    Party c = RandomCompany(rng, "广州市", "广东省广州市天河区", "440106");
    auto info = ParseCreditCode(c.credit_code);
    ASSERT_TRUE(info.ok()) << c.credit_code << " " << info.status().ToString();
    EXPECT_EQ(info->region, "440106");
    EXPECT_EQ(c.name.rfind("广州市", 0), 0u);
    EXPECT_NE(c.name.find("公司"), std::string::npos);
    EXPECT_FALSE(c.legal_representative.empty());
  }
}

}  // namespace
}  // namespace tianping::gen
