// Maps (method, path pattern) to handlers. Patterns are literal segments and `{name}`
// placeholders ("/api/projects/{id}"); a trailing "/*" matches any rest of the path.
#pragma once

#include <functional>
#include <string>
#include <vector>

#include "server/http_types.h"

namespace jixiao::server {

using Handler = std::function<HttpResponse(const HttpRequest&)>;

class Router {
 public:
  void add(std::string method, std::string pattern, Handler handler);

  // Runs the matching handler with path_params filled in. No route for the path → 404; a route
  // for the path but not the method → 405 (with Allow). Errors are JSON under /api/, HTML
  // elsewhere. Exceptions from handlers become a 500 that reveals nothing of the cause.
  HttpResponse dispatch(HttpRequest request) const;

 private:
  struct Route {
    std::string method;
    std::vector<std::string> segments;
    bool wildcard = false;
    Handler handler;
  };
  static bool match(const Route& route, const std::vector<std::string>& segments,
                    std::map<std::string, std::string>& params);
  std::vector<Route> routes_;
};

// Splits "/a/b/" into {"a", "b"}.
std::vector<std::string> split_path(const std::string& path);

}  // namespace jixiao::server
