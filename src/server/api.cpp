#include "server/api.h"

#include <charconv>
#include <memory>
#include <optional>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "server/errors.h"
#include "server/upload_check.h"
#include "service/views_json.h"

namespace jixiao::server {

namespace {

using nlohmann::json;

HttpResponse json_ok(const json& body, int status = 200) {
  HttpResponse response;
  response.status = status;
  response.body = body.dump(-1, ' ', false, json::error_handler_t::replace);
  response.set_header("Cache-Control", "no-store");
  return response;
}

// Quotes user input inside a message: at most 40 characters, so an error never echoes a page.
std::string quote_input(std::string_view text) {
  std::string out;
  std::size_t chars = 0;
  for (std::size_t i = 0; i < text.size() && chars < 40; ++chars) {
    std::size_t len = 1;
    unsigned char c = static_cast<unsigned char>(text[i]);
    if (c >= 0xF0) len = 4; else if (c >= 0xE0) len = 3; else if (c >= 0xC0) len = 2;
    out.append(text.substr(i, len));
    i += len;
  }
  if (out.size() < text.size()) out += "…";
  return "“" + out + "”";
}

// A query or path value that must be an integer in [min, max]; nullopt when absent.
// The error is a ready 400 answer.
struct IntParam {
  std::optional<std::int64_t> value;
  std::optional<HttpResponse> error;
};

IntParam parse_int(const std::optional<std::string>& text, std::string_view name,
                   std::string_view label, std::int64_t min, std::int64_t max) {
  IntParam out;
  if (!text || text->empty()) return out;
  std::int64_t v = 0;
  auto [end, ec] = std::from_chars(text->data(), text->data() + text->size(), v);
  if (ec != std::errc() || end != text->data() + text->size() || v < min || v > max) {
    out.error = json_error(400, "bad_parameter",
                           fmt::format("参数 {}（{}）必须是 {} 到 {} 之间的整数，收到 {}。", name,
                                       label, min, max, quote_input(*text)));
    return out;
  }
  out.value = v;
  return out;
}

std::optional<std::string> trimmed(const std::optional<std::string>& text) {
  if (!text) return std::nullopt;
  std::string_view s = *text;
  auto is_space = [](char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; };
  while (!s.empty() && is_space(s.front())) s.remove_prefix(1);
  while (!s.empty() && is_space(s.back())) s.remove_suffix(1);
  // Also the ideographic space U+3000 that Chinese input methods type.
  while (s.starts_with("\u3000")) s.remove_prefix(3);
  while (s.ends_with("\u3000")) s.remove_suffix(3);
  return std::string(s);
}

std::size_t utf8_length(std::string_view s) {
  std::size_t n = 0;
  for (unsigned char c : s) n += (c & 0xC0) != 0x80;
  return n;
}

// The upload's display name: the last path component (browsers may send "C:\fakepath\x.pdf"),
// at most 120 characters, never empty.
std::string clean_filename(std::string_view name) {
  auto cut = name.find_last_of("/\\");
  if (cut != std::string_view::npos) name.remove_prefix(cut + 1);
  std::string out;
  for (char c : name) {
    if (static_cast<unsigned char>(c) >= 0x20 && c != 0x7F) out += c;
  }
  // Keep whole UTF-8 characters only.
  std::string clipped;
  std::size_t chars = 0;
  for (std::size_t i = 0; i < out.size() && chars < 120; ++chars) {
    std::size_t len = 1;
    unsigned char c = static_cast<unsigned char>(out[i]);
    if (c >= 0xF0) len = 4; else if (c >= 0xE0) len = 3; else if (c >= 0xC0) len = 2;
    if (i + len > out.size()) break;
    clipped.append(out, i, len);
    i += len;
  }
  if (clipped.empty() || clipped == "." || clipped == "..") return "上传文件";
  return clipped;
}

class Api {
 public:
  Api(Workspace& workspace, ApiOptions options)
      : ws_(workspace), options_(std::move(options)) {}

  HttpResponse health(const HttpRequest&) const { return json_ok({{"status", "ok"}}); }

  HttpResponse years(const HttpRequest&) const {
    auto years = ws_.years();
    if (!years) return internal(years.error());
    return json_ok({{"years", *years}});
  }

