#include "server/static_routes.h"

#include <fstream>
#include <map>
#include <sstream>
#include <string>

#include <fmt/format.h>

#include "server/assets.h"
#include "server/errors.h"

namespace jixiao::server {

std::string_view asset_content_type(std::string_view name) {
  if (name.ends_with(".html")) return "text/html; charset=utf-8";
  if (name.ends_with(".js")) return "text/javascript; charset=utf-8";
  if (name.ends_with(".css")) return "text/css; charset=utf-8";
  if (name.ends_with(".svg")) return "image/svg+xml";
  return "application/octet-stream";
}

namespace {

constexpr std::string_view kContentSecurityPolicy =
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

std::string etag_of(std::string_view bytes) {
  std::uint64_t hash = 1469598103934665603ull;  // FNV-1a: cheap, stable across runs
  for (unsigned char c : bytes) {
    hash ^= c;
    hash *= 1099511628211ull;
  }
  return fmt::format("\"{:016x}\"", hash);
}

struct StoredAsset {
  std::string_view bytes;
  std::string etag;
};

class StaticFiles {
 public:
  explicit StaticFiles(StaticOptions options) : options_(std::move(options)) {
    for (const Asset& a : embedded_assets()) assets_[std::string(a.name)] = {a.bytes, etag_of(a.bytes)};
  }

  HttpResponse serve(const std::string& name, const HttpRequest& request) const {
    auto it = assets_.find(name);
    if (it == assets_.end()) return html_error(404, "文件不存在。");
    HttpResponse response;
    response.content_type = std::string(asset_content_type(name));
    response.set_header("Content-Security-Policy", std::string(kContentSecurityPolicy));
    if (options_.assets_dir) {
      std::ifstream in(*options_.assets_dir / name, std::ios::binary);
      std::ostringstream bytes;
      bytes << in.rdbuf();
      response.body = bytes.str();
      response.set_header("Cache-Control", "no-store");
      return response;
    }
    // Revalidate on every use (no-cache) but skip the body when unchanged: a reviewer always
    // gets the UI of the running binary without re-downloading it on each page.
    response.set_header("Cache-Control", "no-cache");
    response.set_header("ETag", it->second.etag);
    if (request.header("If-None-Match") == it->second.etag) {
      response.status = 304;
      return response;
    }
    response.body = std::string(it->second.bytes);
    return response;
  }

 private:
  StaticOptions options_;
  std::map<std::string, StoredAsset> assets_;
};

}  // namespace

void add_static_routes(Router& router, StaticOptions options) {
  auto files = std::make_shared<StaticFiles>(std::move(options));
  auto page = [files](const HttpRequest& request) { return files->serve("index.html", request); };
  for (const char* path : {"/", "/documents/{id}", "/projects/{id}", "/history", "/search", "/upload"}) {
    router.add("GET", path, page);
  }
  router.add("GET", "/assets/{name}", [files](const HttpRequest& request) {
    return files->serve(request.path_params.at("name"), request);
  });
  router.add("GET", "/favicon.ico", [files](const HttpRequest& request) {
    return files->serve("favicon.svg", request);
  });
}

}  // namespace jixiao::server
