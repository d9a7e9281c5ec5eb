#include "tianping/text/doc_check.h"

#include <algorithm>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <unordered_map>

#include "text/checks/checks.h"
#include "tianping/common/json_writer.h"
#include "tianping/model/case_number.h"
#include "tianping/model/document_error_kinds.h"

namespace tianping::text {

namespace {

std::string DefaultCheckDir() {
  const char* data = std::getenv("TP_DATA_DIR");
  return (data && *data ? std::string(data) : std::string(TP_SOURCE_DIR) + "/data") + "/check";
}

std::vector<std::string> SplitTabs(const std::string& line) {
  std::vector<std::string> out;
  std::string cur;
  std::istringstream in(line);
  while (std::getline(in, cur, '\t')) out.push_back(cur);
  return out;
}

Status LoadConfusions(const std::string& path, std::vector<checks::Confusion>* out) {
  std::ifstream in(path);
  if (!in) return Status::IoError("cannot open " + path);
  std::string line;
  int line_no = 0;
  while (std::getline(in, line)) {
    ++line_no;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.empty() || line[0] == '#') continue;
    auto cols = SplitTabs(line);
    std::string where = path + ":" + std::to_string(line_no) + ": ";
    if (cols.size() < 3) return Status::ParseError(where + "expected wrong<TAB>correct<TAB>kind[<TAB>conditions]");
    checks::Confusion c{cols[0], cols[1], cols[2], "", "", ""};
    if (c.wrong.empty()) return Status::ParseError(where + "field wrong: empty");
    if (c.kind != "wrong_character" && c.kind != "missing_character" && c.kind != "extra_character" &&
        c.kind != "homophone")
      return Status::ParseError(where + "field kind: unknown '" + c.kind + "'");
    if (cols.size() > 3) {
      std::istringstream conds(cols[3]);
      std::string cond;
      while (conds >> cond) {
        size_t eq = cond.find('=');
        if (eq == std::string::npos) return Status::ParseError(where + "condition '" + cond + "': expected key=chars");
        std::string key = cond.substr(0, eq), val = cond.substr(eq + 1);
        if (key == "not_before") c.not_before = val;
        else if (key == "not_after") c.not_after = val;
        else if (key == "only_after") c.only_after = val;
        else return Status::ParseError(where + "condition '" + key + "': unknown");
      }
    }
    out->push_back(std::move(c));
  }
  return Status::Ok();
}

Status LoadLines(const std::string& path, std::vector<std::string>* out) {
  std::ifstream in(path);
  if (!in) return Status::IoError("cannot open " + path);
  std::string line;
  while (std::getline(in, line)) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.empty() || line[0] == '#') continue;
    out->push_back(line);
  }
  return Status::Ok();
}

// 北京市朝阳区人民法院 → 朝阳区; 山东省济南市历下区人民法院 → 济南市, 历下区.
void BuildPlaces(const ReferenceData& ref, checks::PlaceIndex* idx) {
  for (const Province& p : ref.provinces())
    if (p.abbr != "兵") idx->provinces.push_back(p.name);
  for (const Court& c : ref.courts()) {
    if (c.kind != "普通" || c.province.empty()) continue;
    const Province* p = ref.FindProvince(c.province);
    if (!p || !c.name.ends_with("人民法院")) continue;
    std::string_view rest = c.name;
    if (rest.starts_with(p->name)) rest.remove_prefix(p->name.size());
    rest.remove_suffix(std::string_view("人民法院").size());
    if (rest.find("中级") != std::string_view::npos && rest.find("市") == std::string_view::npos) continue;
    size_t start = 0;
    for (size_t i = 0; i < rest.size();) {
      size_t n = checks::CharLen(rest, i);
      std::string_view ch = rest.substr(i, n);
      i += n;
      if (ch == "市" || ch == "区" || ch == "县" || ch == "州" || ch == "盟" || ch == "旗") {
        std::string place(rest.substr(start, i - start));
        start = i;
        if (place.size() < 6 || place.find("中级") != std::string::npos) continue;
        auto& v = idx->place_provinces[place];
        if (std::find(v.begin(), v.end(), p->name) == v.end()) v.push_back(p->name);
        idx->max_place_bytes = std::max(idx->max_place_bytes, place.size());
      }
    }
  }
}

size_t CharCount(std::string_view s, size_t from, size_t to) {
  size_t n = 0;
  for (size_t i = from; i < to; ++i)
    if ((static_cast<unsigned char>(s[i]) & 0xC0) != 0x80) ++n;
  return n;
}

}  // namespace

struct DocChecker::Impl {
  DocCheckOptions options;
  std::vector<checks::Confusion> confusions;
  std::unordered_map<std::string_view, std::vector<size_t>> confusion_index;  // keys view `confusions`
  std::vector<std::string> phrases;
  std::vector<std::pair<std::string, std::string>> name_swaps;
  checks::PlaceIndex places;
};

