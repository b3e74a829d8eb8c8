// Substring search on UTF-8 text, shared by ingest/ and rules/ (both search Chinese text for
// fixed words on hot paths).
#pragma once

#include <string_view>

namespace jixiao {

// True when `s` contains the bytes of `part` (an empty `part` is contained everywhere). For
// well-formed UTF-8 a byte match is a code-point match.
bool contains(std::string_view s, std::string_view part);

}  // namespace jixiao
