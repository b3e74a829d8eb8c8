// `jixiao serve`: the web application (JSON API + Chinese web UI) over a database, optionally
// ingesting documents first. Loopback only unless --listen says otherwise.
#include <pthread.h>
#include <signal.h>

#include <charconv>
#include <cstdio>
#include <filesystem>
#include <iostream>
#include <string>
#include <thread>
#include <vector>

#include <fmt/format.h>

#include "cli/command.h"
#include "cli/store_cli.h"
#include "server/web_app.h"
#include "service/workspace.h"

namespace jixiao::cli {
namespace {

struct ServeArgs {
  std::string db;
  std::string listen = "127.0.0.1:8080";
  std::vector<std::string> ingest;
  std::size_t workers = 0;
  bool access_log = false;
  std::string assets_dir;
};

// "HOST:PORT", "[V6]:PORT" or "PORT" (loopback). Returns false when malformed.
bool parse_listen(const std::string& text, std::string& host, int& port) {
  std::string port_text = text;
  host = "127.0.0.1";
  if (!text.empty() && text.front() == '[') {
    auto close = text.find(']');
    if (close == std::string::npos || close + 1 >= text.size() || text[close + 1] != ':') return false;
    host = text.substr(1, close - 1);
    port_text = text.substr(close + 2);
  } else if (auto colon = text.rfind(':'); colon != std::string::npos) {
    if (text.find(':') != colon) return false;  // bare IPv6 needs brackets
    if (colon > 0) host = text.substr(0, colon);
    port_text = text.substr(colon + 1);
  }
  auto [end, ec] = std::from_chars(port_text.data(), port_text.data() + port_text.size(), port);
  return ec == std::errc() && end == port_text.data() + port_text.size() && port >= 0 &&
         port <= 65535 && !host.empty();
}

bool is_loopback(const std::string& host) {
  return host == "localhost" || host == "::1" || host.starts_with("127.");
}

int run_serve(const ServeArgs& args) {
  std::string host;
  int port = 0;
  if (!parse_listen(args.listen, host, port)) {
    std::cerr << fmt::format("jixiao serve: --listen 的格式应为 主机:端口（例如 127.0.0.1:8080），收到 “{}”\n",
                             args.listen);
    return kExitBadInput;
  }
  const std::filesystem::path db = args.db.empty() ? default_database_path() : std::filesystem::path(args.db);
  auto workspace = Workspace::open(db, upgrade_reporting_options());
  if (!workspace) {
    std::cerr << "jixiao serve: " << workspace.error().describe() << "\n";
    return kExitBadInput;
  }
  if (!args.ingest.empty()) {
    std::vector<std::filesystem::path> paths(args.ingest.begin(), args.ingest.end());
    auto report = (*workspace)->ingest_paths(paths);
    if (!report) {
      std::cerr << "jixiao serve: " << report.error().describe() << "\n";
      return kExitBadInput;
    }
    for (const auto& doc : report->documents) {
      if (doc.error) std::cerr << "jixiao serve: 未能导入 " << doc.error->describe() << "\n";
    }
    std::cout << fmt::format("已导入：新增 {} 份，新版本 {} 份，未变 {} 份，失败 {} 份（{} 个项目）\n",
                             report->added, report->new_versions, report->unchanged,
                             report->failed, report->projects);
  }

  // SIGINT/SIGTERM are taken by one thread (sigwait) that stops the server cleanly; every
  // thread started after this inherits the blocked mask.
  sigset_t signals;
  sigemptyset(&signals);
  sigaddset(&signals, SIGINT);
  sigaddset(&signals, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &signals, nullptr);

  server::WebAppOptions options;
  options.server.host = host;
  options.server.port = port;
  options.server.workers = args.workers;
  if (args.access_log) {
    options.server.access_log = [](const std::string& line) { std::fprintf(stderr, "%s\n", line.c_str()); };
  }
  options.log_error = [](const std::string& cause) {
    std::fprintf(stderr, "jixiao serve: 内部错误：%s\n", cause.c_str());
  };
  if (!args.assets_dir.empty()) options.assets_dir = std::filesystem::path(args.assets_dir);
  auto app = server::WebApp::create(**workspace, options);
  if (!app) {
    std::cerr << "jixiao serve: " << app.error().message << "\n";
    return kExitBadInput;
  }
  if (!is_loopback(host)) {
    std::cerr << fmt::format("jixiao serve: 注意：正在监听 {}，本机以外的人也能访问；本服务没有登录验证。\n", host);
  }
  std::cout << fmt::format("jixiao 已启动，数据库 {}\n请在浏览器中打开：{}\n按 Ctrl+C 停止。\n",
                           db.string(), (*app)->url())
            << std::flush;

  server::HttpServer& http = (*app)->server();
  std::thread signal_thread([&http, signals] {
    int received = 0;
    sigwait(&signals, &received);
    http.stop();
  });
  http.run();
  // run() also returns when stopped some other way: wake the signal thread so it can end.
  pthread_kill(signal_thread.native_handle(), SIGTERM);
  signal_thread.join();
  std::cout << "jixiao 已停止。\n";
  return kExitOk;
}

RunFunction setup_serve(CLI::App& app) {
  auto args = std::make_shared<ServeArgs>();
  auto* cmd = app.add_subcommand("serve", "启动网页应用（JSON 接口与中文界面）");
  cmd->add_option("--db", args->db, "数据库文件（默认 $JIXIAO_DB 或 ./jixiao.db）");
  cmd->add_option("--listen", args->listen, "监听地址 主机:端口；端口 0 表示任选空闲端口")
      ->capture_default_str();
  cmd->add_option("--ingest", args->ingest, "启动前导入的文件或目录（*.txt, *.pdf）");
  cmd->add_option("--workers", args->workers, "处理请求的线程数（默认 4×CPU 核数，至少 8）")
      ->check(CLI::Range(1, 1024));
  cmd->add_flag("--access-log", args->access_log, "在标准错误输出每个请求");
  cmd->add_option("--assets-dir", args->assets_dir, "开发用：从该目录读取界面文件而非内置副本")
      ->check(CLI::ExistingDirectory);
  return [args] { return run_serve(*args); };
}

const Registrar kReg{"serve", setup_serve};

}  // namespace
}  // namespace jixiao::cli
