// The tabbed layout: a table export of the declaration (see
// ../shared/samples/songjiang-bigdata-center-2024.txt): paragraphs one per line, form rows as
// tab-separated cells with empty cells where cells are merged, some rows shifted.
#include "synth/render_parts.h"

#include "synth/render_common.h"
#include "synth/text_wrap.h"

namespace jixiao::synth::detail {
namespace {

class TabbedRenderer {
 public:
  TabbedRenderer(const GeneratedDocument& doc, std::uint64_t seed)
      : doc_(doc), style_(doc.style), rng_(seed) {
    export_spacing_ = rng_.percent(40);
    digit_spacing_ = rng_.percent(50) ? 100 : 0;
    shift_percent_ = static_cast<int>(rng_.between(0, 12));
  }

  std::string render() {
    const Declaration& d = doc_.model;
    w_.line("");
    w_.line("");
    w_.line(d.issuer.value.value_or("") + " " + year_words(d.year.value.value_or(0)) + " " +
            kDocumentTitle);
    w_.line("");
    w_.line(kHeaderHeading);
    w_.line("");
    w_.line(pdf_spacing(header_paragraph(d, style_), rng_, 100));
    w_.line("");
    for (std::size_t k = 0; k < d.projects.size(); ++k) {
      const Project& p = d.projects[k];
      if (p.has_narrative) narrative(p, doc_.narratives[k]);
      if (p.has_form) form(p);
    }
    return std::move(w_.text());
  }

 private:
  static std::string tabs(const std::vector<std::string>& cells) {
    std::string out;
    for (std::size_t k = 0; k < cells.size(); ++k) {
      if (k > 0) out += '\t';
      out += cells[k];
    }
    return out;
  }

  // A paragraph on one line; now and then the export breaks it in two (a soft line break).
  void paragraph(const std::string& text) {
    std::string t = pdf_spacing(text, rng_, digit_spacing_);
    auto cps = code_points(t);
    // Word breaks such a line only between two Chinese characters, never inside a number.
    std::size_t at = cps.size() > 30 ? 10 + rng_.index(cps.size() - 20) : 0;
    while (at > 0 && at < cps.size() && !(is_ideograph(cps[at - 1]) && is_ideograph(cps[at]))) ++at;
    if (at > 0 && at < cps.size() && rng_.percent(8)) {
      std::string a, b;
      for (std::size_t k = 0; k < cps.size(); ++k) (k < at ? a : b) += cps[k];
      w_.line(a);
      w_.line("");
      w_.line(b);
    } else {
      w_.line(t);
    }
    w_.line("");
  }

  void narrative(const Project& p, const NarrativeLayout& layout) {
    for (const auto& l : narrative_heading(p, layout)) paragraph(l);
    std::string current_sub;
    for (std::size_t k = 0; k < p.sections.size(); ++k) {
      const NarrativeSection& s = p.sections[k];
      if (!s.sub_project.empty() && s.sub_project != current_sub) {
        current_sub = s.sub_project;
        for (const auto& sub : p.sub_projects)
          if (sub.title == s.sub_project) paragraph(sub_project_heading(sub, true));
      }
      paragraph(section_heading(s));
      for (const auto& block : layout.section_blocks[k]) {
        if (block.kind == BodyBlock::Kind::kParagraph) {
          paragraph(block.cells[0]);
        } else {
          w_.line(tabs(block.cells));
          w_.line("");
        }
      }
    }
  }

  std::string value_text(const std::string& value) {
    return spaced_value(value, rng_, 0, export_spacing_);
  }

  void form(const Project& p) {
    const Declaration& d = doc_.model;
    w_.line(form_title(style_, p.seq) + "\t\t\t\t\t");
    w_.line(form_year(d.year.value.value_or(0), true, rng_.percent(60)) + "\t\t\t\t\t");
    std::vector<std::string> first = {"项目名称", p.name.value.value_or("")};
    if (p.nature.value) first.insert(first.end(), {"项目性质", *p.nature.value});
    first.insert(first.end(), {"项目类别", p.category.value.value_or("")});
    while (first.size() < 6) first.push_back("");
    w_.line(tabs(first));
    w_.line(tabs({"主管部门", p.department.value.value_or(""), "实施单位",
                  p.implementer.value.value_or(""), "", ""}));
    w_.line(tabs({"计划开始日期", p.start.value ? p.start.value->iso() : "", "计划完成日期",
                  p.end.value ? p.end.value->iso() : "", "", ""}));
    // Some exports put an empty cell before the right-hand amounts.
    std::string gap = rng_.percent(15) ? "\t" : "";
    AmountStyle as = style_.amount_style;
    const Funds& f = p.funds;
    w_.line("项目资金 (元)\t项目资金总额\t" + amount_text(f.total, as, true) + "\t年度资金申请总额\t" +
            gap + amount_text(f.annual_total, as, false) + (gap.empty() ? "\t" : ""));
    w_.line("\t其中：财政资金\t" + amount_text(f.fiscal, as, false) + "\t其中：当年财政拨款\t" + gap +
            amount_text(f.current_appropriation, as, false) + (gap.empty() ? "\t" : ""));
    w_.line("\t\t\t上年结转资金\t" + gap + amount_text(f.carryover, as, false) +
            (gap.empty() ? "\t" : ""));
    w_.line("\t其他资金\t" + amount_text(f.other, as, false) + "\t其他资金\t" + gap +
            amount_text(f.annual_other, as, false) + (gap.empty() ? "\t" : ""));
    goals(p);
    indicators(p);
    w_.line("");
  }

