// Helpers for the form parser tests: hand-made form regions in, parsed Project out.
#pragma once

#include <algorithm>
#include <string>
#include <string_view>
#include <vector>

#include "ingest/form_parser.h"
#include "ingest/normalize.h"
#include "model/declaration.h"

namespace jixiao::form_test {

// Lines as a layout prints them (raw), normalised like the document parser does, numbered from
// `first_number`.
inline std::vector<TextLine> make_lines(const std::vector<std::string>& raw, int first_number = 1) {
  std::vector<TextLine> lines;
  int number = first_number;
  for (const std::string& text : raw) {
    TextLine line;
    line.text = normalize_line(text, line.joined);
    line.number = number++;
    line.page_start = !text.empty() && (text[0] == ' ' || text[0] == '\f');  // as split_lines
    lines.push_back(std::move(line));
  }
  return lines;
}

inline Project parse_lines(const std::vector<std::string>& raw, int first_number = 1) {
  std::vector<TextLine> lines = make_lines(raw, first_number);
  Project project;
  parse_form(lines, project);
  return project;
}

inline const Unreadable* find_unreadable(const Project& p, std::string_view field) {
  auto it = std::find_if(p.unreadable.begin(), p.unreadable.end(),
                         [&](const Unreadable& u) { return u.field == field; });
  return it == p.unreadable.end() ? nullptr : &*it;
}

inline std::string yuan(const Field<Money>& field) {
  return field.value ? field.value->yuan_string() : "null";
}

inline std::string text(const Field<std::string>& field) { return field.value.value_or("null"); }

inline std::string iso(const Field<Date>& field) {
  return field.value ? field.value->iso() : "null";
}

// One line per entry, for failure messages.
inline std::string describe(const std::vector<Unreadable>& entries) {
  std::string out;
  for (const Unreadable& u : entries)
    out += u.field + " [" + std::to_string(u.span.first_line) + "-" +
           std::to_string(u.span.last_line) + "]: " + u.reason + "\n";
  return out;
}

// "l1/l2/name/value" for compact comparisons.
inline std::vector<std::string> rows(const Project& p) {
  std::vector<std::string> out;
  for (const Indicator& i : p.indicators) out.push_back(i.l1 + "/" + i.l2 + "/" + i.name + "/" + i.value);
  return out;
}

}  // namespace jixiao::form_test
