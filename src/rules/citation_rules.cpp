// CONS-010: the documents the narratives cite (立项依据: 《title》（文号）) must not give one
// document number to two different documents.
#include <fmt/format.h>

#include <map>
#include <set>

#include "rules/common.h"
#include "rules/families.h"
#include "rules/text_util.h"

namespace jixiao::rules {
namespace {

constexpr RuleInfo kCons010{
    "CONS-010", Severity::kWarning, "同一文号对应不同文件",
    "one document number cited for two different documents",
    "88号“可行性”：立项依据应充分、准确",
    "Reads every citation “《title》（文号）” in the document's narratives (the parenthesis must "
    "hold a number ending in 号). When one document number is given to two different titles, the "
    "second citation is reported (with where the first was)."};

struct Citation {
  std::string title, number;
  std::size_t project = 0;
  int section = -1;
};

std::string normalized_number(std::u32string_view n) {
  std::u32string out;
  for (char32_t c : n) {
    if (c == U'[' || c == U'【') c = U'〔';
    if (c == U']' || c == U'】') c = U'〕';
    out.push_back(c);
  }
  return to_utf8(out);
}

std::vector<Citation> citations(const ProjectView& v, std::size_t project) {
  std::vector<Citation> out;
  const Project& p = *v.project;
  for (std::size_t k = 0; k < p.sections.size(); ++k) {
    // A citation opens with 《 (E3 80 8A): most sections have none and need no decoding.
    if (!contains(p.sections[k].text, "《")) continue;
    std::u32string s = compact_u32(p.sections[k].text);
    std::size_t pos = 0;
    while ((pos = s.find(U'《', pos)) != std::u32string::npos) {
      std::size_t close = s.find(U'》', pos);
      if (close == std::u32string::npos) break;
      std::size_t open = close + 1;
      if (open < s.size() && (s[open] == U'（' || s[open] == U'(')) {
        std::size_t end = open + 1;
        while (end < s.size() && s[end] != U'）' && s[end] != U')' && end - open < 40) ++end;
        std::u32string_view number = std::u32string_view(s).substr(open + 1, end - open - 1);
        bool has_digit = false;
        for (char32_t c : number) has_digit = has_digit || is_ascii_digit(c);
        if (end < s.size() && !number.empty() && number.back() == U'号' && has_digit)
          out.push_back({to_utf8(std::u32string_view(s).substr(pos + 1, close - pos - 1)),
                         normalized_number(number), project, static_cast<int>(k)});
      }
      pos = close + 1;
    }
  }
  return out;
}

void check_cons010(const ReviewContext& ctx, Reporter& r) {
  std::map<std::string, Citation> first_by_number;
  std::set<std::pair<std::string, std::string>> reported;
  for (std::size_t pi = 0; pi < ctx.projects.size(); ++pi) {
    for (const Citation& c : citations(ctx.projects[pi], pi)) {
      auto [it, inserted] = first_by_number.emplace(c.number, c);
      if (inserted || it->second.title == c.title) continue;
      if (!reported.insert({c.number, c.title}).second) continue;
      const Citation& first = it->second;
      const ProjectView& v = ctx.projects[pi];
      const ProjectView& w = ctx.projects[first.project];
      Finding& f = r.report(fmt::format("《{}》的文号写作“{}”，与《{}》相同（{}），两份不同文件不能同一文号",
                                        c.title, c.number, first.title,
                                        first.project == pi ? "同一说明" : fmt::format("见项目{}", w.project->seq)),
                            v);
      f.field = "sections";
      f.evidence = {evidence("文号", c.number), evidence("文件一", "《" + first.title + "》"),
                    evidence("文件二", "《" + c.title + "》")};
      add_span(f, section_span(*v.project, c.section));
      if (first.project != pi || first.section != c.section)
        add_span(f, section_span(*w.project, first.section));
    }
  }
}

}  // namespace

void add_citation_rules(std::vector<Rule>& out) { out.push_back({kCons010, nullptr, check_cons010}); }

}  // namespace jixiao::rules
