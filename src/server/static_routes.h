// The web UI's pages and files: every page path answers with the single-page shell
// (index.html), which loads app.js; files under /assets/ come from the embedded copies.
#pragma once

#include <filesystem>
#include <optional>

#include "server/router.h"

namespace jixiao::server {

struct StaticOptions {
  // Development only: read assets from this directory on every request instead of the
  // embedded copies (only names that are embedded are served, so nothing else is reachable).
  std::optional<std::filesystem::path> assets_dir;
};

// Adds GET routes for the pages ("/", "/documents/{id}", "/projects/{id}", "/history",
// "/search", "/upload") and "/assets/{name}", with ETag revalidation and a strict
// Content-Security-Policy (no inline script, no third-party origin).
void add_static_routes(Router& router, StaticOptions options = {});

}  // namespace jixiao::server
