#include "tianping/model/reference.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <map>
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
  int checked = 0, without_division = 0;
  for (const auto& c : ref.courts()) {
    if (c.level != CourtLevel::kBasic || c.kind != "普通") continue;
    if (c.division_code.empty()) {  // cities without counties number their courts: 粤1971 东莞市第一人民法院
      ++without_division;
      EXPECT_GE(c.code.substr(c.province.size() + 2, 2), "71") << c.code;
      continue;
    }
    ASSERT_EQ(c.division_code.size(), 6u) << c.code;
    const Province* p = ref.FindProvince(c.province);
    ASSERT_NE(p, nullptr);
    EXPECT_EQ(c.division_code.substr(0, 2), p->division_prefix) << c.code;
    EXPECT_EQ(c.code, c.province + c.division_code.substr(2)) << c.code;
    ++checked;
  }
  EXPECT_GE(checked, 1200);
  EXPECT_LE(without_division, 10);
}

TEST(ReferenceTest, TableSizes) {
  const auto& ref = Ref();
  std::map<CourtLevel, int> levels;
  for (const auto& c : ref.courts()) levels[c.level]++;
  EXPECT_EQ(levels[CourtLevel::kSupreme], 1);
  EXPECT_EQ(levels[CourtLevel::kHigh], 32);
  EXPECT_GE(levels[CourtLevel::kIntermediate], 340);  // ≈ 333 prefecture-level units + special courts
  EXPECT_GE(levels[CourtLevel::kBasic], 1200);
  std::set<std::string> parents;
  for (const auto& c : ref.causes()) parents.insert(c.parent_code);
  std::map<std::string, int> leaves, level1;
  std::map<std::string, double> weight;
  for (const auto& c : ref.causes()) {
    if (c.level == 1) level1[c.category]++;
    if (parents.count(c.code)) {
      EXPECT_EQ(c.weight, 0) << c.code << " weights belong to leaves only";
      continue;
    }
    leaves[c.category]++;
    weight[c.category] += c.weight;
  }
  EXPECT_GE(leaves["民事"], 150);
  EXPECT_EQ(level1["民事"], 11);  // 《民事案件案由规定》 (2020) has eleven parts
  EXPECT_GE(leaves["刑事"], 100);
  EXPECT_EQ(level1["刑事"], 10);  // 刑法分则 has ten chapters
  EXPECT_GE(leaves["行政"], 20);
  for (const char* cat : {"民事", "刑事", "行政"}) EXPECT_NEAR(weight[cat], 1.0, 0.02) << cat;
}

