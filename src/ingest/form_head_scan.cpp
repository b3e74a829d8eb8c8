#include "ingest/form_head_scan.h"

#include <algorithm>
#include <array>
#include <bitset>
#include <string>

namespace jixiao::form {
namespace {

bool allowed(FieldLabel label, Phase phase) {
  switch (phase) {
    case Phase::kFields: return true;
    case Phase::kAfterOverallGoal:
      return label == FieldLabel::kAnnualGoal || label == FieldLabel::kGoalsHeader ||
             label == FieldLabel::kTableHeader;
    case Phase::kAfterAnnualGoal: return label == FieldLabel::kTableHeader;
  }
  return false;
}

// The spellings grouped by their first code point, each group in the order of
// field_label_spellings() (longest first), so that the first match of a group is the match of the
// whole list: most stream positions start no label, and are ruled out by one comparison per group.
struct SpellingGroup {
  char32_t first;
  std::vector<const FieldLabelSpelling*> spellings;
};

const std::vector<SpellingGroup>& spelling_groups() {
  static const std::vector<SpellingGroup> groups = [] {
    std::vector<SpellingGroup> out;
    for (const FieldLabelSpelling& spelling : field_label_spellings()) {
      if (spelling.key.empty()) continue;
      auto group = std::find_if(out.begin(), out.end(), [&](const SpellingGroup& g) {
        return g.first == spelling.key.front();
      });
      if (group == out.end()) group = out.insert(out.end(), SpellingGroup{spelling.key.front(), {}});
      group->spellings.push_back(&spelling);
    }
    return out;
  }();
  return groups;
}

// Which BMP code points start some spelling: one bit test rules out nearly every position.
const std::bitset<0x10000>& spelling_starts() {
  static const std::bitset<0x10000> starts = [] {
    std::bitset<0x10000> bits;
    for (const SpellingGroup& group : spelling_groups())
      if (group.first < 0x10000) bits.set(group.first);
    return bits;
  }();
  return starts;
}

}  // namespace

bool matches_at(const std::vector<StreamChar>& stream, std::size_t pos, std::u32string_view key) {
  if (pos + key.size() > stream.size()) return false;
  for (std::size_t k = 0; k < key.size(); ++k)
    if (stream[pos + k].key != key[k]) return false;
  return true;
}

std::optional<Found> match_label(const std::vector<StreamChar>& stream, std::size_t pos, Phase phase) {
  if (pos >= stream.size()) return std::nullopt;
  char32_t first = stream[pos].key;
  if (first < 0x10000 && !spelling_starts().test(first)) return std::nullopt;
  const std::vector<SpellingGroup>& groups = spelling_groups();
  auto group = std::find_if(groups.begin(), groups.end(),
                            [&](const SpellingGroup& g) { return g.first == first; });
  if (group == groups.end()) return std::nullopt;
  for (const FieldLabelSpelling* candidate : group->spellings) {
    const FieldLabelSpelling& spelling = *candidate;
    if (!allowed(spelling.label, phase) || !matches_at(stream, pos, spelling.key)) continue;
    Found found{spelling.label, pos, pos + spelling.key.size(), false};
    found.wan = spelling.key.find(U"万元") != std::u32string::npos;
    return found;
  }
  return std::nullopt;
}

// The first indicator-class label ("产出指标" …) at or after `from`: where the table starts on a
// form that prints no column headers.
// A label of 4 to 9 code points there that classify_table_label names as a class (not a header,
// a vertical caption or a class recognised by its ending) is exactly one of indicator_class_keys().
std::size_t first_class_label(const std::vector<StreamChar>& stream, std::size_t from) {
  const std::vector<std::u32string>& keys = indicator_class_keys();
  for (std::size_t pos = from; pos < stream.size(); ++pos) {
    for (const std::u32string& key : keys)
      if (key.size() >= 4 && key.size() <= 9 && key.front() == stream[pos].key &&
          matches_at(stream, pos, key))
        return pos;
  }
  return stream.size();
}

// Moves the table start back over the vertical caption 绩效指标 printed just before the column
// headers, when the caption starts a token.
std::size_t include_caption(const std::vector<StreamChar>& stream, std::size_t start) {
  for (std::u32string_view caption : {std::u32string_view(U"绩效指标"), std::u32string_view(U"绩效")}) {
    if (start < caption.size()) continue;
    std::size_t at = start - caption.size();
    bool token_start = at == 0 || stream[at - 1].token != stream[at].token;
    if (token_start && matches_at(stream, at, caption)) return at;
  }
  return start;
}

// Head labels a garbled OCR line misspells by one character are still found when the exact
// label is missing and exactly one place in the head reads as it.
void find_garbled_labels(const std::vector<StreamChar>& stream, std::size_t head_end,
                         std::vector<Found>& found) {
  static constexpr std::array<FieldLabel, 12> kValueLabels = {
      FieldLabel::kName,        FieldLabel::kCategory,      FieldLabel::kDepartment,
      FieldLabel::kImplementer, FieldLabel::kStart,         FieldLabel::kEnd,
      FieldLabel::kTotal,       FieldLabel::kFiscal,        FieldLabel::kAnnualTotal,
      FieldLabel::kAppropriation, FieldLabel::kCarryover,   FieldLabel::kAnnualGoal};
  auto covered = [&](std::size_t begin, std::size_t end) {
    for (const Found& f : found)
      if (begin < f.end && f.begin < end) return true;
    return false;
  };
  for (FieldLabel label : kValueLabels) {
    bool present = std::any_of(found.begin(), found.end(),
                               [&](const Found& f) { return f.label == label; });
    if (present) continue;
    std::vector<Found> candidates;
    for (const FieldLabelSpelling& spelling : field_label_spellings()) {
      if (spelling.label != label || spelling.key.size() < 4) continue;
      for (std::size_t pos = 0; pos + spelling.key.size() <= head_end; ++pos) {
        std::size_t mismatches = 0;
        for (std::size_t k = 0; k < spelling.key.size() && mismatches < 2; ++k)
          if (stream[pos + k].key != spelling.key[k]) ++mismatches;
        if (mismatches != 1 || covered(pos, pos + spelling.key.size())) continue;
        bool same_place = std::any_of(candidates.begin(), candidates.end(),
                                      [&](const Found& c) { return c.begin == pos; });
        if (!same_place) candidates.push_back(Found{label, pos, pos + spelling.key.size(), false});
      }
    }
    if (candidates.size() == 1) found.push_back(candidates.front());
  }
  std::sort(found.begin(), found.end(),
            [](const Found& a, const Found& b) { return a.begin < b.begin; });
}

// Skips a period caption printed under 项目总目标: "(2023 年- 2023 年)".
std::size_t skip_period(const std::vector<StreamChar>& stream, std::size_t begin, std::size_t end) {
  if (begin >= end || stream[begin].key != '(') return begin;
  std::size_t digits = 0;
  for (std::size_t k = begin + 1; k < end && k < begin + 24; ++k) {
    char32_t cp = stream[k].key;
    if (cp == ')') return digits >= 4 ? k + 1 : begin;
    bool period_char = (cp >= '0' && cp <= '9') || cp == U'年' || cp == '-' || cp == 0x2014 ||
                       cp == 0x2013 || cp == U'至' || cp == '~' || cp == 0xFF5E;
    if (!period_char) return begin;
    if (cp >= '0' && cp <= '9') ++digits;
  }
  return begin;
}

}  // namespace jixiao::form
