#include "synth/pdf_writer.h"

#include <algorithm>
#include <memory>
#include <string_view>

#include "synth/pdf_canvas.h"

namespace jixiao::synth {
namespace {

// Column widths (points, summing to the 483.28 pt content width) chosen so that every label of
// the official form fits on one line at 10 pt, as on most published forms; values wrap.
const std::vector<double> kFieldColumns = {84, 121.28, 71, 85, 55, 67};
const std::vector<double> kFundColumns = {84, 110, 95.28, 106, 88};
const std::vector<double> kGoalColumns = {84, 199.64, 199.64};
const std::vector<double> kIndicatorColumns = {84, 62, 104, 140.28, 93};
constexpr double kTableFont = 10;

template <class T>
std::string text_or_blank(const Field<T>& field) {
  return field.value ? *field.value : std::string();
}

std::string date_text(const Field<Date>& field) { return field.value ? field.value->iso() : ""; }

std::string amount_text(const Field<Money>& field, bool grouped, bool first) {
  if (!field.value) return "";
  if (grouped) return field.value->yuan_display();
  // Plain style as 填报表 forms print it: the first amount with decimals, the rest whole yuan.
  std::string s = field.value->yuan_string();
  if (!first && field.value->fen() % 100 == 0) s.resize(s.size() - 3);
  return s;
}

TableCell cell(std::string text, int col, int colspan = 1, int rowspan = 1, bool centered = false) {
  return TableCell{std::move(text), col, colspan, rowspan, centered};
}

TableCell label(std::string text, int col, int colspan = 1, int rowspan = 1) {
  return cell(std::move(text), col, colspan, rowspan, true);
}

Table make_table(const std::vector<double>& widths, bool centre) {
  Table t;
  t.widths = widths;
  t.font_size = kTableFont;
  t.centre_vertically = centre;
  return t;
}

void draw_header(PdfCanvas& canvas, const Declaration& d, bool department_level) {
  std::string year = d.year.value ? std::to_string(*d.year.value) : "";
  std::string issuer = text_or_blank(d.issuer);
  if (!issuer.empty() || !year.empty())
    canvas.paragraph(issuer + (year.empty() ? "" : year + "年"), {16, true, true});
  canvas.paragraph("财政支出项目绩效目标申报表", {16, true, true});
  canvas.space(12);
  canvas.paragraph("绩效目标设置情况", {12, true, false});
  std::string text = "按照本市预算绩效管理工作的总体要求，";
  const HeaderClaims& h = d.header;
  if (h.budget_unit_count.value)
    text += std::string(department_level ? "本部门" : "本单位") +
            std::to_string(*h.budget_unit_count.value) + "个预算单位开展了";
  else
    text += "本单位开展了";
  text += year + "年项目预算绩效目标编报工作";
  if (h.project_count.value)
    text += "，编报绩效目标的项目" + std::to_string(*h.project_count.value) + "个";
  if (h.total_wan.value) text += "，涉及项目预算资金" + *h.total_wan.value + "万元";
  text += "。";
  canvas.paragraph(text, {10.5, false, false, 2});
  canvas.space(10);
}

// A run of budget-table rows of a narrative body, drawn as one table of equal columns.
void draw_body_table(PdfCanvas& canvas, const std::vector<const BodyBlock*>& rows) {
  std::size_t columns = 1;
  for (const BodyBlock* b : rows) columns = std::max(columns, b->cells.size());
  Table t = make_table(std::vector<double>(columns, canvas.content_width() / static_cast<double>(columns)), false);
  for (const BodyBlock* b : rows) {
    TableRow row;
    for (std::size_t c = 0; c < b->cells.size(); ++c) row.cells.push_back(cell(b->cells[c], static_cast<int>(c)));
    t.rows.push_back(std::move(row));
  }
  canvas.table(t);
}

void draw_body(PdfCanvas& canvas, const std::vector<BodyBlock>& blocks) {
  std::vector<const BodyBlock*> pending_rows;
  auto flush = [&] {
    if (!pending_rows.empty()) draw_body_table(canvas, pending_rows);
    pending_rows.clear();
  };
  for (const BodyBlock& b : blocks) {
    if (b.kind == BodyBlock::Kind::kTableRow) {
      pending_rows.push_back(&b);
      continue;
    }
    flush();
    canvas.paragraph(b.cells.empty() ? "" : b.cells.front(), {10.5, false, false, 2});
  }
  flush();
}

// `layout` null: section bodies are drawn from the model's text, one paragraph each.
void draw_narrative(PdfCanvas& canvas, const Project& p, const NarrativeLayout* layout) {
  std::string title = text_or_blank(p.narrative_title);
  if (layout && layout->title_style_named) {
    canvas.paragraph("项目经费情况说明 " + std::to_string(p.seq), {14, true, true});
    canvas.paragraph("项目名称：" + title, {12, true, false});
  } else {
    canvas.paragraph("项目经费情况说明 " + std::to_string(p.seq) + "--" + title, {14, true, true});
  }
  canvas.space(6);
  std::string current_sub;
  for (std::size_t k = 0; k < p.sections.size(); ++k) {
    const NarrativeSection& s = p.sections[k];
    if (!s.sub_project.empty() && s.sub_project != current_sub) {
      auto sub = std::find_if(p.sub_projects.begin(), p.sub_projects.end(),
                              [&](const SubProject& sp) { return sp.title == s.sub_project; });
      std::string number = sub != p.sub_projects.end() ? sub->number : "";
      canvas.paragraph("（" + number + "）、" + s.sub_project, {11, true, false});
    }
    current_sub = s.sub_project;
    canvas.paragraph(s.number + "、" + s.heading, {11, true, false});
    if (layout && k < layout->section_blocks.size())
      draw_body(canvas, layout->section_blocks[k]);
    else
      canvas.paragraph(s.text, {10.5, false, false, 2});
  }
}

void draw_form(PdfCanvas& canvas, const Declaration& d, const Project& p,
               const PdfRenderOptions& o) {
  std::string title = std::string("财政项目支出绩效目标") + (o.filling_form ? "填报表" : "申报表");
  if (o.numbered_forms) title += " " + std::to_string(p.seq);
  canvas.paragraph(title, {16, true, true});
  if (d.year.value) canvas.paragraph("（" + std::to_string(*d.year.value) + "年度）", {12, false, true});
  canvas.space(8);

  Table fields = make_table(kFieldColumns, o.centre_cells);
  if (o.filling_form)
    fields.rows.push_back({{label("项目名称", 0), cell(text_or_blank(p.name), 1, 3),
                            label("项目类别", 4), cell(text_or_blank(p.category), 5)}});
  else
    fields.rows.push_back({{label("项目名称", 0), cell(text_or_blank(p.name), 1), label("项目性质", 2),
                            cell(text_or_blank(p.nature), 3), label("项目类别", 4),
                            cell(text_or_blank(p.category), 5)}});
  fields.rows.push_back({{label("主管部门", 0), cell(text_or_blank(p.department), 1),
                          label("实施单位", 2), cell(text_or_blank(p.implementer), 3, 3)}});
  fields.rows.push_back({{label("计划开始日期", 0), cell(date_text(p.start), 1),
                          label("计划完成日期", 2), cell(date_text(p.end), 3, 3)}});
  canvas.table(fields);

  const Funds& f = p.funds;
  bool g = o.grouped_amounts;
  Table funds = make_table(kFundColumns, o.centre_cells);
  funds.rows.push_back({{label("项目资金（元）", 0, 1, 4), label("项目资金总额", 1),
                         cell(amount_text(f.total, g, true), 2), label("年度资金申请总额", 3),
                         cell(amount_text(f.annual_total, g, false), 4)}});
  funds.rows.push_back({{label("其中：财政资金", 1, 1, 2), cell(amount_text(f.fiscal, g, false), 2, 1, 2),
                         label("其中：当年财政拨款", 3),
                         cell(amount_text(f.current_appropriation, g, false), 4)}});
  funds.rows.push_back({{label("上年结转资金", 3), cell(amount_text(f.carryover, g, false), 4)}});
  funds.rows.push_back({{label("其他资金", 1), cell(amount_text(f.other, g, false), 2),
                         label("其他资金", 3), cell(amount_text(f.annual_other, g, false), 4)}});
  canvas.table(funds);

  Table goals = make_table(kGoalColumns, o.centre_cells);
  goals.rows.push_back({{label("项目绩效目标", 0, 1, 2), label("项目总目标", 1), label("年度总体目标", 2)}});
  goals.rows.push_back({{cell(text_or_blank(p.overall_goal), 1), cell(text_or_blank(p.annual_goal), 2)}});
  canvas.table(goals);

  Table indicators = make_table(kIndicatorColumns, o.centre_cells);
  const auto& inds = p.indicators;
  int n = static_cast<int>(inds.size());
  indicators.rows.push_back({{label("绩效指标", 0, 1, n + 1), label("一级指标", 1), label("二级指标", 2),
                              label("三级指标", 3), label("年度(/项目)指标值", 4)}});
  // Consecutive rows with the same 一级 (and, inside it, the same 二级) share one merged cell.
  for (int i = 0; i < n; ++i) {
    TableRow row;
    const Indicator& ind = inds[static_cast<std::size_t>(i)];
    if (i == 0 || inds[static_cast<std::size_t>(i - 1)].l1 != ind.l1) {
      int span = 1;
      while (i + span < n && inds[static_cast<std::size_t>(i + span)].l1 == ind.l1) ++span;
      row.cells.push_back(label(ind.l1, 1, 1, span));
    }
    bool new_l1 = i == 0 || inds[static_cast<std::size_t>(i - 1)].l1 != ind.l1;
    if (new_l1 || inds[static_cast<std::size_t>(i - 1)].l2 != ind.l2) {
      int span = 1;
      while (i + span < n && inds[static_cast<std::size_t>(i + span)].l1 == ind.l1 &&
             inds[static_cast<std::size_t>(i + span)].l2 == ind.l2)
        ++span;
      row.cells.push_back(label(ind.l2, 2, 1, span));
    }
    row.cells.push_back(cell(ind.name, 3));
    row.cells.push_back(cell(ind.value, 4));
    indicators.rows.push_back(std::move(row));
  }
  canvas.table(indicators);
}

Result<std::string> render(const Declaration& d, const PdfRenderOptions& o,
                           const std::vector<NarrativeLayout>* layouts, bool department_level) {
  auto created = PdfCanvas::create();
  if (!created) return created.error();
  PdfCanvas& canvas = **created;
  if (o.header) draw_header(canvas, d, department_level);
  for (std::size_t i = 0; i < d.projects.size(); ++i) {
    const Project& p = d.projects[i];
    if (o.narratives && p.has_narrative) {
      const NarrativeLayout* layout = layouts && i < layouts->size() ? &(*layouts)[i] : nullptr;
      draw_narrative(canvas, p, layout);
    }
    canvas.new_page();
    draw_form(canvas, d, p, o);
    canvas.new_page();
  }
  return canvas.finish();
}

}  // namespace

PdfRenderOptions pdf_options_for(const DocumentStyle& style) {
  PdfRenderOptions o;
  o.filling_form = style.filling_form;
  o.numbered_forms = style.numbered_forms;
  o.grouped_amounts = style.amount_style == AmountStyle::kGrouped;
  return o;
}

Result<std::string> render_declaration_pdf(const Declaration& d, const PdfRenderOptions& options) {
  bool department_level = d.header.budget_unit_count.value && *d.header.budget_unit_count.value > 1;
  return render(d, options, nullptr, department_level);
}

Result<std::string> render_generated_pdf(const GeneratedDocument& doc, bool centre_cells) {
  PdfRenderOptions o = pdf_options_for(doc.style);
  o.centre_cells = centre_cells;
  return render(doc.model, o, &doc.narratives, doc.style.department_level);
}

}  // namespace jixiao::synth
