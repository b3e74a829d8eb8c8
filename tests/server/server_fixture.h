// A running `jixiao serve` in-process for the API tests: a temporary database seeded with the
// sample declarations of testdata/samples, and the web app on an ephemeral loopback port.
#pragma once

#include <filesystem>
#include <memory>
#include <string>

#include <gtest/gtest.h>
#include <httplib.h>
#include <nlohmann/json.hpp>

#include "server/web_app.h"
#include "service/workspace.h"

namespace jixiao::server::testing {

inline std::filesystem::path samples_dir() {
  return std::filesystem::path(JIXIAO_SOURCE_DIR) / "testdata" / "samples";
}

// A fresh temporary directory, removed when the object dies.
class TempDir {
 public:
  TempDir() {
    auto base = std::filesystem::temp_directory_path();
    for (int i = 0;; ++i) {
      path_ = base / ("jixiao-server-test-" + std::to_string(::getpid()) + "-" + std::to_string(i));
      if (std::filesystem::create_directory(path_)) break;
    }
  }
  ~TempDir() {
    std::error_code ec;
    std::filesystem::remove_all(path_, ec);
  }
  const std::filesystem::path& path() const { return path_; }

 private:
  std::filesystem::path path_;
};

class ServerFixture : public ::testing::Test {
 protected:
  // Opens a new database, ingests `seed` (sample file names; empty = none) and starts serving.
  void start_with(const std::vector<std::string>& seed, WebAppOptions options = {}) {
    auto ws = Workspace::open(dir_.path() / "test.db");
    ASSERT_TRUE(ws.ok()) << ws.error().describe();
    workspace_ = std::move(*ws);
    if (!seed.empty()) {
      std::vector<std::filesystem::path> paths;
      for (const auto& name : seed) paths.push_back(samples_dir() / name);
      auto report = workspace_->ingest_paths(paths);
      ASSERT_TRUE(report.ok()) << report.error().describe();
      ASSERT_EQ(report->failed, 0) << "a sample failed to ingest";
    }
    options.server.host = "127.0.0.1";
    options.server.port = 0;
    options.log_error = [this](const std::string& cause) { logged_errors_ += cause + "\n"; };
    auto app = WebApp::create(*workspace_, options);
    ASSERT_TRUE(app.ok()) << app.error().message;
    app_ = std::move(*app);
    app_->server().start();
  }

  void TearDown() override {
    if (app_) app_->server().stop();
  }

  httplib::Client client() const {
    httplib::Client c("127.0.0.1", app_->server().port());
    c.set_connection_timeout(2);
    c.set_read_timeout(30);
    return c;
  }

  // GET returning the parsed JSON body; fails the test when the status differs.
  nlohmann::json get_json(const std::string& path, int expected_status = 200) {
    auto r = client().Get(path);
    EXPECT_TRUE(r) << path;
    if (!r) return nullptr;
    EXPECT_EQ(r->status, expected_status) << path << "\n" << r->body;
    EXPECT_NE(r->get_header_value("Content-Type").find("application/json"), std::string::npos) << path;
    auto body = nlohmann::json::parse(r->body, nullptr, false);
    EXPECT_FALSE(body.is_discarded()) << path;
    return body;
  }

  TempDir dir_;
  std::unique_ptr<Workspace> workspace_;
  std::unique_ptr<WebApp> app_;
  std::string logged_errors_;
};

inline const char* kBigData = "songjiang-bigdata-center-2024.txt";
inline const char* kGovOffice = "songjiang-gov-office-2024.txt";
inline const char* kSciTech = "songjiang-sci-tech-service-center-2023.txt";

}  // namespace jixiao::server::testing
