// Internal to synth/: wording and formatting shared by the text renderers.
#pragma once

#include <string>
#include <vector>

#include "synth/generator.h"
#include "synth/rng.h"

namespace jixiao::synth::detail {

// Builds output line by line; blank lines separate the blocks pdftotext and exports produce.
class LineWriter {
 public:
  void line(std::string_view text) {
    out_.append(text);
    out_.push_back('\n');
    blank_ = text.empty();
  }
  // Ends the current block: one blank line unless the last line already was one.
  void blank() {
    if (!blank_) line("");
  }
  std::string& text() { return out_; }

 private:
  std::string out_;
  bool blank_ = true;
};

// The document title's parts: "<issuer> <year> 年" and "财政支出项目绩效目标申报表".
std::string year_words(int year);                 // "2024 年" (space as pdftotext prints it)
inline constexpr const char* kDocumentTitle = "财政支出项目绩效目标申报表";
inline constexpr const char* kHeaderHeading = "绩效目标设置情况";

// The 绩效目标设置情况 paragraph stating the header claims (no pdftotext spacing applied).
std::string header_paragraph(const Declaration& d, const DocumentStyle& style);

// "财政项目支出绩效目标申报表" / "…填报表 3".
std::string form_title(const DocumentStyle& style, int seq);
// "（2024 年度）" or "(2024年度)".
std::string form_year(int year, bool ascii_brackets, bool spaced);

// An amount as the form prints it; `first` is the 项目资金总额 cell (plain style gives it
// two decimals and the other cells none).
std::string amount_text(const Field<Money>& amount, AmountStyle style, bool first);

// "项目经费情况说明 3--TITLE" (or, when named, "项目经费情况说明 3" then "项目名称：TITLE").
std::vector<std::string> narrative_heading(const Project& p, const NarrativeLayout& layout);

// "（一）、TITLE" or "（一）TITLE".
std::string sub_project_heading(const SubProject& s, bool with_comma);

// Section heading "一、项目概述" / "1、项目概述".
std::string section_heading(const NarrativeSection& s);

// The total-goal header of 填报表 forms: "（2023 年- 2023 年）".
std::string goal_years(const Project& p);

// The value printed with the spacing quirks of a renderer: pdftotext separates digits from
// Chinese ("=4400 份"); table exports put spaces around decorated numbers ("≥ 4.00 (次)").
std::string spaced_value(const std::string& value, Rng& rng, int pdf_percent, bool export_spacing);

}  // namespace jixiao::synth::detail
