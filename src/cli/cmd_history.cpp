// `jixiao history QUERY [--db PATH] [--format text|json]`: one project across years (a project
// id or a name), linked year to year by name and implementer with renames and unit moves
// detected (score and reasons), and the funds, dates and indicator targets side by side.
#include <iostream>
#include <memory>

#include <fmt/format.h>

#include "cli/command.h"
#include "cli/store_cli.h"
#include <nlohmann/json.hpp>

#include "service/views_json.h"

namespace jixiao::cli {
namespace {

struct HistoryArgs {
  std::vector<std::string> words;
  std::string db;
  std::string format = "text";
};

void print_chain(const ProjectHistory& h, int number) {
  std::cout << fmt::format("【{}】{}\n", number, h.entries.back().project.name);
  for (const HistoryEntry& e : h.entries) {
    const ProjectInfo& p = e.project;
    std::cout << fmt::format("  {} 年  项目 #{}  {}（{}）  {} 万元\n", p.year ? std::to_string(*p.year) : "?", p.id,
                             p.name, p.implementer, p.total ? wan_display(*p.total) : std::string("—"));
    if (e.link) {
      std::string reasons;
      for (const auto& r : e.link->reasons) reasons += (reasons.empty() ? "" : "；") + r;
      std::cout << fmt::format("          与上一年匹配度 {:.2f}：{}\n", e.link->score, reasons);
    }
  }
  if (h.entries.size() < 2) {
    std::cout << "  （其他年度未找到同一项目）\n\n";
    return;
  }
  std::cout << fmt::format("  {:<28}", "");
  for (const HistoryEntry& e : h.entries) {
    std::cout << fmt::format(" {:>22}", e.project.year ? std::to_string(*e.project.year) + " 年" : "?");
  }
  std::cout << "\n";
  std::string group;
  for (const HistoryRow& row : h.rows) {
    if (row.group != group) {
      group = row.group;
      std::cout << "  " << group << "\n";
    }
    std::string label = (row.changed ? "* " : "  ") + row.label;
    std::cout << fmt::format("  {:<28}", label);
    for (const auto& v : row.values) std::cout << fmt::format(" {:>22}", v ? *v : "—");
    std::cout << "\n";
  }
  std::cout << "  （* 表示各年不同）\n\n";
}

int run_history(const HistoryArgs& args) {
  std::string query;
  for (const auto& w : args.words) query += (query.empty() ? "" : " ") + w;
  auto ws = open_workspace(args.db, /*must_exist=*/true);
  if (!ws) return kExitBadInput;
  auto h = ws->history(query);
  if (!h) {
    print_error("history", h.error());
    return kExitBadInput;
  }
  if (args.format == "json") {
    print_json(to_json(*h));
    return kExitOk;
  }
  if (h->chains.empty()) {
    std::cout << fmt::format("没有名称匹配“{}”的项目\n", query);
    return kExitOk;
  }
  int n = 0;
  for (const ProjectHistory& c : h->chains) print_chain(c, ++n);
  return kExitOk;
}

RunFunction setup_history(CLI::App& app) {
  auto args = std::make_shared<HistoryArgs>();
  CLI::App* cmd = app.add_subcommand("history", "项目历年对比：按名称和实施单位跨年度匹配（识别更名与单位调整）");
  cmd->add_option("query", args->words, "项目编号或项目名称（全名或其中一部分）")->required();
  add_db_option(cmd, args->db);
  add_format_option(cmd, args->format);
  return [args] { return run_history(*args); };
}

const Registrar kReg{"history", setup_history};

}  // namespace
}  // namespace jixiao::cli
