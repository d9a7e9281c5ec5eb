// Lexer and recursive-descent parser of the expression language (grammar in expr.h).
#include <array>
#include <cctype>
#include <cstdlib>

#include "tianping/analytics/expr.h"

namespace tianping::analytics {
namespace {

struct Token {
  enum class Kind { kEnd, kNumber, kString, kIdent, kOp };
  Kind kind = Kind::kEnd;
  std::string text;  // identifier lower-cased for keywords is done by the parser
  double number = 0;
  int pos = 0;
};

// Character column (1-based) of byte offset `byte` in UTF-8 `s`.
int Column(const std::string& s, size_t byte) {
  int col = 1;
  for (size_t i = 0; i < byte && i < s.size(); ++i)
    if ((static_cast<unsigned char>(s[i]) & 0xC0) != 0x80) ++col;
  return col;
}

std::string Lower(std::string s) {
  for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

class Parser {
 public:
  explicit Parser(const std::string& s) : s_(s) {}

  Result<std::unique_ptr<Expr>> Parse() {
    TP_RETURN_IF_ERROR(Lex());
    auto e = Or();
    if (!e.ok()) return e;
    if (Peek().kind != Token::Kind::kEnd) return Err(Peek(), "unexpected " + Describe(Peek()) + " after the expression");
    return e;
  }

 private:
  Status Lex() {
    size_t i = 0;
    while (i < s_.size()) {
      unsigned char c = static_cast<unsigned char>(s_[i]);
      if (std::isspace(c)) { ++i; continue; }
      Token t;
      t.pos = Column(s_, i);
      if (std::isdigit(c) || (c == '.' && i + 1 < s_.size() && std::isdigit(static_cast<unsigned char>(s_[i + 1])))) {
        size_t j = i;
        while (j < s_.size() && (std::isdigit(static_cast<unsigned char>(s_[j])) || s_[j] == '.')) ++j;
        t.kind = Token::Kind::kNumber;
        t.text = s_.substr(i, j - i);
        char* end = nullptr;
        t.number = std::strtod(t.text.c_str(), &end);
        if (end != t.text.c_str() + t.text.size()) return ExprError(t.pos, "malformed number '" + t.text + "'");
        i = j;
      } else if (c == '\'' || c == '"') {
        size_t j = s_.find(static_cast<char>(c), i + 1);
        if (j == std::string::npos) return ExprError(t.pos, "unterminated string");
        t.kind = Token::Kind::kString;
        t.text = s_.substr(i + 1, j - i - 1);
        i = j + 1;
      } else if (std::isalpha(c) || c == '_') {
        size_t j = i;
        while (j < s_.size() && (std::isalnum(static_cast<unsigned char>(s_[j])) || s_[j] == '_')) ++j;
        t.kind = Token::Kind::kIdent;
        t.text = s_.substr(i, j - i);
        i = j;
      } else {
        static const char* kOps[] = {"<=", ">=", "!=", "<>", "=", "<", ">", "(", ")", ",", "+", "-", "*", "/", ".", "@"};
        bool found = false;
        for (const char* op : kOps) {
          std::string_view o(op);
          if (s_.compare(i, o.size(), o) == 0) {
            t.kind = Token::Kind::kOp;
            t.text = std::string(o == "<>" ? "!=" : o);
            i += o.size();
            found = true;
            break;
          }
        }
        if (!found) {
          size_t j = i + 1;
          while (j < s_.size() && (static_cast<unsigned char>(s_[j]) & 0xC0) == 0x80) ++j;
          std::string ch = s_.substr(i, j - i);
          return ExprError(t.pos, "unexpected character '" + ch + "'" +
                                      (c >= 0x80 ? " (Chinese values must be quoted: '" + ch + "…')" : ""));
        }
      }
      tokens_.push_back(std::move(t));
    }
    Token end;
    end.pos = Column(s_, s_.size());
    tokens_.push_back(end);
    return Status::Ok();
  }

  const Token& Peek(size_t k = 0) const { return tokens_[std::min(i_ + k, tokens_.size() - 1)]; }
  const Token& Next() { const Token& t = tokens_[i_]; if (i_ + 1 < tokens_.size()) ++i_; return t; }
  bool IsOp(const char* op, size_t k = 0) const { return Peek(k).kind == Token::Kind::kOp && Peek(k).text == op; }
  bool IsKeyword(const char* kw, size_t k = 0) const {
    return Peek(k).kind == Token::Kind::kIdent && Lower(Peek(k).text) == kw;
  }
  static std::string Describe(const Token& t) {
    switch (t.kind) {
      case Token::Kind::kEnd: return "end of input";
      case Token::Kind::kString: return "string '" + t.text + "'";
      default: return "'" + t.text + "'";
    }
  }
  Status Err(const Token& t, const std::string& reason) const { return ExprError(t.pos, reason); }

  static std::unique_ptr<Expr> Node(Expr::Kind k, int pos, std::string text = "") {
    auto e = std::make_unique<Expr>();
    e->kind = k;
    e->pos = pos;
    e->text = std::move(text);
    return e;
  }

  using R = Result<std::unique_ptr<Expr>>;

  // Operator levels, loosest first; each level's operands are parsed by the next one. Binary levels are
  // left-associative (a - b - c = (a - b) - c); a comparison takes one operator (a < b < c is an error).
  enum class LevelKind { kBinary, kPrefix, kCompare, kPrimary };
  struct Level {
    LevelKind kind;
    std::array<const char*, 2> ops;  // operators or keywords of the level (unused slots null)
    bool keywords;                   // ops are case-insensitive keywords, not operator tokens
  };
  static constexpr Level kLevels[] = {
      {LevelKind::kBinary, {"or", nullptr}, true},  {LevelKind::kBinary, {"and", nullptr}, true},
      {LevelKind::kPrefix, {"not", nullptr}, true}, {LevelKind::kCompare, {nullptr, nullptr}, false},
      {LevelKind::kBinary, {"+", "-"}, false},      {LevelKind::kBinary, {"*", "/"}, false},
      {LevelKind::kPrefix, {"-", nullptr}, false},  {LevelKind::kPrimary, {nullptr, nullptr}, false},
  };

  // The operator of `level` at the current token, or null.
  const char* OpAt(const Level& level) const {
    for (const char* op : level.ops)
      if (op && (level.keywords ? IsKeyword(op) : IsOp(op))) return op;
    return nullptr;
  }

  static std::unique_ptr<Expr> Binary(int pos, const char* op, std::unique_ptr<Expr> l, std::unique_ptr<Expr> r) {
    auto n = Node(Expr::Kind::kBinary, pos, op);
    n->args.push_back(std::move(l));
    n->args.push_back(std::move(r));
    return n;
  }

  R Or() { return ParseLevel(0); }

  R ParseLevel(size_t level) {
    const Level& lv = kLevels[level];
    switch (lv.kind) {
      case LevelKind::kPrimary: return Primary();
      case LevelKind::kCompare: return Cmp(level + 1);
      case LevelKind::kPrefix: {
        const char* op = OpAt(lv);
        if (!op) return ParseLevel(level + 1);
        int pos = Next().pos;
        auto o = ParseLevel(level);
        if (!o.ok()) return o;
        auto n = Node(Expr::Kind::kUnary, pos, op);
        n->args.push_back(std::move(o).value());
        return n;
      }
      case LevelKind::kBinary: break;
    }
    auto l = ParseLevel(level + 1);
    if (!l.ok()) return l;
    std::unique_ptr<Expr> left = std::move(l).value();
    while (const char* op = OpAt(lv)) {
      int pos = Next().pos;
      auto r = ParseLevel(level + 1);
      if (!r.ok()) return r;
      left = Binary(pos, op, std::move(left), std::move(r).value());
    }
    return left;
  }

  R Cmp(size_t operand_level) {
    auto l = ParseLevel(operand_level);
    if (!l.ok()) return l;
    std::unique_ptr<Expr> left = std::move(l).value();
    for (const char* op : {"=", "!=", "<", "<=", ">", ">="}) {
      if (!IsOp(op)) continue;
      int pos = Next().pos;
      auto r = ParseLevel(operand_level);
      if (!r.ok()) return r;
      return Binary(pos, op, std::move(left), std::move(r).value());
    }
    bool negated = IsKeyword("not") && IsKeyword("in", 1);
    if (negated || IsKeyword("in")) {
      if (negated) Next();
      int pos = Next().pos;
      if (!IsOp("(")) return Err(Peek(), "expected '(' after 'in', found " + Describe(Peek()));
      Next();
      auto n = Node(Expr::Kind::kIn, pos, "in");
      n->negated = negated;
      n->args.push_back(std::move(left));
      for (;;) {
        const Token& t = Next();
        if (t.kind == Token::Kind::kString) n->args.push_back(Node(Expr::Kind::kString, t.pos, t.text));
        else if (t.kind == Token::Kind::kNumber) { auto v = Node(Expr::Kind::kNumber, t.pos, t.text); v->number = t.number; n->args.push_back(std::move(v)); }
        else return Err(t, "expected a string or number in the 'in' list, found " + Describe(t));
        if (IsOp(",")) { Next(); continue; }
        if (IsOp(")")) { Next(); break; }
        return Err(Peek(), "expected ',' or ')' in the 'in' list, found " + Describe(Peek()));
      }
      return n;
    }
    return left;
  }
  R Primary() {
    const Token& t = Next();
    switch (t.kind) {
      case Token::Kind::kNumber: { auto n = Node(Expr::Kind::kNumber, t.pos, t.text); n->number = t.number; return n; }
      case Token::Kind::kString: return Node(Expr::Kind::kString, t.pos, t.text);
      case Token::Kind::kEnd: return Err(t, "unexpected end of input, expected a value");
      case Token::Kind::kOp:
        if (t.text == "(") {
          auto e = Or();
          if (!e.ok()) return e;
          if (!IsOp(")")) return Err(Peek(), "expected ')' to close '(' at position " + std::to_string(t.pos) + ", found " + Describe(Peek()));
          Next();
          return e;
        }
        return Err(t, "unexpected " + Describe(t) + ", expected a value");
      case Token::Kind::kIdent: break;
    }
    std::string lower = Lower(t.text);
    if (lower == "and" || lower == "or" || lower == "not" || lower == "in")
      return Err(t, "unexpected keyword '" + t.text + "', expected a value");
    std::string via;
    if (IsOp("@")) {
      Next();
      const Token& v = Next();
      if (v.kind != Token::Kind::kIdent) return Err(v, "expected 'parent' or 'root' after '@', found " + Describe(v));
      via = "@" + Lower(v.text);
      if (!IsOp("(")) return Err(Peek(), "expected '(' after " + t.text + via + ", found " + Describe(Peek()));
    }
    if (IsOp("(")) {
      Next();
      auto n = Node(Expr::Kind::kCall, t.pos, lower);
      n->via = via;
      if (IsOp(")")) { Next(); return n; }
      for (;;) {
        auto a = Or();
        if (!a.ok()) return a;
        n->args.push_back(std::move(a).value());
        if (IsOp(",")) { Next(); continue; }
        if (IsOp(")")) { Next(); break; }
        return Err(Peek(), "expected ',' or ')' after an argument of " + lower + ", found " + Describe(Peek()));
      }
      return n;
    }
    std::string name = t.text;
    while (IsOp(".")) {
      Next();
      const Token& f = Next();
      if (f.kind != Token::Kind::kIdent) return Err(f, "expected a field name after '.', found " + Describe(f));
      name += "." + f.text;
    }
    return Node(Expr::Kind::kField, t.pos, name);
  }

  const std::string& s_;
  std::vector<Token> tokens_;
  size_t i_ = 0;
};

}  // namespace

Status ExprError(int pos, const std::string& reason) {
  return Status::ParseError("position " + std::to_string(pos) + ": " + reason);
}

Result<std::unique_ptr<Expr>> ParseExpr(const std::string& text) {
  Parser p(text);
  return p.Parse();
}

std::string Expr::ToString() const {
  switch (kind) {
    case Kind::kNumber: return text.empty() ? std::to_string(number) : text;
    case Kind::kString: return "'" + text + "'";
    case Kind::kField: return text;
    case Kind::kCall: {
      std::string s = text + via + "(";
      for (size_t i = 0; i < args.size(); ++i) s += (i ? ", " : "") + args[i]->ToString();
      return s + ")";
    }
    case Kind::kUnary: return text == "not" ? "(not " + args[0]->ToString() + ")" : "(-" + args[0]->ToString() + ")";
    case Kind::kBinary: return "(" + args[0]->ToString() + " " + text + " " + args[1]->ToString() + ")";
    case Kind::kIn: {
      std::string s = "(" + args[0]->ToString() + (negated ? " not in (" : " in (");
      for (size_t i = 1; i < args.size(); ++i) s += (i > 1 ? ", " : "") + args[i]->ToString();
      return s + "))";
    }
  }
  return "";
}

}  // namespace tianping::analytics
