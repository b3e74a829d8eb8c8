#include "cli/store_cli.h"

#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <iostream>

#include <nlohmann/json.hpp>

namespace jixiao::cli {

void add_db_option(CLI::App* cmd, std::string& db) {
  cmd->add_option("--db", db, "数据库文件（默认：环境变量 JIXIAO_DB，否则当前目录下的 jixiao.db）");
}

void add_format_option(CLI::App* cmd, std::string& format) {
  cmd->add_option("--format", format, "输出格式：text（默认）或 json")->check(CLI::IsMember({"text", "json"}));
}

std::unique_ptr<Workspace> open_workspace(const std::string& db, bool must_exist) {
  std::filesystem::path path = db.empty() ? default_database_path() : std::filesystem::path(db);
  if (must_exist && !std::filesystem::exists(path)) {
    std::cerr << "jixiao: 数据库 " << path.string()
              << " 不存在（先用 jixiao ingest 导入文档，或用 --db / JIXIAO_DB 指定数据库）\n";
    return nullptr;
  }
  auto ws = Workspace::open(path, upgrade_reporting_options());
  if (!ws) {
    std::cerr << "jixiao: " << ws.error().describe() << "\n";
    return nullptr;
  }
  return std::move(*ws);
}

WorkspaceOptions upgrade_reporting_options() {
  WorkspaceOptions options;
  options.upgrade_progress = [tty = isatty(STDERR_FILENO) == 1, last = std::int64_t{-1}](std::int64_t done,
                                                                                        std::int64_t total) mutable {
    const std::int64_t percent = total > 0 ? std::min<std::int64_t>(done * 100 / total, 100) : 100;
    if (tty) {
      std::cerr << "\r正在重建全文检索索引（数据库升级）: " << percent << "%" << (percent == 100 ? "\n" : "")
                << std::flush;
    } else if (last < 0 || percent / 10 > last / 10) {
      std::cerr << "jixiao: 正在重建全文检索索引（数据库升级）: " << percent << "%\n";
    }
    last = percent;
  };
  return options;
}

void print_json(const nlohmann::json& j) { std::cout << j.dump(2) << "\n"; }

void print_error(const std::string& command, const Error& e) {
  std::cerr << "jixiao " << command << ": " << e.describe() << "\n";
}

std::string wan_display(Money m) {
  std::string plain = m.wan_string(2);
  bool negative = !plain.empty() && plain[0] == '-';
  std::size_t start = negative ? 1 : 0;
  std::size_t dot = plain.find('.');
  std::string out = plain.substr(dot);
  std::size_t count = 0;
  for (std::size_t i = dot; i-- > start;) {
    if (count > 0 && count % 3 == 0) out.insert(out.begin(), ',');
    out.insert(out.begin(), plain[i]);
    ++count;
  }
  if (negative) out.insert(out.begin(), '-');
  return out;
}

bool stdout_is_tty() { return isatty(STDOUT_FILENO) == 1; }

}  // namespace jixiao::cli
