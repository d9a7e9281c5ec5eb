#include "tianping/security/catalog.h"

#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <sstream>

namespace tianping::security {
namespace {

// Splits one CSV line; double quotes may enclose a field with commas ("" escapes a quote).
std::vector<std::string> SplitCsv(std::string_view line) {
  std::vector<std::string> out(1);
  bool quoted = false;
  for (size_t i = 0; i < line.size(); ++i) {
    char c = line[i];
    if (quoted) {
      if (c == '"' && i + 1 < line.size() && line[i + 1] == '"') { out.back().push_back('"'); ++i; }
      else if (c == '"') quoted = false;
      else out.back().push_back(c);
    } else if (c == '"') {
      quoted = true;
    } else if (c == ',') {
      out.emplace_back();
    } else {
      out.back().push_back(c);
    }
  }
  return out;
}

constexpr const char* kColumns[] = {"field", "category", "grade", "pipl_sensitive", "sharing", "mask", "note"};

}  // namespace

Result<Catalog> Catalog::Parse(std::string_view text, const std::string& name) {
  Catalog cat;
  std::istringstream in{std::string(text)};
  std::string line;
  int line_no = 0;
  bool header_seen = false;
  while (std::getline(in, line)) {
    ++line_no;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.empty() || line[0] == '#') continue;
    auto cols = SplitCsv(line);
    std::string where = name + ":" + std::to_string(line_no) + ": ";
    if (!header_seen) {
      for (size_t i = 0; i < std::size(kColumns); ++i) {
        if (i >= cols.size() || cols[i] != kColumns[i]) {
          return Status::ParseError(where + "header must be field,category,grade,pipl_sensitive,sharing,mask,note");
        }
      }
      header_seen = true;
      continue;
    }
    if (cols.size() < 6 || cols.size() > 7) {
      return Status::ParseError(where + "expected 7 columns, found " + std::to_string(cols.size()));
    }
    auto bad = [&](const char* col, const std::string& why) {
      return Status::ParseError(where + "field '" + col + "': " + why);
    };
    CatalogEntry e;
    e.field = cols[0];
    if (e.field.find('.') == std::string::npos) return bad("field", "expected struct.member, got '" + e.field + "'");
    e.category = cols[1];
    auto g = ParseGrade(cols[2]);
    if (!g) return bad("grade", "unknown grade '" + cols[2] + "'");
    e.grade = *g;
    if (cols[3] != "是" && cols[3] != "否") return bad("pipl_sensitive", "expected 是 or 否, got '" + cols[3] + "'");
    e.pipl_sensitive = cols[3] == "是";
    auto s = ParseSharing(cols[4]);
    if (!s) return bad("sharing", "unknown sharing class '" + cols[4] + "'");
    e.sharing = *s;
    auto m = ParseMaskRule(cols[5]);
    if (!m) return bad("mask", "unknown mask rule '" + cols[5] + "'");
    e.mask = *m;
    if (cols.size() == 7) e.note = cols[6];
    if (e.mask == MaskRule::kNone && (e.grade > Grade::kGeneral1 || e.sharing != Sharing::kShareable)) {
      return bad("mask", "a field graded above 一般-1 or not shareable needs a mask rule");
    }
    if (cat.index_.count(e.field)) return bad("field", "duplicate field '" + e.field + "'");
    cat.index_[e.field] = cat.entries_.size();
    cat.entries_.push_back(std::move(e));
  }
  if (!header_seen) return Status::ParseError(name + ": empty catalog");
  return cat;
}

Result<Catalog> Catalog::Load(const std::string& path) {
  std::ifstream f(path, std::ios::binary);
  if (!f) return Status::IoError(path + ": cannot open");
  std::stringstream ss;
  ss << f.rdbuf();
  std::string base = path.substr(path.find_last_of('/') + 1);
  return Parse(ss.str(), base);
}

std::string Catalog::DefaultPath() {
  if (const char* env = std::getenv("TP_CATALOG")) return env;
  return std::string(TP_SOURCE_DIR) + "/data/catalog/fields.csv";
}

const Catalog& Catalog::Default() {
  static const Catalog* cat = [] {
    auto r = Load(DefaultPath());
    if (!r.ok()) {
      std::fprintf(stderr, "tianping: cannot load the data catalog: %s\n", r.status().ToString().c_str());
      std::abort();
    }
    return new Catalog(std::move(r).value());
  }();
  return *cat;
}

const CatalogEntry* Catalog::Find(std::string_view field) const {
  auto it = index_.find(field);
  return it == index_.end() ? nullptr : &entries_[it->second];
}

const CatalogEntry& Catalog::Get(std::string_view field) const {
  static const CatalogEntry kUnknown{"?", "未编目", Grade::kCore, true, Sharing::kNeverPublished, MaskRule::kDrop,
                                     "not in the catalog"};
  const CatalogEntry* e = Find(field);
  return e ? *e : kUnknown;
}

std::vector<const CatalogEntry*> Catalog::Select(const CatalogQuery& q) const {
  std::vector<const CatalogEntry*> out;
  for (const auto& e : entries_) {
    if (q.grade && e.grade != *q.grade) continue;
    if (q.sharing && e.sharing != *q.sharing) continue;
    if (q.sensitive_only && !e.pipl_sensitive) continue;
    out.push_back(&e);
  }
  return out;
}

}  // namespace tianping::security
