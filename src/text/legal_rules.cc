#include "legal_rules.h"

#include <algorithm>
#include <bitset>
#include <string_view>

#include "dictionary.h"

namespace tianping::text {
namespace {

// Common single-character surnames. Characters that are far more often function words or parts of
// addresses/amounts before 某 (于 向 和 由 时 原 区 南 元 路 …) are deliberately absent.
constexpr std::u32string_view kSurnames =
    U"王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蒋蔡余杜叶程苏魏吕丁"
    U"任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦傅方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武"
    U"戴莫孔汤常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞左柳甘祝包宁尚符舒阮柯"
    U"纪梅童凌毕季裴霍涂成苗谷盛曲翁冉骆蓝游辛靳管柴蒙鲍华喻祁蒲滕屈饶解牟艾尤阳穆农司卓古吉缪简"
    U"芦麦褚娄窦戚岑景党宫卜冷晏席卫米柏宗瞿桂佟臧闵苟邬边卞姬师仇栾隋商刁沙荣巫寇桑郎甄丛仲虞敖"
    U"巩明佘池查麻苑迟邝官谈匡鞠惠荆乐冀郁胥班储栗燕楚鄢劳谌奚皮粟冼蔺楼闻厉伊仝郜海阚花权强帅屠"
    U"豆朴盖练廉禹井祖漆巴丰卿国狄平索宣晋敬扈晁芮阙浦戈伏鹿薄邸雍辜羊乌母裘亓修邰赫杭况鲜逯隆茹"
    U"诸慕危玉银亢嵇湛宾戎勾茅利揭尉冶斯檀智幸奉植衡富尧闭";
// Surnames that may be followed directly by digits (曹0, 李12): only frequent ones that are not also
// words commonly written before numbers (余 高 金 万 方 石 …).
constexpr std::u32string_view kDigitSurnames =
    U"王李张刘陈杨黄赵吴周徐孙马朱胡郭何林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蒋蔡杜叶程苏魏吕丁"
    U"沈姚卢姜崔钟谭陆汪廖贾夏韦傅邹孟熊秦邱尹薛闫雷侯龙史陶黎贺顾毛郝龚邵钱严覃戴莫孔汤";
constexpr std::u32string_view kCompoundSurnames[] = {
    U"欧阳", U"司马", U"诸葛", U"上官", U"东方", U"皇甫", U"尉迟", U"公孙", U"慕容",
    U"夏侯", U"令狐", U"宇文", U"长孙", U"司徒", U"端木", U"南宫", U"西门", U"轩辕"};
// Frequent given-name characters: 刘某江 吉某华 keep the character after 某 when it is one of these
// and does not begin a dictionary word.
constexpr std::u32string_view kGivenNameChars =
    U"伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉萍红燕鹏辉玲建国云峰林波斌宇浩凯健俊帆帅"
    U"旭宁龙飞东忠江贵跃财柏佳亮梅荣琪珠德彪雄兴琴昌胜豪钧春富洪文新海山清志良权君兰凤莲芬菊香琳"
    U"婷雪颖倩晶慧露瑶怡欣悦蕾薇冰洁晓永福祥顺仁义智武彬松森鑫锋铭钢锦民耀阳晨昊宏泽涵睿博轩诚坤"
    U"雷霖震庆鸿鹤莺芝琼瑞兵卫彩翠娥珍巧";
constexpr std::u32string_view kStems = U"甲乙丙丁戊己庚辛壬癸";
constexpr std::u32string_view kChineseNumerals = U"零〇一二三四五六七八九十百千万两";
constexpr std::u32string_view kYearDigits = U"〇零一二三四五六七八九";
constexpr std::u32string_view kOrdinalUnits = U"条款项章节编号";
constexpr std::u32string_view kDateUnits = U"年月日时分";
// Characters after "surname + digits" that show the digits are a quantity, not a name index.
constexpr std::u32string_view kQuantityUnits =
    U"年月日时分秒元角万千百亿号条款项个人次份件米斤克吨岁天周余多倍名位户辆套间台只头平楼层室栋期";

// A set of BMP characters as a bitmap: one test per character on the hot path.
class CharSet {
 public:
  explicit CharSet(std::u32string_view chars) {
    for (char32_t c : chars) bits_.set(c);
  }
  bool Has(char32_t c) const { return c < 0x10000 && bits_.test(c); }

