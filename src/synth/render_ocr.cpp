// The ocr-flat layout: OCR output of a scanned declaration. Paragraphs come out one per line;
// each form comes out as ONE long line, read visual line by visual line across the table's
// columns, so the wrapped pieces of neighbouring cells interleave ("主管部门 上海市松江区人
// 实施单位 上海市松江区人民政府办公室（本级） 民政府办公室") and merged vertical labels are
// spread over the rows they span. From the goals down, cells are tab-separated.
#include <algorithm>

#include "synth/render_common.h"
#include "synth/render_parts.h"
#include "synth/text_wrap.h"

namespace jixiao::synth::detail {
namespace {

// A form drawn as a grid: rows of cells, plus cells that span several rows (vertical labels,
// 一级/二级 labels over their groups).
struct GridCell {
  int column = 0;
  std::vector<std::string> lines;
};
struct Span {
  int column = 0;
  std::size_t first_row = 0, last_row = 0;
  std::vector<std::string> lines;
};
struct Grid {
  std::vector<std::vector<GridCell>> rows;
  std::vector<Span> spans;
  std::size_t tab_from_row = static_cast<std::size_t>(-1);  // rows from here are tab-separated
};

struct Token {
  int column;
  std::string text;
};

class OcrRenderer {
 public:
  OcrRenderer(const GeneratedDocument& doc, std::uint64_t seed, const OcrNoise& noise)
      : doc_(doc), style_(doc.style), rng_(seed), noise_(noise) {}

  std::string render() {
    const Declaration& d = doc_.model;
    line(d.issuer.value.value_or("") + " " + year_words(d.year.value.value_or(0)) + " " +
         kDocumentTitle);
    line(kHeaderHeading);
    line(pdf_spacing(header_paragraph(d, style_), rng_, 100));
    for (std::size_t k = 0; k < d.projects.size(); ++k) {
      const Project& p = d.projects[k];
      if (p.has_narrative) narrative(p, doc_.narratives[k]);
      if (p.has_form) form(p);
    }
    return std::move(out_);
  }

 private:
  // --- noise -----------------------------------------------------------------------------------
  std::string noisy(std::string_view text) {
    std::string t(text);
    if (noise_.full_width_digits && rng_.percent(30)) t = full_width(t);
    if (noise_.letter_spacing && rng_.percent(20)) t = letter_spaced(t);
    if (noise_.garbled && rng_.percent(3)) t = garble(t);
    return t;
  }
  static std::string full_width(std::string_view t) {
    std::string out;
    for (char c : t) {
      if (c >= '0' && c <= '9') {
        out += "\xEF\xBC";  // U+FF10..U+FF19 are EF BC 90..99
        out += static_cast<char>(0x90 + (c - '0'));
      } else if (c == '%') {
        out += "％";
      } else {
        out += c;
      }
    }
    return out;
  }
  static std::string letter_spaced(std::string_view t) {
    auto cps = code_points(t);
    std::string out;
    for (std::size_t k = 0; k < cps.size(); ++k) {
      if (k > 0 && is_ideograph(cps[k - 1]) && is_ideograph(cps[k])) out += ' ';
      out += cps[k];
    }
    return out;
  }
  std::string garble(std::string_view t) {
    auto cps = code_points(t);
    if (cps.empty()) return std::string(t);
    std::size_t at = rng_.index(cps.size());
    std::string out;
    for (std::size_t k = 0; k < cps.size(); ++k) out += k == at ? std::string("\xEF\xBF\xBD") : std::string(cps[k]);
    return out;
  }

  void line(const std::string& text) {
    out_ += noisy(text);
    out_ += '\n';
  }

