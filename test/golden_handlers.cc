// Registers one golden handler per module folder under test/golden/.
#include "golden_runner.h"

#include <sstream>

#include "golden_case_number.h"
#include "golden_indicators.h"
#include "tianping/common/date.h"
#include "tianping/model/reference.h"
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

}  // namespace

void RegisterHandlers(std::map<std::string, Handler>* handlers) {
  (*handlers)["date"] = DateHandler;
  (*handlers)["ref"] = RefHandler;
  (*handlers)["case_number"] = CaseNumberHandler;
  (*handlers)["segment"] = SegmentHandler;
  (*handlers)["indicators"] = IndicatorsHandler;
}

}  // namespace tianping::golden
