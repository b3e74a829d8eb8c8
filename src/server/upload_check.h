// Type check of uploaded documents by content (magic bytes and text encoding), never by the
// file name or the Content-Type the browser claims.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

#include "model/result.h"

namespace jixiao::server {

inline constexpr std::size_t kMaxUploadBytes = 20u << 20;  // 20 MB per document

enum class UploadKind { kPdf, kText };

// kPdf when the bytes carry a PDF header; kText when they decode as UTF-8 or GB18030 text.
// Otherwise an Error whose Chinese message says what the file seems to be (Word, image, archive…)
// and what to upload instead. `filename` is only used in messages.
Result<UploadKind> check_upload(std::string_view bytes, std::string_view filename);

}  // namespace jixiao::server
