#include "ingest/document.h"

#include <algorithm>
#include <functional>
#include <string_view>
#include <utility>
#include <optional>
#include <vector>

#include "ingest/form_parser.h"
#include "ingest/header.h"
#include "ingest/narrative_parser.h"
#include "ingest/normalize.h"
#include "ingest/segment.h"
#include "ingest/text_scan.h"

namespace jixiao {
namespace {

// A part read into a Project, with what pairing needs to know about it.
struct PartProject {
  Project project;
  std::size_t position = 0;        // index of its first line in DocumentParts::lines
  std::optional<int> number;       // 项目经费情况说明 N / 填报表 N
  std::string key;                 // title or name, compared loosely
  std::optional<std::size_t> partner;
};

// The contract (docs/json-contract.md): a field listed unreadable is null. The part parsers keep
// what they read until pairing (which compares form names with narrative titles) is done; here
// the listed scalar fields are cleared. Entries for whole objects (an indicator table block, a
// line item keeping only its amount) are left as the contract describes them.
template <class T>
void clear_field(Field<T>& field) {
  field.value.reset();
}

void null_unreadable_fields(Project& p) {
  std::pair<std::string_view, std::function<void()>> scalars[] = {
      {"narrative_title", [&] { clear_field(p.narrative_title); }},
      {"name", [&] { clear_field(p.name); }},
      {"nature", [&] { clear_field(p.nature); }},
      {"category", [&] { clear_field(p.category); }},
      {"department", [&] { clear_field(p.department); }},
      {"implementer", [&] { clear_field(p.implementer); }},
      {"start", [&] { clear_field(p.start); }},
      {"end", [&] { clear_field(p.end); }},
      {"funds_yuan.total", [&] { clear_field(p.funds.total); }},
      {"funds_yuan.fiscal", [&] { clear_field(p.funds.fiscal); }},
      {"funds_yuan.other", [&] { clear_field(p.funds.other); }},
      {"funds_yuan.annual_total", [&] { clear_field(p.funds.annual_total); }},
      {"funds_yuan.current_appropriation", [&] { clear_field(p.funds.current_appropriation); }},
      {"funds_yuan.carryover", [&] { clear_field(p.funds.carryover); }},
      {"funds_yuan.annual_other", [&] { clear_field(p.funds.annual_other); }},
      {"narrative_budget_wan", [&] { clear_field(p.narrative_budget_wan); }},
      {"overall_goal", [&] { clear_field(p.overall_goal); }},
      {"annual_goal", [&] { clear_field(p.annual_goal); }},
  };
  // "sections[3].text" → 3 and "text" when `u` names a field of element K of `list`.
  auto element = [](std::string_view field, std::string_view list, std::size_t size,
                    std::string_view& member) -> std::optional<std::size_t> {
    if (field.substr(0, list.size() + 1) != std::string(list) + "[") return std::nullopt;
    std::size_t close = field.find("].", list.size());
    if (close == std::string_view::npos) return std::nullopt;
    std::size_t k = 0;
    for (char c : field.substr(list.size() + 1, close - list.size() - 1)) {
      if (c < '0' || c > '9') return std::nullopt;
      k = k * 10 + static_cast<std::size_t>(c - '0');
    }
    member = field.substr(close + 2);
    return k < size ? std::optional(k) : std::nullopt;
  };
  for (const Unreadable& u : p.unreadable) {
    for (auto& [field, clear] : scalars)
      if (u.field == field) clear();
    std::string_view member;
    if (auto k = element(u.field, "sections", p.sections.size(), member)) {
      NarrativeSection& s = p.sections[*k];
      if (member == "number") s.number.clear();
      if (member == "heading") s.heading.clear();
      if (member == "text") s.text.clear();
      if (member == "sub_project") s.sub_project.clear();
    } else if (auto k = element(u.field, "sub_projects", p.sub_projects.size(), member)) {
      SubProject& s = p.sub_projects[*k];
      if (member == "number") s.number.clear();
      if (member == "title") s.title.clear();
      if (member == "budget_wan") clear_field(s.budget_wan);
    } else if (auto k = element(u.field, "line_items", p.line_items.size(), member)) {
      if (member == "sub_project") p.line_items[*k].sub_project.clear();
    }
  }
}

// Titles compared without whitespace and with ASCII/full-width brackets and colons unified.
std::string title_key(const Field<std::string>& field) {
  if (!field.value) return {};
  std::string s = strip_whitespace(*field.value);
  std::string out;
  for (std::size_t i = 0; i < s.size();) {
    char32_t cp = next_code_point(s, i);
    if (cp == U'（') cp = '(';
    if (cp == U'）') cp = ')';
    if (cp == U'：') cp = ':';
    append_utf8(out, cp);
  }
  return out;
}

// The year printed under a form title: "（2024 年度）".
std::optional<Field<int>> form_year(std::span<const TextLine> lines) {
  for (std::size_t k = 0; k < lines.size() && k < 3; ++k) {
    std::string c = strip_whitespace(lines[k].text);
    std::size_t pos = c.find("年度");
    if (pos == std::string::npos || pos < 4) continue;
    std::string_view digits = std::string_view(c).substr(pos - 4, 4);
    if (digits.find_first_not_of("0123456789") != std::string_view::npos) continue;
    return Field<int>{std::stoi(std::string(digits)), lines[k].span()};
  }
  return std::nullopt;
}

class Pairing {
 public:
  Pairing(std::vector<PartProject>& narratives, std::vector<PartProject>& forms)
      : narratives_(narratives), forms_(forms) {}

