// Phrase tables for planted document errors: fixed phrases with a wrong, missing or extra character,
// homophone / look-alike confusions, province-level names and upper-case digits. Every "correct"
// phrase occurs in clean generated documents; every "wrong" one never does (document_writer_test).
// Thread-safety: constants.
#pragma once

#include <string_view>
#include <utility>

namespace tianping::gen {

using PhrasePair = std::pair<std::string_view, std::string_view>;  // correct → wrong

inline constexpr PhrasePair kWrongChar[] = {
    {"事实清楚", "事实请楚"}, {"予以支持", "予以支特"}, {"审理终结", "审理终洁"}, {"辩称", "辨称"},
    {"质证", "质正"},         {"负担", "负坦"},         {"履行", "屡行"},         {"诉讼请求", "诉讼请球"},
    {"驳回", "剥回"},         {"判决如下", "判决如夏"},
};
inline constexpr PhrasePair kMissingChar[] = {
    {"诉讼请求", "诉讼求"}, {"予以支持", "予以持"},     {"审理终结", "审终结"},
    {"到庭参加诉讼", "到庭参诉讼"}, {"判决如下", "判如下"}, {"事实清楚", "事清楚"}, {"本院认为", "本院为"},
};
inline constexpr PhrasePair kExtraChar[] = {
    {"予以支持", "予以以支持"}, {"诉讼请求", "诉讼请请求"}, {"到庭参加诉讼", "到庭参加加诉讼"},
    {"判决如下", "判决决如下"}, {"事实清楚", "事实实清楚"}, {"本院认为", "本院院认为"},
};
inline constexpr PhrasePair kHomophones[] = {
    {"截至", "截止"},       {"作出", "做出"},     {"转账", "转帐"},       {"账户", "帐户"},
    {"的民事责任", "得民事责任"}, {"的违约责任", "得违约责任"}, {"即自", "及自"}, {"即具有", "及具有"},
    {"其他诉讼请求", "其它诉讼请求"}, {"签订", "签定"}, {"检察院", "检查院"}, {"法院", "法阮"},
};

inline constexpr std::string_view kProvinceNames[] = {
    "北京市", "天津市", "河北省", "山西省", "内蒙古自治区", "辽宁省", "吉林省", "黑龙江省",
    "上海市", "江苏省", "浙江省", "安徽省", "福建省", "江西省", "山东省", "河南省",
    "湖北省", "湖南省", "广东省", "广西壮族自治区", "海南省", "重庆市", "四川省", "贵州省",
    "云南省", "西藏自治区", "陕西省", "甘肃省", "青海省", "宁夏回族自治区", "新疆维吾尔自治区",
};

inline constexpr std::string_view kCapitalDigits[] = {"壹", "贰", "叁", "肆", "伍", "陆", "柒", "捌", "玖"};

}  // namespace tianping::gen
