// The HTTP layer of `jixiao serve`: cpp-httplib parses requests, multipart bodies and writes
// responses, while connections are owned by an epoll loop so that an idle keep-alive connection
// costs a file descriptor and no thread (README.md explains why). Handlers only see the
// library-neutral types of http_types.h through a Router.
#pragma once

#include <cstddef>
#include <functional>
#include <memory>
#include <string>

#include "model/result.h"
#include "server/router.h"

namespace jixiao::server {

struct ServerOptions {
  std::string host = "127.0.0.1";  // loopback unless told otherwise
  int port = 8080;                 // 0 picks a free port (see HttpServer::port)
  std::size_t max_body_bytes = 21u << 20;  // whole request body; uploads have their own limit
  int read_timeout_seconds = 5;            // per read/write once a request has started
  int write_timeout_seconds = 5;
  int request_deadline_seconds = 60;       // a whole request must arrive within this
  int idle_timeout_seconds = 60;           // an idle keep-alive connection is closed after this
  std::size_t max_requests_per_connection = 100000;
  std::size_t max_connections = 10000;     // beyond this the oldest idle connection is closed
  std::size_t workers = 0;                 // request threads; 0 = 4 × cores, at least 8
  // Called once per request with a one-line access log entry; empty = no log.
  std::function<void(const std::string&)> access_log;
};

// Counters for tests and the load check.
struct ServerStats {
  std::size_t open_connections = 0;
  std::size_t idle_connections = 0;
  std::size_t requests_served = 0;
};

class HttpServer {
 public:
  // Binds host:port and prepares to serve `router` (which must outlive the server). Errors
  // (address in use, host not an IP address) are values with a Chinese message.
  static Result<std::unique_ptr<HttpServer>> bind(const Router& router, ServerOptions options);
  ~HttpServer();  // stops and joins
  HttpServer(const HttpServer&) = delete;
  HttpServer& operator=(const HttpServer&) = delete;

  int port() const;  // the bound port (useful after port 0)
  const std::string& host() const;

  // Serves until stop() is called (from another thread or a signal-watching thread).
  void run();
  // Serves on a background thread; returns at once (tests).
  void start();
  // Stops accepting, finishes requests in progress, closes every connection. Thread-safe and
  // idempotent; returns when run() has returned.
  void stop();

  ServerStats stats() const;

  class Impl;

 private:
  explicit HttpServer(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace jixiao::server