  void narrative(const Project& p, const NarrativeLayout& layout) {
    for (const auto& l : narrative_heading(p, layout)) line(l);
    std::string current_sub;
    for (std::size_t k = 0; k < p.sections.size(); ++k) {
      const NarrativeSection& s = p.sections[k];
      if (!s.sub_project.empty() && s.sub_project != current_sub) {
        current_sub = s.sub_project;
        for (const auto& sub : p.sub_projects)
          if (sub.title == s.sub_project) line(sub_project_heading(sub, true));
      }
      line(section_heading(s));
      for (const auto& block : layout.section_blocks[k]) {
        std::string text;
        for (std::size_t c = 0; c < block.cells.size(); ++c) {
          if (c > 0) text += ' ';
          text += block.cells[c];
        }
        line(pdf_spacing(text, rng_, 60));
      }
    }
  }

  // --- the form as a grid ----------------------------------------------------------------------
  GridCell cell(int column, const std::string& text, int width) {
    return GridCell{column, wrap_cell(text, width)};
  }

  Grid build_grid(const Project& p) {
    Grid g;
    const Declaration& d = doc_.model;
    int label = static_cast<int>(rng_.between(4, 6)) * 2;
    g.rows.push_back({cell(0, form_title(style_, p.seq), 60)});
    g.rows.push_back({cell(0, form_year(d.year.value.value_or(0), false, false), 30)});
    std::vector<GridCell> r = {cell(0, "项目名称", label), cell(1, p.name.value.value_or(""), 16)};
    if (p.nature.value) {
      r.push_back(cell(2, "项目性质", label));
      r.push_back(cell(3, *p.nature.value, 16));
    }
    r.push_back(cell(4, "项目类别", style_.filling_form ? 8 : 4));
    r.push_back(cell(5, p.category.value.value_or(""), 14));
    g.rows.push_back(r);
    g.rows.push_back({cell(0, "主管部门", label), cell(1, p.department.value.value_or(""), 14),
                      cell(2, "实施单位", label), cell(3, p.implementer.value.value_or(""), 36)});
    g.rows.push_back({cell(0, "计划开始日期", label), cell(1, p.start.value ? p.start.value->iso() : "", 10),
                      cell(2, "计划完成日期", label), cell(3, p.end.value ? p.end.value->iso() : "", 10)});
    AmountStyle as = style_.amount_style;
    const Funds& f = p.funds;
    int amount = style_.filling_form ? 12 : 20;
    std::size_t funds_first = g.rows.size();
    g.rows.push_back({cell(1, "项目资金总额", 14), cell(2, amount_text(f.total, as, true), amount),
                      cell(3, "年度资金申请总额", 18), cell(4, amount_text(f.annual_total, as, false), amount)});
    g.rows.push_back({cell(1, "其中：财政资金", 14), cell(2, amount_text(f.fiscal, as, false), amount),
                      cell(3, "其中：当年财政拨款", 18),
                      cell(4, amount_text(f.current_appropriation, as, false), amount)});
    g.rows.push_back({cell(3, "上年结转资金", 18), cell(4, amount_text(f.carryover, as, false), amount)});
    g.rows.push_back({cell(1, "其他资金", 14), cell(2, amount_text(f.other, as, false), amount),
                      cell(3, "其他资金", 18), cell(4, amount_text(f.annual_other, as, false), amount)});
    g.spans.push_back({0, funds_first, g.rows.size() - 1, wrap_cell("项目资金（元）", 4)});

    std::size_t goals_first = g.rows.size();
    g.tab_from_row = rng_.percent(50) ? goals_first : goals_first + 2;
    int goal_width = static_cast<int>(rng_.between(16, 22)) * 2;
    g.rows.push_back({cell(1, "项目总目标", goal_width), cell(3, style_.filling_form ? "年度总目标" : "年度总体目标", goal_width)});
    g.rows.push_back({cell(1, p.overall_goal.value.value_or(""), goal_width),
                      cell(3, p.annual_goal.value.value_or(""), goal_width + 2)});
    g.spans.push_back({0, goals_first, g.rows.size() - 1, wrap_cell("项目绩效目标", 2)});

    std::size_t table_first = g.rows.size();
    g.rows.push_back({cell(1, "一级指标", 6), cell(2, "二级指标", 8), cell(3, "三级指标", 24),
                      cell(4, style_.filling_form ? "年度指标值" : "年度(/项目)指标值", 10)});
    const auto& inds = p.indicators;
    int l1_width = rng_.percent(70) ? 6 : 4;
    int value_width = style_.filling_form ? 8 : 14;
    for (std::size_t k = 0; k < inds.size();) {
      std::size_t l1_first = g.rows.size();
      const std::string& l1 = inds[k].l1;
      while (k < inds.size() && inds[k].l1 == l1) {
        std::size_t l2_first = g.rows.size();
        const std::string& l2 = inds[k].l2;
        while (k < inds.size() && inds[k].l1 == l1 && inds[k].l2 == l2) {
          g.rows.push_back({cell(3, inds[k].name, 26),
                            cell(4, pdf_spacing(inds[k].value, rng_, 50), value_width)});
          ++k;
        }
        g.spans.push_back({2, l2_first, g.rows.size() - 1, wrap_cell(l2, 8)});
      }
      g.spans.push_back({1, l1_first, g.rows.size() - 1, wrap_cell(l1, l1_width)});
    }
    g.spans.push_back({0, table_first, g.rows.size() - 1, wrap_cell("绩效指标", 2)});
    return g;
  }

