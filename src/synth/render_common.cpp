#include "synth/render_common.h"

#include "synth/text_wrap.h"

namespace jixiao::synth::detail {

std::string year_words(int year) { return std::to_string(year) + " 年"; }

std::string header_paragraph(const Declaration& d, const DocumentStyle& style) {
  std::string who = style.department_level ? "本部门" : "本单位";
  std::string out = "按照本市预算绩效管理工作的总体要求，" + who;
  if (d.header.budget_unit_count.value)
    out += std::to_string(*d.header.budget_unit_count.value) + "个预算单位";
  out += "开展了" + std::to_string(d.year.value.value_or(0)) + "年项目预算绩效目标编报工作";
  if (d.header.project_count.value)
    out += "，编报绩效目标的项目" + std::to_string(*d.header.project_count.value) + "个";
  if (d.header.total_wan.value) out += "，涉及项目预算资金" + *d.header.total_wan.value + "万元";
  out += "。";
  return out;
}

std::string form_title(const DocumentStyle& style, int seq) {
  std::string t = style.filling_form ? "财政项目支出绩效目标填报表" : "财政项目支出绩效目标申报表";
  if (style.numbered_forms) t += " " + std::to_string(seq);
  return t;
}

std::string form_year(int year, bool ascii_brackets, bool spaced) {
  std::string y = std::to_string(year) + (spaced ? " 年度" : "年度");
  return ascii_brackets ? "(" + y + ")" : "（" + y + "）";
}

std::string amount_text(const Field<Money>& amount, AmountStyle style, bool first) {
  if (!amount.value) return "";
  const Money& m = *amount.value;
  if (style == AmountStyle::kGrouped) return m.yuan_display();
  if (first || m.fen() % 100 != 0) return m.yuan_string();
  return std::to_string(m.fen() / 100);
}

std::vector<std::string> narrative_heading(const Project& p, const NarrativeLayout& layout) {
  std::string title = p.narrative_title.value.value_or("");
  if (layout.title_style_named)
    return {"项目经费情况说明 " + std::to_string(p.seq), "项目名称：" + title};
  return {"项目经费情况说明 " + std::to_string(p.seq) + "--" + title};
}

std::string sub_project_heading(const SubProject& s, bool with_comma) {
  return "（" + s.number + "）" + (with_comma ? "、" : "") + s.title;
}

std::string section_heading(const NarrativeSection& s) { return s.number + "、" + s.heading; }

std::string goal_years(const Project& p) {
  int y1 = p.start.value ? p.start.value->year : 0;
  int y2 = p.end.value ? p.end.value->year : 0;
  return "（" + std::to_string(y1) + " 年- " + std::to_string(y2) + " 年）";
}

std::string spaced_value(const std::string& value, Rng& rng, int pdf_percent, bool export_spacing) {
  if (!export_spacing) return pdf_spacing(value, rng, pdf_percent);
  // "≥90.00(次)" → "≥ 90.00 (次)"; "48小时内" → "48 小时内".
  auto cps = code_points(value);
  std::string out;
  for (std::size_t k = 0; k < cps.size(); ++k) {
    std::string_view cp = cps[k];
    bool cmp = cp == "≥" || cp == "≤";
    out += cp;
    if (cmp && k + 1 < cps.size()) out += ' ';
    if (k + 1 < cps.size()) {
      std::string_view next = cps[k + 1];
      bool digit = cp.size() == 1 && cp[0] >= '0' && cp[0] <= '9';
      if (digit && (next == "(" || is_ideograph(next))) out += ' ';
    }
  }
  return out;
}

}  // namespace jixiao::synth::detail
