// OpenAPI 3.0 document generated from the EndpointRegistry: one operation per endpoint, tagged by module,
// with x-data-grade / x-access extensions and the shared Error and Page schemas.
#include <nlohmann/json.hpp>

#include "tianping/service/core_endpoints.h"

namespace tianping::service {

std::string OpenApiJson(const EndpointRegistry& registry, const std::string& version) {
  using nlohmann::json;
  json doc;
  doc["openapi"] = "3.0.3";
  doc["info"] = {{"title", "天平 Tianping API"}, {"version", version},
                 {"description", "Judicial big-data platform. Errors: {\"error\":{\"code\",\"message\"}}. See docs/api.md."}};
  doc["components"]["securitySchemes"] = {
      {"session", {{"type", "apiKey"}, {"in", "cookie"}, {"name", "tp_session"}}},
      {"apiKey", {{"type", "apiKey"}, {"in", "header"}, {"name", "X-API-Key"}}}};
  doc["components"]["schemas"]["Error"] = {
      {"type", "object"},
      {"properties",
       {{"error",
         {{"type", "object"},
          {"properties", {{"code", {{"type", "string"}}}, {"message", {{"type", "string"}}}}},
          {"required", {"code", "message"}}}}}}};
  doc["components"]["schemas"]["Page"] = {
      {"type", "object"},
      {"properties",
       {{"items", {{"type", "array"}, {"items", {{"type", "object"}}}}},
        {"page", {{"type", "integer"}}},
        {"page_size", {{"type", "integer"}}},
        {"total", {{"type", "integer"}}}}}};
  json paths = json::object();
  std::map<std::string, bool> tags;
  for (const Endpoint& e : registry.endpoints()) {
    json op;
    op["operationId"] = e.name;
    op["summary"] = e.summary;
    op["tags"] = {e.module};
    tags[e.module] = true;
    op["x-data-grade"] = security::GradeName(e.grade);
    if (e.redacted) op["x-redacted"] = true;
    op["x-access"] = AccessName(e.access);
    if (e.access == Access::kPublic) op["security"] = json::array();
    else op["security"] = {{{"session", json::array()}}, {{"apiKey", json::array()}}};
    json params = json::array();
    for (const auto& p : e.params) {
      if (p.in == "body") {
        op["requestBody"] = {{"required", p.required},
                             {"description", p.description},
                             {"content", {{"application/json", {{"schema", {{"type", "object"}}}}}}}};
        continue;
      }
      params.push_back({{"name", p.name}, {"in", p.in}, {"required", p.required || p.in == "path"},
                        {"description", p.description}, {"schema", {{"type", p.type}}}});
    }
    if (!params.empty()) op["parameters"] = params;
    json ok_schema = e.paginated ? json{{"$ref", "#/components/schemas/Page"}} : json{{"type", "object"}};
    json err = {{"content", {{"application/json", {{"schema", {{"$ref", "#/components/schemas/Error"}}}}}}}};
    auto error = [&](const char* description) {
      json r = err;
      r["description"] = description;
      return r;
    };
    json responses;
    responses["200"] = {{"description", "OK"}, {"content", {{"application/json", {{"schema", ok_schema}}}}}};
    responses["400"] = error("invalid argument");
    responses["401"] = error("not authenticated");
    responses["403"] = error("not allowed");
    responses["429"] = error("rate limit or quota exceeded; see Retry-After");
    op["responses"] = responses;
    std::string method = e.method;
    for (auto& c : method) c = static_cast<char>(std::tolower(c));
    paths[e.path][method] = op;
  }
  doc["paths"] = paths;
  json tag_list = json::array();
  for (const auto& [t, _] : tags) tag_list.push_back({{"name", t}});
  doc["tags"] = tag_list;
  return doc.dump();
}

}  // namespace tianping::service
