// The assembled HTTP service behind `tianping serve`: loads reference data, the segmenter and the dataset
// summary, opens the SecurityService (security.db), registers every module's endpoints (the list is in api_service.cc —
// one line per module), builds the Dispatcher and the Beast server.
// Thread-safety: Create/Listen/Run from one thread; Stop from any.
#pragma once

#include <memory>
#include <string>

#include "tianping/common/status.h"
#include "tianping/service/http_server.h"
#include "tianping/service/security_service.h"

namespace tianping::service {

struct ServiceOptions {
  std::string data_dir = "./tianping-data";  // dataset (cases.jsonl …), security.db and the audit log
  std::string web_dir;                       // built dashboard; empty: <source tree>/web/dist
  std::string ref_dir;                       // empty: ReferenceData::DefaultRefDir()
  ServerOptions server;
  bool load_segmenter = true;
  bool fast_password_hash = false;           // tests only
  bool demo_users = true;                    // create the demo logins while security.db has no users
  std::string access_log;                    // if set: one JSON line per API request appended here
  int reload_interval_ms = 1000;             // poll DIR/CURRENT for new snapshots this often; 0: never
};

class ApiService {
 public:
  static Result<std::unique_ptr<ApiService>> Create(const ServiceOptions& options);
  ~ApiService();
  Result<uint16_t> Listen();
  void Run();
  void Stop();
  // The demo logins created by this start (SecurityService::EnsureDemoUsers); empty otherwise.
  const std::vector<DemoLogin>& demo_logins() const;
  size_t endpoint_count() const;
  size_t static_file_count() const;

  struct State;

 private:
  explicit ApiService(std::unique_ptr<State> state);
  std::unique_ptr<State> state_;
};

}  // namespace tianping::service
