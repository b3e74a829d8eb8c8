// Library-neutral HTTP request and response, so that handlers and tests never see the HTTP
// library (cpp-httplib today; see README.md for why a swap stays cheap).
#pragma once

#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace jixiao::server {

// One file part of a multipart/form-data body.
struct UploadedFile {
  std::string field;         // form field name ("file")
  std::string filename;      // as sent by the browser; untrusted, only shown escaped
  std::string content_type;  // as sent by the browser; untrusted, never relied on
  std::string bytes;
};

struct HttpRequest {
  std::string method;  // "GET", "POST" …
  std::string path;    // decoded path without the query ("/api/projects/12")
  std::multimap<std::string, std::string> query;        // decoded query parameters
  std::map<std::string, std::string> path_params;       // filled by the router ("id" → "12")
  std::multimap<std::string, std::string> headers;      // names as sent
  std::string content_type;  // the Content-Type header, empty when absent
  std::string body;          // raw body (empty for multipart: see files)
  std::vector<UploadedFile> files;

  // The first value of query parameter `name`, nullopt when absent.
  std::optional<std::string> query_value(const std::string& name) const;
  // Header value by case-insensitive name, empty when absent.
  std::string header(const std::string& name) const;
};

struct HttpResponse {
  int status = 200;
  std::string content_type = "application/json; charset=utf-8";
  std::string body;
  std::vector<std::pair<std::string, std::string>> headers;  // extra headers

  void set_header(std::string name, std::string value) {
    headers.emplace_back(std::move(name), std::move(value));
  }
};

}  // namespace jixiao::server
