// The web UI's files (src/server/assets/*), embedded into the binary at build time by
// embed_assets.cmake, so `jixiao serve` needs no files and no network.
#pragma once

#include <string_view>
#include <vector>

namespace jixiao::server {

struct Asset {
  std::string_view name;  // "app.js"
  std::string_view bytes;
};

// Every embedded asset, in name order.
const std::vector<Asset>& embedded_assets();

// "text/html; charset=utf-8" etc. by extension; "application/octet-stream" when unknown.
std::string_view asset_content_type(std::string_view name);

}  // namespace jixiao::server