  void run() {
    by_title_before();
    by_number();
    by_block();
    by_run();
    by_title_anywhere();
  }

 private:
  void pair(std::size_t f, std::size_t n) {
    forms_[f].partner = n;
    narratives_[n].partner = f;
  }
  bool free_narrative(std::size_t n) const { return !narratives_[n].partner; }

  // Unpaired narratives between the form before `f` and `f`.
  std::vector<std::size_t> block(std::size_t f) const {
    std::size_t from = f == 0 ? 0 : forms_[f - 1].position;
    std::vector<std::size_t> out;
    for (std::size_t n = 0; n < narratives_.size(); ++n) {
      std::size_t p = narratives_[n].position;
      if (free_narrative(n) && p >= from && p < forms_[f].position) out.push_back(n);
    }
    return out;
  }

  template <class Match>
  void nearest_before(Match match) {
    for (std::size_t f = 0; f < forms_.size(); ++f) {
      if (forms_[f].partner) continue;
      std::optional<std::size_t> best;
      for (std::size_t n = 0; n < narratives_.size(); ++n) {
        if (!free_narrative(n) || narratives_[n].position > forms_[f].position) continue;
        if (match(forms_[f], narratives_[n])) best = n;
      }
      if (best) pair(f, *best);
    }
  }

  void by_title_before() {
    nearest_before([](const PartProject& f, const PartProject& n) {
      return !f.key.empty() && f.key == n.key;
    });
  }

  void by_number() {
    nearest_before([](const PartProject& f, const PartProject& n) {
      return f.number && n.number && *f.number == *n.number;
    });
  }

  void by_block() {
    for (std::size_t f = 0; f < forms_.size(); ++f) {
      if (forms_[f].partner) continue;
      auto candidates = block(f);
      if (candidates.size() == 1) pair(f, candidates.front());
    }
  }

  // Narratives N1…Nk followed by forms F1…Fk with nothing between the forms, none of them
  // paired yet: in order.
  void by_run() {
    for (std::size_t f = 0; f < forms_.size();) {
      std::size_t end = f + 1;
      while (end < forms_.size() &&
             !has_narrative_between(forms_[end - 1].position, forms_[end].position))
        ++end;
      std::size_t from = f == 0 ? 0 : forms_[f - 1].position;
      std::vector<std::size_t> candidates;
      bool all_free = true;
      for (std::size_t n = 0; n < narratives_.size(); ++n) {
        std::size_t p = narratives_[n].position;
        if (p < from || p >= forms_[f].position) continue;
        candidates.push_back(n);
        all_free = all_free && free_narrative(n);
      }
      for (std::size_t g = f; g < end; ++g) all_free = all_free && !forms_[g].partner;
      if (all_free && candidates.size() == end - f)
        for (std::size_t k = 0; k < candidates.size(); ++k) pair(f + k, candidates[k]);
      f = end;
    }
  }

