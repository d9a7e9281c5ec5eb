#include "admin_action.h"

namespace tianping::cli {

Result<AdminAction> AdminAction::Begin(const std::string& data_dir, const ReaderOptions& who, const std::string& what) {
  AdminAction a;
  auto ctx = SecurityContext::Open(data_dir);
  if (!ctx.ok()) return ctx.status();
  a.ctx_ = std::move(ctx).value();
  auto actor = a.ctx_.RequireAdmin(who.as, who.key, what);
  if (!actor.ok()) return actor.status();
  a.actor_ = std::move(actor).value();
  return a;
}

Status AdminAction::Record(const std::string& action, const std::string& object, const std::string& detail) {
  auto rec = ctx_.audit->Append(actor_, action, object, 0, detail);
  return rec.ok() ? Status::Ok() : rec.status();
}

}  // namespace tianping::cli
