// The component service (组件服务): dashboard pages declared as widget JSON (docs/web.md), loaded at
// start-up from <web_dir>/widgets/*.json, validated (widget types, ids, every data endpoint must be a
// registered GET route) and served by /api/components and /api/components/{id}. A new chart is a JSON
// entry; the web app's one generic renderer draws it.
// Thread-safety: Load before serving; afterwards const methods are safe concurrently.
#pragma once

#include <map>
#include <string>

#include "tianping/common/status.h"
#include "tianping/service/endpoint_registry.h"

namespace tianping::service {

class ComponentCatalog {
 public:
  // Reads every *.json in dir (absent dir: empty catalog). Errors: ParseError / InvalidArgument naming
  // the file and the widget.
  Status Load(const std::string& dir, const EndpointRegistry& registry);

  struct PageInfo {
    std::string title;
    size_t widgets = 0;
    std::string json;  // the page as served
  };
  const std::map<std::string, PageInfo>& pages() const { return pages_; }

 private:
  std::map<std::string, PageInfo> pages_;
};

Status RegisterComponentEndpoints(EndpointRegistry* registry, const ComponentCatalog* catalog);

}  // namespace tianping::service