  // Reads the grid as OCR does: visual line by visual line, left to right.
  std::string flatten(const Grid& g) {
    std::vector<std::size_t> height(g.rows.size(), 1);
    for (std::size_t r = 0; r < g.rows.size(); ++r)
      for (const auto& c : g.rows[r]) height[r] = std::max(height[r], c.lines.size());
    // A span taller than its rows makes its last row taller.
    for (const auto& s : g.spans) {
      std::size_t h = 0;
      for (std::size_t r = s.first_row; r <= s.last_row; ++r) h += height[r];
      if (s.lines.size() > h) height[s.last_row] += s.lines.size() - h;
    }
    std::vector<std::size_t> offset(g.rows.size() + 1, 0);
    for (std::size_t r = 0; r < g.rows.size(); ++r) offset[r + 1] = offset[r] + height[r];
    std::vector<std::vector<Token>> visual(offset.back());
    for (std::size_t r = 0; r < g.rows.size(); ++r)
      for (const auto& c : g.rows[r])
        for (std::size_t i = 0; i < c.lines.size(); ++i)
          visual[offset[r] + i].push_back({c.column, c.lines[i]});
    for (const auto& s : g.spans) {
      std::size_t top = offset[s.first_row], h = offset[s.last_row + 1] - top;
      std::size_t start = top + (h - s.lines.size()) / 2;  // vertically centred, as printed
      for (std::size_t i = 0; i < s.lines.size(); ++i) visual[start + i].push_back({s.column, s.lines[i]});
    }
    std::size_t tab_from = g.tab_from_row < g.rows.size() ? offset[g.tab_from_row] : visual.size();
    std::string out;
    for (std::size_t v = 0; v < visual.size(); ++v) {
      auto& tokens = visual[v];
      std::stable_sort(tokens.begin(), tokens.end(),
                       [](const Token& a, const Token& b) { return a.column < b.column; });
      char sep = v >= tab_from ? '\t' : ' ';
      for (const auto& t : tokens) {
        if (!out.empty()) out += sep;
        out += noisy(t.text);
      }
    }
    return out;
  }

  void form(const Project& p) {
    out_ += flatten(build_grid(p));
    out_ += '\n';
  }

  const GeneratedDocument& doc_;
  const DocumentStyle& style_;
  Rng rng_;
  OcrNoise noise_;
  std::string out_;
};

}  // namespace

std::string render_ocr_flat(const GeneratedDocument& doc, std::uint64_t seed, const OcrNoise& noise) {
  return OcrRenderer(doc, seed, noise).render();
}

}  // namespace jixiao::synth::detail
