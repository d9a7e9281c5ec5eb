#include "tianping/service/http_message.h"

#include <gtest/gtest.h>

namespace tianping::service {
namespace {

TEST(HttpMessage, ParsesTargetWithEscapesAndPlus) {
  std::string path;
  std::multimap<std::string, std::string> q;
  ASSERT_TRUE(ParseTarget("/api/case-number?q=%EF%BC%882023%EF%BC%89%E4%BA%AC&x=a+b&flag", &path, &q));
  EXPECT_EQ(path, "/api/case-number");
  EXPECT_EQ(q.find("q")->second, "（2023）京");
  EXPECT_EQ(q.find("x")->second, "a b");
  EXPECT_EQ(q.find("flag")->second, "");
  q.clear();
  EXPECT_FALSE(ParseTarget("/api/x?q=%E4%B", &path, &q));
}

TEST(HttpMessage, ReadsCookies) {
  HttpRequest r;
  r.headers["cookie"] = "a=1; tp_session=abc; b=2";
  EXPECT_EQ(r.Cookie("tp_session"), "abc");
  EXPECT_EQ(r.Cookie("b"), "2");
  EXPECT_EQ(r.Cookie("c"), "");
}

}  // namespace
}  // namespace tianping::service
