// Registers one golden handler per module folder under test/golden/.
#include "golden_runner.h"
#include "golden_store_validate.h"

#include <sstream>

#include "golden_case_number.h"
#include "golden_doccheck.h"
#include "golden_judgment.h"
#include "gen/chinese_numerals.h"
#include "gen/litigation_fee.h"
#include "golden_indicators.h"
#include "golden_tags.h"
#include "tianping/common/date.h"
#include "tianping/model/reference.h"
#include "tianping/security/masking.h"
#include "tianping/text/segmenter.h"

namespace tianping::golden {
namespace {

// date: one "YYYY-MM-DD" per line → "YYYY-MM-DD weekday day-of-year +1month" or "invalid".
std::string DateHandler(const std::string& input) {
  std::istringstream in(input);
  std::string line, out;
  while (std::getline(in, line)) {
    auto d = Date::Parse(line);
    if (!d) { out += line + " invalid\n"; continue; }
    out += d->ToString() + " w" + std::to_string(d->weekday()) + " d" + std::to_string(d->day_of_year()) +
           " " + d->AddMonths(1).ToString() + "\n";
  }
  return out;
}

// ref: one query per line against data/ref —
//   court CODE        → "CODE name level parent=PARENT full=FULL_NAME" (current code shown when CODE is former)
//   cause NAME        → "CODE path > to > cause [high_risk]"
//   limit PROC CAT    → "N days"
std::string RefHandler(const std::string& input) {
  static const auto* ref = [] {
    auto r = ReferenceData::Load(ReferenceData::DefaultRefDir());
    return r.ok() ? new ReferenceData(std::move(r).value()) : nullptr;
  }();
  if (ref == nullptr) return "cannot load data/ref\n";
  std::istringstream in(input);
  std::string line, out;
  while (std::getline(in, line)) {
    std::istringstream words(line);
    std::string verb, a, b;
    words >> verb >> a >> b;
    if (verb == "court") {
      const Court* c = ref->FindCourt(a);
      if (c == nullptr) { out += a + " unknown\n"; continue; }
      out += a + (c->code != a ? " →" + c->code : "") + " " + c->name + " " + CourtLevelName(c->level) +
             " parent=" + (c->parent_code.empty() ? "-" : c->parent_code) + " full=" + ref->FullCourtName(*c) + "\n";
    } else if (verb == "cause") {
      const Cause* c = ref->FindCauseByName(a);
      if (c == nullptr) { out += a + " unknown\n"; continue; }
      std::string path;
      for (const auto& p : ref->CausePath(*c)) path += (path.empty() ? "" : " > ") + p;
      out += c->code + " " + path + (c->high_risk ? " high_risk" : "") + "\n";
    } else if (verb == "limit") {
      out += std::to_string(ref->StatutoryLimitDays(a, b)) + " days\n";
    } else {
      out += "bad query: " + line + "\n";
    }
  }
  return out;
}

// segment: each input line → its words joined by " / ". A line may start with "search: " or "nohmm: "
// to choose the mode (default exact). Uses the default options (Debian jieba + data/dict/legal.dict);
// skipped when the jieba dictionary is not installed.
std::string SegmentHandler(const std::string& input) {
  static const auto* seg = new Result<text::Segmenter>(text::Segmenter::Load(text::SegmenterOptions::Default()));
  if (!seg->ok()) return "SKIP: " + seg->status().ToString();
  std::istringstream in(input);
  std::string line, out;
  while (std::getline(in, line)) {
    text::CutMode mode = text::CutMode::kExact;
    std::string_view body = line;
    for (auto [prefix, m] : {std::pair{"search: ", text::CutMode::kSearch},
                             std::pair{"nohmm: ", text::CutMode::kExactNoHmm}}) {
      if (body.rfind(prefix, 0) == 0) {
        mode = m;
        body.remove_prefix(std::string_view(prefix).size());
        out += prefix;
      }
    }
    auto words = (*seg)->Cut(body, mode);
    for (size_t i = 0; i < words.size(); ++i) {
      if (i > 0) out += " / ";
      out += words[i];
    }
    out += "\n";
  }
  return out;
}

// security: one "<function> <value>" per line (id phone name address account scrub remove audit) → the masked value.
std::string MaskingHandler(const std::string& input) {
  std::istringstream in(input);
  std::string line, out;
  while (std::getline(in, line)) {
    auto sp = line.find(' ');
    std::string fn = line.substr(0, sp), arg = sp == std::string::npos ? "" : line.substr(sp + 1);
    if (fn == "id") out += security::MaskIdNumber(arg);
    else if (fn == "phone") out += security::MaskPhone(arg);
    else if (fn == "name") out += security::AnonymiseName(arg);
    else if (fn == "address") out += security::MaskAddress(arg);
    else if (fn == "account") out += security::MaskAccount(arg);
    else if (fn == "scrub") out += security::ScrubIdentifiers(arg);
    else if (fn == "remove") out += security::ScrubIdentifiers(arg, true);
    else if (fn == "audit") out += security::MaskAuditDetail(arg);
    else out += "bad function: " + fn;
    out += "\n";
  }
  return out;
}

// gen: one "<op> <arg>" per line → "<op> <arg> <result>". Ops: date (YYYY-MM-DD → 二〇二三年五月十日),
// article (n → 第n条 in Chinese numerals), capital (yuan with up to two decimals → 大写),
// fee (claim in yuan → 案件受理费 of 诉讼费用交纳办法 art. 13(1) in yuan), half (the same, halved).
std::string GenHandler(const std::string& input) {
  std::istringstream in(input);
  std::string line, out;
  while (std::getline(in, line)) {
    std::istringstream words(line);
    std::string op, arg;
    words >> op >> arg;
    auto fen = [&]() -> int64_t {
      size_t dot = arg.find('.');
      int64_t yuan = std::stoll(arg.substr(0, dot));
      int64_t frac = 0;
      if (dot != std::string::npos) {
        std::string f = arg.substr(dot + 1) + "00";
        frac = std::stoll(f.substr(0, 2));
      }
      return yuan * 100 + frac;
    };
    std::string result;
    if (op == "date") {
      auto d = Date::Parse(arg);
      result = d ? gen::ChineseDate(*d) : "invalid";
    } else if (op == "article") {
      result = gen::ArticleNumber(std::stoi(arg));
    } else if (op == "capital") {
      result = gen::CapitalAmount(fen());
    } else if (op == "fee") {
      result = gen::YuanFigures(gen::PropertyCaseFee(fen()));
    } else if (op == "half") {
      result = gen::YuanFigures(gen::HalveFee(gen::PropertyCaseFee(fen())));
    } else {
      result = "unknown op";
    }
    out += op + " " + arg + " " + result + "\n";
  }
  return out;
}

}  // namespace

void RegisterHandlers(std::map<std::string, Handler>* handlers) {
  (*handlers)["date"] = DateHandler;
  (*handlers)["ref"] = RefHandler;
  (*handlers)["case_number"] = CaseNumberHandler;
  (*handlers)["store_validate"] = StoreValidateHandler;
  (*handlers)["segment"] = SegmentHandler;
  (*handlers)["security"] = MaskingHandler;
  (*handlers)["judgment"] = JudgmentHandler;
  (*handlers)["gen"] = GenHandler;
  (*handlers)["indicators"] = IndicatorsHandler;
  (*handlers)["tags"] = TagsHandler;
  RegisterDocCheckHandlers(handlers);
}

}  // namespace tianping::golden