TEST(ReferenceTest, SpecialCourts) {
  const auto& ref = Ref();
  int maritime = 0, ip = 0, internet = 0;
  for (const auto& c : ref.courts()) {
    if (c.kind == "海事") {
      ++maritime;
      EXPECT_EQ(c.code, c.province + "72");
      EXPECT_EQ(c.parent_code, c.province);
    }
    if (c.kind == "知识产权") ++ip;
    if (c.kind == "互联网") ++internet;
  }
  EXPECT_EQ(maritime, 11);
  EXPECT_EQ(ip, 4);
  EXPECT_EQ(internet, 3);
  EXPECT_EQ(ref.FindCourt("沪72")->name, "上海海事法院");
  EXPECT_EQ(ref.FindCourt("粤0192")->name, "广州互联网法院");
  EXPECT_EQ(ref.FindCourt("浙0192")->parent_code, "浙01");
  EXPECT_EQ(ref.FindCourt("沪74")->kind, "金融");
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
  // Older names and split forms of 选择性罪名 resolve to the current cause.
  const Cause* agency = ref.FindCauseByName("居间合同纠纷");
  ASSERT_NE(agency, nullptr);
  EXPECT_EQ(agency->name, "中介合同纠纷");
  EXPECT_EQ(ref.FindCauseByName("贩卖毒品罪")->name, "走私、贩卖、运输、制造毒品罪");
  EXPECT_EQ(ref.FindCauseByName("生产、销售假药罪")->name, "生产、销售、提供假药罪");
  // A part and its group share a name: the deeper one is found.
  EXPECT_EQ(ref.FindCauseByName("侵权责任纠纷")->level, 2);
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
  dir.Write("causes.csv", "code,name,category,level,parent_code,weight,high_risk,aliases\n"
                          "M0100,合同纠纷,民事,1,,0,0,\nM0101,中介合同纠纷,民事,2,M0100,1,0,居间合同纠纷|合同纠纷\n");
  r = ReferenceData::Load(dir.path());
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().message(), "causes.csv:3: field 'aliases': '合同纠纷' is already a cause name or alias");

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
  // Rows shaped like the national tables (code,name,cityCode,provinceCode); these courts are not in courts.csv.
  dir.Write("areas.csv", "code,name,cityCode,provinceCode\n110105,\"朝阳区\",1101,11\n130408,永年区,1304,13\n"
                         "130426,涉县,1304,13\n510524,叙永县,5105,51\n500999,某某县,5002,50\n");
  dir.Write("cities.csv", "code,name,provinceCode\n1101,\"市辖区\",11\n1304,邯郸市,13\n5105,泸州市,51\n"
                          "6202,嘉峪关市,62\n");
  std::string data = dir.path() + "/data";
  auto n = ReferenceData::ImportDivisions(std::vector<std::string>{dir.path() + "/areas.csv",
                                                                   dir.path() + "/cities.csv"}, data);
  ASSERT_TRUE(n.ok()) << n.status().ToString();
  EXPECT_EQ(*n, 9);
  ASSERT_TRUE(fs::exists(ReferenceData::DivisionsPath(data)));
  EXPECT_FALSE(fs::exists(ReferenceData::DivisionsPath(data) + ".tmp"));

  // A small court table, so that the derived names below never come from courts.csv.
  dir.CopyRef();
  dir.Write("courts.csv", "code,name,level,province,parent_code,division_code,kind,size_weight,judges\n"
                          "最高法,最高人民法院,最高,,,,最高,1,1\n"
                          "京,北京市高级人民法院,高级,京,最高法,,普通,1,1\n"
                          "京03,北京市第三中级人民法院,中级,京,京,,普通,1,1\n"
                          "京0105,北京市朝阳区人民法院,基层,京,京03,110105,普通,1,1\n"
                          "粤,广东省高级人民法院,高级,粤,最高法,,普通,1,1\n"
                          "粤07,江门市中级人民法院,中级,粤,粤,440700,普通,1,1\n"
                          "粤0783,开平市人民法院,基层,粤,粤07,440783,普通,1,1\n");
  auto ref = ReferenceData::Load(dir.path(), data);
  ASSERT_TRUE(ref.ok()) << ref.status().ToString();
  EXPECT_EQ(ref->division_count(), 9u);
  EXPECT_EQ(ref->DivisionName("130400"), "邯郸市");  // four-digit city codes padded to six
  EXPECT_EQ(ref->DivisionName("110100"), "市辖区");
  ASSERT_EQ(ref->FindCourt("冀0408"), nullptr);
  EXPECT_EQ(ref->ResolveCourtName("冀0408"), "邯郸市永年区人民法院");
  EXPECT_EQ(ref->ResolveCourtName("冀0426"), "涉县人民法院");
  EXPECT_EQ(ref->ResolveCourtName("川0524"), "叙永县人民法院");
  EXPECT_EQ(ref->ResolveCourtName("渝0999"), "重庆市某某县人民法院");
  EXPECT_EQ(ref->ResolveCourtName("甘02"), "嘉峪关市中级人民法院");
  EXPECT_EQ(ref->ResolveCourtName("京02"), "北京市第二中级人民法院");
  EXPECT_EQ(ref->ResolveCourtName("渝05"), "重庆市第五中级人民法院");
  EXPECT_EQ(ref->ResolveCourtName("京0105"), "北京市朝阳区人民法院");  // from the court table
  EXPECT_EQ(ref->ResolveCourtName("粤0783"), "开平市人民法院");
  EXPECT_EQ(ref->ResolveCourtName("粤0799"), "");
  EXPECT_EQ(ref->ResolveCourtName("粤79"), "");
  EXPECT_EQ(ref->ResolveCourtName("X0105"), "");
  EXPECT_EQ(ref->ResolveCourtName("冀04081"), "");

  // Re-importing replaces the table.
  dir.Write("one.csv", "code,name\n130408,永年区\n");
  ASSERT_TRUE(ReferenceData::ImportDivisions(dir.path() + "/one.csv", data).ok());
  auto again = ReferenceData::Load(dir.path(), data);
  ASSERT_TRUE(again.ok());
  EXPECT_EQ(again->division_count(), 1u);
  EXPECT_EQ(again->ResolveCourtName("冀0408"), "永年区人民法院");  // no city row: no prefix
}

