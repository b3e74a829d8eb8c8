#include "server/errors.h"

#include <nlohmann/json.hpp>

namespace jixiao::server {

std::string html_escape(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (char c : text) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&#39;"; break;
      default: out += c;
    }
  }
  return out;
}

int lookup_status(const Error& error) { return error.kind == ErrorKind::kNotFound ? 404 : 500; }

HttpResponse json_error(int status, std::string_view code, std::string_view message_zh) {
  HttpResponse response;
  response.status = status;
  nlohmann::json body = {{"error",
                          {{"status", status},
                           {"code", std::string(code)},
                           {"message", std::string(message_zh)}}}};
  // Messages may quote user input (an upload's file name); replace invalid UTF-8 instead of
  // throwing so an error answer can never fail itself.
  response.body = body.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
  return response;
}

HttpResponse html_error(int status, std::string_view message_zh) {
  HttpResponse response;
  response.status = status;
  response.content_type = "text/html; charset=utf-8";
  response.body =
      "<!doctype html><html lang=\"zh-CN\"><head><meta charset=\"utf-8\">"
      "<title>出错了 · 绩效目标</title><link rel=\"stylesheet\" href=\"/assets/style.css\"></head>"
      "<body><main class=\"error-page\"><h1>" +
      std::to_string(status) + "</h1><p>" + html_escape(message_zh) +
      "</p><p><a href=\"/\">返回总览</a></p></main></body></html>";
  return response;
}

HttpResponse error_for_path(const std::string& path, int status, std::string_view code,
                            std::string_view message_zh) {
  if (path == "/api" || path.starts_with("/api/")) return json_error(status, code, message_zh);
  return html_error(status, message_zh);
}

std::string_view default_error_code(int status) {
  switch (status) {
    case 400: return "bad_request";
    case 404: return "not_found";
    case 405: return "method_not_allowed";
    case 408: return "timeout";
    case 413: return "payload_too_large";
    case 414: return "uri_too_long";
    case 415: return "unsupported_media_type";
    case 416: return "range_not_satisfiable";
    case 422: return "unprocessable";
    case 503: return "unavailable";
    default: return status >= 500 ? "internal_error" : "bad_request";
  }
}

std::string_view default_error_message(int status) {
  switch (status) {
    case 400: return "请求格式不正确。";
    case 404: return "找不到请求的内容。";
    case 405: return "不支持该请求方法。";
    case 408: return "请求超时，请重试。";
    case 413: return "上传内容过大。";
    case 414: return "请求地址过长。";
    case 415: return "不支持的内容类型。";
    case 416: return "请求的范围无效。";
    case 503: return "服务暂时不可用，请稍后重试。";
    default: return status >= 500 ? "服务器内部错误，请稍后重试。" : "请求无法处理。";
  }
}

}  // namespace jixiao::server