DocChecker::DocChecker(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
DocChecker::~DocChecker() = default;

Result<std::unique_ptr<DocChecker>> DocChecker::Create(const DocCheckOptions& options) {
  auto impl = std::make_unique<Impl>();
  impl->options = options;
  std::string dir = options.check_dir.empty() ? DefaultCheckDir() : options.check_dir;
  if (Status s = LoadConfusions(dir + "/confusions.tsv", &impl->confusions); !s.ok()) return s;
  if (Status s = LoadLines(dir + "/phrases.txt", &impl->phrases); !s.ok()) return s;
  for (size_t i = 0; i < impl->confusions.size(); ++i) {
    std::string_view w = impl->confusions[i].wrong;
    impl->confusion_index[w.substr(0, checks::CharLen(w, 0))].push_back(i);
  }
  std::vector<std::string> swaps;
  if (Status s = LoadLines(dir + "/name_confusions.tsv", &swaps); !s.ok()) return s;
  for (size_t i = 0; i < swaps.size(); ++i) {
    auto cols = SplitTabs(swaps[i]);
    if (cols.size() != 2 || cols[0].empty() || cols[1].empty())
      return Status::ParseError(dir + "/name_confusions.tsv: row " + std::to_string(i + 1) +
                                " (not counting comments): expected a<TAB>b");
    impl->name_swaps.emplace_back(cols[0], cols[1]);
    impl->name_swaps.emplace_back(cols[1], cols[0]);
  }
  if (options.ref) BuildPlaces(*options.ref, &impl->places);
  return std::unique_ptr<DocChecker>(new DocChecker(std::move(impl)));
}

std::vector<DocFinding> DocChecker::Check(std::string_view text, const DocHints* hints) const {
  ParsedJudgment j = ParseJudgment(text);
  checks::CheckContext c;
  c.text = text;
  c.j = &j;
  c.options = &impl_->options;
  c.confusions = &impl_->confusions;
  c.confusion_index = &impl_->confusion_index;
  c.phrases = &impl_->phrases;
  c.places = &impl_->places;
  c.name_swaps = &impl_->name_swaps;
  c.segmenter = impl_->options.segmenter;
  c.date = j.date;
  c.kind = j.kind;
  if (hints) c.procedure_hint = hints->procedure;
  if (auto cn = ParseCaseNumber(j.case_number); cn.ok()) c.stage = cn->type_code;
  c.body_start = j.case_number_span.end;
  if (c.body_start == 0) c.body_start = j.kind_span.end;
  std::vector<DocFinding> out;
  checks::Findings f(&out);
  checks::CheckPartyConsistency(c, &f);
  checks::CheckTypos(c, &f);
  checks::CheckPunctuation(c, &f);
  checks::CheckSections(c, &f);
  checks::CheckCosts(c, &f);
  checks::CheckSelfReference(c, &f);
  checks::CheckAmounts(c, &f);
  checks::CheckDates(c, &f);
  if (impl_->options.ref) checks::CheckAddresses(c, &f);
  checks::CheckCitations(c, &f);
  checks::CheckPanel(c, &f);
  checks::CheckCaseNumber(c, &f);
  if (impl_->options.public_version) checks::CheckPrivacy(c, &f);
  std::sort(out.begin(), out.end(), [](const DocFinding& a, const DocFinding& b) {
    return a.start != b.start ? a.start < b.start : a.kind < b.kind;
  });
  // One finding per kind and span.
  out.erase(std::unique(out.begin(), out.end(),
                        [](const DocFinding& a, const DocFinding& b) {
                          return a.kind == b.kind && a.start == b.start && a.end == b.end;
                        }),
            out.end());
  size_t pos = 0, chars = 0;
  for (DocFinding& x : out) {  // sorted by start: count characters incrementally
    chars += CharCount(text, pos, x.start);
    pos = x.start;
    x.char_start = chars;
    x.char_end = chars + CharCount(text, x.start, x.end);
  }
  return out;
}

const std::vector<std::string>& DocCheckKinds() {
  static const std::vector<std::string> kIds = [] {
    std::vector<std::string> v;
    for (const auto& k : kDocumentErrorKinds) v.emplace_back(k.id);
    return v;
  }();
  return kIds;
}

std::string_view DocCheckLabel(std::string_view kind) {
  for (const auto& k : kDocumentErrorKinds)
    if (k.id == kind) return k.label;
  return {};
}

void AppendFindingJson(const DocFinding& f, std::string_view text, std::string* out) {
  *out += "{\"kind\":";
  AppendJsonString(out, f.kind);
  *out += ",\"label\":";
  AppendJsonString(out, DocCheckLabel(f.kind));
  *out += ",\"start\":" + std::to_string(f.start) + ",\"end\":" + std::to_string(f.end) +
          ",\"char_start\":" + std::to_string(f.char_start) + ",\"char_end\":" + std::to_string(f.char_end) +
          ",\"text\":";
  AppendJsonString(out, f.end <= text.size() ? text.substr(f.start, f.end - f.start) : std::string_view());
  *out += ",\"message\":";
  AppendJsonString(out, f.message);
  *out += ",\"suggestion\":";
  AppendJsonString(out, f.suggestion);
  *out += "}";
}

}  // namespace tianping::text

namespace tianping::text {
namespace {

bool Matches(const DocFinding& f, const ExpectedError& e) {
  if (f.kind != e.kind) return false;
  if (e.start == e.end) return f.start <= e.start && e.start <= f.end;
  if (f.start == f.end) return e.start <= f.start && f.start <= e.end;
  return f.start < e.end && e.start < f.end;
}

KindScore& ScoreOf(std::vector<std::pair<std::string, KindScore>>* scores, const std::string& kind) {
  for (auto& [k, s] : *scores)
    if (k == kind) return s;
  scores->push_back({kind, KindScore{}});
  return scores->back().second;
}

}  // namespace

void ScoreFindings(const std::vector<DocFinding>& findings, const std::vector<ExpectedError>& planted,
                   std::vector<std::pair<std::string, KindScore>>* scores) {
  for (const ExpectedError& e : planted) {
    KindScore& s = ScoreOf(scores, e.kind);
    ++s.planted;
    for (const DocFinding& f : findings)
      if (Matches(f, e)) { ++s.found; break; }
  }
  for (const DocFinding& f : findings) {
    KindScore& s = ScoreOf(scores, f.kind);
    ++s.reported;
    for (const ExpectedError& e : planted)
      if (Matches(f, e)) { ++s.correct; break; }
  }
}

}  // namespace tianping::text
