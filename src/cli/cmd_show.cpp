// `jixiao show ID [--document] [--db PATH] [--format text|json]`: one stored project (or, with
// --document, one stored document version) with its fields, indicators, findings, where else it
// is published and the document's versions.
#include <iostream>
#include <memory>

#include <fmt/format.h>

#include "cli/command.h"
#include "cli/store_cli.h"
#include <nlohmann/json.hpp>

#include "service/views_json.h"

namespace jixiao::cli {
namespace {

struct ShowArgs {
  std::int64_t id = 0;
  bool document = false;
  std::string db;
  std::string format = "text";
};

std::string yuan(const Field<Money>& f) { return f.value ? f.value->yuan_display() : "—"; }
std::string text(const Field<std::string>& f) { return f.value ? *f.value : "—"; }

void print_findings(const std::vector<Finding>& findings) {
  for (const Finding& f : findings) {
    std::cout << fmt::format("  [{}] {} {}{}{}\n", severity_label_zh(f.severity), f.rule,
                             f.project_seq > 0 ? fmt::format("第 {} 项 ", f.project_seq) : "", f.message,
                             f.comparison.empty() ? "" : "（" + f.comparison + "）");
  }
}

std::string version_label(const DocumentInfo& d) {
  return fmt::format("第 {} 版{}", d.version, d.current ? "（当前）" : "（已被新版本取代）");
}

void print_project(const ProjectView& v) {
  const Project& p = v.project;
  std::cout << fmt::format("项目 #{}：{}（{} 年）\n", v.info.id, v.info.name,
                           v.info.year ? std::to_string(*v.info.year) : "?");
  std::cout << fmt::format("文档 #{} {} {}，第 {} 项\n", v.document.id, v.document.source, version_label(v.document),
                           v.info.seq);
  std::cout << fmt::format("主管部门：{}\n实施单位：{}\n项目类别：{}  项目性质：{}\n", text(p.department),
                           text(p.implementer), text(p.category), text(p.nature));
  std::cout << fmt::format("计划日期：{} 至 {}\n", p.start.value ? p.start.value->iso() : "—",
                           p.end.value ? p.end.value->iso() : "—");
  std::cout << fmt::format("项目资金总额 {} 元（财政资金 {}，其他资金 {}）\n", yuan(p.funds.total), yuan(p.funds.fiscal),
                           yuan(p.funds.other));
  std::cout << fmt::format("年度资金申请总额 {} 元（当年财政拨款 {}，上年结转 {}，其他资金 {}）\n",
                           yuan(p.funds.annual_total), yuan(p.funds.current_appropriation), yuan(p.funds.carryover),
                           yuan(p.funds.annual_other));
  std::cout << "项目总目标：" << text(p.overall_goal) << "\n年度总体目标：" << text(p.annual_goal) << "\n";
  std::cout << fmt::format("绩效指标（{} 条）：\n", p.indicators.size());
  for (const Indicator& i : p.indicators) {
    std::cout << fmt::format("  {} / {} / {}：{}\n", i.l1, i.l2, i.name, i.value);
  }
  if (!p.line_items.empty()) {
    std::cout << fmt::format("预算明细（{} 项）：\n", p.line_items.size());
    for (const LineItem& li : p.line_items) {
      std::cout << fmt::format("  {}：{}{} × {}{} = {}{}\n", li.name, li.quantity, li.quantity_unit, li.unit_price,
                               li.unit_price_unit, li.amount, li.amount_unit);
    }
  }
  std::cout << fmt::format("审核意见（{} 条）：\n", v.findings.size());
  print_findings(v.findings);
  if (!v.published_also.empty()) {
    std::cout << "同一项目也发布于（汇总只计一次）：\n";
    for (const ProjectRef& r : v.published_also) {
      std::cout << fmt::format("  文档 #{} {} 第 {} 项（项目 #{}）\n", r.document_id, r.source, r.seq, r.project_id);
    }
  }
}

void print_document(const DocumentView& v) {
  const DocumentInfo& d = v.info;
  std::cout << fmt::format("文档 #{}：{}  {}\n", d.id, d.source, version_label(d));
  std::cout << fmt::format("发布单位：{}  年度：{}  版式：{}  编码：{}\n", d.issuer.empty() ? "—" : d.issuer,
                           d.year ? std::to_string(*d.year) : "—", d.layout, d.encoding);
  std::cout << fmt::format("SHA-256：{}（{} 字节），导入于 {}\n", d.sha256, d.size_bytes, d.ingested_at);
  const HeaderClaims& h = v.declaration.header;
  std::cout << fmt::format("文中声明：项目 {} 个，涉及项目预算资金 {} 万元\n",
                           h.project_count.value ? std::to_string(*h.project_count.value) : "—",
                           h.total_wan.value ? *h.total_wan.value : "—");
  std::cout << fmt::format("表中合计：项目 {} 个，项目资金总额 {} 万元", d.project_count, wan_display(d.total));
  if (d.duplicate_projects > 0) std::cout << fmt::format("（其中 {} 个项目已在其他文档中发布）", d.duplicate_projects);
  std::cout << "\n项目：\n";
  for (const ProjectInfo& p : v.projects) {
    std::cout << fmt::format("  {:>3}. #{} {}（{}）{} 万元{}\n", p.seq, p.id, p.name, p.implementer,
                             p.total ? wan_display(*p.total) : std::string("—"),
                             p.duplicate_of ? fmt::format("  重复于项目 #{}", *p.duplicate_of) : "");
  }
  std::cout << fmt::format("审核意见（{} 条）：\n", v.findings.size());
  print_findings(v.findings);
  if (v.versions.size() > 1) {
    std::cout << "版本：\n";
    for (const DocumentInfo& ver : v.versions) {
      std::cout << fmt::format("  第 {} 版 文档 #{} {} 导入于 {}{}\n", ver.version, ver.id, ver.source, ver.ingested_at,
                               ver.current ? "（当前）" : "");
    }
  }
}

int run_show(const ShowArgs& args) {
  auto ws = open_workspace(args.db, /*must_exist=*/true);
  if (!ws) return kExitBadInput;
  if (args.document) {
    auto v = ws->document(args.id);
    if (!v) {
      print_error("show", v.error());
      return kExitBadInput;
    }
    if (args.format == "json") print_json(to_json(*v));
    else print_document(*v);
    return kExitOk;
  }
  auto v = ws->project(args.id);
  if (!v) {
    print_error("show", v.error());
    return kExitBadInput;
  }
  if (args.format == "json") print_json(to_json(*v));
  else print_project(*v);
  return kExitOk;
}

RunFunction setup_show(CLI::App& app) {
  auto args = std::make_shared<ShowArgs>();
  CLI::App* cmd = app.add_subcommand("show", "显示一个项目（或用 --document 显示一份文档）的全部内容与审核意见");
  cmd->add_option("id", args->id, "项目编号（--document 时为文档编号）")->required()->check(CLI::PositiveNumber);
  cmd->add_flag("--document", args->document, "显示文档而不是项目");
  add_db_option(cmd, args->db);
  add_format_option(cmd, args->format);
  return [args] { return run_show(*args); };
}

const Registrar kReg{"show", setup_show};

}  // namespace
}  // namespace jixiao::cli