  HttpResponse documents(const HttpRequest& request) const {
    IntParam year = parse_int(request.query_value("year"), "year", "预算年度", 1900, 2200);
    if (year.error) return *year.error;
    auto superseded = request.query_value("include_superseded");
    bool include_superseded = superseded && (*superseded == "1" || *superseded == "true");
    auto list = ws_.documents(year.value ? std::optional<int>(static_cast<int>(*year.value))
                                         : std::nullopt,
                              include_superseded);
    if (!list) return internal(list.error());
    json out = json::array();
    for (const auto& d : *list) out.push_back(to_json(d));
    return json_ok({{"documents", std::move(out)}});
  }

  HttpResponse document(const HttpRequest& request) const {
    auto id = path_id(request, "文档");
    if (id.error) return *id.error;
    auto view = ws_.document(*id.value);
    if (!view) return lookup_failed(view.error(), "文档", *id.value);
    return json_ok(to_json(*view));
  }

  HttpResponse project(const HttpRequest& request) const {
    auto id = path_id(request, "项目");
    if (id.error) return *id.error;
    auto view = ws_.project(*id.value);
    if (!view) return lookup_failed(view.error(), "项目", *id.value);
    return json_ok(to_json(*view));
  }

  HttpResponse history(const HttpRequest& request) const {
    auto q = trimmed(request.query_value("q"));
    if (!q || q->empty()) {
      return json_error(400, "missing_parameter", "请提供参数 q：项目名称或项目编号。");
    }
    if (utf8_length(*q) > 100) {
      return json_error(400, "bad_parameter", "查询内容过长（最多 100 个字）。");
    }
    auto history = ws_.history(*q);
    if (!history) return internal(history.error());
    return json_ok(to_json(*history));
  }

  HttpResponse search(const HttpRequest& request) const {
    auto q = trimmed(request.query_value("q"));
    if (!q || q->empty()) return json_error(400, "missing_parameter", "请输入检索词（参数 q）。");
    if (utf8_length(*q) > 100) {
      return json_error(400, "bad_parameter", "检索词过长（最多 100 个字）。");
    }
    IntParam limit = parse_int(request.query_value("limit"), "limit", "每页条数", 1,
                               options_.search_limit_max);
    if (limit.error) return *limit.error;
    IntParam offset = parse_int(request.query_value("offset"), "offset", "起始位置", 0, 100000);
    if (offset.error) return *offset.error;
    auto result = ws_.search(*q, static_cast<int>(limit.value.value_or(20)),
                             static_cast<int>(offset.value.value_or(0)));
    if (!result) return internal(result.error());
    return json_ok(to_json(*result));
  }

  HttpResponse summary(const HttpRequest& request) const {
    IntParam year = parse_int(request.query_value("year"), "year", "预算年度", 1900, 2200);
    if (year.error) return *year.error;
    SummaryQuery query;
    if (year.value) query.year = static_cast<int>(*year.value);
    auto by = request.query_value("by");
    if (by && !by->empty()) {
      auto dimension = parse_dimension(*by);
      if (!dimension) {
        return json_error(400, "bad_parameter",
                          fmt::format("参数 by（汇总方式）只能是 department、implementer、category "
                                      "或 year，收到 {}。",
                                      quote_input(*by)));
      }
      query.by = *dimension;
    }
    auto summary = ws_.summary(query);
    if (!summary) return internal(summary.error());
    return json_ok(to_json(*summary));
  }

