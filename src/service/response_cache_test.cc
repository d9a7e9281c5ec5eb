#include "tianping/service/response_cache.h"

#include <gtest/gtest.h>

#include "tianping/service/gzip.h"

namespace tianping::service {
namespace {

HttpRequest Req(std::map<std::string, std::string> headers = {}) {
  HttpRequest r;
  r.method = "GET";
  r.headers = std::move(headers);
  return r;
}

std::string Header(const HttpResponse& r, const std::string& name) {
  for (const auto& [k, v] : r.headers)
    if (k == name) return v;
  return "";
}

TEST(ResponseCacheTest, KeepsPlainGzipAndEtag) {
  ResponseCache cache;
  EXPECT_EQ(cache.Get("k"), nullptr);
  std::string body = "{\"x\":\"" + std::string(2000, 'a') + "\"}";
  auto e = cache.Put("k", HttpResponse::Json(body));
  ASSERT_NE(cache.Get("k"), nullptr);
  EXPECT_EQ(cache.Get("k")->body, body);
  EXPECT_EQ(e->etag.size(), 18u);  // quoted 16 hex digits

  HttpResponse plain = ResponseCache::Respond(*e, Req());
  EXPECT_EQ(plain.status, 200);
  EXPECT_EQ(plain.body, body);
  EXPECT_EQ(Header(plain, "ETag"), e->etag);
  EXPECT_EQ(Header(plain, "Content-Encoding"), "");

  HttpResponse gz = ResponseCache::Respond(*e, Req({{"accept-encoding", "gzip, br"}}));
  EXPECT_EQ(Header(gz, "Content-Encoding"), "gzip");
  EXPECT_LT(gz.body.size(), body.size());
  EXPECT_EQ(GzipDecompress(gz.body).value(), body);

  HttpResponse not_modified = ResponseCache::Respond(*e, Req({{"if-none-match", e->etag}}));
  EXPECT_EQ(not_modified.status, 304);
  EXPECT_TRUE(not_modified.body.empty());
  EXPECT_EQ(ResponseCache::Respond(*e, Req({{"if-none-match", "\"other\""}})).status, 200);
}

TEST(ResponseCacheTest, DifferentBodiesDifferentEtags) {
  ResponseCache cache;
  auto a = cache.Put("a", HttpResponse::Json("{\"v\":1}"));
  auto b = cache.Put("b", HttpResponse::Json("{\"v\":2}"));
  EXPECT_NE(a->etag, b->etag);
  EXPECT_TRUE(a->gzipped.empty());  // small bodies are not compressed
}

TEST(ResponseCacheTest, EmptiedWhenFull) {
  ResponseCache cache(/*max_entries=*/2, /*max_bytes=*/1 << 20);
  cache.Put("a", HttpResponse::Json("1"));
  cache.Put("b", HttpResponse::Json("2"));
  EXPECT_EQ(cache.size(), 2u);
  cache.Put("c", HttpResponse::Json("3"));
  EXPECT_EQ(cache.size(), 1u);
  EXPECT_EQ(cache.Get("a"), nullptr);
  EXPECT_EQ(cache.Get("c")->body, "3");
}

TEST(ResponseCacheTest, ScopeKeySeparatesRolesAndScopes) {
  security::Principal a{"a", security::Role::kSpcAnalyst, {security::CourtScope::Kind::kNation, ""}, security::Grade::kImportant, ""};
  security::Principal b = a;
  b.name = "b";
  EXPECT_EQ(ScopeCacheKey(a), ScopeCacheKey(b));  // the user name is not part of the scope
  security::Principal yue = a;
  yue.role = security::Role::kHighCourtAnalyst;
  yue.scope = {security::CourtScope::Kind::kProvince, "粤"};
  security::Principal min = yue;
  min.scope.code = "闽";
  security::Principal researcher = a;
  researcher.role = security::Role::kResearcher;
  security::Principal lower = a;
  lower.clearance = security::Grade::kGeneral2;
  for (const auto* p : {&yue, &min, &researcher, &lower}) EXPECT_NE(ScopeCacheKey(a), ScopeCacheKey(*p));
  EXPECT_NE(ScopeCacheKey(yue), ScopeCacheKey(min));
}

TEST(ResponseCacheTest, AuditedAnswersKeepTheirRecordsAndAreNeverRevalidated) {
  ResponseCache cache;
  std::string body = "{\"items\":\"" + std::string(2000, 'a') + "\"}";
  auto e = cache.Put("k", HttpResponse::Json(body), 0, {{"", "read", "store snapshot 1", 2, "party name=x"}});
  ASSERT_EQ(cache.Get("k")->audits.size(), 1u);
  EXPECT_EQ(cache.Get("k")->audits[0].detail, "party name=x");
  EXPECT_EQ(cache.Get("k")->audits[0].actor, "");  // each hit names its own caller
  // Personal data: no ETag, no 304 even when asked, no Cache-Control here (the dispatcher adds no-store).
  auto r = ResponseCache::Respond(*e, Req({{"if-none-match", e->etag}, {"accept-encoding", "gzip"}}), false);
  EXPECT_EQ(r.status, 200);
  EXPECT_EQ(Header(r, "ETag"), "");
  EXPECT_EQ(Header(r, "Cache-Control"), "");
  EXPECT_EQ(Header(r, "Content-Encoding"), "gzip");
  EXPECT_EQ(GzipDecompress(r.body).value(), body);
}

}  // namespace
}  // namespace tianping::service
