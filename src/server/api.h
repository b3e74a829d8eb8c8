// The JSON API (/api/…) of `jixiao serve`, answered from the Workspace library API only (the
// same calls the CLI makes). Routes and answers are documented in docs/api.md.
#pragma once

#include <cstddef>
#include <functional>
#include <string>

#include "server/router.h"
#include "service/workspace.h"

namespace jixiao::server {

struct ApiOptions {
  std::size_t max_upload_bytes = 20u << 20;
  int search_limit_max = 100;
  // Receives the cause of internal errors (database failures…), which users never see.
  std::function<void(const std::string&)> log_error;
};

// Adds every /api/ route to `router`. `workspace` must outlive the router.
void add_api_routes(Router& router, Workspace& workspace, ApiOptions options = {});

}  // namespace jixiao::server
