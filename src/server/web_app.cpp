#include "server/web_app.h"

#include <fmt/format.h>

#include "server/api.h"
#include "server/static_routes.h"

namespace jixiao::server {

Router make_router(Workspace& workspace, const WebAppOptions& options) {
  Router router;
  ApiOptions api;
  api.max_upload_bytes = options.max_upload_bytes;
  api.log_error = options.log_error;
  add_api_routes(router, workspace, api);
  add_static_routes(router, StaticOptions{options.assets_dir});
  return router;
}

Result<std::unique_ptr<WebApp>> WebApp::create(Workspace& workspace, WebAppOptions options) {
  std::unique_ptr<WebApp> app(new WebApp());
  // The HTTP body limit leaves room for the multipart framing around a maximal upload.
  options.server.max_body_bytes = std::max(options.server.max_body_bytes,
                                           options.max_upload_bytes + (1u << 20));
  app->router_ = make_router(workspace, options);
  auto server = HttpServer::bind(app->router_, options.server);
  if (!server) return server.error();
  app->server_ = std::move(*server);
  return app;
}

std::string WebApp::url() const {
  std::string host = server_->host();
  if (host == "0.0.0.0" || host.empty()) host = "127.0.0.1";
  if (host == "::") host = "::1";
  if (host.find(':') != std::string::npos) host = "[" + host + "]";
  return fmt::format("http://{}:{}/", host, server_->port());
}

}  // namespace jixiao::server
