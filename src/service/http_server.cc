#include "tianping/service/http_server.h"

#include <algorithm>
#include <atomic>
#include <boost/asio.hpp>
#include <boost/beast.hpp>
#include <cctype>
#include <thread>
#include <vector>

#include "tianping/service/api_error.h"
#include "tianping/service/dispatcher.h"

namespace tianping::service {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace http = beast::http;
using tcp = asio::ip::tcp;

struct HttpServer::Impl {
  Impl(Dispatcher* d, ServerOptions o)
      : dispatcher(d), options(std::move(o)), ioc(std::max(1, options.threads)), acceptor(ioc), signals(ioc) {}
  void Accept();
  void BeginShutdown();

  Dispatcher* dispatcher;
  ServerOptions options;
  asio::io_context ioc;
  tcp::acceptor acceptor;
  asio::signal_set signals;
  std::atomic<bool> stopping{false};
  std::unique_ptr<asio::steady_timer> drain_timer;
};

namespace {

class Session : public std::enable_shared_from_this<Session> {
 public:
  Session(tcp::socket socket, HttpServer::Impl* server) : stream_(std::move(socket)), server_(server) {
    beast::error_code ec;
    auto ep = stream_.socket().remote_endpoint(ec);
    if (!ec) remote_ = ep.address().to_string();
  }
  void Start() { Read(); }

 private:
  void Read() {
    parser_.emplace();
    parser_->body_limit(server_->options.max_body_bytes);
    stream_.expires_after(std::chrono::seconds(server_->options.idle_timeout_s));
    http::async_read(stream_, buffer_, *parser_,
                     [self = shared_from_this()](beast::error_code ec, size_t) { self->OnRead(ec); });
  }

  void OnRead(beast::error_code ec) {
    if (ec == http::error::end_of_stream || ec == beast::error::timeout || ec == asio::error::operation_aborted) {
      return Close();
    }
    if (ec == http::error::body_limit) {
      return Send(ErrorResponse(413, "payload_too_large", "request body too large"), false, false);
    }
    if (ec) {
      if (ec == asio::error::eof || ec == asio::error::connection_reset) return Close();
      return Send(ErrorResponse(400, "bad_request", "malformed HTTP request: " + ec.message()), false, false);
    }
    auto req = parser_->release();
    HttpRequest r;
    r.method = std::string(req.method_string());
    r.target = std::string(req.target());
    r.remote = remote_;
    if (!ParseTarget(r.target, &r.path, &r.query)) {
      return Send(ErrorResponse(400, "bad_request", "malformed URL escape in " + r.target), req.keep_alive(), false);
    }
    for (const auto& f : req) {
      std::string name(f.name_string());
      std::transform(name.begin(), name.end(), name.begin(), [](unsigned char c) { return std::tolower(c); });
      auto [it, inserted] = r.headers.emplace(name, std::string(f.value()));
      if (!inserted) it->second += (name == "cookie" ? "; " : ", ") + std::string(f.value());
    }
    r.body = std::move(req.body());
    bool head = req.method() == http::verb::head;
    if (head) r.method = "GET";
    bool keep_alive = req.keep_alive() && !server_->stopping.load();
    // Answered inline, or — when the handler's audit records must first be durable — later, posted back
    // onto this session's strand by the audit writer's completion; the I/O thread never waits for fsync.
    auto self = shared_from_this();
    server_->dispatcher->HandleAsync(
        std::move(r),
        [self](std::function<void()> fn) { asio::post(self->stream_.get_executor(), std::move(fn)); },
        [self, keep_alive, head](HttpResponse res) {
          self->Send(std::move(res), keep_alive && !self->server_->stopping.load(), head);
        });
  }

  void Send(HttpResponse r, bool keep_alive, bool head) {
    res_ = {};
    res_.version(11);
    res_.result(static_cast<unsigned>(r.status));
    res_.set(http::field::server, "tianping");
    res_.set(http::field::content_type, r.content_type);
    for (auto& [k, v] : r.headers) res_.insert(k, v);
    res_.keep_alive(keep_alive);
    if (head) {
      res_.content_length(r.body.size());
    } else {
      res_.body() = std::move(r.body);
      res_.prepare_payload();
    }
    http::async_write(stream_, res_, [self = shared_from_this(), keep_alive](beast::error_code ec, size_t) {
      if (ec || !keep_alive) return self->Close();
      self->Read();
    });
  }

  void Close() {
    beast::error_code ec;
    stream_.socket().shutdown(tcp::socket::shutdown_send, ec);
  }

  beast::tcp_stream stream_;
  HttpServer::Impl* server_;
  beast::flat_buffer buffer_;
  std::optional<http::request_parser<http::string_body>> parser_;
  http::response<http::string_body> res_;
  std::string remote_;
};

}  // namespace

void HttpServer::Impl::Accept() {
  acceptor.async_accept(asio::make_strand(ioc), [this](beast::error_code ec, tcp::socket socket) {
    if (ec) {
      if (!acceptor.is_open()) return;
    } else {
      socket.set_option(tcp::no_delay(true), ec);
      std::make_shared<Session>(std::move(socket), this)->Start();
    }
    Accept();
  });
}

void HttpServer::Impl::BeginShutdown() {
  if (stopping.exchange(true)) return;
  beast::error_code ec;
  acceptor.close(ec);
  signals.cancel(ec);
  drain_timer = std::make_unique<asio::steady_timer>(ioc, std::chrono::milliseconds(options.drain_ms));
  drain_timer->async_wait([this](beast::error_code) { ioc.stop(); });
}

HttpServer::HttpServer(Dispatcher* dispatcher, ServerOptions options)
    : impl_(std::make_unique<Impl>(dispatcher, std::move(options))) {}

HttpServer::~HttpServer() = default;

Result<uint16_t> HttpServer::Listen() {
  beast::error_code ec;
  auto address = asio::ip::make_address(impl_->options.bind, ec);
  if (ec) return Status::InvalidArgument("invalid bind address '" + impl_->options.bind + "'");
  tcp::endpoint ep(address, impl_->options.port);
  auto& a = impl_->acceptor;
  std::string where = impl_->options.bind + ":" + std::to_string(impl_->options.port);
  a.open(ep.protocol(), ec);
  if (!ec) a.set_option(asio::socket_base::reuse_address(true), ec);
  if (!ec) a.bind(ep, ec);
  if (!ec) a.listen(asio::socket_base::max_listen_connections, ec);
  if (ec) return Status::IoError("cannot listen on " + where + ": " + ec.message());
  return a.local_endpoint().port();
}

void HttpServer::Run() {
  impl_->signals.add(SIGINT);
  impl_->signals.add(SIGTERM);
  impl_->signals.async_wait([this](beast::error_code ec, int) {
    if (!ec) impl_->BeginShutdown();
  });
  impl_->Accept();
  std::vector<std::thread> threads;
  for (int i = 1; i < impl_->options.threads; ++i) threads.emplace_back([this] { impl_->ioc.run(); });
  impl_->ioc.run();
  for (auto& t : threads) t.join();
  // Requests still waiting for their audit records: the writer completes each (committed or failed) and
  // posts onto ioc, which must outlive that; their answers are then dropped with the connections.
  impl_->dispatcher->WaitForAudits();
}

void HttpServer::Stop() {
  asio::post(impl_->ioc, [this] { impl_->BeginShutdown(); });
}

}  // namespace tianping::service
