// Shared helpers of the service tests: a self-removing temporary directory and the sample
// declarations (testdata/samples, copied from ../shared/samples).
#pragma once

#include <unistd.h>

#include <filesystem>
#include <string>

namespace jixiao::testing {

class ServiceTempDir {
 public:
  ServiceTempDir() {
    std::string tmpl = (std::filesystem::temp_directory_path() / "jixiao-service-XXXXXX").string();
    path_ = mkdtemp(tmpl.data());
  }
  ~ServiceTempDir() {
    std::error_code ec;
    std::filesystem::remove_all(path_, ec);
  }
  const std::filesystem::path& path() const { return path_; }
  std::filesystem::path operator/(const std::string& name) const { return path_ / name; }

 private:
  std::filesystem::path path_;
};

// testdata/samples when it holds the three sample texts, else ../shared/samples; empty when
// neither exists (tests then skip).
inline std::filesystem::path samples_dir() {
  for (auto dir : {std::filesystem::path(JIXIAO_SOURCE_DIR) / "testdata" / "samples",
                   std::filesystem::path(JIXIAO_SOURCE_DIR) / ".." / "shared" / "samples"}) {
    if (std::filesystem::exists(dir / "songjiang-gov-office-2024.txt")) return dir;
  }
  return {};
}

}  // namespace jixiao::testing