// Cross-checks the hand-written court table against the national division table in ../shared/realdata
// (read in place, never copied); skipped when that folder is absent.
TEST(ReferenceTest, CourtNamesAgreeWithNationalDivisionTable) {
  fs::path real = fs::path(TP_SOURCE_DIR) / ".." / "shared" / "realdata" / "divisions";
  if (!fs::exists(real / "areas.csv")) GTEST_SKIP() << "no " << real.string();
  TempDir dir;
  auto n = ReferenceData::ImportDivisions(
      std::vector<std::string>{(real / "provinces.csv").string(), (real / "cities.csv").string(),
                               (real / "areas.csv").string()}, dir.path());
  ASSERT_TRUE(n.ok()) << n.status().ToString();
  EXPECT_GT(*n, 3000);
  auto ref = ReferenceData::Load(ReferenceData::DefaultRefDir(), dir.path());
  ASSERT_TRUE(ref.ok()) << ref.status().ToString();
  int checked = 0, same = 0;
  for (const auto& c : ref->courts()) {
    if (c.kind != "普通" || c.division_code.empty()) continue;
    ++checked;
    EXPECT_FALSE(ref->DivisionName(c.division_code).empty()) << c.code << " " << c.division_code;
    std::string derived = ref->DeriveCourtName(c.code);
    if (derived == c.name) {
      ++same;
    } else if (c.level == CourtLevel::kBasic) {
      ADD_FAILURE() << c.code << ": table " << c.name << ", derived " << derived;
    }
  }
  EXPECT_GE(checked, 1500);
  EXPECT_GE(same, checked - 40);  // intermediate courts of leagues/prefectures may differ in form
}

TEST(ReferenceTest, FormerCodesAndFullNames) {
  const auto& ref = Ref();
  // 辽中县 (210122) became 辽中区 (210115) in 2016; case numbers kept using 辽0122.
  const Court* liaozhong = ref.FindCourt("辽0122");
  ASSERT_NE(liaozhong, nullptr);
  EXPECT_EQ(liaozhong->code, "辽0115");
  EXPECT_EQ(liaozhong->name, "沈阳市辽中区人民法院");
  EXPECT_EQ(ref.FindCourt("陕0125")->code, "陕0118");  // 户县 → 鄠邑区
  EXPECT_EQ(ref.ResolveCourtName("苏0621"), "海安市人民法院");
  EXPECT_EQ(ref.FullCourtName(*ref.FindCourt("粤0703")), "广东省江门市蓬江区人民法院");
  EXPECT_EQ(ref.FullCourtName(*ref.FindCourt("粤13")), "广东省惠州市中级人民法院");
  EXPECT_EQ(ref.FullCourtName(*ref.FindCourt("京0105")), "北京市朝阳区人民法院");
  EXPECT_EQ(ref.FullCourtName(*ref.FindCourt("沪72")), "上海海事法院");
  EXPECT_EQ(ref.FullCourtName(*ref.FindCourt("琼97")), "海南省第二中级人民法院");
  EXPECT_EQ(ref.FullCourtName(*ref.FindCourt("粤")), "广东省高级人民法院");
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
