// SHA-256 of source bytes, as lower-case hex (the identity of a stored source document).
#pragma once

#include <string>
#include <string_view>

namespace jixiao {

std::string sha256_hex(std::string_view bytes);

}  // namespace jixiao
