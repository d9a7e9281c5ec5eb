// The expression language of data development (数据开发): filters (--where), tag rules and indicator
// formulas such as  count(closed and closure = '调解') / count(closed).  Grammar, fields, period
// conditions and semantics: docs/indicators.md §"Expression language".
//
//   expr    := or
//   or      := and ('or' and)*
//   and     := not ('and' not)*
//   not     := 'not' not | cmp
//   cmp     := sum (('=' | '!=' | '<>' | '<' | '<=' | '>' | '>=') sum | ['not'] 'in' '(' literal, ... ')')?
//   sum     := product (('+' | '-') product)*
//   product := unary (('*' | '/') unary)*
//   unary   := '-' unary | primary
//   primary := NUMBER | STRING | IDENT ['.' IDENT] | IDENT ['@' IDENT] '(' [expr (',' expr)*] ')' | '(' expr ')'
//
// Keywords are case-insensitive; strings use '…' or "…"; identifiers are ASCII letters, digits and _.
// Positions are 1-based character (not byte) columns. Thread-safety: values; parsing is reentrant.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "tianping/common/status.h"

namespace tianping::analytics {

struct Expr {
  enum class Kind { kNumber, kString, kField, kCall, kUnary, kBinary, kIn };
  Kind kind = Kind::kNumber;
  int pos = 0;               // 1-based character column in the source text
  double number = 0;         // kNumber
  std::string text;          // kString value; kField name ("parent.closure"); kCall name; operator
  std::string via;           // kCall: "@parent" / "@root" attribution ("" = the row itself)
  bool negated = false;      // kIn: "not in"
  std::vector<std::unique_ptr<Expr>> args;  // operands / call arguments; kIn: [subject, literals...]

  std::string ToString() const;  // canonical form (fully parenthesised binary operators)
};

// Parses `text`. Errors are ParseError "position N: <reason>" (N as in Expr::pos).
Result<std::unique_ptr<Expr>> ParseExpr(const std::string& text);
// "position N: reason" — the one format for errors located in expression text.
Status ExprError(int pos, const std::string& reason);

}  // namespace tianping::analytics
