#include "cli/parse_summary.h"

#include <fmt/format.h>

#include "ingest/normalize.h"

namespace jixiao::cli {
namespace {

constexpr const char* kAbsent = "（无）";

std::string lines_of(const SourceSpan& span) {
  if (span.empty()) return {};
  std::string where = span.first_line == span.last_line
                          ? fmt::format("第 {} 行", span.first_line)
                          : fmt::format("第 {}–{} 行", span.first_line, span.last_line);
  if (span.box) where += fmt::format("，第 {} 页", span.box->page);
  return where;
}

std::string text(const Field<std::string>& f) { return f.value ? *f.value : kAbsent; }
std::string date(const Field<Date>& f) { return f.value ? f.value->iso() : kAbsent; }
std::string money(const Field<Money>& f) { return f.value ? f.value->yuan_display() : kAbsent; }
std::string integer(const Field<int>& f) { return f.value ? std::to_string(*f.value) : kAbsent; }

// At most `limit` characters, with an ellipsis when cut.
std::string shorten(const std::string& s, std::size_t limit) {
  std::string out;
  std::size_t count = 0;
  for (std::size_t i = 0; i < s.size();) {
    std::size_t start = i;
    next_code_point(s, i);
    if (++count > limit) return out + "…";
    out.append(s, start, i - start);
  }
  return out;
}

void append_project(std::string& out, const Project& p) {
  std::string title = p.name.value ? *p.name.value
                      : p.narrative_title.value ? *p.narrative_title.value
                                                : std::string("（无名称）");
  out += fmt::format("\n项目 {}：{}（{}）\n", p.seq, title, lines_of(p.span));
  if (!p.has_form) out += "  （只有项目经费情况说明，没有绩效目标申报表）\n";
  if (!p.has_narrative) out += "  （只有绩效目标申报表，没有项目经费情况说明）\n";
  if (p.has_narrative) out += fmt::format("  说明标题：{}\n", text(p.narrative_title));
  if (p.has_form) {
    out += fmt::format("  项目性质：{}　项目类别：{}\n", text(p.nature), text(p.category));
    out += fmt::format("  主管部门：{}　实施单位：{}\n", text(p.department), text(p.implementer));
    out += fmt::format("  计划日期：{} 至 {}\n", date(p.start), date(p.end));
    const Funds& f = p.funds;
    out += fmt::format("  项目资金（元）：总额 {}（财政资金 {}，其他资金 {}）\n", money(f.total),
                       money(f.fiscal), money(f.other));
    out += fmt::format("  年度资金申请（元）：总额 {}（当年财政拨款 {}，上年结转 {}，其他资金 {}）\n",
                       money(f.annual_total), money(f.current_appropriation), money(f.carryover),
                       money(f.annual_other));
  }
  if (p.has_narrative) {
    out += fmt::format("  说明所列预算：{}\n", p.narrative_budget_wan.value
                                                 ? *p.narrative_budget_wan.value + " 万元"
                                                 : std::string(kAbsent));
    for (const SubProject& s : p.sub_projects)
      out += fmt::format("    子项目（{}）{}：{}\n", s.number, s.title,
                         s.budget_wan.value ? *s.budget_wan.value + " 万元" : std::string(kAbsent));
    std::size_t classified = 0;
    for (const NarrativeSection& s : p.sections) classified += s.classified ? 1 : 0;
    out += fmt::format("  说明章节 {} 个{}，预算明细 {} 行\n", p.sections.size(),
                       classified ? fmt::format("（其中 {} 个暂不公开）", classified) : "",
                       p.line_items.size());
  }
  if (p.has_form) {
    out += fmt::format("  项目总目标：{}\n", shorten(text(p.overall_goal), 60));
    out += fmt::format("  年度总体目标：{}\n", shorten(text(p.annual_goal), 60));
    out += fmt::format("  绩效指标 {} 项：\n", p.indicators.size());
    for (const Indicator& i : p.indicators)
      out += fmt::format("    {} / {} / {}：{}\n", i.l1, i.l2, i.name, i.value);
  }
  for (const Unreadable& u : p.unreadable)
    out += fmt::format("  无法读取 {}（{}）：{}\n", u.field, lines_of(u.span), u.reason);
}

}  // namespace

std::string parse_summary(const Declaration& d) {
  std::string out = fmt::format("文件：{}\n版式：{}　编码：{}\nSHA-256：{}\n", d.source, d.layout,
                                d.encoding.empty() ? kAbsent : d.encoding, d.sha256);
  out += fmt::format("单位：{}　年度：{}\n", text(d.issuer), integer(d.year));
  out += fmt::format("绩效目标设置情况：预算单位 {} 个；编报绩效目标的项目 {} 个；涉及项目预算资金 {}\n",
                     integer(d.header.budget_unit_count), integer(d.header.project_count),
                     d.header.total_wan.value ? *d.header.total_wan.value + " 万元"
                                              : std::string(kAbsent));
  std::size_t forms = 0;
  for (const Project& p : d.projects) forms += p.has_form ? 1 : 0;
  out += fmt::format("读到项目 {} 个（申报表 {} 张）\n", d.projects.size(), forms);
  for (const Unreadable& u : d.unreadable)
    out += fmt::format("无法读取 {}（{}）：{}\n", u.field, lines_of(u.span), u.reason);
  for (const Project& p : d.projects) append_project(out, p);
  return out;
}

}  // namespace jixiao::cli
