// `jixiao summary [--year Y] [--by department|implementer|category|year] [--db PATH]
// [--format text|json]`: totals in 万元 and counts, findings counted, each project published in
// two documents (部门 and 单位 disclosures) counted once and listed as such.
#include <iostream>
#include <memory>

#include <fmt/format.h>

#include "cli/command.h"
#include "cli/store_cli.h"
#include <nlohmann/json.hpp>

#include "service/views_json.h"

namespace jixiao::cli {
namespace {

struct SummaryArgs {
  std::string db;
  std::string format = "text";
  std::optional<int> year;
  std::string by;
  int duplicates = 20;
};

std::string_view dimension_label(SummaryDimension d) {
  switch (d) {
    case SummaryDimension::kDepartment: return "主管部门";
    case SummaryDimension::kImplementer: return "实施单位";
    case SummaryDimension::kCategory: return "项目类别";
    case SummaryDimension::kYear: return "年度";
    case SummaryDimension::kNone: break;
  }
  return "";
}

void print_row(std::string_view key, const SummaryRow& r) {
  std::cout << fmt::format("{:<36} {:>6} {:>6} {:>18} {:>18} {:>5} {:>5} {:>5}\n", key, r.documents, r.projects,
                           wan_display(r.total), wan_display(r.annual_total), r.findings.error,
                           r.findings.warning, r.findings.advice);
}

void print_summary(const Summary& s) {
  std::string scope = s.query.year ? fmt::format("{} 年", *s.query.year) : std::string("全部年度");
  std::string by(dimension_label(s.query.by));
  std::cout << scope << "汇总" << (by.empty() ? "" : "（按" + by + "）") << "，金额单位：万元\n";
  std::cout << fmt::format("{:<36} {:>6} {:>6} {:>18} {:>18} {:>5} {:>5} {:>5}\n",
                           by.empty() ? "" : by, "文档", "项目", "项目资金总额", "年度资金申请", "错误", "警告",
                           "提示");
  for (const SummaryRow& r : s.rows) print_row(r.key.empty() ? "（未填）" : r.key, r);
  print_row("合计", s.total);
  if (s.total.projects_without_total > 0) {
    std::cout << fmt::format("另有 {} 个项目的项目资金总额无法读取，未计入金额合计\n", s.total.projects_without_total);
  }
  if (s.document_findings.total() > 0) {
    std::cout << fmt::format("文档级审核意见：错误 {}，警告 {}，提示 {}\n", s.document_findings.error,
                             s.document_findings.warning, s.document_findings.advice);
  }
  if (s.duplicate_projects > 0) {
    std::cout << fmt::format("\n同一项目在多份文档中发布 {} 组（重复 {} 次，合计只计一次）：\n", s.duplicate_group_count,
                             s.duplicate_projects);
    for (const DuplicateGroup& g : s.duplicate_groups) {
      std::cout << fmt::format("  {}（{}，{} 万元）\n", g.name, g.implementer,
                               g.total ? wan_display(*g.total) : std::string("金额未知"));
      for (std::size_t i = 0; i < g.published_in.size(); ++i) {
        const ProjectRef& r = g.published_in[i];
        std::cout << fmt::format("    {} 项目 #{}：文档 #{} {} 第 {} 项\n", i == 0 ? "计入" : "重复", r.project_id,
                                 r.document_id, r.source, r.seq);
      }
    }
    if (static_cast<int>(s.duplicate_groups.size()) < s.duplicate_group_count) {
      std::cout << fmt::format("  …… 另有 {} 组未列出\n", s.duplicate_group_count - static_cast<int>(s.duplicate_groups.size()));
    }
  }
}

int run_summary(const SummaryArgs& args) {
  SummaryQuery q;
  q.year = args.year;
  auto by = parse_dimension(args.by);
  if (!by) {
    std::cerr << "jixiao summary: --by 只能是 department、implementer、category 或 year\n";
    return kExitBadInput;
  }
  q.by = *by;
  q.duplicate_groups_limit = args.duplicates;
  auto ws = open_workspace(args.db, /*must_exist=*/true);
  if (!ws) return kExitBadInput;
  auto s = ws->summary(q);
  if (!s) {
    print_error("summary", s.error());
    return kExitBadInput;
  }
  if (args.format == "json") {
    print_json(to_json(*s));
  } else {
    print_summary(*s);
  }
  return kExitOk;
}

RunFunction setup_summary(CLI::App& app) {
  auto args = std::make_shared<SummaryArgs>();
  CLI::App* cmd = app.add_subcommand("summary", "汇总：项目资金（万元）、项目数与审核意见，重复发布的项目只计一次");
  cmd->add_option("--year", args->year, "只汇总该预算年度");
  cmd->add_option("--by", args->by, "分组：department（主管部门）、implementer（实施单位）、category（项目类别）、year（年度）")
      ->check(CLI::IsMember({"department", "implementer", "category", "year"}));
  cmd->add_option("--duplicates", args->duplicates, "列出的重复发布项目组数（默认 20）")->check(CLI::NonNegativeNumber);
  add_db_option(cmd, args->db);
  add_format_option(cmd, args->format);
  return [args] { return run_summary(*args); };
}

const Registrar kReg{"summary", setup_summary};

}  // namespace
}  // namespace jixiao::cli
