// `jixiao check FILE... [--format text|json] [--min-severity LEVEL]`: parses each declaration and
// reviews it with the rules (审核). Text output is compiler-style, grouped per project; JSON is
// documented in docs/check-json.md. Exit status: 2 when an input could not be read (the other
// files are still checked), else 1 when an error-severity finding was reported, else 0.
#include <iostream>
#include <memory>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "cli/command.h"
#include "ingest/parse.h"
#include "report/findings_format.h"
#include "rules/review.h"

namespace jixiao::cli {
namespace {

struct CheckArgs {
  std::vector<std::string> files;
  std::string format = "text";
  std::string min_severity = "advice";
};

int run_check(const CheckArgs& args) {
  ReviewOptions options;
  options.min_severity = parse_severity(args.min_severity).value_or(Severity::kAdvice);
  bool unreadable = false;
  report::SeverityCounts total;
  int files_checked = 0, projects = 0;
  nlohmann::json files = nlohmann::json::array();
  for (const std::string& file : args.files) {
    auto declaration = parse_file(file);
    if (!declaration) {
      unreadable = true;
      if (args.format == "json") files.push_back(report::unreadable_json(file, declaration.error()));
      else std::cerr << declaration.error().describe() << "\n";
      continue;
    }
    std::vector<Finding> findings = review(*declaration, options);
    total += report::count_findings(findings);
    ++files_checked;
    projects += static_cast<int>(declaration->projects.size());
    if (args.format == "json") {
      files.push_back(report::findings_json(file, *declaration, findings));
    } else {
      if (files_checked > 1) std::cout << "\n";
      std::cout << report::format_findings_text(file, *declaration, findings);
    }
  }
  int status = unreadable ? kExitBadInput : total.errors > 0 ? kExitFindings : kExitOk;
  if (args.format == "json") {
    nlohmann::json out = {
        {"files", std::move(files)},
        {"min_severity", std::string(severity_name(options.min_severity))},
        {"counts", {{"error", total.errors}, {"warning", total.warnings}, {"advice", total.advice}}},
        {"exit_status", status}};
    std::cout << out.dump(2) << "\n";
  } else if (files_checked > 1) {
    std::cout << "\n" << report::summary_line("合计", total, projects) << "\n";
  }
  return status;
}

RunFunction setup_check(CLI::App& app) {
  auto args = std::make_shared<CheckArgs>();
  CLI::App* cmd = app.add_subcommand(
      "check", "审核：解析绩效目标申报文档并按规则检查（有错误时退出码 1，无法读取时 2）");
  cmd->add_option("files", args->files, "要审核的文件（一个或多个）")->required();
  cmd->add_option("--format", args->format, "输出格式：text（默认）或 json")
      ->check(CLI::IsMember({"text", "json"}));
  cmd->add_option("--min-severity", args->min_severity,
                  "只显示不低于该级别的意见：advice/提示（默认）、warning/警告、error/错误")
      ->check([](const std::string& value) {
        return parse_severity(value) ? std::string() : "无效的级别：" + value;
      });
  return [args] { return run_check(*args); };
}

const Registrar kReg{"check", setup_check};

}  // namespace
}  // namespace jixiao::cli
