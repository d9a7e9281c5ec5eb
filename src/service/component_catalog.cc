#include "tianping/service/component_catalog.h"

#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>

#include <nlohmann/json.hpp>

#include "tianping/common/json_writer.h"

namespace tianping::service {

Status ComponentCatalog::Load(const std::string& dir, const EndpointRegistry& registry) {
  namespace fs = std::filesystem;
  static const std::set<std::string> kTypes = {"kpi", "bar", "hbar", "line", "pie", "grid-map", "table"};
  std::error_code ec;
  if (!fs::is_directory(dir, ec)) return Status::Ok();
  for (const auto& entry : fs::directory_iterator(dir, ec)) {
    if (entry.path().extension() != ".json") continue;
    std::string file = entry.path().string();
    std::ifstream in(entry.path());
    std::stringstream ss;
    ss << in.rdbuf();
    auto j = nlohmann::json::parse(ss.str(), nullptr, false);
    if (j.is_discarded() || !j.is_object()) return Status::ParseError(file + ": not a JSON object");
    if (!j.contains("title") || !j["title"].is_string()) return Status::InvalidArgument(file + ": needs \"title\"");
    if (!j.contains("widgets") || !j["widgets"].is_array()) return Status::InvalidArgument(file + ": needs \"widgets\": [...]");
    std::set<std::string> ids;
    for (const auto& w : j["widgets"]) {
      std::string id = w.value("id", "");
      std::string where = file + ": widget '" + id + "': ";
      if (id.empty() || !ids.insert(id).second) return Status::InvalidArgument(where + "missing or duplicate id");
      if (!kTypes.count(w.value("type", ""))) return Status::InvalidArgument(where + "unknown type '" + w.value("type", "") + "'");
      if (!w.contains("title") || !w["title"].is_string()) return Status::InvalidArgument(where + "needs a title");
      std::string endpoint = w.value("endpoint", "");
      std::string path = endpoint.substr(0, endpoint.find('?'));
      if (!registry.Find("GET", path).endpoint)
        return Status::InvalidArgument(where + "endpoint '" + endpoint + "' is not a registered GET route");
    }
    PageInfo p;
    p.title = j["title"].get<std::string>();
    p.widgets = j["widgets"].size();
    p.json = j.dump();
    pages_[entry.path().stem().string()] = std::move(p);
  }
  return Status::Ok();
}

Status RegisterComponentEndpoints(EndpointRegistry* reg, const ComponentCatalog* catalog) {
  TP_RETURN_IF_ERROR(reg->Add({"components.list", "GET", "/api/components", "components", Grade::kGeneral1,
                               Access::kUser, "组件服务：仪表盘页面 / dashboard pages declared as widget JSON", {},
                               false, [catalog](const HttpRequest&, const RequestContext&) -> Result<HttpResponse> {
                                 std::string out;
                                 JsonWriter w(&out);
                                 w.BeginObject();
                                 w.Key("items");
                                 w.BeginArray();
                                 for (const auto& [id, p] : catalog->pages()) {
                                   w.BeginObject();
                                   w.Field("id", id);
                                   w.Field("title", p.title);
                                   w.FieldInt("widgets", static_cast<int64_t>(p.widgets));
                                   w.EndObject();
                                 }
                                 w.EndArray();
                                 w.EndObject();
                                 return HttpResponse::Json(std::move(out));
                               }}));
  TP_RETURN_IF_ERROR(reg->Add({"components.get", "GET", "/api/components/{id}", "components", Grade::kGeneral1,
                               Access::kUser, "一个仪表盘页面的组件定义 / one page's widgets", {}, false,
                               [catalog](const HttpRequest& r, const RequestContext&) -> Result<HttpResponse> {
                                 auto it = catalog->pages().find(r.path_params.at("id"));
                                 if (it == catalog->pages().end())
                                   return Status::NotFound("no dashboard page '" + r.path_params.at("id") + "'");
                                 return HttpResponse::Json(it->second.json);
                               }}));
  return Status::Ok();
}

}  // namespace tianping::service
