// `jixiao search TEXT [--limit N] [--offset N] [--db PATH] [--format text|json]`: ranked full-text
// search over project names, goals, indicators and narratives; any query length (1, 2, 3+ Chinese
// characters). Matches are highlighted: 【…】 in text output (bold on a terminal).
#include <iostream>
#include <memory>

#include <fmt/format.h>

#include "cli/command.h"
#include "cli/store_cli.h"
#include <nlohmann/json.hpp>

#include "service/views_json.h"

namespace jixiao::cli {
namespace {

struct SearchArgs {
  std::vector<std::string> words;
  std::string db;
  std::string format = "text";
  int limit = 20;
  int offset = 0;
};

std::string_view field_label(const std::string& field) {
  if (field == "name") return "项目名称";
  if (field == "goal") return "绩效目标";
  if (field == "indicator") return "绩效指标";
  if (field == "narrative") return "项目说明";
  return "";
}

int run_search(const SearchArgs& args) {
  std::string text;
  for (const auto& w : args.words) text += (text.empty() ? "" : " ") + w;
  auto ws = open_workspace(args.db, /*must_exist=*/true);
  if (!ws) return kExitBadInput;
  auto r = ws->search(text, args.limit, args.offset);
  if (!r) {
    print_error("search", r.error());
    return kExitBadInput;
  }
  if (args.format == "json") {
    print_json(to_json(*r));
    return kExitOk;
  }
  const bool tty = stdout_is_tty();
  std::cout << fmt::format("“{}”：{}{} 个项目\n", text, r->total_is_lower_bound ? "至少 " : "", r->total);
  int rank = args.offset;
  for (const SearchHit& h : r->hits) {
    std::cout << fmt::format("{:>3}. {}（{} 年，{}）项目 #{}\n", ++rank, h.name,
                             h.year ? std::to_string(*h.year) : "?", h.implementer, h.project_id);
    std::string snippet;
    for (const SnippetPart& p : h.snippet) {
      if (!p.match) snippet += p.text;
      else snippet += tty ? "\x1b[1;31m" + p.text + "\x1b[0m" : "【" + p.text + "】";
    }
    std::cout << "     " << field_label(h.field) << "：" << snippet << "\n";
  }
  return kExitOk;
}

RunFunction setup_search(CLI::App& app) {
  auto args = std::make_shared<SearchArgs>();
  CLI::App* cmd = app.add_subcommand("search", "全文检索：项目名称、目标、指标与项目说明（一个字也可以）");
  cmd->add_option("text", args->words, "检索词（多个词须同时出现）")->required();
  cmd->add_option("--limit", args->limit, "显示条数（默认 20）")->check(CLI::Range(1, 1000));
  cmd->add_option("--offset", args->offset, "跳过前 N 条（翻页）")->check(CLI::NonNegativeNumber);
  add_db_option(cmd, args->db);
  add_format_option(cmd, args->format);
  return [args] { return run_search(*args); };
}

const Registrar kReg{"search", setup_search};

}  // namespace
}  // namespace jixiao::cli
