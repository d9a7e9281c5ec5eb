// store_testgen: writes N synthetic cases (and optionally their documents) as JSONL on stdout, for the
// store's end-to-end tests and benchmarks. Not the national generator (src/gen): a quick, deterministic
// stand-in with realistic shapes — 31 province partitions, real basic and intermediate courts from
// data/ref/courts.csv, proceeding chains (民初 → 民终 → 执), recurring parties with valid 公民身份号码 and
// 统一社会信用代码.
//   store_testgen N [--seed S] [--docs] [--start K]
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>
#include <vector>

#include "tianping/common/rng.h"
#include "tianping/model/case_json.h"
#include "tianping/model/credit_code.h"
#include "tianping/model/id_number.h"
#include "tianping/model/reference.h"

using namespace tianping;

namespace {

struct Prov {
  const char* abbr;
  const char* name;
  const char* prefix;
};
constexpr Prov kProvs[] = {
    {"京", "北京市", "11"}, {"津", "天津市", "12"}, {"冀", "河北省", "13"}, {"晋", "山西省", "14"},
    {"内", "内蒙古自治区", "15"}, {"辽", "辽宁省", "21"}, {"吉", "吉林省", "22"}, {"黑", "黑龙江省", "23"},
    {"沪", "上海市", "31"}, {"苏", "江苏省", "32"}, {"浙", "浙江省", "33"}, {"皖", "安徽省", "34"},
    {"闽", "福建省", "35"}, {"赣", "江西省", "36"}, {"鲁", "山东省", "37"}, {"豫", "河南省", "41"},
    {"鄂", "湖北省", "42"}, {"湘", "湖南省", "43"}, {"粤", "广东省", "44"}, {"桂", "广西壮族自治区", "45"},
    {"琼", "海南省", "46"}, {"渝", "重庆市", "50"}, {"川", "四川省", "51"}, {"黔", "贵州省", "52"},
    {"云", "云南省", "53"}, {"藏", "西藏自治区", "54"}, {"陕", "陕西省", "61"}, {"甘", "甘肃省", "62"},
    {"青", "青海省", "63"}, {"宁", "宁夏回族自治区", "64"}, {"新", "新疆维吾尔自治区", "65"}};
const char* kSurnames[] = {"王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "徐", "孙", "马", "朱", "胡"};
const char* kGiven[] = {"伟", "芳", "娜", "敏", "静", "丽", "强", "磊", "军", "洋", "勇", "艳", "杰", "涛", "明", "超"};
const char* kCauses[][3] = {{"M0206", "民间借贷纠纷", "合同、准合同纠纷"},
                            {"M0210", "金融借款合同纠纷", "合同、准合同纠纷"},
                            {"M0101", "离婚纠纷", "婚姻家庭、继承纠纷"},
                            {"M0301", "机动车交通事故责任纠纷", "侵权责任纠纷"},
                            {"M0405", "劳动争议", "劳动争议、人事争议"}};

std::string Pad(int64_t v, int width) {
  std::string s = std::to_string(v);
  while (static_cast<int>(s.size()) < width) s.insert(s.begin(), '0');
  return s;
}

Party Person(Rng& rng, const Prov& p, const char* role) {
  Party x;
  x.role = role;
  x.kind = "自然人";
  int id = static_cast<int>(rng.Range(0, 99999));  // a pool per province so parties recur
  x.name = std::string(kSurnames[id % 15]) + kGiven[(id / 15) % 16] + (id >= 240 ? kGiven[(id / 240) % 16] : "");
  Date birth = Date::FromYmd(1950 + id % 50, 1 + id % 12, 1 + (id / 600) % 28);
  x.id_number = MakeIdNumber(std::string(p.prefix) + "0105", birth, id % 1000);
  x.gender = (id % 2) ? "男" : "女";
  x.birth_date = birth;
  x.ethnicity = "汉族";
  x.address = std::string(p.name) + "某区某路" + std::to_string(id) + "号";
  x.phone = "138" + Pad(id * 7919 % 100000000, 8);
  return x;
}

Party Company(Rng& rng, const Prov& p, const char* role) {
  Party x;
  x.role = role;
  x.kind = "法人";
  int id = static_cast<int>(rng.Range(0, 999));
  static const char* kBodies[] = {"MA01", "MA02", "MA03", "MA04", "MA05"};
  std::string body = std::string(kBodies[id % 5]) + Pad(id, 3) + "A";  // 8 characters
  x.name = std::string(p.name) + "某某" + (id % 2 ? "小额贷款有限公司" : "商贸有限公司") + std::to_string(id);
  x.credit_code = MakeCreditCode('9', '1', std::string(p.prefix) + "0100", body.substr(0, 8));
  x.legal_representative = std::string(kSurnames[id % 15]) + "总";
  x.address = std::string(p.name) + "某区某大道" + std::to_string(id) + "号";
  return x;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) {
    std::fprintf(stderr, "usage: store_testgen N [--seed S] [--docs] [--start K]\n");
    return 2;
  }
  int64_t n = std::atoll(argv[1]);
  uint64_t seed = 1;
  int64_t start = 0;
  bool docs = false;
  for (int i = 2; i < argc; ++i) {
    if (!std::strcmp(argv[i], "--seed") && i + 1 < argc) seed = std::strtoull(argv[++i], nullptr, 10);
    else if (!std::strcmp(argv[i], "--docs")) docs = true;
    else if (!std::strcmp(argv[i], "--start") && i + 1 < argc) start = std::atoll(argv[++i]);
  }
  auto ref = ReferenceData::Load(ReferenceData::DefaultRefDir());
  if (!ref.ok()) {
    std::fprintf(stderr, "store_testgen: %s\n", ref.status().ToString().c_str());
    return 1;
  }
  std::vector<std::vector<const Court*>> basic_courts(std::size(kProvs));
  for (size_t i = 0; i < std::size(kProvs); ++i) {
    for (const Court* c : ref->CourtsOf(kProvs[i].abbr, CourtLevel::kBasic)) {
      if (c->kind == "普通" && ref->FindCourt(c->parent_code)) basic_courts[i].push_back(c);
    }
    if (basic_courts[i].empty()) {
      std::fprintf(stderr, "store_testgen: no basic courts for %s in the court table\n", kProvs[i].abbr);
      return 1;
    }
  }
  std::string out;
  int64_t made = 0;
  for (int64_t fam = start; made < n; ++fam) {
    Rng rng = Rng::Derive(seed, static_cast<uint64_t>(fam));
    size_t pi = static_cast<size_t>(rng.Range(0, 30));
    const Prov& p = kProvs[pi];
    const Court& court = *basic_courts[pi][static_cast<size_t>(rng.Range(0, static_cast<int64_t>(basic_courts[pi].size()) - 1))];
    const Court& parent = *ref->FindCourt(court.parent_code);
    int year = static_cast<int>(rng.Range(2019, 2024));
    const auto& cause = kCauses[rng.Range(0, 4)];
    const std::string& basic = court.code;
    const std::string& inter = parent.code;
    Party plaintiff = rng.Chance(0.5) ? Company(rng, p, "原告") : Person(rng, p, "原告");
    Party defendant = Person(rng, p, "被告");
    if (rng.Chance(0.6)) defendant.agents.push_back(Agent{"刘律师", "律师", std::string(p.name) + "某某律师事务所",
                                                          std::string(p.prefix) + "1201910" + Pad(fam % 1000, 6)});
    Case first;
    first.case_id = "C" + Pad(fam, 9) + "-1";
    first.court_code = basic;
    first.court_name = court.name;
    first.type_code = "民初";
    first.case_number = "（" + std::to_string(year) + "）" + basic + "民初" + std::to_string(fam + 1) + "号";
    first.category = "民事";
    first.cause_code = cause[0];
    first.cause_name = cause[1];
    first.cause_path = {cause[2], cause[1]};
    first.procedure = rng.Chance(0.6) ? "简易程序" : "普通程序";
    first.received_date = Date::FromYmd(year, 1, 1).AddDays(static_cast<int>(rng.Range(0, 330)));
    first.filed_date = first.received_date->AddDays(static_cast<int>(rng.Range(0, 9)));
    first.statutory_limit_days = first.procedure == "简易程序" ? 90 : 180;
    first.judge_id = basic + "-J" + std::to_string(rng.Range(1, 30));
    first.judge_name = std::string(kSurnames[rng.Range(0, 14)]) + kGiven[rng.Range(0, 15)];
    first.panel = {first.judge_name};
    first.clerk = std::string(kSurnames[rng.Range(0, 14)]) + "书记员";
    first.claim_amount = rng.Range(1000, 5000000) * 100;
    first.parties = {plaintiff, defendant};
    first.updated_at = std::to_string(year + 1) + "-01-01T00:00:00Z";
    bool closed = rng.Chance(0.9);
    if (closed) {
      first.closed_date = first.filed_date.AddDays(static_cast<int>(rng.Range(10, 200)));
      first.closure_method = rng.Chance(0.5) ? "判决" : (rng.Chance(0.5) ? "调解" : "撤诉");
      first.awarded_amount = first.closure_method == "撤诉" ? 0 : first.claim_amount * rng.Range(30, 100) / 100;
      first.has_payment_content = first.awarded_amount > 0;
      first.document_id = "W" + Pad(fam, 9) + "-1";
    }
    std::vector<Case> family{first};
    if (closed && first.closure_method == "判决" && rng.Chance(0.4)) {
      Case appeal = first;
      appeal.case_id = "C" + Pad(fam, 9) + "-2";
      appeal.court_code = inter;
      appeal.court_name = parent.name;
      appeal.type_code = "民终";
      appeal.case_number = "（" + std::to_string(year) + "）" + inter + "民终" + std::to_string(fam + 1) + "号";
      appeal.procedure = "二审";
      appeal.received_date = first.closed_date->AddDays(20);
      appeal.filed_date = appeal.received_date->AddDays(3);
      appeal.closed_date = appeal.filed_date.AddDays(static_cast<int>(rng.Range(20, 90)));
      appeal.closure_method = rng.Chance(0.8) ? "维持" : "改判";
      appeal.derived_from = CaseLink{"上诉", first.case_id, first.case_number};
      appeal.parties[0].role = "被上诉人";
      appeal.parties[0].original_role = "原审原告";
      appeal.parties[1].role = "上诉人";
      appeal.parties[1].original_role = "原审被告";
      appeal.document_id = "W" + Pad(fam, 9) + "-2";
      family.push_back(appeal);
    }
    const Case& last = family.back();
    if (closed && first.has_payment_content && rng.Chance(0.3)) {
      Case exec;
      exec.case_id = "C" + Pad(fam, 9) + "-3";
      exec.court_code = basic;
      exec.court_name = first.court_name;
      exec.type_code = "执";
      int ey = last.closed_date->AddDays(40).year();
      exec.case_number = "（" + std::to_string(ey) + "）" + basic + "执" + std::to_string(fam + 1) + "号";
      exec.category = "执行";
      exec.procedure = "执行";
      exec.cause_code = first.cause_code;
      exec.cause_name = first.cause_name;
      exec.received_date = last.closed_date->AddDays(40);
      exec.filed_date = exec.received_date->AddDays(2);
      exec.statutory_limit_days = 180;
      exec.judge_name = first.judge_name;
      exec.claim_amount = first.awarded_amount;
      exec.derived_from = CaseLink{"执行", last.case_id, last.case_number};
      exec.parties = {first.parties[0], first.parties[1]};
      exec.parties[0].role = "申请执行人";
      exec.parties[1].role = "被执行人";
      exec.execution = ExecutionResult{first.awarded_amount, 0, false};
      if (rng.Chance(0.6)) {
        exec.closed_date = exec.filed_date.AddDays(static_cast<int>(rng.Range(30, 170)));
        exec.closure_method = rng.Chance(0.5) ? "执行完毕" : "终结本次执行程序";
        exec.execution->recovered_amount = exec.closure_method == "执行完毕" ? first.awarded_amount : 0;
      }
      exec.updated_at = first.updated_at;
      family.push_back(exec);
    }
    for (const Case& c : family) {
      if (made >= n) break;
      AppendCaseJson(c, &out);
      out.push_back('\n');
      ++made;
      if (docs && !c.document_id.empty()) {
        Document d{c.document_id, c.case_id, c.procedure == "二审" ? "民事判决书" : "民事判决书",
                   c.parties[0].name + "与" + c.parties[1].name + c.cause_name + "一案民事判决书",
                   c.court_name + "\n民事判决书\n" + c.case_number + "\n原告" + c.parties[0].name + "诉称，……\n" +
                       "本院认为，……\n判决如下：……\n审判员　" + c.judge_name + "\n"};
        AppendDocumentJson(d, &out);
        out.push_back('\n');
      }
    }
    if (out.size() > (1 << 20)) {
      std::fwrite(out.data(), 1, out.size(), stdout);
      out.clear();
    }
  }
  std::fwrite(out.data(), 1, out.size(), stdout);
  return 0;
}