 private:
  std::bitset<0x10000> bits_;
};

// The character classes, built once.
struct Sets {
  CharSet surnames{kSurnames};
  CharSet digit_surnames{kDigitSurnames};
  CharSet given{kGivenNameChars};
  CharSet stems{kStems};
  CharSet numerals{kChineseNumerals};
  CharSet year{kYearDigits};
  CharSet ordinal{kOrdinalUnits};
  CharSet date{kDateUnits};
  CharSet quantity{kQuantityUnits};
};
const Sets& S() {
  static const Sets sets;
  return sets;
}
bool IsDigit(char32_t c) { return (c >= U'0' && c <= U'9') || (c >= U'０' && c <= U'９'); }
bool IsAsciiDigit(char32_t c) { return c >= U'0' && c <= U'9'; }
bool IsAsciiAlnum(char32_t c) {
  return IsAsciiDigit(c) || (c >= U'a' && c <= U'z') || (c >= U'A' && c <= U'Z');
}

// Length of the surname at cps[i] (1 or 2), or 0.
size_t SurnameLength(const char32_t* cps, size_t n, size_t i) {
  if (i + 1 < n) {
    for (auto c : kCompoundSurnames)
      if (cps[i] == c[0] && cps[i + 1] == c[1]) return 2;
  }
  return S().surnames.Has(cps[i]) ? 1 : 0;
}

// End of the anonymised name starting at i, or i if there is none.
// True if c can follow a surname in an anonymised name (某, x, X, ×, ＊, a digit).
bool NameMarker(char32_t c) {
  return c == U'某' || c == U'x' || c == U'X' || c == U'×' || c == U'＊' || IsAsciiDigit(c);
}

size_t MatchName(const char32_t* cps, size_t n, size_t i, const Dictionary* dict) {
  // Cheap filter first: a name needs a marker after a 1- or 2-character surname.
  if (!(i + 1 < n && NameMarker(cps[i + 1])) && !(i + 2 < n && NameMarker(cps[i + 2]))) return i;
  size_t sl = SurnameLength(cps, n, i);
  if (sl == 0 || i + sl >= n) return i;
  size_t j = i + sl;
  auto digits = [&](size_t k) {
    size_t e = k;
    while (e < n && e - k < 3 && IsAsciiDigit(cps[e])) ++e;
    // A longer digit run or a decimal is a quantity, not an index.
    if (e < n && (IsAsciiDigit(cps[e]) || cps[e] == U'.')) return k;
    return e;
  };
  if (IsAsciiDigit(cps[j])) {  // 李2某: an index before 某
    size_t d = j;
    while (d < n && d - j < 2 && IsAsciiDigit(cps[d])) ++d;
    if (d < n && cps[d] == U'某') {
      size_t k = d + 1;
      if (k < n && (cps[k] == U'某' || S().stems.Has(cps[k]))) ++k;
      return k;
    }
  }
  if (cps[j] == U'某') {  // 李某 王某某 李某1 张某甲
    size_t k = j + 1;
    if (k < n && cps[k] == U'某') ++k;
    if (k < n && IsAsciiDigit(cps[k])) {
      k = std::max(k, digits(k));
    } else if (k < n && S().stems.Has(cps[k])) {
      ++k;
    } else if (k == j + 1 && k < n && S().given.Has(cps[k])) {
      bool begins_word = false;
      if (dict != nullptr)
        dict->ForEachWordAt(cps, n, k, [&](size_t end, double) { begins_word |= end > k; });
      if (!begins_word) ++k;
    }
    return k;
  }
  auto mask = [](char32_t c) { return c == U'x' || c == U'X' || c == U'×' || c == U'＊'; };
  if (mask(cps[j])) {  // 张x1 张xx 李XX 潘× 周××
    size_t k = j + 1;
    while (k < n && k - j < 3 && mask(cps[k])) ++k;
    if (k < n && IsAsciiDigit(cps[k])) k = digits(k);
    if (k < n && IsAsciiAlnum(cps[k])) return i;  // part of a longer Latin token
    return k;
  }
  if (sl == 1 && IsAsciiDigit(cps[j]) && S().digit_surnames.Has(cps[i])) {  // 曹0 李12
    // After 第, a digit, or a numeral the character is a measure word (一张404，949.8元), not a surname.
    if (i > 0 && (IsAsciiAlnum(cps[i - 1]) || cps[i - 1] == U'第' || S().numerals.Has(cps[i - 1]) ||
                  cps[i - 1] == U'几'))
      return i;
    size_t k = digits(j);
    if (k == j) return i;
    if (k < n && (S().quantity.Has(cps[k]) || IsAsciiAlnum(cps[k]) || cps[k] == U'%' ||
                  cps[k] == U'-' || cps[k] == U'.'))
      return i;
    return k;
  }
  return i;
}

}  // namespace

void FindLegalSpans(const char32_t* cps, size_t n, const Dictionary* dict,
                    std::vector<std::pair<size_t, size_t>>* spans) {
  size_t i = 0;
  while (i < n) {
    char32_t c = cps[i];
    if (c == U'第') {  // 第六百七十五条 第1929号 第一款
      size_t j = i + 1;
      while (j < n && (S().numerals.Has(c = cps[j]) || IsDigit(c))) ++j;
      if (j > i + 1 && j < n && S().ordinal.Has(cps[j])) {
        spans->emplace_back(i, j + 1);
        i = j + 1;
        continue;
      }
    } else if (S().year.Has(c) && (i == 0 || !S().year.Has(cps[i - 1]))) {  // 二〇二三年
      size_t j = i;
      while (j < n && S().year.Has(cps[j])) ++j;
      if (j - i == 4 && j < n && cps[j] == U'年') {
        spans->emplace_back(i, j + 1);
        i = j + 1;
        continue;
      }
      ++i;
      continue;
    } else if (IsDigit(c) && (i == 0 || (!IsAsciiAlnum(cps[i - 1]) && !IsDigit(cps[i - 1]) &&
                                         cps[i - 1] != U'.'))) {  // 2023年 5月 10日
      size_t j = i;
      while (j < n && IsDigit(cps[j])) ++j;
      if (j - i <= 4 && j < n && S().date.Has(cps[j])) {
        spans->emplace_back(i, j + 1);
        i = j + 1;
        continue;
      }
      i = j;
      continue;
    } else {
      size_t e = MatchName(cps, n, i, dict);
      if (e > i + 1) {
        spans->emplace_back(i, e);
        i = e;
        continue;
      }
    }
    ++i;
  }
}

}  // namespace tianping::text