  bool has_narrative_between(std::size_t from, std::size_t to) const {
    for (const PartProject& n : narratives_)
      if (n.position > from && n.position < to) return true;
    return false;
  }

  void by_title_anywhere() {
    for (std::size_t f = 0; f < forms_.size(); ++f) {
      if (forms_[f].partner || forms_[f].key.empty()) continue;
      for (std::size_t n = 0; n < narratives_.size(); ++n) {
        if (free_narrative(n) && narratives_[n].key == forms_[f].key) {
          pair(f, n);
          break;
        }
      }
    }
  }

  std::vector<PartProject>& narratives_;
  std::vector<PartProject>& forms_;
};

// Moves what the narrative contributes into the form's project.
void merge_narrative(Project& into, Project&& narrative) {
  into.narrative_title = std::move(narrative.narrative_title);
  into.narrative_budget_wan = std::move(narrative.narrative_budget_wan);
  into.sections = std::move(narrative.sections);
  into.sub_projects = std::move(narrative.sub_projects);
  into.line_items = std::move(narrative.line_items);
  into.has_narrative = true;
  into.span = into.span.merged(narrative.span);
  for (Unreadable& u : narrative.unreadable) into.unreadable.push_back(std::move(u));
}

}  // namespace

Result<Declaration> parse_document_lines(TextLines input, Layout layout, std::string_view source) {
  DocumentParts parts = segment_document(std::move(input));
  const TextLines& lines = parts.lines;
  auto range = [&](LineRange r) {
    return std::span<const TextLine>(lines.data() + r.begin, r.size());
  };

  Declaration d;
  d.source = std::string(source);
  d.layout = std::string(layout_name(layout));
  read_title(range(parts.title), d);
  if (parts.header) read_header_claims(range(*parts.header), d);
  bool has_claims = d.header.budget_unit_count.value || d.header.project_count.value ||
                    d.header.total_wan.value;
  if (!has_claims && parts.narratives.empty() && parts.forms.empty())
    return Error{std::string(source), 0, "",
                 "不是绩效目标申报文档：找不到“绩效目标设置情况”、“项目经费情况说明”或"
                 "“绩效目标申报表/填报表”"};

  std::vector<PartProject> narratives, forms;
  for (LineRange r : parts.narratives) {
    PartProject p;
    p.position = r.begin;
    NarrativeInfo info = parse_narrative(range(r), p.project);
    p.number = info.number;
    p.key = title_key(p.project.narrative_title);
    narratives.push_back(std::move(p));
  }
  for (const FormRegion& region : parts.forms) {
    PartProject p;
    p.position = region.range.begin;
    p.number = region.number;
    auto form_lines = range(region.range);
    p.project.has_form = true;
    p.project.span = form_lines.front().span().merged(form_lines.back().span());
    parse_form(form_lines, p.project);
    p.key = title_key(p.project.name);
    forms.push_back(std::move(p));
  }
  if (!d.year.value && !parts.forms.empty()) {
    if (auto year = form_year(range(parts.forms.front().range))) d.year = *year;
  }

  Pairing(narratives, forms).run();
  std::vector<PartProject*> order;
  for (PartProject& f : forms) {
    if (f.partner) merge_narrative(f.project, std::move(narratives[*f.partner].project));
    order.push_back(&f);
  }
  for (PartProject& n : narratives)
    if (!n.partner) order.push_back(&n);
  std::stable_sort(order.begin(), order.end(), [](const PartProject* a, const PartProject* b) {
    return a->position < b->position;
  });
  for (PartProject* p : order) {
    null_unreadable_fields(p->project);
    p->project.seq = static_cast<int>(d.projects.size()) + 1;
    d.projects.push_back(std::move(p->project));
  }
  return d;
}

}  // namespace jixiao
