// `jixiao serve` assembled: the routes of the JSON API and of the web UI over one Workspace,
// served by HttpServer. Used by the serve command and by the server tests.
#pragma once

#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <string>

#include "server/http_server.h"
#include "server/router.h"
#include "service/workspace.h"

namespace jixiao::server {

struct WebAppOptions {
  ServerOptions server;  // listen address, limits, workers
  std::size_t max_upload_bytes = 20u << 20;
  std::optional<std::filesystem::path> assets_dir;  // development: UI files from disk
  std::function<void(const std::string&)> log_error;  // internal error causes (stderr)
};

// The routes of the whole application (API + UI) over `workspace`, which must outlive them.
Router make_router(Workspace& workspace, const WebAppOptions& options);

class WebApp {
 public:
  // Builds the routes and binds the listening socket. Errors (address in use…) are values.
  static Result<std::unique_ptr<WebApp>> create(Workspace& workspace, WebAppOptions options);

  HttpServer& server() { return *server_; }
  // "http://127.0.0.1:8080/" (IPv6 hosts in brackets).
  std::string url() const;

 private:
  WebApp() = default;
  Router router_;
  std::unique_ptr<HttpServer> server_;
};

}  // namespace jixiao::server
