// `jixiao export [--format json|csv] [--year Y] [--all-versions] [--output FILE] [--db PATH]`:
// every stored project. CSV is UTF-8 with a BOM so that Excel and WPS open it correctly.
#include <fstream>
#include <iostream>
#include <memory>

#include "cli/command.h"
#include "cli/store_cli.h"

namespace jixiao::cli {
namespace {

struct ExportArgs {
  std::string db;
  std::string format = "json";
  std::optional<int> year;
  bool all_versions = false;
  std::string output;
};

int run_export(const ExportArgs& args) {
  auto ws = open_workspace(args.db, /*must_exist=*/true);
  if (!ws) return kExitBadInput;
  ExportQuery q;
  q.year = args.year;
  q.include_superseded = args.all_versions;
  ExportFormat format = args.format == "csv" ? ExportFormat::kCsv : ExportFormat::kJson;
  Status s = ok_status();
  if (args.output.empty() || args.output == "-") {
    s = ws->export_to(std::cout, format, q);
  } else {
    std::ofstream out(args.output, std::ios::binary);
    if (!out) {
      std::cerr << "jixiao export: 无法写入 " << args.output << "\n";
      return kExitBadInput;
    }
    s = ws->export_to(out, format, q);
  }
  if (!s) {
    print_error("export", s.error());
    return kExitBadInput;
  }
  return kExitOk;
}

RunFunction setup_export(CLI::App& app) {
  auto args = std::make_shared<ExportArgs>();
  CLI::App* cmd = app.add_subcommand("export", "导出全部项目：json（默认）或 csv（UTF-8 带 BOM，Excel/WPS 可直接打开）");
  cmd->add_option("--format", args->format, "json 或 csv")->check(CLI::IsMember({"json", "csv"}));
  cmd->add_option("--year", args->year, "只导出该预算年度");
  cmd->add_flag("--all-versions", args->all_versions, "同时导出已被新版本取代的旧版本");
  cmd->add_option("--output,-o", args->output, "输出文件（默认标准输出）");
  add_db_option(cmd, args->db);
  return [args] { return run_export(*args); };
}

const Registrar kReg{"export", setup_export};

}  // namespace
}  // namespace jixiao::cli
