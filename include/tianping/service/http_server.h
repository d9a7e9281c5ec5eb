// HTTP/1.1 server on Boost.Beast/Asio: keep-alive, a small thread pool running one io_context, request
// bodies up to max_body_bytes, graceful shutdown on SIGINT/SIGTERM (stop accepting, let in-flight
// requests finish for up to drain_ms, then stop). Every request goes to Dispatcher::HandleAsync; an answer
// that waits for its audit records is posted back onto the connection's strand when they are durable, so
// the I/O threads never block on the audit commit. Run() returns only after every pending audit submission
// has completed (Dispatcher::WaitForAudits): answers still waiting then are dropped, never sent unaudited.
// Thread-safety: Listen() then Run() from one thread; Stop() from any thread.
#pragma once

#include <cstdint>
#include <memory>
#include <string>

#include "tianping/common/status.h"

namespace tianping::service {

class Dispatcher;

struct ServerOptions {
  std::string bind = "127.0.0.1";
  uint16_t port = 8080;  // 0: any free port (Listen returns it)
  int threads = 2;
  size_t max_body_bytes = 4 << 20;
  int drain_ms = 1000;
  int idle_timeout_s = 30;
};

class HttpServer {
 public:
  HttpServer(Dispatcher* dispatcher, ServerOptions options);
  ~HttpServer();
  // Errors: InvalidArgument (bad address), IoError (cannot bind: the message names address and port).
  Result<uint16_t> Listen();
  void Run();   // blocks until Stop() or a signal
  void Stop();

  struct Impl;  // defined in http_server.cc

 private:
  std::unique_ptr<Impl> impl_;
};

}  // namespace tianping::service
