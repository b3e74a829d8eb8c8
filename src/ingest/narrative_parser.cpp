#include "ingest/narrative_parser.h"

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
};

bool is_body_start(const std::string& text) {
  return match_section_heading(text) || match_sub_project_heading(text) ||
         match_project_name_line(text);
}

bool is_overview(std::string_view word) {
  return word == "项目概述" || word == "项目概况" || word == "项目简介" || word == "项目基本情况";
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
    if (auto h = match_section_heading(lines[k].text)) return h->value == 1;
  }
  return false;
}

// The budget stated by a set of sections (the project's own, or one sub-project's): 项目概述
// first; a 元 amount there gives way to a 万元 amount in 年度预算安排.
std::optional<AmountStatement> stated_budget(const std::vector<const SectionDraft*>& sections) {
  std::optional<AmountStatement> overview, budget;
  for (const SectionDraft* d : sections) {
    JoinedText text(d->body);
    if (!overview && is_overview(d->section.heading))
      overview = find_budget_statement(text, BudgetWords::kBudget);
    if (!budget && is_budget_section(d->section.heading)) {
      budget = find_budget_statement(text, BudgetWords::kBudgetOrRequest);
      if (!budget) budget = whole_text_amount(text);
    }
  }
  if (overview && overview->unit == "元" && budget && budget->unit == "万元") return budget;
  return overview ? overview : budget;
}

Field<std::string> budget_field(const std::optional<AmountStatement>& statement) {
  Field<std::string> field;
  if (!statement) return field;
  field.value = amount_in_wan(*statement);
  field.span = statement->span;
  return field;
}

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
  if (!title.empty()) project.narrative_title = Field<std::string>{title, title_span};

  // Body: sections, sub-projects and their sections.
  std::vector<SectionDraft> drafts;
  std::vector<std::vector<std::size_t>> sub_sections;  // per sub-project: indices into drafts
  std::vector<std::size_t> own_sections;               // the project's own sections
  int top_last = 0, sub_last = 0;
  std::optional<bool> top_arabic, sub_arabic;
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
      sub_arabic.reset();
      current = kNone;
      continue;
    }
    if (auto h = match_section_heading(line.text)) {
      bool own = false, accepted = false;
      if (in_sub && (!sub_arabic || *sub_arabic == h->arabic) && h->value > sub_last) {
        accepted = true;
        sub_last = h->value;
        sub_arabic = h->arabic;
      } else if ((!top_arabic || *top_arabic == h->arabic) && h->value > top_last &&
                 (!in_sub || !h->arabic)) {
        accepted = own = true;
        in_sub = false;
        top_last = h->value;
        top_arabic = h->arabic;
      }
      if (accepted) {
        SectionDraft d;
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
    JoinedText text(d.body);
    d.section.text = text.text();
    d.section.classified = contains(d.section.text, "暂不公开");
    d.section.span = d.section.span.merged(text.whole());
    read_line_items(d.body, d.section.sub_project, project);
    project.sections.push_back(d.section);
  }

  for (std::size_t s = 0; s < project.sub_projects.size(); ++s) {
    std::vector<const SectionDraft*> sections;
    for (std::size_t k : sub_sections[s]) {
      sections.push_back(&drafts[k]);
      project.sub_projects[s].span = project.sub_projects[s].span.merged(drafts[k].section.span);
    }
    project.sub_projects[s].budget_wan = budget_field(stated_budget(sections));
  }
  std::vector<const SectionDraft*> own;
  for (std::size_t k : own_sections) own.push_back(&drafts[k]);
  project.narrative_budget_wan = budget_field(stated_budget(own));
  if (!project.narrative_budget_wan.value && project.sub_projects.size() == 1)
    project.narrative_budget_wan = project.sub_projects.front().budget_wan;
  return info;
}

}  // namespace jixiao
