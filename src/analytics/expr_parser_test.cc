#include "tianping/analytics/expr.h"

#include <gtest/gtest.h>

namespace tianping::analytics {
namespace {

std::string Canon(const std::string& s) {
  auto e = ParseExpr(s);
  return e.ok() ? (*e)->ToString() : "ERROR " + e.status().message();
}

TEST(ExprParser, PrecedenceAndCanonicalForm) {
  EXPECT_EQ(Canon("count(closed and closure = '调解') / count(closed)"),
            "(count((closed and (closure = '调解'))) / count(closed))");
  EXPECT_EQ(Canon("a or b and not c"), "(a or (b and (not c)))");
  EXPECT_EQ(Canon("1 + 2 * 3 - 4"), "((1 + (2 * 3)) - 4)");
  EXPECT_EQ(Canon("type NOT IN ('执保', '执恢')"), "(type not in ('执保', '执恢'))");
  EXPECT_EQ(Canon("count@parent(closed and parent.first_instance)"), "count@parent((closed and parent.first_instance))");
  EXPECT_EQ(Canon("duration <> 3"), "(duration != 3)");
  EXPECT_EQ(Canon("pending_over(12)"), "pending_over(12)");
}

TEST(ExprParser, ErrorsGivePositionAndReason) {
  // Positions are character columns: 调解 counts as two characters.
  EXPECT_EQ(Canon("count(closed and closure = '调解'"),
            "ERROR position 32: expected ',' or ')' after an argument of count, found end of input");
  EXPECT_EQ(Canon("closure = 调解"), "ERROR position 11: unexpected character '调' (Chinese values must be quoted: '调…')");
  EXPECT_EQ(Canon("closed and"), "ERROR position 11: unexpected end of input, expected a value");
  EXPECT_EQ(Canon("(a or b"), "ERROR position 8: expected ')' to close '(' at position 1, found end of input");
  EXPECT_EQ(Canon("closure = 'x"), "ERROR position 11: unterminated string");
  EXPECT_EQ(Canon("a in 3"), "ERROR position 6: expected '(' after 'in', found '3'");
  EXPECT_EQ(Canon("count(a) count(b)"), "ERROR position 10: unexpected 'count' after the expression");
  EXPECT_EQ(Canon("x # y"), "ERROR position 3: unexpected character '#'");
}

}  // namespace
}  // namespace tianping::analytics
