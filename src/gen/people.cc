#include "people.h"

#include <fmt/format.h>

#include "tianping/model/credit_code.h"
#include "tianping/model/id_number.h"

namespace tianping::gen {
namespace {

// The 100 most common surnames with approximate shares (%, 2020 household register) and a tail.
struct Surname { const char* name; double share; };
constexpr Surname kSurnames[] = {
    {"王", 7.12}, {"李", 7.09}, {"张", 6.84}, {"刘", 5.38}, {"陈", 4.53}, {"杨", 3.08}, {"黄", 2.23},
    {"赵", 2.19}, {"吴", 2.01}, {"周", 1.92}, {"徐", 1.54}, {"孙", 1.52}, {"马", 1.50}, {"朱", 1.33},
    {"胡", 1.29}, {"郭", 1.18}, {"何", 1.10}, {"林", 1.09}, {"高", 1.09}, {"罗", 1.06}, {"郑", 0.93},
    {"梁", 0.89}, {"谢", 0.78}, {"宋", 0.72}, {"唐", 0.70}, {"许", 0.67}, {"韩", 0.66}, {"冯", 0.64},
    {"邓", 0.63}, {"曹", 0.62}, {"彭", 0.59}, {"曾", 0.58}, {"肖", 0.57}, {"田", 0.56}, {"董", 0.55},
    {"袁", 0.54}, {"潘", 0.51}, {"于", 0.50}, {"蒋", 0.49}, {"蔡", 0.48}, {"余", 0.47}, {"杜", 0.46},
    {"叶", 0.45}, {"程", 0.45}, {"苏", 0.44}, {"魏", 0.43}, {"吕", 0.43}, {"丁", 0.42}, {"任", 0.41},
    {"沈", 0.40}, {"姚", 0.39}, {"卢", 0.38}, {"姜", 0.37}, {"崔", 0.36}, {"钟", 0.35}, {"谭", 0.34},
    {"陆", 0.33}, {"汪", 0.32}, {"范", 0.31}, {"金", 0.30}, {"石", 0.30}, {"廖", 0.29}, {"贾", 0.28},
    {"夏", 0.28}, {"韦", 0.27}, {"付", 0.27}, {"方", 0.26}, {"白", 0.26}, {"邹", 0.25}, {"孟", 0.25},
    {"熊", 0.24}, {"秦", 0.24}, {"邱", 0.23}, {"江", 0.23}, {"尹", 0.22}, {"薛", 0.22}, {"闫", 0.21},
    {"段", 0.21}, {"雷", 0.20}, {"侯", 0.20}, {"龙", 0.19}, {"史", 0.19}, {"陶", 0.18}, {"黎", 0.18},
    {"贺", 0.18}, {"顾", 0.17}, {"毛", 0.17}, {"郝", 0.16}, {"龚", 0.16}, {"邵", 0.16}, {"万", 0.15},
    {"钱", 0.15}, {"严", 0.15}, {"覃", 0.14}, {"武", 0.14}, {"戴", 0.14}, {"莫", 0.13}, {"孔", 0.13},
    {"向", 0.13}, {"汤", 0.12}, {"欧阳", 0.05}, {"司马", 0.01}, {"诸葛", 0.005}, {"上官", 0.005}};

struct SurnameTable {
  double cum[std::size(kSurnames)];
  double total = 0;
  SurnameTable() {
    for (size_t i = 0; i < std::size(kSurnames); ++i) { total += kSurnames[i].share; cum[i] = total; }
  }
};
const SurnameTable& Surnames() { static const SurnameTable t; return t; }

constexpr const char* kMaleChars[] = {
    "伟", "强", "磊", "军", "勇", "杰", "涛", "斌", "超", "明", "刚", "平", "辉", "鹏", "华", "飞", "鑫", "波",
    "宇", "浩", "凯", "健", "俊", "帆", "帅", "旭", "宁", "龙", "林", "阳", "建", "国", "志", "文", "海", "东",
    "峰", "亮", "成", "新", "博", "晨", "瑞", "泽", "睿", "轩", "子", "家", "振", "永", "春", "德", "庆", "祥"};
constexpr const char* kFemaleChars[] = {
    "芳", "娜", "敏", "静", "丽", "艳", "燕", "娟", "霞", "玲", "婷", "雪", "慧", "莹", "颖", "琳", "洁", "倩",
    "红", "梅", "兰", "萍", "秀", "英", "华", "佳", "欣", "怡", "悦", "琪", "晶", "雯", "思", "雨", "嘉", "月",
    "丹", "露", "瑶", "璐", "婉", "楠", "蕾", "薇", "妍", "馨", "淑", "凤", "桂", "春", "晓", "文", "小", "玉"};

constexpr const char* kRoadWords[] = {
    "人民", "解放", "建设", "中山", "和平", "新华", "胜利", "文化", "长江", "黄河", "光明", "幸福", "团结",
    "东风", "朝阳", "青年", "工业", "学府", "滨江", "迎宾", "望江", "锦绣", "金桥", "育才", "富强", "振兴"};
constexpr const char* kRoadKinds[] = {"路", "街", "大道", "路", "巷", "东路", "西路", "南路", "北路"};
constexpr const char* kEstates[] = {"花园", "小区", "家园", "新村", "公寓", "名苑", "雅居", "华庭"};

constexpr const char* kBrandChars[] = {
    "鑫", "盛", "恒", "泰", "华", "宏", "汇", "达", "德", "通", "正", "信", "安", "隆", "瑞", "祥", "丰", "源",
    "金", "海", "天", "宇", "博", "创", "远", "辰", "昊", "卓", "立", "诚", "润", "嘉", "佳", "万", "永", "兴"};
constexpr const char* kIndustries[] = {
    "贸易", "科技", "建筑工程", "房地产开发", "商贸", "物流", "餐饮管理", "电子商务", "实业", "投资管理",
    "机械设备", "信息技术", "装饰工程", "农业发展", "汽车销售", "医药", "文化传媒", "劳务"};
constexpr const char* kForms[] = {"有限公司", "有限公司", "有限公司", "有限责任公司", "股份有限公司"};

constexpr const char* kMobilePrefixes[] = {
    "130", "131", "132", "133", "134", "135", "136", "137", "138", "139", "150", "151", "152", "153",
    "155", "156", "157", "158", "159", "166", "173", "175", "176", "177", "178", "180", "181", "182",
    "183", "184", "185", "186", "187", "188", "189", "191", "198", "199"};

constexpr const char* kOccupations[] = {"无业", "农民", "个体工商户", "公司职员", "务工", "退休", "自由职业",
                                        "教师", "司机", "工人"};

template <typename T, size_t N>
const T& PickOf(Rng& rng, const T (&arr)[N]) { return arr[rng.Range(0, N - 1)]; }

}  // namespace

std::string RandomSurname(Rng& rng) {
  const auto& t = Surnames();
  double r = rng.Uniform() * t.total;
  size_t lo = 0, hi = std::size(kSurnames) - 1;
  while (lo < hi) {
    size_t mid = (lo + hi) / 2;
    if (t.cum[mid] > r) hi = mid; else lo = mid + 1;
  }
  return kSurnames[lo].name;
}

std::string RandomGivenName(Rng& rng, bool male) {
  std::string s = male ? PickOf(rng, kMaleChars) : PickOf(rng, kFemaleChars);
  if (rng.Chance(0.72)) s += male ? PickOf(rng, kMaleChars) : PickOf(rng, kFemaleChars);
  return s;
}

std::string RandomFullName(Rng& rng, bool* male) {
  bool m = rng.Chance(0.56);
  if (male) *male = m;
  return RandomSurname(rng) + RandomGivenName(rng, m);
}

std::string RandomPhone(Rng& rng) {
  return fmt::format("{}{:08d}", PickOf(rng, kMobilePrefixes), rng.Range(0, 99999999));
}

std::string RandomAddress(Rng& rng, std::string_view locality) {
  std::string s(locality);
  s += PickOf(rng, kRoadWords);
  s += PickOf(rng, kRoadKinds);
  s += fmt::format("{}号", rng.Range(1, 999));
  if (rng.Chance(0.6)) {
    s += PickOf(rng, kRoadWords);
    s += PickOf(rng, kEstates);
    s += fmt::format("{}栋{}室", rng.Range(1, 30), rng.Range(1, 32) * 100 + rng.Range(1, 6));
  }
  return s;
}

std::string RandomEthnicity(Rng& rng) {
  static const char* kMinor[] = {"壮族", "回族", "满族", "维吾尔族", "苗族", "彝族", "土家族", "藏族", "蒙古族",
                                 "侗族", "布依族", "瑶族", "白族", "朝鲜族"};
  return rng.Chance(0.915) ? "汉族" : PickOf(rng, kMinor);
}

Party RandomPerson(Rng& rng, std::string_view locality, std::string_view region6, Date on, bool minor) {
  Party p;
  p.kind = "自然人";
  bool male = false;
  p.name = RandomFullName(rng, &male);
  p.gender = male ? "男" : "女";
  int age = minor ? static_cast<int>(rng.Range(14, 17)) : static_cast<int>(18 + std::min<int64_t>(57, rng.Range(0, 30) + rng.Range(0, 30)));
  Date birth = Date::FromDays(on.days() - age * 365 - static_cast<int>(rng.Range(0, 360)));
  p.birth_date = birth;
  p.is_minor = minor;
  int seq = static_cast<int>(rng.Range(0, 499)) * 2 + (male ? 1 : 0);
  p.id_number = MakeIdNumber(region6, birth, seq);
  p.ethnicity = RandomEthnicity(rng);
  p.phone = RandomPhone(rng);
  p.address = RandomAddress(rng, locality);
  p.occupation = PickOf(rng, kOccupations);
  return p;
}

std::string RandomCreditCode(Rng& rng, std::string_view region6, char authority, char type) {
  static const char kSet[] = "0123456789ABCDEFGHJKLMNPQRTUWXY";
  std::string body;
  body += "MA";
  for (int i = 0; i < 6; ++i) body += kSet[rng.Range(0, 30)];
  return MakeCreditCode(authority, type, region6, body);
}

Party RandomCompany(Rng& rng, std::string_view city, std::string_view locality, std::string_view region6) {
  Party p;
  p.kind = "法人";
  p.name = std::string(city) + PickOf(rng, kBrandChars) + PickOf(rng, kBrandChars) + PickOf(rng, kIndustries) +
           PickOf(rng, kForms);
  p.credit_code = RandomCreditCode(rng, region6);
  p.legal_representative = RandomFullName(rng);
  p.phone = rng.Chance(0.5) ? RandomPhone(rng) : "";
  p.address = RandomAddress(rng, locality);
  return p;
}

}  // namespace tianping::gen
