// The line-broken layout: what pdftotext prints for a published declaration PDF
// (see ../shared/samples/songjiang-gov-office-2024.txt and songjiang-sci-tech-*.txt).
#include "synth/render_parts.h"

#include <array>

#include "synth/render_common.h"
#include "synth/text_wrap.h"

namespace jixiao::synth::detail {
namespace {

// Column widths of one form, in display columns (a CJK character is 2).
struct FormWidths {
  int label, name, nature, category_label, category, department, implementer, date_label;
  int amount, goal_left, goal_right, l1, l2, indicator_name, indicator_value;
};

class LineBrokenRenderer {
 public:
  LineBrokenRenderer(const GeneratedDocument& doc, std::uint64_t seed)
      : doc_(doc), style_(doc.style), rng_(seed) {
    paragraph_width_ = static_cast<int>(rng_.between(27, 42)) * 2;
    page_lines_ = static_cast<int>(rng_.between(44, 70));
    leading_space_pages_ = rng_.percent(35);
    digit_spacing_ = rng_.percent(70) ? 100 : 60;
    sub_heading_comma_ = rng_.percent(50);
  }

  std::string render() {
    title();
    header();
    for (std::size_t k = 0; k < doc_.model.projects.size(); ++k) {
      const Project& p = doc_.model.projects[k];
      if (p.has_narrative) narrative(p, doc_.narratives[k]);
      if (p.has_form) form(p);
    }
    return std::move(w_.text());
  }

 private:
  // --- output with page breaks -------------------------------------------------------------
  void out(std::string_view text) {
    if (++lines_on_page_ >= page_lines_ && !text.empty() && last_blank_) {
      lines_on_page_ = 0;
      if (leading_space_pages_) {
        std::string& t = w_.text();
        if (t.size() >= 2 && t[t.size() - 1] == '\n' && t[t.size() - 2] == '\n') t.pop_back();
        w_.line(" " + std::string(text));
        last_blank_ = false;
        return;
      }
      w_.line("");
      w_.line("");
    }
    w_.line(text);
    last_blank_ = text.empty();
  }
  void blank() {
    if (!last_blank_) out("");
  }
  void page_break() {
    if (leading_space_pages_) return;
    blank();
    w_.line("");
    w_.line("");
    lines_on_page_ = 0;
  }
  std::string spaced(std::string_view text) { return pdf_spacing(text, rng_, digit_spacing_); }

  // A paragraph wrapped at the page width, every line its own block.
  void paragraph(std::string_view text, int width) {
    for (const auto& l : wrap_cell(spaced(text), width)) {
      out(l);
      blank();
    }
  }

  // One table row as pdftotext prints it: cells that fit on one line are joined by spaces;
  // a cell that wraps is printed as its own block of lines separated by blank lines, and
  // what follows it starts on the next line.
  void row(const std::vector<std::string>& cells, const std::vector<int>& widths) {
    std::string current;
    for (std::size_t k = 0; k < cells.size(); ++k) {
      if (cells[k].empty()) continue;
      auto lines = wrap_cell(cells[k], widths[k]);
      if (lines.size() <= 1) {
        if (!current.empty()) current += ' ';
        current += lines.empty() ? "" : lines[0];
        continue;
      }
      if (!current.empty()) {
        out(current);
        if (rng_.percent(50)) blank();
        current.clear();
      }
      for (std::size_t i = 0; i < lines.size(); ++i) {
        out(lines[i]);
        if (i + 1 < lines.size()) blank();
      }
    }
    if (!current.empty()) out(current);
  }

  // A label printed down a merged cell: one character per line, or a few per line.
  void vertical_label(std::string_view label, int per_line) {
    auto cps = code_points(label);
    for (std::size_t k = 0; k < cps.size(); k += static_cast<std::size_t>(per_line)) {
      std::string piece;
      for (std::size_t j = k; j < cps.size() && j < k + static_cast<std::size_t>(per_line); ++j)
        piece += cps[j];
      out(piece);
      blank();
    }
  }

  // --- document parts ------------------------------------------------------------------------
  void title() {
    const Declaration& d = doc_.model;
    std::string issuer = d.issuer.value.value_or("");
    int year = d.year.value.value_or(0);
    out("");
    if (style_.title_on_one_line) {
      out(issuer + " " + year_words(year) + " " + kDocumentTitle);
    } else if (rng_.percent(50)) {
      out(issuer + " " + year_words(year));
      blank();
      out(kDocumentTitle);
    } else {
      out(" " + issuer);
      blank();
      out(std::to_string(year) + " 年" + kDocumentTitle);
    }
    blank();
  }

  void header() {
    out(kHeaderHeading);
    blank();
    std::string text = pdf_spacing(header_paragraph(doc_.model, style_), rng_, 100);
    for (const auto& l : wrap_cell(text, paragraph_width_)) {
      out(l);
      blank();
    }
  }

