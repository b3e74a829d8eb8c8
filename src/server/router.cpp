#include "server/router.h"

#include <exception>
#include <set>

#include "server/errors.h"

namespace jixiao::server {

std::vector<std::string> split_path(const std::string& path) {
  std::vector<std::string> segments;
  std::size_t start = 0;
  while (start <= path.size()) {
    std::size_t slash = path.find('/', start);
    if (slash == std::string::npos) slash = path.size();
    if (slash > start) segments.push_back(path.substr(start, slash - start));
    start = slash + 1;
  }
  return segments;
}

void Router::add(std::string method, std::string pattern, Handler handler) {
  Route route;
  route.method = std::move(method);
  route.segments = split_path(pattern);
  if (!route.segments.empty() && route.segments.back() == "*") {
    route.segments.pop_back();
    route.wildcard = true;
  }
  route.handler = std::move(handler);
  routes_.push_back(std::move(route));
}

bool Router::match(const Route& route, const std::vector<std::string>& segments,
                   std::map<std::string, std::string>& params) {
  if (route.wildcard ? segments.size() < route.segments.size()
                     : segments.size() != route.segments.size()) {
    return false;
  }
  std::map<std::string, std::string> found;
  for (std::size_t i = 0; i < route.segments.size(); ++i) {
    const std::string& want = route.segments[i];
    if (want.size() > 2 && want.front() == '{' && want.back() == '}') {
      found[want.substr(1, want.size() - 2)] = segments[i];
    } else if (want != segments[i]) {
      return false;
    }
  }
  params = std::move(found);
  return true;
}

HttpResponse Router::dispatch(HttpRequest request) const {
  const std::vector<std::string> segments = split_path(request.path);
  std::set<std::string> allowed;
  for (const Route& route : routes_) {
    std::map<std::string, std::string> params;
    if (!match(route, segments, params)) continue;
    // HEAD is answered like GET (the HTTP layer drops the body).
    const bool method_ok = route.method == request.method ||
                           (request.method == "HEAD" && route.method == "GET");
    if (!method_ok) {
      allowed.insert(route.method);
      continue;
    }
    request.path_params = std::move(params);
    try {
      return route.handler(request);
    } catch (const std::exception&) {
      // Never show the exception text: it may hold paths or SQL. The cause is not lost for
      // operators: the HTTP layer logs the status, and handlers return errors as values.
      return error_for_path(request.path, 500, "internal_error", default_error_message(500));
    } catch (...) {
      return error_for_path(request.path, 500, "internal_error", default_error_message(500));
    }
  }
  if (!allowed.empty()) {
    HttpResponse response = error_for_path(request.path, 405, "method_not_allowed",
                                           default_error_message(405));
    std::string allow;
    for (const auto& method : allowed) allow += (allow.empty() ? "" : ", ") + method;
    response.set_header("Allow", allow);
    return response;
  }
  return error_for_path(request.path, 404, "not_found",
                        request.path.starts_with("/api/") ? "没有这个接口。" : "页面不存在。");
}

}  // namespace jixiao::server
