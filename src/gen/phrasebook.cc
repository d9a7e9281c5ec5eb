#include "gen/phrasebook.h"

#include <utility>

namespace tianping::gen {
namespace {

constexpr std::string_view kSurnames[] = {"王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周",
                                          "徐", "孙", "马", "朱", "胡", "郭", "何", "高", "林", "罗",
                                          "郑", "梁", "谢", "宋", "唐", "许", "韩", "冯", "邓", "曹"};
constexpr std::string_view kGiven[] = {"伟", "芳", "娜", "敏", "静", "丽", "强", "磊", "军", "洋",
                                       "勇", "艳", "杰", "娟", "涛", "明", "超", "秀", "霞", "平",
                                       "刚", "桂", "华", "建", "文", "辉", "鹏", "玲", "宇", "婷"};

// Characters commonly confused in names, both directions listed once.
constexpr std::pair<std::string_view, std::string_view> kNameSwaps[] = {
    {"明", "铭"}, {"伟", "玮"}, {"丽", "莉"}, {"军", "君"}, {"芳", "方"}, {"红", "宏"}, {"平", "萍"},
    {"华", "化"}, {"静", "婧"}, {"杰", "洁"}, {"娟", "鹃"}, {"涛", "滔"}, {"霞", "侠"}, {"建", "健"},
    {"文", "雯"}, {"辉", "晖"}, {"鹏", "朋"}, {"玲", "琳"}, {"宇", "雨"}, {"婷", "亭"}, {"强", "墙"},
    {"磊", "垒"}, {"洋", "阳"}, {"勇", "永"}, {"艳", "燕"}, {"敏", "民"}, {"超", "潮"}, {"秀", "绣"},
    {"刚", "钢"}, {"桂", "贵"}, {"娜", "那"}, {"某", "谋"},
};

size_t LastCharStart(std::string_view s) {
  size_t i = s.size();
  while (i > 0) {
    --i;
    if ((static_cast<unsigned char>(s[i]) & 0xC0) != 0x80) break;
  }
  return i;
}

}  // namespace

std::string RandomPersonName(Rng& rng) {
  std::string name(kSurnames[rng.Range(0, std::size(kSurnames) - 1)]);
  name.append(kGiven[rng.Range(0, std::size(kGiven) - 1)]);
  if (rng.Chance(0.6)) name.append(kGiven[rng.Range(0, std::size(kGiven) - 1)]);
  return name;
}

std::string VariantName(std::string_view name) {
  if (size_t p = name.find("有限公司"); p != std::string_view::npos) {
    std::string out(name.substr(0, p));
    out.append("有限责任公司");
    out.append(name.substr(p + std::string_view("有限公司").size()));
    return out;
  }
  if (size_t p = name.find("有限责任公司"); p != std::string_view::npos) {
    std::string out(name.substr(0, p));
    out.append("有限公司");
    out.append(name.substr(p + std::string_view("有限责任公司").size()));
    return out;
  }
  // Replace the last character that has a known confusion; scan from the end.
  size_t end = name.size();
  while (end > 0) {
    size_t start = LastCharStart(name.substr(0, end));
    std::string_view ch = name.substr(start, end - start);
    for (const auto& [a, b] : kNameSwaps) {
      if (ch == a || ch == b) {
        std::string out(name.substr(0, start));
        out.append(ch == a ? b : a);
        out.append(name.substr(end));
        return out;
      }
    }
    if (start == 0) break;
    end = start;
  }
  // No known confusion: swap the last character for a look-alike default.
  size_t start = LastCharStart(name);
  std::string out(name.substr(0, start));
  out.append(name.substr(start) == "华" ? "化" : "华");
  return out;
}

std::string_view OppositeRole(std::string_view role) {
  static constexpr std::pair<std::string_view, std::string_view> kPairs[] = {
      {"原告", "被告"}, {"上诉人", "被上诉人"}, {"申请执行人", "被执行人"}, {"申请人", "被申请人"},
      {"被告人", "被害人"}, {"第三人", "原告"},
  };
  for (const auto& [a, b] : kPairs) {
    if (role == a) return b;
    if (role == b) return a;
  }
  return "原告";
}

}  // namespace tianping::gen
