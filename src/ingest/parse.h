// The public entry point of ingestion: a file or bytes in, a Declaration out.
#pragma once

#include <filesystem>
#include <string_view>

#include "model/declaration.h"
#include "model/result.h"

namespace jixiao {

// Reads `path` (a PDF, or text in UTF-8 / GB18030 / GBK, possibly with BOM) and parses it.
// Errors (empty, binary, truncated, not a declaration, unknown encoding, PDF without a text
// layer) name the file and the reason; partial success is a Declaration with Unreadable entries.
Result<Declaration> parse_file(const std::filesystem::path& path);

// Same for bytes already in memory; `source` names them in errors and Declaration::source.
Result<Declaration> parse_bytes(std::string_view bytes, std::string_view source);

}  // namespace jixiao
