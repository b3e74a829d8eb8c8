// zlib compression of the large stored texts (source bytes, declaration and findings JSON):
// declarations compress 4–8× and the database stays a fraction of the size.
#pragma once

#include <string>
#include <string_view>

#include "model/result.h"

namespace jixiao::store {

// The zlib stream of `bytes` (level 3: most of level 6's ratio at half its cost).
std::string deflate_bytes(std::string_view bytes);
// The bytes back; Error when the stream is damaged.
Result<std::string> inflate_bytes(std::string_view stream);

// Stored blobs carry their method: "zlib" (deflate_bytes) or "none" (as is).
Result<std::string> stored_bytes(std::string_view method, std::string_view blob);

}  // namespace jixiao::store
