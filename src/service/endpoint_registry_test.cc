#include "tianping/service/endpoint_registry.h"

#include <gtest/gtest.h>

namespace tianping::service {
namespace {

Handler Ok() {
  return [](const HttpRequest&, const RequestContext&) -> Result<HttpResponse> { return HttpResponse::Json("{}"); };
}

TEST(EndpointRegistry, MatchesLiteralBeforeParameterAndReportsOtherMethods) {
  EndpointRegistry r;
  ASSERT_TRUE(r.Add({"case.get", "GET", "/api/cases/{id}", "store", Grade::kGeneral2, Access::kUser, "", {}, false, Ok()}).ok());
  ASSERT_TRUE(r.Add({"case.stats", "GET", "/api/cases/stats", "store", Grade::kGeneral2, Access::kUser, "", {}, false, Ok()}).ok());
  auto m = r.Find("GET", "/api/cases/stats");
  ASSERT_NE(m.endpoint, nullptr);
  EXPECT_EQ(m.endpoint->name, "case.stats");
  m = r.Find("GET", "/api/cases/（2023）京0105民初1号");
  ASSERT_NE(m.endpoint, nullptr);
  EXPECT_EQ(m.endpoint->name, "case.get");
  EXPECT_EQ(m.params["id"], "（2023）京0105民初1号");
  m = r.Find("POST", "/api/cases/x");
  EXPECT_EQ(m.endpoint, nullptr);
  EXPECT_TRUE(m.path_exists);
  m = r.Find("GET", "/api/cases/x/y");
  EXPECT_EQ(m.endpoint, nullptr);
  EXPECT_FALSE(m.path_exists);
  // The {id} parameter was declared automatically for the OpenAPI document.
  ASSERT_EQ(r.endpoints()[0].params.size(), 1u);
  EXPECT_EQ(r.endpoints()[0].params[0].in, "path");
}

TEST(EndpointRegistry, RejectsDuplicatesAndPathsOutsideApi) {
  EndpointRegistry r;
  ASSERT_TRUE(r.Add({"a", "GET", "/api/a", "m", Grade::kGeneral1, Access::kPublic, "", {}, false, Ok()}).ok());
  EXPECT_EQ(r.Add({"a", "GET", "/api/b", "m", Grade::kGeneral1, Access::kPublic, "", {}, false, Ok()}).code(),
            Status::Code::kAlreadyExists);
  EXPECT_EQ(r.Add({"b", "GET", "/api/a", "m", Grade::kGeneral1, Access::kPublic, "", {}, false, Ok()}).code(),
            Status::Code::kAlreadyExists);
  EXPECT_TRUE(r.Add({"c", "POST", "/api/a", "m", Grade::kGeneral1, Access::kPublic, "", {}, false, Ok()}).ok());
  EXPECT_EQ(r.Add({"d", "GET", "/a", "m", Grade::kGeneral1, Access::kPublic, "", {}, false, Ok()}).code(),
            Status::Code::kInvalidArgument);
  EXPECT_EQ(r.Add({"e", "GET", "/api/e", "m", Grade::kGeneral1, Access::kPublic, "", {}, false, nullptr}).code(),
            Status::Code::kInvalidArgument);
}

}  // namespace
}  // namespace tianping::service
