#include "tianping/service/component_catalog.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>

namespace tianping::service {
namespace {

class ComponentCatalogTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = std::filesystem::temp_directory_path() / ("tp-components-" + std::to_string(::getpid()));
    std::filesystem::create_directories(dir_);
    ASSERT_TRUE(reg_.Add({"s", "GET", "/api/summary", "m", Grade::kGeneral2, Access::kUser, "", {}, false,
                          [](const HttpRequest&, const RequestContext&) -> Result<HttpResponse> {
                            return HttpResponse::Json("{}");
                          }}).ok());
  }
  void TearDown() override { std::filesystem::remove_all(dir_); }
  void Write(const std::string& name, const std::string& text) { std::ofstream(dir_ / name) << text; }

  std::filesystem::path dir_;
  EndpointRegistry reg_;
};

TEST_F(ComponentCatalogTest, LoadsValidPages) {
  Write("overview.json", R"({"title":"全国概览","widgets":[{"id":"a","type":"kpi","title":"案件总数","endpoint":"/api/summary","field":"cases"},
                                                   {"id":"b","type":"pie","title":"类别","endpoint":"/api/summary?x=1","field":"by_category"}]})");
  Write("notes.txt", "ignored");
  ComponentCatalog c;
  ASSERT_TRUE(c.Load(dir_.string(), reg_).ok());
  ASSERT_EQ(c.pages().size(), 1u);
  EXPECT_EQ(c.pages().at("overview").title, "全国概览");
  EXPECT_EQ(c.pages().at("overview").widgets, 2u);
}

TEST_F(ComponentCatalogTest, RejectsUnknownEndpointTypeAndDuplicateIds) {
  const char* bad[] = {
      R"({"title":"x","widgets":[{"id":"a","type":"kpi","title":"t","endpoint":"/api/nope"}]})",
      R"({"title":"x","widgets":[{"id":"a","type":"radar3d","title":"t","endpoint":"/api/summary"}]})",
      R"({"title":"x","widgets":[{"id":"a","type":"kpi","title":"t","endpoint":"/api/summary"},
                                 {"id":"a","type":"kpi","title":"t","endpoint":"/api/summary"}]})",
      R"({"widgets":[]})",
      R"(not json)",
  };
  for (const char* text : bad) {
    std::filesystem::remove_all(dir_);
    std::filesystem::create_directories(dir_);
    Write("p.json", text);
    ComponentCatalog c;
    Status s = c.Load(dir_.string(), reg_);
    EXPECT_FALSE(s.ok()) << text;
    EXPECT_NE(s.message().find("p.json"), std::string::npos) << s.message();
  }
}

}  // namespace
}  // namespace tianping::service
