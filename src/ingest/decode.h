// Decoding at the input boundary: raw bytes of a text declaration → UTF-8 text.
// Accepts UTF-8 (with or without BOM) and GB18030/GBK (strict: an invalid byte sequence is an
// error, never replaced). Rejects empty, binary, truncated and unknown-encoding input.
#pragma once

#include <string>
#include <string_view>

#include "model/result.h"

namespace jixiao {

struct DecodedText {
  std::string text;      // UTF-8, BOM removed, line ends as in the source
  std::string encoding;  // "UTF-8" or "GB18030" (GBK is a subset of GB18030)
};

// Decodes `bytes`. Errors name `source`, the reason in Chinese, and the 1-based line of the
// offending byte where one exists: empty input, binary (NUL or control bytes), truncated (a
// multi-byte character cut off at the end), UTF-16, or bytes valid in neither encoding.
Result<DecodedText> decode_text(std::string_view bytes, std::string_view source);

// Converts UTF-8 text to GB18030 (strict; used by tests to make GBK copies of samples).
// Errors when a character has no GB18030 mapping (none exist for valid Unicode) or input is
// not valid UTF-8.
Result<std::string> encode_gb18030(std::string_view utf8);

// True when `bytes` is entirely valid UTF-8 (no overlong forms, no surrogates).
bool is_valid_utf8(std::string_view bytes);

}  // namespace jixiao