  void goals(const Project& p) {
    std::string label = rng_.percent(80) ? "项目绩效目标" : "项目 绩效 目标";
    std::string overall_head = style_.filling_form ? "项目总目标" + goal_years(p) : "项目总目标";
    std::string annual_head = style_.filling_form ? "年度总目标" : "年度总体目标";
    w_.line(label + "\t" + overall_head + "\t\t" + annual_head + "\t\t");
    std::string left = pdf_spacing(p.overall_goal.value.value_or(""), rng_, digit_spacing_);
    std::string right = pdf_spacing(p.annual_goal.value.value_or(""), rng_, digit_spacing_);
    auto l = code_points(left), r = code_points(right);
    if (l.size() > 40 && r.size() > 40 && rng_.percent(10)) {
      // The goal row crosses a page: both cells continue on a second exported row.
      std::size_t at_l = l.size() / 2 + rng_.index(10), at_r = r.size() / 2 + rng_.index(10);
      std::string l1, l2, r1, r2;
      for (std::size_t k = 0; k < l.size(); ++k) (k < at_l ? l1 : l2) += l[k];
      for (std::size_t k = 0; k < r.size(); ++k) (k < at_r ? r1 : r2) += r[k];
      w_.line("\t" + l1 + "\t\t" + r1 + "\t\t");
      w_.line("");
      w_.line("\t" + l2 + "\t\t" + r2 + "\t");
    } else {
      w_.line("\t" + left + "\t\t" + right + "\t\t");
    }
  }

  void indicators(const Project& p) {
    const std::string value_head = style_.filling_form ? "年度指标值" : "年度(/项目)指标值";
    int variant = static_cast<int>(rng_.between(0, 3));
    const auto& inds = p.indicators;
    // Where the merged 绩效指标 label lands: split over the first two rows, in the first row, or
    // on the heading row.
    if (variant == 2) {
      w_.line("绩效指标\t一级指标\t二级指标\t三级指标\t" + value_head + "\t");
    } else if (variant == 1) {
      w_.line("一级指标\t二级指标\t三级指标\t\t" + value_head + "\t");
      w_.line("");
    } else {
      w_.line("\t一级指标\t二级指标\t三级指标\t" + value_head + (rng_.percent(50) ? "\t" : ""));
    }
    std::string prev_l1, prev_l2;
    for (std::size_t k = 0; k < inds.size(); ++k) {
      const Indicator& ind = inds[k];
      std::string label;
      if (k == 0 && variant == 0) label = inds.size() > 1 ? "绩效" : "绩效指标";
      if (k == 1 && variant == 0) label = "指标";
      if (k == 0 && (variant == 1 || variant == 3)) label = "绩效指标";
      std::vector<std::string> cells = {label, ind.l1 == prev_l1 ? "" : ind.l1,
                                        ind.l1 == prev_l1 && ind.l2 == prev_l2 ? "" : ind.l2,
                                        ind.name, value_text(ind.value)};
      prev_l1 = ind.l1;
      prev_l2 = ind.l2;
      std::string line;
      // 成本指标 is both a level-1 and a level-2 name: shifting its row would make the table
      // ambiguous, which real exports of such forms are not seen to do.
      if (ind.l2 != "成本指标" && rng_.percent(shift_percent_)) {
        switch (rng_.between(0, 2)) {
          case 0: line = "\t" + tabs(cells); break;  // shifted right by an empty cell
          case 1:
            if (cells[0].empty()) cells.erase(cells.begin());  // shifted left
            line = tabs(cells);
            break;
          default:
            if (cells[1].empty() && !cells[2].empty()) std::swap(cells[1], cells[2]);
            line = tabs(cells);
            break;
        }
      } else {
        line = tabs(cells);
      }
      if (rng_.percent(40)) line += '\t';
      w_.line(line);
      if (k == 0 && variant == 0 && inds.size() > 1) w_.line("");
    }
  }

  const GeneratedDocument& doc_;
  const DocumentStyle& style_;
  Rng rng_;
  LineWriter w_;
  bool export_spacing_ = false;
  int digit_spacing_ = 0;
  int shift_percent_ = 0;
};

}  // namespace

std::string render_tabbed(const GeneratedDocument& doc, std::uint64_t seed) {
  return TabbedRenderer(doc, seed).render();
}

}  // namespace jixiao::synth::detail
