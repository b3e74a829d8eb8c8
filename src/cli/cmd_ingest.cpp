// `jixiao ingest FILE|DIR... [--db PATH] [--format text|json]`: parses, reviews and stores
// declarations (directories: every *.txt / *.pdf below them). Each document is one transaction;
// the same bytes again change nothing; a revised declaration becomes a new version. A progress
// bar is drawn on stderr only when stderr is a terminal. Exit status 2 when any file failed.
#include <unistd.h>

#include <iostream>
#include <memory>

#include <fmt/format.h>

#include "cli/command.h"
#include "cli/store_cli.h"
#include <nlohmann/json.hpp>

#include "service/views_json.h"

namespace jixiao::cli {
namespace {

struct IngestArgs {
  std::vector<std::string> paths;
  std::string db;
  std::string format = "text";
};

void draw_progress(const IngestProgress& p) {
  constexpr int kWidth = 30;
  int filled = p.total ? static_cast<int>(kWidth * p.done / p.total) : kWidth;
  std::string name = p.current;
  if (auto slash = name.find_last_of('/'); slash != std::string::npos) name = name.substr(slash + 1);
  if (name.size() > 40) name = "…" + name.substr(name.size() - 39);
  std::cerr << fmt::format("\r[{}{}] {}/{} {:<40}", std::string(static_cast<std::size_t>(filled), '#'),
                           std::string(static_cast<std::size_t>(kWidth - filled), ' '), p.done, p.total, name)
            << std::flush;
}

void print_report(const IngestReport& r) {
  for (const IngestedDocument& d : r.documents) {
    if (d.outcome == IngestOutcome::kFailed) {
      std::cout << "失败  " << (d.error ? d.error->describe() : d.source) << "\n";
    }
  }
  std::cout << fmt::format("文档 {} 个：新增 {}，新版本 {}，未变化 {}，失败 {}\n", r.documents.size(), r.added,
                           r.new_versions, r.unchanged, r.failed);
  std::cout << fmt::format("项目 {} 个，指标 {} 条", r.projects, r.indicators);
  if (r.duplicate_projects > 0) {
    std::cout << fmt::format("；其中 {} 个项目已在其他文档中发布（汇总只计一次）", r.duplicate_projects);
  }
  std::cout << "\n";
  std::cout << fmt::format("审核意见：错误 {}，警告 {}，提示 {}\n", r.findings.error, r.findings.warning,
                           r.findings.advice);
}

int run_ingest(const IngestArgs& args) {
  auto ws = open_workspace(args.db, /*must_exist=*/false);
  if (!ws) return kExitBadInput;
  std::vector<std::filesystem::path> paths(args.paths.begin(), args.paths.end());
  const bool tty = isatty(STDERR_FILENO) == 1;
  ProgressCallback progress;
  if (tty) progress = draw_progress;
  auto report = ws->ingest_paths(paths, progress);
  if (tty) std::cerr << "\n";
  if (!report) {
    print_error("ingest", report.error());
    return kExitBadInput;
  }
  if (args.format == "json") {
    print_json(to_json(*report));
  } else {
    print_report(*report);
  }
  return report->failed > 0 ? kExitBadInput : kExitOk;
}

RunFunction setup_ingest(CLI::App& app) {
  auto args = std::make_shared<IngestArgs>();
  CLI::App* cmd = app.add_subcommand("ingest", "导入申报文档（文件或目录）：解析、审核并存入数据库");
  cmd->add_option("paths", args->paths, "文件或目录（目录中的 *.txt、*.pdf 全部导入）")->required();
  add_db_option(cmd, args->db);
  add_format_option(cmd, args->format);
  return [args] { return run_ingest(*args); };
}

const Registrar kReg{"ingest", setup_ingest};

}  // namespace
}  // namespace jixiao::cli
