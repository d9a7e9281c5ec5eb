#include "guarded_reader.h"

namespace tianping::cli {

void ReaderOptions::AddTo(CLI::App& app) {
  app.add_option("--as", as, "the user reading (required once security.db has users)");
  app.add_option("--key", key, "or: an API key (tpk_…) identifying the reader; default $TP_API_KEY");
}

Result<std::unique_ptr<GuardedReader>> GuardedReader::Open(const std::string& data_dir, const ReaderOptions& o,
                                                           const std::string& command) {
  auto r = std::unique_ptr<GuardedReader>(new GuardedReader());
  auto ctx = SecurityContext::Open(data_dir);
  if (!ctx.ok()) return ctx.status();
  r->ctx_ = std::move(ctx).value();
  auto p = r->ctx_.Reader(o.as, o.key, command);
  if (!p.ok()) return p.status();
  r->principal_ = std::move(p).value();
  auto ref = ReferenceData::Load(ReferenceData::DefaultRefDir(), data_dir);
  if (!ref.ok()) return ref.status();
  r->ref_ = std::make_unique<ReferenceData>(std::move(ref).value());
  r->guard_ = std::make_unique<security::AccessGuard>(security::Catalog::Default(), *r->ref_);
  return r;
}

Status GuardedReader::Audit(const std::string& action, const std::string& object, int64_t rows,
                            const std::string& detail) {
  auto rec = ctx_.audit->Append(principal_.name, action, object, rows, detail);
  return rec.ok() ? Status::Ok() : rec.status();
}

security::AuditSink GuardedReader::Sink() {
  return [this](const std::string& action, const std::string& object, int64_t rows, const std::string& detail) {
    return Audit(action, object, rows, detail);
  };
}

}  // namespace tianping::cli
