#include "server/http_types.h"

#include <algorithm>
#include <cctype>

namespace jixiao::server {

std::optional<std::string> HttpRequest::query_value(const std::string& name) const {
  auto it = query.find(name);
  if (it == query.end()) return std::nullopt;
  return it->second;
}

std::string HttpRequest::header(const std::string& name) const {
  auto same = [](const std::string& a, const std::string& b) {
    return a.size() == b.size() &&
           std::equal(a.begin(), a.end(), b.begin(), [](unsigned char x, unsigned char y) {
             return std::tolower(x) == std::tolower(y);
           });
  };
  for (const auto& [key, value] : headers) {
    if (same(key, name)) return value;
  }
  return {};
}

}  // namespace jixiao::server