  void narrative(const Project& p, const NarrativeLayout& layout) {
    for (const auto& l : narrative_heading(p, layout)) paragraph(l, paragraph_width_);
    std::string current_sub;
    int table_name_width = static_cast<int>(rng_.between(14, 20)) * 2;
    for (std::size_t k = 0; k < p.sections.size(); ++k) {
      const NarrativeSection& s = p.sections[k];
      if (!s.sub_project.empty() && s.sub_project != current_sub) {
        current_sub = s.sub_project;
        for (const auto& sub : p.sub_projects)
          if (sub.title == s.sub_project)
            paragraph(sub_project_heading(sub, sub_heading_comma_), paragraph_width_);
      }
      out(section_heading(s));
      blank();
      for (const auto& block : layout.section_blocks[k]) {
        if (block.kind == BodyBlock::Kind::kParagraph) {
          paragraph(block.cells[0], paragraph_width_);
          continue;
        }
        std::vector<std::string> cells;
        std::vector<int> widths;
        for (std::size_t c = 0; c < block.cells.size(); ++c) {
          cells.push_back(spaced(block.cells[c]));
          widths.push_back(c == 0 ? table_name_width : 24);
        }
        row(cells, widths);
        blank();
      }
    }
  }

  FormWidths form_widths() {
    FormWidths f;
    bool filling = style_.filling_form;
    f.label = static_cast<int>(rng_.between(4, 6)) * 2;
    f.name = static_cast<int>(rng_.between(8, 11)) * 2;
    f.nature = 16;
    f.category_label = filling ? 8 : (rng_.percent(80) ? 4 : 8);
    f.category = 14;
    f.department = static_cast<int>(rng_.between(7, 10)) * 2;
    f.implementer = static_cast<int>(rng_.between(16, 22)) * 2;
    f.date_label = static_cast<int>(rng_.between(4, 6)) * 2;
    f.amount = filling ? static_cast<int>(rng_.between(10, 13)) : 20;
    f.goal_left = static_cast<int>(rng_.between(17, 21)) * 2;
    f.goal_right = f.goal_left + static_cast<int>(rng_.between(1, 3)) * 2 * (rng_.percent(50) ? 1 : -1);
    f.l1 = rng_.percent(70) ? 6 : 4;
    f.l2 = filling ? 10 : 8;
    f.indicator_name = filling ? 26 : static_cast<int>(rng_.between(13, 20)) * 2;
    f.indicator_value = filling ? 8 : static_cast<int>(rng_.between(6, 8)) * 2;
    return f;
  }

  void form(const Project& p) {
    page_break();
    FormWidths fw = form_widths();
    const Declaration& d = doc_.model;
    out(form_title(style_, p.seq));
    if (style_.filling_form) blank();
    out(form_year(d.year.value.value_or(0), false, true));
    blank();

    // 项目名称 / 项目性质 / 项目类别
    std::vector<std::string> cells = {"项目名称", p.name.value.value_or("")};
    std::vector<int> widths = {fw.label, fw.name};
    if (p.nature.value) {
      cells.insert(cells.end(), {"项目性质", *p.nature.value});
      widths.insert(widths.end(), {fw.label, fw.nature});
    }
    cells.insert(cells.end(), {"项目类别", p.category.value.value_or("")});
    widths.insert(widths.end(), {fw.category_label, fw.category});
    row(cells, widths);
    blank();
    row({"主管部门", p.department.value.value_or(""), "实施单位", p.implementer.value.value_or("")},
        {fw.label, fw.department, fw.label, fw.implementer});
    blank();
    row({"计划开始日期", p.start.value ? p.start.value->iso() : "", "计划完成日期",
         p.end.value ? p.end.value->iso() : ""},
        {fw.date_label, 10, fw.date_label, 10});
    blank();
    funds(p, fw);
    goals(p, fw);
    indicators(p, fw);
    blank();
  }

  void funds(const Project& p, const FormWidths& fw) {
    out("项目资金");
    blank();
    out("（元）");
    blank();
    AmountStyle as = style_.amount_style;
    const Funds& f = p.funds;
    int label = 18;  // "其中：当年财政拨款" fits on one line
    row({"项目资金总额", amount_text(f.total, as, true), "年度资金申请总额",
         amount_text(f.annual_total, as, false)},
        {label, fw.amount, label, fw.amount});
    blank();
    row({"其中：财政资金", amount_text(f.fiscal, as, false)}, {label, fw.amount});
    blank();
    row({"其中：当年财政拨款", amount_text(f.current_appropriation, as, false)}, {label, fw.amount});
    blank();
    row({"上年结转资金", amount_text(f.carryover, as, false)}, {label, fw.amount});
    blank();
    row({"其他资金", amount_text(f.other, as, false), "其他资金", amount_text(f.annual_other, as, false)},
        {label, fw.amount, label, fw.amount});
  }

