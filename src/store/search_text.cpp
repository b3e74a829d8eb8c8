#include "store/search_text.h"

#include <algorithm>

#include "store/cjk_tokenizer.h"

namespace jixiao::store {

SearchTexts search_texts(const Project& p) {
  SearchTexts t;
  t.name = p.name.value ? *p.name.value : p.narrative_title.value.value_or("");
  t.goal = p.overall_goal.value.value_or("") + "\n" + p.annual_goal.value.value_or("");
  for (const Indicator& i : p.indicators) {
    if (!t.indicator.empty()) t.indicator += "\n";
    t.indicator += i.name + "：" + i.value;
  }
  for (const NarrativeSection& s : p.sections) {
    if (!t.narrative.empty()) t.narrative += "\n";
    t.narrative += s.heading + "\n" + s.text;
  }
  return t;
}

std::vector<std::pair<std::size_t, std::size_t>> find_segments(std::string_view text,
                                                               const std::vector<std::string>& segments) {
  std::vector<TextUnit> units = scan_units(text);
  std::vector<std::pair<std::size_t, std::size_t>> ranges;
  for (const std::string& segment : segments) {
    std::vector<TextUnit> wanted = scan_units(segment);
    if (wanted.empty() || wanted.size() > units.size()) continue;
    for (std::size_t i = 0; i + wanted.size() <= units.size(); ++i) {
      bool match = true;
      for (std::size_t k = 0; k < wanted.size() && match; ++k) {
        match = units[i + k].token == wanted[k].token && (k == 0 || adjacent(units[i + k - 1], units[i + k]));
      }
      if (match) ranges.emplace_back(units[i].begin, units[i + wanted.size() - 1].end);
    }
  }
  std::sort(ranges.begin(), ranges.end());
  std::vector<std::pair<std::size_t, std::size_t>> merged;
  for (const auto& r : ranges) {
    if (!merged.empty() && r.first < merged.back().second) {
      merged.back().second = std::max(merged.back().second, r.second);
    } else {
      merged.push_back(r);
    }
  }
  return merged;
}

namespace {

// Moves back from `pos` to the start of the UTF-8 character containing it.
std::size_t char_start(std::string_view s, std::size_t pos) {
  while (pos > 0 && pos < s.size() && (static_cast<unsigned char>(s[pos]) & 0xC0) == 0x80) --pos;
  return pos;
}

// The byte offset `count` characters before (negative) or after `pos`.
std::size_t step_chars(std::string_view s, std::size_t pos, long count) {
  while (count < 0 && pos > 0) {
    pos = char_start(s, pos - 1);
    ++count;
  }
  while (count > 0 && pos < s.size()) {
    ++pos;
    while (pos < s.size() && (static_cast<unsigned char>(s[pos]) & 0xC0) == 0x80) ++pos;
    --count;
  }
  return pos;
}

std::string one_line(std::string_view s) {
  std::string out(s);
  std::replace(out.begin(), out.end(), '\n', ' ');
  return out;
}

}  // namespace

std::vector<SnippetPart> make_snippet(std::string_view text, const std::vector<std::string>& segments,
                                      std::size_t width) {
  auto ranges = find_segments(text, segments);
  if (ranges.empty()) return {};
  const long before = static_cast<long>(width / 4);
  std::size_t begin = step_chars(text, ranges.front().first, -before);
  std::size_t end = step_chars(text, begin, static_cast<long>(width));
  end = std::max(end, ranges.front().second);
  std::vector<SnippetPart> parts;
  std::size_t at = begin;
  std::string lead = begin > 0 ? "…" : "";
  for (const auto& [first, last] : ranges) {
    if (first >= end) break;
    if (first > at) parts.push_back({lead + one_line(text.substr(at, first - at)), false});
    else if (!lead.empty()) parts.push_back({lead, false});
    lead.clear();
    parts.push_back({one_line(text.substr(first, last - first)), true});
    at = last;
  }
  std::string tail = at < end ? one_line(text.substr(at, end - at)) : std::string();
  if (end < text.size()) tail += "…";
  if (!tail.empty()) parts.push_back({tail, false});
  return parts;
}

}  // namespace jixiao::store
