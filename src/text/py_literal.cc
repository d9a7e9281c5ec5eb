#include "py_literal.h"

#include <charconv>
#include <cstdlib>

namespace tianping::text {
namespace {

void AppendUtf8(char32_t c, std::string* out) {
  if (c < 0x80) {
    out->push_back(static_cast<char>(c));
  } else if (c < 0x800) {
    out->push_back(static_cast<char>(0xC0 | (c >> 6)));
    out->push_back(static_cast<char>(0x80 | (c & 0x3F)));
  } else if (c < 0x10000) {
    out->push_back(static_cast<char>(0xE0 | (c >> 12)));
    out->push_back(static_cast<char>(0x80 | ((c >> 6) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | (c & 0x3F)));
  } else {
    out->push_back(static_cast<char>(0xF0 | (c >> 18)));
    out->push_back(static_cast<char>(0x80 | ((c >> 12) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | ((c >> 6) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | (c & 0x3F)));
  }
}

class Parser {
 public:
  Parser(std::string_view text, const std::string& name) : s_(text), name_(name) {}

  Result<PyValue> ParseFile() {
    // Find "NAME =" at the start of a line: everything before (imports, comments) is skipped.
    size_t line = 0;
    while (line < s_.size()) {
      size_t p = line;
      while (p < s_.size() && (IsIdent(s_[p]))) ++p;
      size_t q = p;
      while (q < s_.size() && (s_[q] == ' ' || s_[q] == '\t')) ++q;
      if (p > line && q < s_.size() && s_[q] == '=' && (q + 1 >= s_.size() || s_[q + 1] != '=')) {
        pos_ = q + 1;
        PyValue v;
        TP_RETURN_IF_ERROR(ParseValue(&v, 0));
        SkipSpace();
        if (pos_ != s_.size()) return Error("unexpected text after the literal");
        return v;
      }
      size_t nl = s_.find('\n', line);
      if (nl == std::string_view::npos) break;
      line = nl + 1;
    }
    return Status::ParseError(name_ + ": no \"NAME = {...}\" assignment found");
  }

 private:
  static bool IsIdent(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
  }
  Status Error(const std::string& what) const {
    return Status::ParseError(name_ + ": byte " + std::to_string(pos_) + ": " + what);
  }
  void SkipSpace() {
    while (pos_ < s_.size()) {
      char c = s_[pos_];
      if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\\') {
        ++pos_;  // '\' + newline is a line continuation
      } else if (c == '#') {
        while (pos_ < s_.size() && s_[pos_] != '\n') ++pos_;
      } else {
        break;
      }
    }
  }

  Status ParseValue(PyValue* v, int depth) {
    if (depth > 16) return Error("nesting too deep");
    SkipSpace();
    if (pos_ >= s_.size()) return Error("unexpected end of input");
    if (s_[pos_] == '{') return ParseDict(v, depth);
    return ParseNumber(&v->number);
  }

  Status ParseDict(PyValue* v, int depth) {
    v->is_dict = true;
    ++pos_;  // '{'
    while (true) {
      SkipSpace();
      if (pos_ >= s_.size()) return Error("unterminated dict");
      if (s_[pos_] == '}') { ++pos_; return Status::Ok(); }
      std::string key;
      TP_RETURN_IF_ERROR(ParseString(&key));
      SkipSpace();
      if (pos_ >= s_.size() || s_[pos_] != ':') return Error("expected ':' after a key");
      ++pos_;
      PyValue child;
      TP_RETURN_IF_ERROR(ParseValue(&child, depth + 1));
      v->items.emplace_back(std::move(key), std::move(child));
      SkipSpace();
      if (pos_ < s_.size() && s_[pos_] == ',') { ++pos_; continue; }
      if (pos_ < s_.size() && s_[pos_] == '}') { ++pos_; return Status::Ok(); }
      return Error("expected ',' or '}'");
    }
  }

  Status ParseString(std::string* out) {
    // Optional u/U prefix (Python 2 unicode literals).
    if (pos_ < s_.size() && (s_[pos_] == 'u' || s_[pos_] == 'U')) ++pos_;
    if (pos_ >= s_.size() || (s_[pos_] != '\'' && s_[pos_] != '"')) return Error("expected a string key");
    char quote = s_[pos_++];
    while (pos_ < s_.size() && s_[pos_] != quote) {
      char c = s_[pos_++];
      if (c == '\n') return Error("newline in string");
      if (c != '\\') { out->push_back(c); continue; }
      if (pos_ >= s_.size()) break;
      char e = s_[pos_++];
      int hex_digits = e == 'u' ? 4 : e == 'U' ? 8 : e == 'x' ? 2 : 0;
      if (hex_digits > 0) {
        if (pos_ + hex_digits > s_.size()) return Error("truncated escape");
        std::string hex(s_.substr(pos_, hex_digits));
        char* end = nullptr;
        unsigned long cp = std::strtoul(hex.c_str(), &end, 16);
        if (end != hex.c_str() + hex_digits || cp > 0x10FFFF) return Error("bad \\" + std::string(1, e) + " escape");
        pos_ += hex_digits;
        AppendUtf8(static_cast<char32_t>(cp), out);
        continue;
      }
      switch (e) {
        case 'n': out->push_back('\n'); break;
        case 't': out->push_back('\t'); break;
        case 'r': out->push_back('\r'); break;
        case '0': out->push_back('\0'); break;
        default: out->push_back(e);  // \\ \' \" and unknown escapes keep the character
      }
    }
    if (pos_ >= s_.size()) return Error("unterminated string");
    ++pos_;
    return Status::Ok();
  }

  Status ParseNumber(double* out) {
    size_t start = pos_;
    while (pos_ < s_.size()) {
      char c = s_[pos_];
      if ((c >= '0' && c <= '9') || c == '-' || c == '+' || c == '.' || c == 'e' || c == 'E') ++pos_;
      else break;
    }
    if (pos_ == start) return Error("expected a number or '{'");
    std::string_view num = s_.substr(start, pos_ - start);
    const char* first = num.data();
    if (*first == '+') ++first;  // from_chars rejects a leading '+'
    auto [end, ec] = std::from_chars(first, num.data() + num.size(), *out);  // locale-independent
    if (ec != std::errc() || end != num.data() + num.size()) {
      pos_ = start;
      return Error("bad number '" + std::string(num) + "'");
    }
    return Status::Ok();
  }

  std::string_view s_;
  const std::string& name_;
  size_t pos_ = 0;
};

}  // namespace

Result<PyValue> ParsePyDict(std::string_view text, const std::string& name) {
  return Parser(text, name).ParseFile();
}

}  // namespace tianping::text
