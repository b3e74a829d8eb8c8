// Recognisers for the landmarks of a declaration document: the form title (申报表/填报表), the
// narrative title (项目经费情况说明), narrative section headings (一、项目概述 … 七、绩效目标 and
// 1、… inside sub-projects), sub-project headings (（一）、TITLE) and the 绩效目标设置情况 heading.
// Each works on one normalised line; none looks at context (segment.h does). Landmark words of
// four or more characters are still recognised when OCR replaced one of their characters by
// U+FFFD (see find_fuzzy); what is read next to them (titles, numbers) is not repaired.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace jixiao {

// Byte offset in `line` where a form title (…绩效目标申报表 / …绩效目标填报表, with its
// 财政项目支出-style prefix) starts, searching from `from`; npos when there is none. `end`, when
// given, receives the offset just past the title words.
std::size_t find_form_title(std::string_view line, std::size_t from = 0,
                            std::size_t* end = nullptr);
// The number printed after a form title ("填报表 1" → 1), if any; `title` starts at the title.
std::optional<int> form_title_number(std::string_view title);

// A narrative title line: "项目经费情况说明 3--TITLE", "项目经费情况说明 1" (title on a
// following 项目名称： line), "TITLE项目经费情况说明" / "TITLE经费情况说明", or the bare marker.
struct NarrativeMarker {
  std::optional<int> number;
  std::string title;  // may be empty (bare marker, or title given by a 项目名称： line)
};
std::optional<NarrativeMarker> match_narrative_marker(std::string_view line);
// Byte offset where "项目经费情况说明 N" starts inside a line after other text (OCR output that
// runs a narrative title into the previous paragraph); npos when there is none.
std::size_t find_inline_narrative_marker(std::string_view line);

// A numbered narrative section heading: "一、项目概述", "6、年度预算安排", "二、立项依据：…",
// "（一）项目概述". The word must be one of the section headings (项目概述, 立项依据, …).
struct SectionHeading {
  std::string number;  // "一" or "6"; empty when OCR garbled it (number_garbled)
  int value = 0;       // 1 or 6; 0 when garbled
  bool arabic = false;
  bool bracketed = false;       // "（一）项目概述"
  bool number_garbled = false;  // "�、项目概述"
  std::string word;    // the heading as printed ("项目概述")
  bool word_garbled = false;  // OCR garbled the word and it fits two headings ("项目概�"): word
                              // is then the printed text
  std::string rest;    // text after the heading on the same line (OCR, inline bodies)
};
std::optional<SectionHeading> match_section_heading(std::string_view line);
// Byte offset of a section heading that starts after other text on the line (after a space or
// sentence end: "…为期一年。 三、实施主体 …"); npos when there is none.
std::size_t find_inline_section_heading(std::string_view line);

// A sub-project heading: "（一）、项目推进及社保卡宣传活动", "(二)科技金融宣传活动费".
struct SubProjectHeading {
  std::string number;  // "一"; empty when OCR garbled it ("（�）、…")
  int value = 0;
  std::string title;
};
std::optional<SubProjectHeading> match_sub_project_heading(std::string_view line);

// "项目名称：TITLE" inside a narrative (TITLE may be empty when wrapped to the next line).
std::optional<std::string> match_project_name_line(std::string_view line);

// The heading of the header paragraph: "绩效目标设置情况" (possibly numbered "四、").
bool is_header_heading(std::string_view line);

}  // namespace jixiao
