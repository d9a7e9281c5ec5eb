// tianping serve [--data DIR] [--port 8080] [--bind 127.0.0.1] [--web DIR] [--threads 2]: the HTTP API and
// the web dashboard (docs/api.md, docs/web.md). Prints "listening on http://HOST:PORT/" on stdout once
// the socket is bound (with --port 0 the kernel picks a free port). Users are those of security.db
// (`tianping user`); while it has none, the first start creates the demo logins admin and analyst and
// prints their generated passwords (also kept in DIR/<user>-initial-password, mode 0600).
#include <CLI/CLI.hpp>

#include <cstdio>

#include "commands.h"
#include "exit_codes.h"
#include "tianping/service/api_service.h"
#include "tianping/service/security_service.h"

namespace tianping::cli {

int RunServe(int argc, char** argv) {
  CLI::App app{"HTTP 服务与数据大屏 / HTTP API and web dashboard", "tianping serve"};
  service::ServiceOptions o;
  bool no_segmenter = false, fast_hash = false, init_only = false;
  app.add_option("--data", o.data_dir, "dataset folder (cases.jsonl …, the store); security.db is kept here")->capture_default_str();
  app.add_option("--port", o.server.port, "TCP port (0: any free port)")->capture_default_str();
  app.add_option("--bind", o.server.bind, "address to bind")->capture_default_str();
  app.add_option("--web", o.web_dir, "built dashboard folder (default: <source>/web/dist)");
  app.add_option("--ref", o.ref_dir, "reference table folder");
  app.add_option("--threads", o.server.threads, "I/O threads")->check(CLI::Range(1, 64))->capture_default_str();
  app.add_option("--access-log", o.access_log, "append one JSON line per API request to this file");
  app.add_flag("--no-segmenter", no_segmenter, "do not load the segmenter (/api/segment answers 409)");
  app.add_flag("--fast-password-hash", fast_hash, "tests only: cheapest argon2id parameters");
  app.add_flag("--init-only", init_only, "create security.db and the demo logins, then exit");
  double reload_seconds = 1;
  app.add_option("--reload-interval", reload_seconds,
                 "seconds between checks of DIR/CURRENT for a newly committed snapshot (0: never reload)")
      ->check(CLI::Range(0.0, 3600.0))
      ->capture_default_str();
  bool no_demo = false;
  app.add_flag("--no-demo-users", no_demo, "do not create the demo logins when security.db has no users");
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    return app.exit(e);
  }
  o.load_segmenter = !no_segmenter;
  o.reload_interval_ms = static_cast<int>(reload_seconds * 1000);
  auto print_logins = [&](const std::vector<service::DemoLogin>& logins) {
    for (const auto& l : logins) {
      std::printf("demo login created: user %s (%s), password %s (also in %s)\n", l.user.c_str(), l.role.c_str(),
                  l.password.c_str(), l.file.c_str());
    }
  };
  if (init_only) {
    auto sec = service::SecurityService::Open({o.data_dir, fast_hash});
    if (!sec.ok()) return Fail("serve", sec.status());
    if (!no_demo) {
      auto logins = (*sec)->EnsureDemoUsers();
      if (!logins.ok()) return Fail("serve", logins.status());
      print_logins(*logins);
    }
    return 0;
  }
  o.fast_password_hash = fast_hash;
  o.demo_users = !no_demo;
  auto svc = service::ApiService::Create(o);
  if (!svc.ok()) return Fail("serve", svc.status());
  auto port = (*svc)->Listen();
  if (!port.ok()) return Fail("serve", port.status());
  print_logins((*svc)->demo_logins());
  std::fprintf(stderr, "serve: %zu endpoints, %zu web files, %d threads\n", (*svc)->endpoint_count(),
               (*svc)->static_file_count(), o.server.threads);
  std::printf("listening on http://%s:%u/\n", o.server.bind.c_str(), static_cast<unsigned>(*port));
  std::fflush(stdout);
  (*svc)->Run();
  std::fprintf(stderr, "serve: stopped\n");
  return 0;
}

}  // namespace tianping::cli