  void goals(const Project& p, const FormWidths& fw) {
    if (style_.filling_form) {
      blank();
      out("项目绩效目");
      blank();
      out("标");
      blank();
      out("项目总目标");
      blank();
      out(goal_years(p));
      out("年度总目标");
      blank();
    } else {
      blank();
      vertical_label("项目绩效目标", static_cast<int>(rng_.pick(std::array<int, 3>{1, 2, 6})));
      out("项目总目标 年度总体目标");
      blank();
    }
    auto left = wrap_cell(spaced(p.overall_goal.value.value_or("")), fw.goal_left);
    auto right = wrap_cell(spaced(p.annual_goal.value.value_or("")), fw.goal_right);
    if (left.size() == 1 && right.size() == 1) {
      out(left[0] + " " + right[0]);
      blank();
      return;
    }
    // Where the goal cell crosses a page, pdftotext prints each column's part per page.
    std::size_t split_left = left.size(), split_right = right.size();
    if (left.size() > 6 && right.size() > 6 && rng_.percent(5)) {
      split_left = left.size() / 2;
      split_right = right.size() / 2;
    }
    auto print = [&](const std::vector<std::string>& lines, std::size_t from, std::size_t to) {
      for (std::size_t k = from; k < to; ++k) {
        out(lines[k]);
        blank();
      }
    };
    print(left, 0, split_left);
    print(right, 0, split_right);
    print(left, split_left, left.size());
    print(right, split_right, right.size());
  }

  void indicators(const Project& p, const FormWidths& fw) {
    std::vector<std::string> rest_of_label;
    if (style_.filling_form) {
      out("绩效指标");
      blank();
      row({"一级指标", "二级指标 三级指标"}, {fw.l1, 40});
      blank();
      out("年度指标");
      blank();
      out("值");
      blank();
    } else {
      auto head = wrap_cell("一级指标", fw.l1);
      for (std::size_t k = 0; k + 1 < head.size(); ++k) {
        out(head[k]);
        blank();
      }
      out(head.back());
      out("二级指标 三级指标 年度(/项目)指标值");
      blank();
      // The vertical 绩效指标 label; occasionally the page splits it around the first group.
      int per_line = static_cast<int>(rng_.pick(std::array<int, 3>{1, 2, 3}));
      if (per_line == 1 && rng_.percent(15)) {
        vertical_label("绩效", 1);
        rest_of_label = {"指", "标"};
      } else {
        vertical_label("绩效指标", per_line);
      }
    }
    const auto& inds = p.indicators;
    for (std::size_t k = 0; k < inds.size();) {
      const std::string& l1 = inds[k].l1;
      auto l1_lines = wrap_cell(l1, fw.l1);
      for (std::size_t i = 0; i < l1_lines.size(); ++i) {
        out(l1_lines[i]);
        if (i + 1 < l1_lines.size() || rng_.percent(50)) blank();
      }
      while (k < inds.size() && inds[k].l1 == l1) {
        const std::string& l2 = inds[k].l2;
        bool first = true;
        bool own_line = style_.filling_form && rng_.percent(70);
        if (own_line) {
          row({l2}, {fw.l2});
          blank();
        }
        while (k < inds.size() && inds[k].l1 == l1 && inds[k].l2 == l2) {
          const Indicator& ind = inds[k];
          std::string value = spaced_value(ind.value, rng_, digit_spacing_, false);
          if (first && !own_line) {
            row({l2, ind.name, value}, {fw.l2, fw.indicator_name, fw.indicator_value});
            // The wrapped l2 label may leave its first row tight against it (handled in row()).
          } else {
            row({ind.name, value}, {fw.indicator_name, fw.indicator_value});
          }
          first = false;
          blank();
          ++k;
        }
      }
      if (!rest_of_label.empty()) {
        for (const auto& piece : rest_of_label) {
          out(piece);
          blank();
        }
        rest_of_label.clear();
      }
    }
  }

  const GeneratedDocument& doc_;
  const DocumentStyle& style_;
  Rng rng_;
  LineWriter w_;
  bool last_blank_ = true;
  int lines_on_page_ = 0;
  int page_lines_ = 50;
  bool leading_space_pages_ = false;
  int paragraph_width_ = 60;
  int digit_spacing_ = 100;
  bool sub_heading_comma_ = true;
};

}  // namespace

std::string render_line_broken(const GeneratedDocument& doc, std::uint64_t seed) {
  return LineBrokenRenderer(doc, seed).render();
}

}  // namespace jixiao::synth::detail
