#include "ingest/narrative_parser.h"

#include <algorithm>
#include <vector>

#include "ingest/line_items.h"
#include "ingest/lines.h"
#include "ingest/markers.h"
#include "ingest/narrative_budget.h"
#include "ingest/normalize.h"
#include "ingest/text_scan.h"

namespace jixiao {
namespace {

struct SectionDraft {
  NarrativeSection section;
  TextLines body;
  JoinedText text;  // body read as one paragraph (set once the body is complete)
  bool number_garbled = false;
  bool word_garbled = false;
};

bool is_body_start(const std::string& text) {
  return match_section_heading(text) || match_sub_project_heading(text) ||
         match_project_name_line(text);
}

bool is_overview(std::string_view word) {
  for (std::string_view overview : {"项目概述", "项目概况", "项目简介", "项目基本情况"}) {
    std::size_t length = 0;
    if (word == overview || (starts_with_fuzzy(word, overview, length) && length == word.size()))
      return true;  // a garbled "项目概�" is one of the overview words either way
  }
  return false;
}

bool is_budget_section(std::string_view word) { return contains(word, "预算"); }

// How many lines after `from` continue a wrapped title: those before the first body start, if
// one follows within three lines; none otherwise (the text is then body, not title).
std::size_t title_continuation(std::span<const TextLine> lines, std::size_t from) {
  for (std::size_t k = from; k < lines.size() && k < from + 3; ++k)
    if (is_body_start(lines[k].text)) return k - from;
  return 0;
}

// A "（一）、TITLE" line opens a sub-project when the next section heading after it is the first
// one ("1、项目概述").
bool opens_sub_project(std::span<const TextLine> lines, std::size_t at) {
  for (std::size_t k = at + 1; k < lines.size() && k <= at + 4; ++k) {
    if (match_sub_project_heading(lines[k].text)) return false;
    if (auto h = match_section_heading(lines[k].text)) return h->value == 1 || h->number_garbled;
  }
  return false;
}

// What a set of sections (the project's own, or one sub-project's) says about its budget.
struct BudgetReading {
  std::optional<AmountStatement> statement;
  std::optional<SourceSpan> unreadable;  // the statement may be there but garbled by OCR
};

// 项目概述 first, then 年度预算安排; a 元 amount in the overview gives way to a 万元 amount in
// 年度预算安排. A section garbled by OCR (U+FFFD) that yields no clean statement makes the
// budget unreadable rather than letting a later, possibly different, amount stand in for it.
BudgetReading stated_budget(const std::vector<const SectionDraft*>& sections) {
  BudgetReading out;
  std::optional<AmountStatement> overview, budget;
  bool overview_seen = false, budget_seen = false;
  auto unreadable = [&](const SourceSpan& span) {
    BudgetReading r;
    r.unreadable = span;
    return r;
  };
  for (const SectionDraft* d : sections) {
    const JoinedText& text = d->text;
    bool garbled = has_replacement_char(text.text());
    if (!overview_seen && is_overview(d->section.heading)) {
      overview_seen = true;
      overview = find_budget_statement(text, BudgetWords::kBudget);
      if ((overview && overview->garbled) || (!overview && garbled)) return unreadable(text.whole());
    } else if (!budget_seen && is_budget_section(d->section.heading)) {
      budget_seen = true;
      budget = find_budget_statement(text, BudgetWords::kBudgetOrRequest);
      if (!budget) budget = whole_text_amount(text);
      if ((budget && budget->garbled) || (!budget && garbled)) {
        if (!overview) return unreadable(text.whole());
        budget.reset();
      }
    }
  }
  if (overview && overview->unit == "元" && budget && budget->unit == "万元") {
    out.statement = budget;
  } else {
    out.statement = overview ? overview : budget;
  }
  return out;
}

Field<std::string> budget_field(const BudgetReading& reading) {
  Field<std::string> field;
  if (!reading.statement) return field;
  field.value = amount_in_wan(*reading.statement);
  field.span = reading.statement->span;
  return field;
}

const char* kGarbled = "含 OCR 无法识别的字符（�），不能确认原文";

}  // namespace

NarrativeInfo parse_narrative(std::span<const TextLine> lines, Project& project) {
  NarrativeInfo info;
  project.has_narrative = true;
  if (lines.empty()) return info;
  project.span = project.span.merged(lines.front().span().merged(lines.back().span()));

  // Title: on the marker line (possibly wrapped), or on a 项目名称： line after it.
  auto marker = match_narrative_marker(lines[0].text);
  std::string title = marker ? squeeze_cjk_spaces(marker->title) : std::string();
  if (marker) info.number = marker->number;
  SourceSpan title_span = lines[0].span();
  std::size_t i = 1;
  for (std::size_t wraps = title_continuation(lines, i); wraps > 0; --wraps, ++i) {
    title = join_wrapped(title, squeeze_cjk_spaces(lines[i].text));
    title_span = title_span.merged(lines[i].span());
  }
  if (i < lines.size()) {
    if (auto name = match_project_name_line(lines[i].text)) {
      std::string named = squeeze_cjk_spaces(*name);
      SourceSpan named_span = lines[i].span();
      ++i;
      for (std::size_t wraps = title_continuation(lines, i); wraps > 0; --wraps, ++i) {
        named = join_wrapped(named, squeeze_cjk_spaces(lines[i].text));
        named_span = named_span.merged(lines[i].span());
      }
      if (title.empty() && !named.empty()) {
        title = named;
        title_span = named_span;
      }
    }
  }
  if (has_replacement_char(title)) {
    project.unreadable.push_back(Unreadable{"narrative_title", title_span, kGarbled});
  } else if (!title.empty()) {
    project.narrative_title = Field<std::string>{title, title_span};
  }

  // Body: sections, sub-projects and their sections.
  std::vector<SectionDraft> drafts;
  std::vector<std::vector<std::size_t>> sub_sections;  // per sub-project: indices into drafts
  std::vector<std::size_t> own_sections;               // the project's own sections
  int top_last = 0, sub_last = 0;
  // Numbering style of the current scope: -1 not seen yet, 0 Chinese (一、), 1 Arabic (1、),
  // 2 bracketed (（一）).
  int top_style = -1, sub_style = -1;
  auto style_of = [](const SectionHeading& h) { return h.bracketed ? 2 : h.arabic ? 1 : 0; };
  bool in_sub = false;
  constexpr std::size_t kNone = static_cast<std::size_t>(-1);
  std::size_t current = kNone;  // index into drafts of the section being read
  for (; i < lines.size(); ++i) {
    const TextLine& line = lines[i];
    if (auto sp = match_sub_project_heading(line.text); sp && opens_sub_project(lines, i)) {
      project.sub_projects.push_back(
          SubProject{sp->number, squeeze_cjk_spaces(sp->title), {}, line.span()});
      sub_sections.emplace_back();
      in_sub = true;
      sub_last = 0;
      sub_style = -1;
      current = kNone;
      continue;
    }
    if (auto h = match_section_heading(line.text)) {
      if (h->number_garbled) {  // "�、项目概述": the next number of the current numbering
        h->arabic = in_sub ? sub_style != 0 : top_style == 1;
        h->value = (in_sub ? sub_last : top_last) + 1;
      }
      bool own = false, accepted = false;
      // A garbled number does not show its style: the first heading of a numbering leaves it
      // to the next one ("�、项目概述" then "2、立项依据").
      auto style = [&](int known) { return h->number_garbled ? known : style_of(*h); };
      if (in_sub && (sub_style < 0 || sub_style == style_of(*h)) && h->value > sub_last) {
        accepted = true;
        sub_last = h->value;
        sub_style = style(sub_style);
      } else if ((top_style < 0 || top_style == style_of(*h)) && h->value > top_last &&
                 (!in_sub || !h->arabic)) {
        accepted = own = true;
        in_sub = false;
        top_last = h->value;
        top_style = style(top_style);
      }
      if (accepted) {
        SectionDraft d;
        d.number_garbled = h->number_garbled;
        d.word_garbled = h->word_garbled;
        d.section.number = h->number;
        d.section.heading = h->word;
        d.section.sub_project = own ? std::string() : project.sub_projects.back().title;
        d.section.span = line.span();
        if (!h->rest.empty()) d.body.push_back(TextLine{h->rest, line.number, line.box});
        drafts.push_back(std::move(d));
        current = drafts.size() - 1;
        (own ? own_sections : sub_sections.back()).push_back(current);
        continue;
      }
    }
    if (current != kNone) {
      drafts[current].body.push_back(line);
    } else if (in_sub && sub_sections.back().empty()) {
      SubProject& sub = project.sub_projects.back();  // a wrapped sub-project title
      sub.title = join_wrapped(sub.title, squeeze_cjk_spaces(line.text));
      sub.span = sub.span.merged(line.span());
    } else {
      // Text before the first heading: kept as an unnumbered section so nothing is lost.
      SectionDraft d;
      d.section.span = line.span();
      drafts.push_back(std::move(d));
      current = drafts.size() - 1;
      drafts[current].body.push_back(line);
      own_sections.push_back(current);
    }
  }

  for (SectionDraft& d : drafts) {
    d.text = JoinedText(d.body);
    const JoinedText& text = d.text;
    d.section.text = text.text();
    std::size_t length = 0;
    d.section.classified = find_fuzzy(d.section.text, "暂不公开", 0, length) != std::string::npos;
    d.section.span = d.section.span.merged(text.whole());
    std::string path = "sections[" + std::to_string(project.sections.size()) + "]";
    if (d.number_garbled)
      project.unreadable.push_back(Unreadable{path + ".number", d.section.span, kGarbled});
    if (d.word_garbled)
      project.unreadable.push_back(Unreadable{path + ".heading", d.section.span, kGarbled});
    if (has_replacement_char(d.section.text))
      project.unreadable.push_back(Unreadable{path + ".text", d.section.span, kGarbled});
    read_line_items(d.body, d.section.sub_project, project);
    project.sections.push_back(d.section);
  }

  for (std::size_t s = 0; s < project.sub_projects.size(); ++s) {
    std::vector<const SectionDraft*> sections;
    for (std::size_t k : sub_sections[s]) {
      sections.push_back(&drafts[k]);
      project.sub_projects[s].span = project.sub_projects[s].span.merged(drafts[k].section.span);
    }
    SubProject& sub = project.sub_projects[s];
    std::string path = "sub_projects[" + std::to_string(s) + "]";
    if (sub.number.empty()) project.unreadable.push_back(Unreadable{path + ".number", sub.span, kGarbled});
    if (has_replacement_char(sub.title)) {
      project.unreadable.push_back(Unreadable{path + ".title", sub.span, kGarbled});
      // What refers to the sub-project by its title carries the same garbled title.
      for (std::size_t k = 0; k < project.sections.size(); ++k)
        if (project.sections[k].sub_project == sub.title)
          project.unreadable.push_back(Unreadable{"sections[" + std::to_string(k) + "].sub_project",
                                                  project.sections[k].span, kGarbled});
      for (std::size_t k = 0; k < project.line_items.size(); ++k)
        if (project.line_items[k].sub_project == sub.title)
          project.unreadable.push_back(Unreadable{
              "line_items[" + std::to_string(k) + "].sub_project", project.line_items[k].span, kGarbled});
    }
    BudgetReading reading = stated_budget(sections);
    sub.budget_wan = budget_field(reading);
    if (reading.unreadable)
      project.unreadable.push_back(Unreadable{path + ".budget_wan", *reading.unreadable, kGarbled});
  }
  std::vector<const SectionDraft*> own;
  for (std::size_t k : own_sections) own.push_back(&drafts[k]);
  BudgetReading reading = stated_budget(own);
  project.narrative_budget_wan = budget_field(reading);
  if (reading.unreadable) {
    project.unreadable.push_back(Unreadable{"narrative_budget_wan", *reading.unreadable, kGarbled});
  } else if (!project.narrative_budget_wan.value && project.sub_projects.size() == 1) {
    project.narrative_budget_wan = project.sub_projects.front().budget_wan;
    auto sub_budget = std::find_if(project.unreadable.begin(), project.unreadable.end(),
                                   [](const Unreadable& u) { return u.field == "sub_projects[0].budget_wan"; });
    if (sub_budget != project.unreadable.end()) {
      Unreadable copy = *sub_budget;
      copy.field = "narrative_budget_wan";
      project.unreadable.push_back(std::move(copy));
    }
  }
  return info;
}

}  // namespace jixiao
