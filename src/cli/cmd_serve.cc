// tianping serve [--data DIR] [--port 8080] [--bind 127.0.0.1] [--web DIR] [--threads 2]: the HTTP API and
// the web dashboard (docs/api.md, docs/web.md). Prints "listening on http://HOST:PORT/" on stdout once
// the socket is bound (with --port 0 the kernel picks a free port), and the demo administrator's
// password on the first start.
#include <CLI/CLI.hpp>

#include <cstdio>

#include "commands.h"
#include "exit_codes.h"
#include "tianping/service/api_service.h"
#include "tianping/service/authenticator.h"

namespace tianping::cli {

int RunServe(int argc, char** argv) {
  CLI::App app{"HTTP 服务与数据大屏 / HTTP API and web dashboard", "tianping serve"};
  service::ServiceOptions o;
  bool no_segmenter = false, fast_hash = false, init_only = false;
  app.add_option("--data", o.data_dir, "dataset folder (cases.jsonl …); service.db is kept here")->capture_default_str();
  app.add_option("--port", o.server.port, "TCP port (0: any free port)")->capture_default_str();
  app.add_option("--bind", o.server.bind, "address to bind")->capture_default_str();
  app.add_option("--web", o.web_dir, "built dashboard folder (default: <source>/web/dist)");
  app.add_option("--ref", o.ref_dir, "reference table folder");
  app.add_option("--threads", o.server.threads, "I/O threads")->check(CLI::Range(1, 64))->capture_default_str();
  app.add_option("--access-log", o.access_log, "append one JSON line per API request to this file");
  app.add_flag("--no-segmenter", no_segmenter, "do not load the segmenter (/api/segment answers 409)");
  app.add_flag("--fast-password-hash", fast_hash, "tests only: cheapest argon2id parameters");
  app.add_flag("--init-only", init_only, "create service.db and the demo administrator, then exit");
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    return app.exit(e);
  }
  o.load_segmenter = !no_segmenter;
  if (init_only) {
    std::string password;
    auto auth = service::OpenLocalAuthenticator({o.data_dir, fast_hash}, &password);
    if (!auth.ok()) return Fail("serve", auth.status());
    if (!password.empty()) std::printf("demo administrator created: user admin, password %s\n", password.c_str());
    return 0;
  }
  o.fast_password_hash = fast_hash;
  auto svc = service::ApiService::Create(o);
  if (!svc.ok()) return Fail("serve", svc.status());
  auto port = (*svc)->Listen();
  if (!port.ok()) return Fail("serve", port.status());
  if (!(*svc)->generated_password().empty()) {
    std::printf("demo administrator created: user admin, password %s (also in %s/admin-initial-password)\n",
                (*svc)->generated_password().c_str(), o.data_dir.c_str());
  }
  std::fprintf(stderr, "serve: %zu endpoints, %zu web files, %d threads\n", (*svc)->endpoint_count(),
               (*svc)->static_file_count(), o.server.threads);
  std::printf("listening on http://%s:%u/\n", o.server.bind.c_str(), static_cast<unsigned>(*port));
  std::fflush(stdout);
  (*svc)->Run();
  std::fprintf(stderr, "serve: stopped\n");
  return 0;
}

}  // namespace tianping::cli
