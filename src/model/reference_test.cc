#include "tianping/model/reference.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <set>

namespace tianping {
namespace {

namespace fs = std::filesystem;

const ReferenceData& Ref() {
  static const ReferenceData* ref = [] {
    auto r = ReferenceData::Load(ReferenceData::DefaultRefDir());
    EXPECT_TRUE(r.ok()) << r.status().ToString();
    return r.ok() ? new ReferenceData(std::move(r).value()) : new ReferenceData();
  }();
  return *ref;
}

class TempDir {
 public:
  TempDir() {
    path_ = fs::temp_directory_path() / ("tp_ref_test_" + std::to_string(::testing::UnitTest::GetInstance()->random_seed()) +
                                         "_" + ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(path_);
    fs::create_directories(path_);
  }
  ~TempDir() { fs::remove_all(path_); }
  std::string path() const { return path_.string(); }
  void Write(const std::string& name, const std::string& text) const {
    std::ofstream(path_ / name, std::ios::binary) << text;
  }
  // Copies the real tables so one can be replaced by a broken version.
  void CopyRef() const {
    for (const char* f : {"provinces.csv", "courts.csv", "causes.csv", "time_limits.csv"}) {
      fs::copy_file(fs::path(ReferenceData::DefaultRefDir()) / f, path_ / f, fs::copy_options::overwrite_existing);
    }
  }

 private:
  fs::path path_;
};

TEST(ReferenceTest, ProvincesAreTheThirtyTwoHighCourtUnits) {
  const auto& ref = Ref();
  ASSERT_EQ(ref.provinces().size(), 32u);
  const Province* yue = ref.FindProvince("粤");
  ASSERT_NE(yue, nullptr);
  EXPECT_EQ(yue->name, "广东省");
  EXPECT_EQ(yue->division_prefix, "44");
  EXPECT_EQ(yue->population_2020, 126012510);
  EXPECT_EQ(ref.FindProvince("兵")->division_prefix, "66");
  int64_t total = 0;
  for (const auto& p : ref.provinces()) total += p.population_2020;
  // 2020 census: 1,411,778,724 on the mainland incl. active servicemen (≈2 M not by province), + 兵团 ≈3.25 M.
  EXPECT_GT(total, 1'400'000'000);
  EXPECT_LT(total, 1'420'000'000);
}

TEST(ReferenceTest, CourtHierarchyIsConsistent) {
  const auto& ref = Ref();
  int high = 0;
  for (const auto& c : ref.courts()) {
    if (c.level == CourtLevel::kHigh) ++high;
    if (c.level == CourtLevel::kSupreme) {
      EXPECT_EQ(c.code, "最高法");
      continue;
    }
    const Court* parent = ref.FindCourt(c.parent_code);
    ASSERT_NE(parent, nullptr) << c.code;
    EXPECT_LT(static_cast<int>(parent->level), static_cast<int>(c.level)) << c.code;
    EXPECT_EQ(parent->province.empty() ? c.province : parent->province, c.province) << c.code;
  }
  EXPECT_EQ(high, 32);
  EXPECT_EQ(ref.FindCourt("京0105")->name, "北京市朝阳区人民法院");
  EXPECT_EQ(ref.FindCourt("京0491")->kind, "互联网");
  EXPECT_EQ(ref.FindCourt("兵")->name, "新疆维吾尔自治区高级人民法院生产建设兵团分院");
  EXPECT_EQ(ref.Children("最高法").size(), 32u);
}

TEST(ReferenceTest, OrdinaryBasicCourtCodesCarryDivisionDigits) {
  const auto& ref = Ref();
  int checked = 0;
  for (const auto& c : ref.courts()) {
    if (c.level != CourtLevel::kBasic || c.kind != "普通") continue;
    ASSERT_EQ(c.division_code.size(), 6u) << c.code;
    const Province* p = ref.FindProvince(c.province);
    ASSERT_NE(p, nullptr);
    EXPECT_EQ(c.division_code.substr(0, 2), p->division_prefix) << c.code;
    EXPECT_EQ(c.code, c.province + c.division_code.substr(2)) << c.code;
    ++checked;
  }
  EXPECT_GT(checked, 0);
}

TEST(ReferenceTest, CausePathsAndLookup) {
  const auto& ref = Ref();
  const Cause* loan = ref.FindCauseByName("民间借贷纠纷");
  ASSERT_NE(loan, nullptr);
  EXPECT_EQ(loan->category, "民事");
  EXPECT_TRUE(loan->high_risk);
  auto path = ref.CausePath(*loan);
  ASSERT_GE(path.size(), 2u);
  EXPECT_EQ(path.back(), "民间借贷纠纷");
  EXPECT_EQ(path.size(), static_cast<size_t>(loan->level));
  EXPECT_EQ(path[path.size() - 2], ref.FindCause(loan->parent_code)->name);
  const Cause* dui = ref.FindCauseByName("危险驾驶罪");
  ASSERT_NE(dui, nullptr);
  EXPECT_EQ(dui->category, "刑事");
  EXPECT_EQ(ref.FindCause(dui->code), dui);
  EXPECT_EQ(ref.FindCause("M9999"), nullptr);
}

TEST(ReferenceTest, StatutoryLimits) {
  const auto& ref = Ref();
  EXPECT_EQ(ref.StatutoryLimitDays("简易程序", "民事"), 90);
  EXPECT_EQ(ref.StatutoryLimitDays("普通程序", "民事"), 180);
  EXPECT_EQ(ref.StatutoryLimitDays("小额诉讼程序", "民事"), 60);
  EXPECT_EQ(ref.StatutoryLimitDays("二审", "民事"), 90);
  EXPECT_EQ(ref.StatutoryLimitDays("二审裁定", "民事"), 30);
  EXPECT_EQ(ref.StatutoryLimitDays("普通程序", "刑事"), 60);
  EXPECT_EQ(ref.StatutoryLimitDays("普通程序", "行政"), 180);
  EXPECT_EQ(ref.StatutoryLimitDays("执行", "执行"), 180);
  EXPECT_EQ(ref.StatutoryLimitDays("执行", "民事"), 180);  // via the "*" row
  EXPECT_EQ(ref.StatutoryLimitDays("特别程序", "民事"), 30);
  EXPECT_EQ(ref.StatutoryLimitDays("没有的程序", "民事"), 0);
  const TimeLimit* ord = ref.FindTimeLimit("普通程序", "民事");
  ASSERT_NE(ord, nullptr);
  EXPECT_EQ(ord->max_extension_months, 6);
  EXPECT_EQ(ord->basis, "民事诉讼法第152条");
}

TEST(ReferenceTest, BadTablesNameFileLineAndField) {
  TempDir dir;
  dir.CopyRef();
  dir.Write("time_limits.csv", "procedure,category,months,days,max_extension_months,basis\n"
                               "普通程序,民事,6,0,6,x\n简易程序,民事,three,0,1,x\n");
  auto r = ReferenceData::Load(dir.path());
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), Status::Code::kParseError);
  EXPECT_EQ(r.status().message(), "time_limits.csv:3: field 'months': not an integer: 'three'");

  dir.CopyRef();
  dir.Write("causes.csv", "code,name,category,level,parent_code,weight,high_risk\n"
                          "M0100,合同纠纷,民事,1,,0,0\nM0101,买卖合同纠纷,民事,2,M0999,1,0\n");
  r = ReferenceData::Load(dir.path());
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.status().message().find("causes.csv:3: field 'parent_code'"), std::string::npos) << r.status().message();

