// The lean `jixiao` executable leaves out the web server (cpp-httplib, OpenSSL's libssl) and the
// corpus generator (pango, cairo, X11 …): about forty shared libraries that every process would
// otherwise load at start-up, which made one `jixiao parse` per PDF ~12 ms slower than
// `pdftotext` before it read a byte. `serve` and `generate` stay commands of `jixiao`: they
// re-execute the complete CLI, `jixiao-full` beside this executable, with the same arguments.
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <iostream>
#include <string>
#include <system_error>
#include <vector>

#include "cli/command.h"

namespace jixiao::cli {
namespace {

std::filesystem::path full_cli() {
  std::error_code ec;
  std::filesystem::path self = std::filesystem::read_symlink("/proc/self/exe", ec);
  if (ec) return {};
  return self.parent_path() / "jixiao-full";
}

int delegate() {
  std::filesystem::path target = full_cli();
  const std::vector<std::string>& args = command_line();
  std::vector<char*> argv;
  for (const std::string& a : args) argv.push_back(const_cast<char*>(a.c_str()));
  argv.push_back(nullptr);
  std::cout.flush();
  if (!target.empty()) ::execv(target.c_str(), argv.data());
  std::cerr << "无法启动 " << (target.empty() ? std::string("jixiao-full") : target.string()) << "："
            << std::strerror(errno) << "（serve 与 generate 由同目录下的 jixiao-full 执行）\n";
  return kExitBadInput;
}

// Registers `name` with its help line; everything after it (including --help) goes to jixiao-full.
SetupFunction delegated(std::string name, std::string description) {
  return [name, description](CLI::App& app) -> RunFunction {
    CLI::App* cmd = app.add_subcommand(name, description);
    cmd->prefix_command();
    cmd->set_help_flag();
    return [] { return delegate(); };
  };
}

// The descriptions are those of cmd_serve.cpp and cmd_generate.cpp (shown by `jixiao --help`).
const Registrar kServe{"serve", delegated("serve", "启动网页应用（JSON 接口与中文界面）")};
const Registrar kGenerate{"generate",
                          delegated("generate", "生成可复现的模拟申报文档语料（测试与基准用）")};

}  // namespace
}  // namespace jixiao::cli
