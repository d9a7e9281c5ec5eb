// What the store's read commands (case, party, diff) share: the reader named by --as/--key (or the
// bootstrap operator, SecurityContext::Reader), the AccessGuard over the reference data, and the audit
// log. docs/security.md "Wiring a read path". Thread-safety: one per command invocation.
#pragma once

#include <CLI/CLI.hpp>

#include <memory>
#include <string>

#include "security_context.h"
#include "tianping/model/reference.h"
#include "tianping/security/access_guard.h"
#include "tianping/security/guarded_store.h"

namespace tianping::cli {

struct ReaderOptions {
  std::string as, key;
  void AddTo(CLI::App& app);  // --as USER, --key KEY
};

class GuardedReader {
 public:
  // Opens DIR/security.db and the reference data, resolves the reader. `command` names the command in
  // audit records.
  static Result<std::unique_ptr<GuardedReader>> Open(const std::string& data_dir, const ReaderOptions& o,
                                                     const std::string& command);
  const security::Principal& principal() const { return principal_; }
  const security::AccessGuard& guard() const { return *guard_; }
  // Audit records under the reader's name; a failed append must stop the command (no record, no data).
  Status Audit(const std::string& action, const std::string& object, int64_t rows, const std::string& detail);
  // Audit() as a security::AuditSink (for security::GuardedStore). REQUIRES: outlives the sink.
  security::AuditSink Sink();
  SecurityContext& context() { return ctx_; }

 private:
  SecurityContext ctx_;
  security::Principal principal_;
  std::unique_ptr<ReferenceData> ref_;
  std::unique_ptr<security::AccessGuard> guard_;
};

}  // namespace tianping::cli
