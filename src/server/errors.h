// Error answers for people: a Chinese message and a stable code, never a path, a stack trace or
// an exception text. Under /api/ they are JSON ({"error": {"status", "code", "message"}}),
// elsewhere a small HTML page.
#pragma once

#include <string>
#include <string_view>

#include "model/result.h"
#include "server/http_types.h"

namespace jixiao::server {

// JSON error: {"error": {"status": 404, "code": "not_found", "message": "…"}}.
HttpResponse json_error(int status, std::string_view code, std::string_view message_zh);

// Small standalone HTML error page (escaped message, link back to the overview).
HttpResponse html_error(int status, std::string_view message_zh);

// The error form that suits `path`: JSON under /api/, HTML otherwise.
HttpResponse error_for_path(const std::string& path, int status, std::string_view code,
                            std::string_view message_zh);

// Default Chinese message and code for a bare status (used when the HTTP library itself refuses
// a request, e.g. 413 for an oversize body or 400 for a malformed request line).
std::string_view default_error_code(int status);
std::string_view default_error_message(int status);

// The status for a Workspace error on a lookup by id: 404 when its kind is ErrorKind::kNotFound,
// 500 for any other kind, whatever the message says.
int lookup_status(const Error& error);

// Escapes & < > " ' for HTML text and attribute values.
std::string html_escape(std::string_view text);

}  // namespace jixiao::server
