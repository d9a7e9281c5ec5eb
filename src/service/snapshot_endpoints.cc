// GET /api/snapshot: which store snapshot the service answers from and how reloading goes
// (docs/api.md "Snapshot reload").
#include "tianping/common/json_writer.h"
#include "tianping/service/core_endpoints.h"

namespace tianping::service {

Status RegisterSnapshotEndpoints(EndpointRegistry* reg, const SnapshotHolder* served) {
  return reg->Add(
      {"snapshot.status", "GET", "/api/snapshot", "system", Grade::kGeneral1, Access::kUser,
       "当前数据快照与重新加载状态 / the served store snapshot and reload status", {}, false,
       [served](const HttpRequest&, const RequestContext& ctx) -> Result<HttpResponse> {
         SnapshotHolder::Report r = served->status();
         std::string out;
         JsonWriter w(&out);
         w.BeginObject();
         w.FieldInt("snapshot", static_cast<int64_t>(r.snapshot_id));
         w.FieldInt("generation", static_cast<int64_t>(r.generation));
         w.FieldInt("loaded_at_ms", r.loaded_unix_ms);
         w.FieldInt("load_ms", r.load_ms);
         w.Key("reload");
         w.BeginObject();
         w.Key("ok");
         w.Bool(r.failures == 0);
         w.FieldInt("failures", r.failures);
         // The load error may name server paths: administrators only (the server log has it too).
         if (r.failures > 0 && ctx.principal.role == security::Role::kAdmin) w.Field("error", r.last_error.ToString());
         w.EndObject();
         w.EndObject();
         return HttpResponse::Json(std::move(out));
       }});
}

}  // namespace tianping::service