  HttpResponse upload(const HttpRequest& request) const {
    std::string bytes, filename;
    const std::string& type = request.content_type;
    if (type.starts_with("multipart/form-data")) {
      const UploadedFile* file = nullptr;
      int file_parts = 0;
      for (const auto& part : request.files) {
        if (part.field == "file") {
          ++file_parts;
          if (!file) file = &part;
        }
      }
      if (!file) {
        return json_error(400, "missing_file", "请求中没有文件：请用表单字段 file 上传一个文件。");
      }
      if (file_parts > 1) return json_error(400, "too_many_files", "一次只能上传一个文件。");
      bytes = file->bytes;
      filename = file->filename;
    } else if (type.starts_with("application/json")) {
      json body = json::parse(request.body, nullptr, false);
      if (body.is_discarded()) {
        return json_error(400, "malformed_json", "请求内容不是合法的 JSON。");
      }
      if (!body.is_object() || !body.contains("text") || !body["text"].is_string()) {
        return json_error(400, "bad_json",
                          "JSON 须为对象，含字符串字段 text（申报表文本），可选字段 filename。");
      }
      if (body.contains("filename") && !body["filename"].is_string()) {
        return json_error(400, "bad_json", "JSON 字段 filename 须为字符串。");
      }
      bytes = body["text"].get<std::string>();
      filename = body.value("filename", std::string("粘贴的文本.txt"));
    } else {
      return json_error(415, "unsupported_media_type",
                        "上传须使用 multipart/form-data（文件字段 file）或 application/json。");
    }
    if (bytes.size() > options_.max_upload_bytes) {
      return json_error(413, "file_too_large",
                        fmt::format("文件过大：{:.1f} MB，上限为 {} MB。",
                                    static_cast<double>(bytes.size()) / (1 << 20),
                                    options_.max_upload_bytes >> 20));
    }
    filename = clean_filename(filename);
    auto kind = check_upload(bytes, filename);
    if (!kind) return json_error(415, "unsupported_file_type", kind.error().message);

    auto ingested = ws_.ingest_bytes(bytes, filename);
    if (!ingested) return internal(ingested.error());
    if (ingested->outcome == IngestOutcome::kFailed) {
      std::string message = "无法读取这份申报表。";
      if (ingested->error) {
        message = ingested->error->message;
        if (ingested->error->line > 0) {
          message = fmt::format("第 {} 行：{}", ingested->error->line, message);
        }
      }
      return json_error(422, "unreadable_document", message);
    }
    auto view = ws_.document(ingested->document_id);
    if (!view) return internal(view.error());
    const bool created = ingested->outcome == IngestOutcome::kAdded ||
                         ingested->outcome == IngestOutcome::kNewVersion;
    return json_ok({{"outcome", std::string(ingest_outcome_name(ingested->outcome))},
                    {"ingest", to_json(*ingested)},
                    {"document", to_json(*view)}},
                   created ? 201 : 200);
  }

 private:
  IntParam path_id(const HttpRequest& request, std::string_view what) const {
    auto it = request.path_params.find("id");
    std::optional<std::string> text;
    if (it != request.path_params.end()) text = it->second;
    IntParam id = parse_int(text, "id", fmt::format("{}编号", what), 1, (std::int64_t{1} << 53));
    if (!id.error && !id.value) {
      id.error = json_error(400, "bad_parameter", fmt::format("缺少{}编号。", what));
    }
    return id;
  }

  HttpResponse lookup_failed(const Error& error, std::string_view what, std::int64_t id) const {
    if (lookup_status(error) == 404) {
      return json_error(404, "not_found", fmt::format("找不到编号为 {} 的{}。", id, what));
    }
    return internal(error);
  }

  HttpResponse internal(const Error& error) const {
    if (options_.log_error) options_.log_error(error.describe());
    return json_error(500, "internal_error", default_error_message(500));
  }

  Workspace& ws_;
  ApiOptions options_;
};

}  // namespace

void add_api_routes(Router& router, Workspace& workspace, ApiOptions options) {
  auto api = std::make_shared<Api>(workspace, std::move(options));
  auto bind = [api](HttpResponse (Api::*method)(const HttpRequest&) const) {
    return [api, method](const HttpRequest& request) { return ((*api).*method)(request); };
  };
  router.add("GET", "/api/health", bind(&Api::health));
  router.add("GET", "/api/years", bind(&Api::years));
  router.add("GET", "/api/documents", bind(&Api::documents));
  router.add("GET", "/api/documents/{id}", bind(&Api::document));
  router.add("GET", "/api/projects/{id}", bind(&Api::project));
  router.add("GET", "/api/history", bind(&Api::history));
  router.add("GET", "/api/search", bind(&Api::search));
  router.add("GET", "/api/summary", bind(&Api::summary));
  router.add("POST", "/api/upload", bind(&Api::upload));
}

}  // namespace jixiao::server