  dir.CopyRef();
  std::string courts = "code,name,level,province,parent_code,division_code,kind,size_weight,judges\n"
                       "最高法,最高人民法院,最高,,,,最高,1,1\n"
                       "京,北京市高级人民法院,高级,京,最高法,,普通,1,1\n"
                       "京03,北京市第三中级人民法院,中级,京,京,,普通,1,1\n"
                       "京0105,北京市朝阳区人民法院,基层,京,京03,110106,普通,1,1\n";
  dir.Write("courts.csv", courts);
  r = ReferenceData::Load(dir.path());
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.status().message().find("courts.csv:5: field 'code'"), std::string::npos) << r.status().message();

  dir.Write("courts.csv", "code,name,level,province,parent_code,division_code,kind,size_weight,judges\n"
                          "最高法,最高人民法院,最高,,,,最高,1,1\n京,北京市高级人民法院,县级,京,最高法,,普通,1,1\n");
  r = ReferenceData::Load(dir.path());
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().message(), "courts.csv:3: field 'level': unknown level '县级'");

  dir.Write("courts.csv", "code,name,level\n");
  r = ReferenceData::Load(dir.path());
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().message(), "courts.csv:1: missing column 'province'");
}

TEST(ReferenceTest, ImportDivisionsRoundTripAndResolveNames) {
  TempDir dir;
  dir.Write("areas.csv", "code,name,cityCode,provinceCode\n110105,\"朝阳区\",1101,11\n440703,蓬江区,4407,44\n"
                         "320583,昆山市,3205,32\n320509,吴江区,3205,32\n");
  dir.Write("cities.csv", "code,name,provinceCode\n1101,\"市辖区\",11\n4407,江门市,44\n3205,苏州市,32\n");
  std::string data = dir.path() + "/data";
  auto n = ReferenceData::ImportDivisions(std::vector<std::string>{dir.path() + "/areas.csv",
                                                                   dir.path() + "/cities.csv"}, data);
  ASSERT_TRUE(n.ok()) << n.status().ToString();
  EXPECT_EQ(*n, 7);
  ASSERT_TRUE(fs::exists(ReferenceData::DivisionsPath(data)));
  EXPECT_FALSE(fs::exists(ReferenceData::DivisionsPath(data) + ".tmp"));

  auto ref = ReferenceData::Load(ReferenceData::DefaultRefDir(), data);
  ASSERT_TRUE(ref.ok()) << ref.status().ToString();
  EXPECT_EQ(ref->division_count(), 7u);
  EXPECT_EQ(ref->DivisionName("440700"), "江门市");
  EXPECT_EQ(ref->ResolveCourtName("粤0703"), "江门市蓬江区人民法院");
  EXPECT_EQ(ref->ResolveCourtName("苏0583"), "昆山市人民法院");
  EXPECT_EQ(ref->ResolveCourtName("苏0509"), "苏州市吴江区人民法院");
  EXPECT_EQ(ref->ResolveCourtName("粤07"), "江门市中级人民法院");
  EXPECT_EQ(ref->ResolveCourtName("京02"), "北京市第二中级人民法院");
  EXPECT_EQ(ref->ResolveCourtName("渝05"), "重庆市第五中级人民法院");
  EXPECT_EQ(ref->ResolveCourtName("京0105"), "北京市朝阳区人民法院");  // from the court table
  EXPECT_EQ(ref->ResolveCourtName("粤0799"), "");
  EXPECT_EQ(ref->ResolveCourtName("粤79"), "");
  EXPECT_EQ(ref->ResolveCourtName("X0105"), "");
}

TEST(ReferenceTest, ImportDivisionsRejectsBadRows) {
  TempDir dir;
  dir.Write("bad.csv", "code,name\n110105,朝阳区\n11010,短码\n");
  auto n = ReferenceData::ImportDivisions(dir.path() + "/bad.csv", dir.path() + "/data");
  ASSERT_FALSE(n.ok());
  EXPECT_NE(n.status().message().find("bad.csv:3: field 'code'"), std::string::npos) << n.status().message();
  dir.Write("noname.csv", "code,name\n110105,\n");
  n = ReferenceData::ImportDivisions(dir.path() + "/noname.csv", dir.path() + "/data");
  ASSERT_FALSE(n.ok());
  EXPECT_EQ(n.status().message(), "noname.csv:2: field 'name': empty");
  EXPECT_FALSE(fs::exists(ReferenceData::DivisionsPath(dir.path() + "/data")));
  EXPECT_EQ(ReferenceData::ImportDivisions(dir.path() + "/missing.csv", dir.path()).status().code(),
            Status::Code::kIoError);
}

}  // namespace
}  // namespace tianping
